{{%AUTOESCAPE context="HTML"}}
<article class="listing" aria-labelledby="item-title">
  <p class="badges"><span class="tag">{{KIND_LABEL}}</span> <span class="tag">{{CONDITION_LABEL}}</span> <span class="tag status-{{STATUS}}">{{STATUS_LABEL}}</span></p>
  <h1 id="item-title">{{TITLE}}</h1>
  {{#NOT_ACTIVE}}<p class="notice">{{STATUS_NOTICE}}</p>{{/NOT_ACTIVE}}
  {{#HAS_PARTNER_DONE}}<p class="notice">[[t:exchange.done_with]] <a href="{{PARTNER_URL}}">{{PARTNER_NAME}}</a></p>{{/HAS_PARTNER_DONE}}
  {{#HAS_PHOTO}}<p><img class="photo" src="{{PHOTO_URL}}" alt="[[t:exchange.photo_of]] {{TITLE}}"></p>{{/HAS_PHOTO}}
  <dl class="facts">
    <dt>[[t:exchange.field.category]]</dt><dd>{{CATEGORY_LABEL}}</dd>
    <dt>[[t:exchange.field.neighbourhood]]</dt><dd>{{NEIGHBOURHOOD_LABEL}}</dd>
    <dt>[[t:exchange.posted_by]]</dt><dd><a href="{{OWNER_URL}}" class="owner-link">{{OWNER_NAME}}</a></dd>
    <dt>[[t:exchange.published]]</dt><dd>{{CREATED}}</dd>
    <dt>[[t:exchange.expires]]</dt><dd>{{EXPIRES}}</dd>
  </dl>
  <div class="prose">{{DESCRIPTION}}</div>
</article>
{{#CALENDAR}}
<section class="card" aria-labelledby="calendar-title">
  <h2 id="calendar-title">[[t:exchange.calendar_title]]</h2>
  {{#NO_BOOKED}}<p>[[t:exchange.calendar_free]]</p>{{/NO_BOOKED}}
  {{#HAS_BOOKED}}<ul class="calendar">{{#BOOKED}}<li>[[t:exchange.booked_from]] {{FROM}} [[t:exchange.booked_to]] {{TO}}</li>{{/BOOKED}}</ul>{{/HAS_BOOKED}}
</section>
{{/CALENDAR}}
{{#OWNER}}
<section class="card" aria-labelledby="owner-title">
  <h2 id="owner-title">[[t:exchange.owner_title]]</h2>
  <p><a class="button secondary" href="{{EDIT_URL}}">[[t:exchange.edit_link]]</a></p>
  <div class="actions">
    {{#ACTION}}<form method="post" action="{{BASE}}/exchange/{{ID}}/status" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="{{ACTION}}"><button type="submit" class="secondary">{{ACTION_LABEL}}</button></form>
    {{/ACTION}}
  </div>
  {{#CAN_DONE}}
  <h3 id="done-title">[[t:exchange.done_title]]</h3>
  {{#NO_PARTNER}}<p class="hint">[[t:exchange.done_no_partner]]</p>{{/NO_PARTNER}}
  {{#HAS_PARTNER}}
  {{#HAS_ERRORS}}<div class="notice error" role="alert"><ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul></div>{{/HAS_ERRORS}}
  <form method="post" action="{{BASE}}/exchange/{{ID}}/done">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field">
      <label for="f-partner">[[t:exchange.field.partner]]</label>
      <select id="f-partner" name="partner">{{#PARTNER_OPTION}}<option value="{{CODE}}">{{LABEL}}</option>{{/PARTNER_OPTION}}</select>
    </div>
    <p><button type="submit">[[t:exchange.done_submit]]</button></p>
  </form>
  {{/HAS_PARTNER}}
  {{/CAN_DONE}}
  {{#HAS_LOANS}}
  <h3>[[t:exchange.loans_title]]</h3>
  <ul class="loans">
    {{#LOAN}}<li><a href="{{LOAN_URL}}">{{FROM}} – {{TO}}</a> · {{BORROWER_NAME}} · <span class="tag loan-{{LOAN_STATUS}}">{{LOAN_STATUS_LABEL}}</span>{{#FROM_NEED}} <span class="tag">[[t:exchange.loan.from_need]]</span>{{/FROM_NEED}}</li>{{/LOAN}}
  </ul>
  {{/HAS_LOANS}}
</section>
{{/OWNER}}
{{#LOGIN_TO_ANSWER}}<p class="notice"><a href="{{LOGIN_URL}}">[[t:exchange.login_to_answer]]</a></p>{{/LOGIN_TO_ANSWER}}
{{#HAS_MY_LOANS}}
<section class="card" aria-labelledby="my-loans-title">
  <h2 id="my-loans-title">[[t:exchange.my_loans_title]]</h2>
  <ul class="loans">{{#MY_LOAN}}<li><a href="{{LOAN_URL}}">{{FROM}} – {{TO}}</a> · <span class="tag loan-{{LOAN_STATUS}}">{{LOAN_STATUS_LABEL}}</span></li>{{/MY_LOAN}}</ul>
</section>
{{/HAS_MY_LOANS}}
{{#CAN_ANSWER}}
<section class="card" aria-labelledby="contact-title">
  <h2 id="contact-title">[[t:exchange.contact_title]] {{OWNER_NAME}}</h2>
  <form method="post" action="{{BASE}}/conversations">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="subject_type" value="item">
    <input type="hidden" name="subject_id" value="{{SUBJECT_ID}}">
    <div class="field">
      <label for="f-body">[[t:exchange.contact_message]]</label>
      <textarea id="f-body" name="body"></textarea>
    </div>
    <p><button type="submit">[[t:exchange.contact_submit]]</button></p>
  </form>
</section>
{{#CAN_BORROW}}
<section class="card" aria-labelledby="borrow-title">
  <h2 id="borrow-title">[[t:exchange.borrow_title]]</h2>
  {{#HAS_ERRORS}}
  <div class="notice error" role="alert" aria-labelledby="error-summary-title">
    <h3 id="error-summary-title">[[t:exchange.errors_title]]</h3>
    <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
  </div>
  {{/HAS_ERRORS}}
  <form method="post" action="{{BASE}}/exchange/{{SUBJECT_ID}}/loans" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#START_ERROR}} has-error{{/START_ERROR}}">
      <label for="f-start">[[t:exchange.field.start]]</label>
      {{#START_ERROR}}<p class="field-error" id="f-start-error">{{START_ERROR_TEXT}}</p>{{/START_ERROR}}
      <input type="date" id="f-start" name="start" value="{{START_VALUE}}" min="{{MIN_DATE}}"{{#START_ERROR}} aria-describedby="f-start-error" aria-invalid="true"{{/START_ERROR}}>
    </div>
    <div class="field{{#END_ERROR}} has-error{{/END_ERROR}}">
      <label for="f-end">[[t:exchange.field.end]]</label>
      {{#END_ERROR}}<p class="field-error" id="f-end-error">{{END_ERROR_TEXT}}</p>{{/END_ERROR}}
      <input type="date" id="f-end" name="end" value="{{END_VALUE}}" min="{{MIN_DATE}}"{{#END_ERROR}} aria-describedby="f-end-error" aria-invalid="true"{{/END_ERROR}}>
    </div>
    <div class="field{{#MESSAGE_ERROR}} has-error{{/MESSAGE_ERROR}}">
      <label for="f-message">[[t:exchange.field.message]]</label>
      {{#MESSAGE_ERROR}}<p class="field-error" id="f-message-error">{{MESSAGE_ERROR_TEXT}}</p>{{/MESSAGE_ERROR}}
      <textarea id="f-message" name="message" maxlength="500"{{#MESSAGE_ERROR}} aria-describedby="f-message-error" aria-invalid="true"{{/MESSAGE_ERROR}}>{{MESSAGE_VALUE}}</textarea>
    </div>
    <p><button type="submit">[[t:exchange.borrow_submit]]</button></p>
  </form>
</section>
{{/CAN_BORROW}}
{{/CAN_ANSWER}}
