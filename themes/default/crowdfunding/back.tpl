{{%AUTOESCAPE context="HTML"}}
<h1>[[t:cf.back.heading]]</h1>
<p class="lead"><a href="{{CAMPAIGN_URL}}">{{CAMPAIGN_TITLE}}</a></p>
<p>{{FUNDING_TEXT}} — {{DAYS_LEFT_TEXT}}</p>
{{#HAS_ROOM_NOTE}}<p class="notice">{{ROOM_TEXT}}</p>{{/HAS_ROOM_NOTE}}
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:cf.form.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate class="cf-form cf-back-form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="token" value="{{TOKEN_VALUE}}">
  <fieldset class="field{{#REWARD_ERROR}} has-error{{/REWARD_ERROR}}" id="f-reward">
    <legend>[[t:cf.back.reward_legend]]</legend>
    {{#REWARD_ERROR}}<p class="field-error" id="f-reward-error">{{REWARD_ERROR_TEXT}}</p>{{/REWARD_ERROR}}
    <ul class="cf-reward-choices">
      {{#REWARD_OPTION}}
      <li class="{{#DISABLED}}cf-sold-out{{/DISABLED}}">
        <input type="radio" id="f-reward-{{ID}}" name="reward" value="{{VALUE}}"{{#SELECTED}} checked{{/SELECTED}}{{#DISABLED}} disabled{{/DISABLED}}>
        <label class="choice-label" for="f-reward-{{ID}}"><strong>{{TITLE}}</strong> — {{DETAIL}}{{#SOLD_OUT}} — {{SOLD_OUT_TEXT}}{{/SOLD_OUT}}</label>
        {{#HAS_DESCRIPTION}}<p class="hint">{{DESCRIPTION}}</p>{{/HAS_DESCRIPTION}}
      </li>
      {{/REWARD_OPTION}}
    </ul>
  </fieldset>
  <div class="field{{#AMOUNT_ERROR}} has-error{{/AMOUNT_ERROR}}">
    <label for="f-amount">[[t:cf.field.amount]]</label>
    <p class="hint" id="f-amount-hint">{{AMOUNT_HINT}}</p>
    {{#AMOUNT_ERROR}}<p class="field-error" id="f-amount-error">{{AMOUNT_ERROR_TEXT}}</p>{{/AMOUNT_ERROR}}
    <input type="text" inputmode="decimal" id="f-amount" name="amount" value="{{AMOUNT_VALUE}}" class="short" aria-describedby="f-amount-hint{{#AMOUNT_ERROR}} f-amount-error{{/AMOUNT_ERROR}}"{{#AMOUNT_ERROR}} aria-invalid="true"{{/AMOUNT_ERROR}}>
  </div>
  <div class="field">
    <p class="hint" id="f-anonymous-hint">[[t:cf.back.shown_as]] <strong>{{DISPLAY_NAME}}</strong></p>
    <input type="checkbox" id="f-anonymous" name="anonymous" value="1"{{#ANONYMOUS_CHECKED}} checked{{/ANONYMOUS_CHECKED}} aria-describedby="f-anonymous-hint">
    <label class="choice-label" for="f-anonymous">[[t:cf.field.anonymous]]</label>
  </div>
  <div class="field{{#MESSAGE_ERROR}} has-error{{/MESSAGE_ERROR}}">
    <label for="f-message">[[t:cf.field.public_message]]</label>
    {{#MESSAGE_ERROR}}<p class="field-error" id="f-message-error">{{MESSAGE_ERROR_TEXT}}</p>{{/MESSAGE_ERROR}}
    <textarea id="f-message" name="message" rows="3" maxlength="600"{{#MESSAGE_ERROR}} aria-describedby="f-message-error" aria-invalid="true"{{/MESSAGE_ERROR}}>{{MESSAGE_VALUE}}</textarea>
  </div>
  <section class="notice" aria-labelledby="cf-pay-title">
    <h2 id="cf-pay-title">[[t:cf.back.payment]]</h2>
    <p>[[t:cf.back.payment_manual]]</p>
  </section>
  <p><button type="submit">[[t:cf.back.submit]]</button></p>
</form>
