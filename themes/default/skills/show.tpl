{{%AUTOESCAPE context="HTML"}}
<article class="listing" aria-labelledby="listing-title">
  <p class="badges"><span class="tag">{{KIND_LABEL}}</span> <span class="tag">{{MODE_LABEL}}</span> <span class="tag status-{{STATUS}}">{{STATUS_LABEL}}</span></p>
  <h1 id="listing-title">{{TITLE}}</h1>
  {{#NOT_ACTIVE}}<p class="notice">{{STATUS_NOTICE}}</p>{{/NOT_ACTIVE}}
  <dl class="facts">
    <dt>[[t:skills.field.category]]</dt><dd>{{CATEGORY_LABEL}}</dd>
    <dt>[[t:skills.field.neighbourhood]]</dt><dd>{{NEIGHBOURHOOD_LABEL}}</dd>
    {{#HAS_AVAILABILITY}}<dt>[[t:skills.field.availability]]</dt><dd>{{AVAILABILITY}}</dd>{{/HAS_AVAILABILITY}}
    <dt>[[t:skills.posted_by]]</dt><dd><a href="{{OWNER_URL}}" class="owner-link">{{OWNER_NAME}}</a></dd>
    <dt>[[t:skills.published]]</dt><dd>{{CREATED}}</dd>
    <dt>[[t:skills.expires]]</dt><dd>{{EXPIRES}}</dd>
  </dl>
  <div class="prose">{{DESCRIPTION}}</div>
</article>
{{#OWNER}}
<section class="card" aria-labelledby="owner-title">
  <h2 id="owner-title">[[t:skills.owner_title]]</h2>
  <p><a class="button secondary" href="{{EDIT_URL}}">[[t:skills.edit_link]]</a></p>
  <div class="actions">
    {{#ACTION}}<form method="post" action="{{BASE}}/skills/{{ID}}/status" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="{{ACTION}}"><button type="submit" class="secondary">{{ACTION_LABEL}}</button></form>
    {{/ACTION}}
  </div>
</section>
{{/OWNER}}
{{#LOGIN_TO_ANSWER}}<p class="notice"><a href="{{LOGIN_URL}}">[[t:skills.login_to_answer]]</a></p>{{/LOGIN_TO_ANSWER}}
{{#CAN_ANSWER}}
<section class="card" aria-labelledby="contact-title">
  <h2 id="contact-title">[[t:skills.contact_title]] {{OWNER_NAME}}</h2>
  <form method="post" action="{{BASE}}/conversations">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="subject_type" value="skill">
    <input type="hidden" name="subject_id" value="{{SUBJECT_ID}}">
    <div class="field">
      <label for="f-body">[[t:skills.contact_message]]</label>
      <textarea id="f-body" name="body"></textarea>
    </div>
    <p><button type="submit">[[t:skills.contact_submit]]</button></p>
  </form>
</section>
<section class="card" aria-labelledby="exchange-title">
  <h2 id="exchange-title">[[t:skills.exchange_title]]</h2>
  <p class="hint">{{#I_RECEIVED}}[[t:skills.exchange_hint_received]]{{/I_RECEIVED}}{{#I_GAVE}}[[t:skills.exchange_hint_gave]]{{/I_GAVE}}</p>
  {{#HAS_ERRORS}}
  <div class="notice error" role="alert" aria-labelledby="error-summary-title">
    <h3 id="error-summary-title">[[t:skills.errors_title]]</h3>
    <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
  </div>
  {{/HAS_ERRORS}}
  <form method="post" action="{{BASE}}/skills/{{SUBJECT_ID}}/exchanges" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#ASK_MINUTES}}
    <div class="field{{#MINUTES_ERROR}} has-error{{/MINUTES_ERROR}}">
      <label for="f-minutes">[[t:skills.field.minutes]]</label>
      <p class="hint" id="f-minutes-hint">[[t:skills.minutes_hint]]</p>
      {{#MINUTES_ERROR}}<p class="field-error" id="f-minutes-error">{{MINUTES_ERROR_TEXT}}</p>{{/MINUTES_ERROR}}
      <input type="text" id="f-minutes" name="minutes" value="{{MINUTES_VALUE}}" aria-describedby="f-minutes-hint{{#MINUTES_ERROR}} f-minutes-error{{/MINUTES_ERROR}}"{{#MINUTES_ERROR}} aria-invalid="true"{{/MINUTES_ERROR}}>
    </div>
    {{/ASK_MINUTES}}
    <div class="field{{#NOTE_ERROR}} has-error{{/NOTE_ERROR}}">
      <label for="f-note">[[t:skills.field.note]]</label>
      {{#NOTE_ERROR}}<p class="field-error" id="f-note-error">{{NOTE_ERROR_TEXT}}</p>{{/NOTE_ERROR}}
      <input type="text" id="f-note" name="note" value="{{NOTE_VALUE}}" maxlength="250"{{#NOTE_ERROR}} aria-describedby="f-note-error" aria-invalid="true"{{/NOTE_ERROR}}>
    </div>
    <p><button type="submit">[[t:skills.exchange_submit]]</button></p>
  </form>
</section>
{{/CAN_ANSWER}}
{{#HAS_EXCHANGES}}
<section aria-labelledby="exchanges-title">
  <h2 id="exchanges-title">[[t:skills.exchanges_title]]</h2>
  <ul class="exchanges">
    {{#EXCHANGE}}
    <li class="exchange exchange-{{STATUS}}" id="exchange-{{ID}}">
      <p>[[t:skills.exchange_giver]] {{GIVER_NAME}} · [[t:skills.exchange_receiver]] {{RECEIVER_NAME}}{{#HAS_MINUTES}} · <strong>{{MINUTES}}</strong>{{/HAS_MINUTES}} · <span class="tag">{{STATUS_LABEL}}</span></p>
      {{#HAS_NOTE}}<p class="hint">{{NOTE}}</p>{{/HAS_NOTE}}
      {{#WAITING_OTHER}}<p>[[t:skills.waiting_other]]</p>{{/WAITING_OTHER}}
      <div class="actions">
        {{#CAN_CONFIRM}}<form method="post" action="{{BASE}}/skill-exchanges/{{ID}}/confirm" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">[[t:skills.confirm]]</button></form>{{/CAN_CONFIRM}}
        {{#CAN_CANCEL}}<form method="post" action="{{BASE}}/skill-exchanges/{{ID}}/cancel" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[t:skills.cancel_exchange]]</button></form>{{/CAN_CANCEL}}
        {{#CAN_FEEDBACK}}<a class="button secondary" href="{{FEEDBACK_URL}}">[[t:skills.leave_feedback]]</a>{{/CAN_FEEDBACK}}
      </div>
    </li>
    {{/EXCHANGE}}
  </ul>
</section>
{{/HAS_EXCHANGES}}
