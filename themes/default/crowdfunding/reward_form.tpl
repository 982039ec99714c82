{{%AUTOESCAPE context="HTML"}}
<h1>{{#CREATING}}[[t:cf.reward_form.new_title]]{{/CREATING}}{{#EDITING}}[[t:cf.reward_form.edit_title]]{{/EDITING}}</h1>
<p class="lead">[[t:cf.reward_form.for]] <a href="{{BACK_URL}}">{{CAMPAIGN_TITLE}}</a></p>
{{#HAS_CLAIMS}}<p class="notice">{{CLAIMED_NOTE}}</p>{{/HAS_CLAIMS}}
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:cf.form.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate class="cf-form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
    <label for="f-title">[[t:cf.field.reward_title]]</label>
    {{#TITLE_ERROR}}<p class="field-error" id="f-title-error">{{TITLE_ERROR_TEXT}}</p>{{/TITLE_ERROR}}
    <input type="text" id="f-title" name="title" value="{{TITLE_VALUE}}" maxlength="200"{{#TITLE_ERROR}} aria-describedby="f-title-error" aria-invalid="true"{{/TITLE_ERROR}}>
  </div>
  <div class="field{{#DESCRIPTION_ERROR}} has-error{{/DESCRIPTION_ERROR}}">
    <label for="f-description">[[t:cf.field.reward_description]]</label>
    {{#DESCRIPTION_ERROR}}<p class="field-error" id="f-description-error">{{DESCRIPTION_ERROR_TEXT}}</p>{{/DESCRIPTION_ERROR}}
    <textarea id="f-description" name="description" rows="4"{{#DESCRIPTION_ERROR}} aria-describedby="f-description-error" aria-invalid="true"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION_VALUE}}</textarea>
  </div>
  <div class="field{{#MIN_AMOUNT_ERROR}} has-error{{/MIN_AMOUNT_ERROR}}">
    <label for="f-min_amount">[[t:cf.field.min_amount]]</label>
    {{#MIN_AMOUNT_ERROR}}<p class="field-error" id="f-min_amount-error">{{MIN_AMOUNT_ERROR_TEXT}}</p>{{/MIN_AMOUNT_ERROR}}
    <input type="text" inputmode="decimal" id="f-min_amount" name="min_amount" value="{{MIN_AMOUNT_VALUE}}" class="short"{{#MIN_AMOUNT_ERROR}} aria-describedby="f-min_amount-error" aria-invalid="true"{{/MIN_AMOUNT_ERROR}}>
  </div>
  <div class="field{{#LIMIT_ERROR}} has-error{{/LIMIT_ERROR}}">
    <label for="f-limit">[[t:cf.field.limit]]</label>
    <p class="hint" id="f-limit-hint">[[t:cf.hint.limit]]</p>
    {{#LIMIT_ERROR}}<p class="field-error" id="f-limit-error">{{LIMIT_ERROR_TEXT}}</p>{{/LIMIT_ERROR}}
    <input type="text" inputmode="numeric" id="f-limit" name="limit" value="{{LIMIT_VALUE}}" class="short" aria-describedby="f-limit-hint{{#LIMIT_ERROR}} f-limit-error{{/LIMIT_ERROR}}"{{#LIMIT_ERROR}} aria-invalid="true"{{/LIMIT_ERROR}}>
  </div>
  <div class="field{{#DELIVERY_ERROR}} has-error{{/DELIVERY_ERROR}}">
    <label for="f-delivery">[[t:cf.field.delivery]]</label>
    {{#DELIVERY_ERROR}}<p class="field-error" id="f-delivery-error">{{DELIVERY_ERROR_TEXT}}</p>{{/DELIVERY_ERROR}}
    <input type="date" id="f-delivery" name="delivery" value="{{DELIVERY_VALUE}}" class="short"{{#DELIVERY_ERROR}} aria-describedby="f-delivery-error" aria-invalid="true"{{/DELIVERY_ERROR}}>
  </div>
  <p><button type="submit">[[t:cf.reward_form.save]]</button> <a href="{{BACK_URL}}">[[t:cf.form.cancel]]</a></p>
</form>
