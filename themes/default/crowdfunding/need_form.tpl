{{%AUTOESCAPE context="HTML"}}
<h1>{{#CREATING}}[[t:cf.need_form.title]]{{/CREATING}}{{#EDITING}}[[t:cf.need_form.edit_title]]{{/EDITING}}</h1>
<p class="lead">[[t:cf.reward_form.for]] <a href="{{BACK_URL}}">{{CAMPAIGN_TITLE}}</a></p>
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:cf.form.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate class="cf-form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#KIND_ERROR}} has-error{{/KIND_ERROR}}">
    <label for="f-kind">[[t:cf.field.kind]]</label>
    {{#KIND_ERROR}}<p class="field-error" id="f-kind-error">{{KIND_ERROR_TEXT}}</p>{{/KIND_ERROR}}
    <select id="f-kind" name="kind"{{#KIND_ERROR}} aria-describedby="f-kind-error" aria-invalid="true"{{/KIND_ERROR}}><option value="">[[t:cf.form.choose]]</option>{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
  </div>
  <div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
    <label for="f-title">[[t:cf.field.need_title]]</label>
    {{#TITLE_ERROR}}<p class="field-error" id="f-title-error">{{TITLE_ERROR_TEXT}}</p>{{/TITLE_ERROR}}
    <input type="text" id="f-title" name="title" value="{{TITLE_VALUE}}" maxlength="200"{{#TITLE_ERROR}} aria-describedby="f-title-error" aria-invalid="true"{{/TITLE_ERROR}}>
  </div>
  <div class="field{{#DESCRIPTION_ERROR}} has-error{{/DESCRIPTION_ERROR}}">
    <label for="f-description">[[t:cf.field.need_description]]</label>
    {{#DESCRIPTION_ERROR}}<p class="field-error" id="f-description-error">{{DESCRIPTION_ERROR_TEXT}}</p>{{/DESCRIPTION_ERROR}}
    <textarea id="f-description" name="description" rows="4"{{#DESCRIPTION_ERROR}} aria-describedby="f-description-error" aria-invalid="true"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION_VALUE}}</textarea>
  </div>
  <div class="field{{#QUANTITY_ERROR}} has-error{{/QUANTITY_ERROR}}">
    <label for="f-quantity">[[t:cf.field.quantity]]</label>
    <p class="hint" id="f-quantity-hint">[[t:cf.hint.need_quantity]]</p>
    {{#QUANTITY_ERROR}}<p class="field-error" id="f-quantity-error">{{QUANTITY_ERROR_TEXT}}</p>{{/QUANTITY_ERROR}}
    <input type="text" inputmode="numeric" id="f-quantity" name="quantity" value="{{QUANTITY_VALUE}}" class="short" aria-describedby="f-quantity-hint{{#QUANTITY_ERROR}} f-quantity-error{{/QUANTITY_ERROR}}"{{#QUANTITY_ERROR}} aria-invalid="true"{{/QUANTITY_ERROR}}>
  </div>
  <fieldset>
    <legend>[[t:cf.field.need_dates]]</legend>
    <p class="hint" id="f-needed-dates-hint">[[t:cf.hint.need_dates]]</p>
    <div class="field{{#NEEDED_FROM_ERROR}} has-error{{/NEEDED_FROM_ERROR}}">
      <label for="f-needed_from">[[t:cf.field.needed_from]]</label>
      {{#NEEDED_FROM_ERROR}}<p class="field-error" id="f-needed_from-error">{{NEEDED_FROM_ERROR_TEXT}}</p>{{/NEEDED_FROM_ERROR}}
      <input type="date" id="f-needed_from" name="needed_from" value="{{NEEDED_FROM_VALUE}}" min="{{MIN_DATE}}" class="short" aria-describedby="f-needed-dates-hint{{#NEEDED_FROM_ERROR}} f-needed_from-error{{/NEEDED_FROM_ERROR}}"{{#NEEDED_FROM_ERROR}} aria-invalid="true"{{/NEEDED_FROM_ERROR}}>
    </div>
    <div class="field{{#NEEDED_UNTIL_ERROR}} has-error{{/NEEDED_UNTIL_ERROR}}">
      <label for="f-needed_until">[[t:cf.field.needed_until]]</label>
      {{#NEEDED_UNTIL_ERROR}}<p class="field-error" id="f-needed_until-error">{{NEEDED_UNTIL_ERROR_TEXT}}</p>{{/NEEDED_UNTIL_ERROR}}
      <input type="date" id="f-needed_until" name="needed_until" value="{{NEEDED_UNTIL_VALUE}}" min="{{MIN_DATE}}" class="short" aria-describedby="f-needed-dates-hint{{#NEEDED_UNTIL_ERROR}} f-needed_until-error{{/NEEDED_UNTIL_ERROR}}"{{#NEEDED_UNTIL_ERROR}} aria-invalid="true"{{/NEEDED_UNTIL_ERROR}}>
    </div>
  </fieldset>
  <p><button type="submit">[[t:cf.need_form.save]]</button> <a href="{{BACK_URL}}">[[t:cf.form.cancel]]</a></p>
</form>
