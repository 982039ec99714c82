{{%AUTOESCAPE context="HTML"}}
<h1>[[t:exchange.loan.heading]] <a href="{{ITEM_URL}}">{{ITEM_TITLE}}</a></h1>
<p class="badges"><span class="tag loan-{{LOAN_STATUS}} loan-status">{{LOAN_STATUS_LABEL}}</span>{{#FROM_NEED}} <span class="tag">[[t:exchange.loan.from_need]]</span>{{/FROM_NEED}}</p>
<dl class="facts">
  <dt>[[t:exchange.loan.dates]]</dt><dd>{{FROM}} – {{TO}}</dd>
  <dt>[[t:exchange.loan.lender]]</dt><dd><a href="{{LENDER_URL}}">{{LENDER_NAME}}</a></dd>
  <dt>[[t:exchange.loan.borrower]]</dt><dd><a href="{{BORROWER_URL}}">{{BORROWER_NAME}}</a></dd>
  {{#HAS_SOURCE}}<dt>[[t:exchange.loan.source]]</dt><dd><a href="{{SOURCE_URL}}">{{SOURCE_TITLE}}</a></dd>{{/HAS_SOURCE}}
  {{#HAS_MESSAGE}}<dt>[[t:exchange.loan.message]]</dt><dd class="prose">{{MESSAGE}}</dd>{{/HAS_MESSAGE}}
  {{#HAS_HANDOVER_NOTE}}<dt>[[t:exchange.loan.handover_note]]</dt><dd class="prose">{{HANDOVER_NOTE}}</dd>{{/HAS_HANDOVER_NOTE}}
  {{#HAS_RETURN_NOTE}}<dt>[[t:exchange.loan.return_note]]</dt><dd class="prose">{{RETURN_NOTE}}</dd>{{/HAS_RETURN_NOTE}}
</dl>
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:exchange.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<section class="card" aria-labelledby="loan-actions">
  <h2 id="loan-actions">[[t:exchange.loan.actions]]</h2>
  <div class="actions">
    {{#CAN_ACCEPT}}<form method="post" action="{{BASE}}/loans/{{LOAN_ID}}/accept" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">[[t:exchange.loan.accept]]</button></form>{{/CAN_ACCEPT}}
    {{#CAN_DECLINE}}<form method="post" action="{{BASE}}/loans/{{LOAN_ID}}/decline" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[t:exchange.loan.decline]]</button></form>{{/CAN_DECLINE}}
    {{#CAN_CANCEL}}<form method="post" action="{{BASE}}/loans/{{LOAN_ID}}/cancel" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[t:exchange.loan.cancel]]</button></form>{{/CAN_CANCEL}}
  </div>
  {{#CAN_HANDOVER}}
  <form method="post" action="{{BASE}}/loans/{{LOAN_ID}}/handover">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#NOTE_ERROR}} has-error{{/NOTE_ERROR}}">
      <label for="f-note">[[t:exchange.loan.condition_out]]</label>
      {{#NOTE_ERROR}}<p class="field-error" id="f-note-error">{{NOTE_ERROR_TEXT}}</p>{{/NOTE_ERROR}}
      <textarea id="f-note" name="note" maxlength="500"{{#NOTE_ERROR}} aria-describedby="f-note-error" aria-invalid="true"{{/NOTE_ERROR}}>{{NOTE_VALUE}}</textarea>
    </div>
    <p><button type="submit">[[t:exchange.loan.handover]]</button></p>
  </form>
  {{/CAN_HANDOVER}}
  {{#CAN_RETURN}}
  <form method="post" action="{{BASE}}/loans/{{LOAN_ID}}/return">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#NOTE_ERROR}} has-error{{/NOTE_ERROR}}">
      <label for="f-note">[[t:exchange.loan.condition_back]]</label>
      {{#NOTE_ERROR}}<p class="field-error" id="f-note-error">{{NOTE_ERROR_TEXT}}</p>{{/NOTE_ERROR}}
      <textarea id="f-note" name="note" maxlength="500"{{#NOTE_ERROR}} aria-describedby="f-note-error" aria-invalid="true"{{/NOTE_ERROR}}>{{NOTE_VALUE}}</textarea>
    </div>
    <p><button type="submit">[[t:exchange.loan.return]]</button></p>
  </form>
  {{/CAN_RETURN}}
  {{#CAN_FEEDBACK}}<p><a class="button secondary" href="{{FEEDBACK_URL}}">[[t:exchange.leave_feedback]]</a></p>{{/CAN_FEEDBACK}}
</section>
<section class="card" aria-labelledby="loan-talk">
  <h2 id="loan-talk">[[t:exchange.loan.talk]]</h2>
  <form method="post" action="{{BASE}}/conversations">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="subject_type" value="loan">
    <input type="hidden" name="subject_id" value="{{LOAN_ID}}">
    <div class="field">
      <label for="f-body">[[t:exchange.contact_message]]</label>
      <textarea id="f-body" name="body"></textarea>
    </div>
    <p><button type="submit">[[t:exchange.contact_submit]]</button></p>
  </form>
</section>
