{{%AUTOESCAPE context="HTML"}}
<h1>[[t:cf.offer_form.heading]]</h1>
<p class="lead">[[t:cf.offer_form.for]] <a href="{{CAMPAIGN_URL}}">{{CAMPAIGN_TITLE}}</a></p>
<section class="card" aria-labelledby="cf-need-title">
  <h2 id="cf-need-title">{{NEED_TITLE}} <span class="tag">{{NEED_KIND}}</span></h2>
  <p>{{NEED_DESCRIPTION}}</p>
  {{#HAS_NEED_DATES}}<p class="cf-need-dates">{{NEED_DATES}}</p>{{/HAS_NEED_DATES}}
  <p>{{NEED_PROGRESS}}</p>
</section>
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:cf.form.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate class="cf-form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#MESSAGE_ERROR}} has-error{{/MESSAGE_ERROR}}">
    <label for="f-message">[[t:cf.field.offer_message]]</label>
    <p class="hint" id="f-message-hint">[[t:cf.hint.offer_message]]</p>
    {{#MESSAGE_ERROR}}<p class="field-error" id="f-message-error">{{MESSAGE_ERROR_TEXT}}</p>{{/MESSAGE_ERROR}}
    <textarea id="f-message" name="message" rows="5" aria-describedby="f-message-hint{{#MESSAGE_ERROR}} f-message-error{{/MESSAGE_ERROR}}"{{#MESSAGE_ERROR}} aria-invalid="true"{{/MESSAGE_ERROR}}>{{MESSAGE_VALUE}}</textarea>
  </div>
  <div class="field{{#QUANTITY_ERROR}} has-error{{/QUANTITY_ERROR}}">
    <label for="f-quantity">[[t:cf.field.offer_quantity]]</label>
    {{#QUANTITY_ERROR}}<p class="field-error" id="f-quantity-error">{{QUANTITY_ERROR_TEXT}}</p>{{/QUANTITY_ERROR}}
    <input type="text" inputmode="numeric" id="f-quantity" name="quantity" value="{{QUANTITY_VALUE}}" class="short"{{#QUANTITY_ERROR}} aria-describedby="f-quantity-error" aria-invalid="true"{{/QUANTITY_ERROR}}>
  </div>
  {{#HAS_LINKS}}
  <div class="field{{#LINK_ERROR}} has-error{{/LINK_ERROR}}">
    <label for="f-link">[[t:cf.field.link]]</label>
    <p class="hint" id="f-link-hint">[[t:cf.hint.link]]{{#HAS_NEED_DATES}} [[t:cf.hint.link_item_dates]]{{/HAS_NEED_DATES}}{{#NO_NEED_DATES}} [[t:cf.hint.link_no_dates]]{{/NO_NEED_DATES}}</p>
    {{#LINK_ERROR}}<p class="field-error" id="f-link-error">{{LINK_ERROR_TEXT}}</p>{{/LINK_ERROR}}
    <select id="f-link" name="link" aria-describedby="f-link-hint{{#LINK_ERROR}} f-link-error{{/LINK_ERROR}}"{{#LINK_ERROR}} aria-invalid="true"{{/LINK_ERROR}}>{{#LINK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LINK_OPTION}}</select>
  </div>
  {{/HAS_LINKS}}
  <p><button type="submit">[[t:cf.offer_form.send]]</button> <a href="{{CAMPAIGN_URL}}">[[t:cf.form.cancel]]</a></p>
</form>
