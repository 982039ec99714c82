{{%AUTOESCAPE context="HTML"}}
<h1>{{#CREATING}}[[t:skills.new_title]]{{/CREATING}}{{#EDITING}}[[t:skills.edit_title]]{{/EDITING}}</h1>
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:skills.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="field{{#KIND_ERROR}} has-error{{/KIND_ERROR}}" id="f-kind">
    <legend>[[t:skills.field.kind]]</legend>
    {{#KIND_ERROR}}<p class="field-error">{{KIND_ERROR_TEXT}}</p>{{/KIND_ERROR}}
    {{#KIND_OPTION}}<label class="choice"><input type="radio" name="kind" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>{{/KIND_OPTION}}
  </fieldset>
  <div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
    <label for="f-title">[[t:skills.field.title]]</label>
    <p class="hint" id="f-title-hint">[[t:skills.title_hint]]</p>
    {{#TITLE_ERROR}}<p class="field-error" id="f-title-error">{{TITLE_ERROR_TEXT}}</p>{{/TITLE_ERROR}}
    <input type="text" id="f-title" name="title" value="{{TITLE_VALUE}}" maxlength="150" aria-describedby="f-title-hint{{#TITLE_ERROR}} f-title-error{{/TITLE_ERROR}}"{{#TITLE_ERROR}} aria-invalid="true"{{/TITLE_ERROR}}>
  </div>
  <div class="field{{#DESCRIPTION_ERROR}} has-error{{/DESCRIPTION_ERROR}}">
    <label for="f-description">[[t:skills.field.description]]</label>
    {{#DESCRIPTION_ERROR}}<p class="field-error" id="f-description-error">{{DESCRIPTION_ERROR_TEXT}}</p>{{/DESCRIPTION_ERROR}}
    <textarea id="f-description" name="description"{{#DESCRIPTION_ERROR}} aria-describedby="f-description-error" aria-invalid="true"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION_VALUE}}</textarea>
  </div>
  <div class="field{{#CATEGORY_ERROR}} has-error{{/CATEGORY_ERROR}}">
    <label for="f-category">[[t:skills.field.category]]</label>
    {{#CATEGORY_ERROR}}<p class="field-error" id="f-category-error">{{CATEGORY_ERROR_TEXT}}</p>{{/CATEGORY_ERROR}}
    <select id="f-category" name="category"{{#CATEGORY_ERROR}} aria-describedby="f-category-error" aria-invalid="true"{{/CATEGORY_ERROR}}><option value="">[[t:skills.choose]]</option>{{#CATEGORY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
  </div>
  <div class="field{{#NEIGHBOURHOOD_ERROR}} has-error{{/NEIGHBOURHOOD_ERROR}}">
    <label for="f-neighbourhood">[[t:skills.field.neighbourhood]]</label>
    {{#NEIGHBOURHOOD_ERROR}}<p class="field-error" id="f-neighbourhood-error">{{NEIGHBOURHOOD_ERROR_TEXT}}</p>{{/NEIGHBOURHOOD_ERROR}}
    <select id="f-neighbourhood" name="neighbourhood"{{#NEIGHBOURHOOD_ERROR}} aria-describedby="f-neighbourhood-error" aria-invalid="true"{{/NEIGHBOURHOOD_ERROR}}><option value="">[[t:skills.choose]]</option>{{#NEIGHBOURHOOD_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NEIGHBOURHOOD_OPTION}}</select>
  </div>
  <div class="field{{#AVAILABILITY_ERROR}} has-error{{/AVAILABILITY_ERROR}}">
    <label for="f-availability">[[t:skills.field.availability]]</label>
    <p class="hint" id="f-availability-hint">[[t:skills.availability_hint]]</p>
    {{#AVAILABILITY_ERROR}}<p class="field-error" id="f-availability-error">{{AVAILABILITY_ERROR_TEXT}}</p>{{/AVAILABILITY_ERROR}}
    <input type="text" id="f-availability" name="availability" value="{{AVAILABILITY_VALUE}}" maxlength="250" aria-describedby="f-availability-hint{{#AVAILABILITY_ERROR}} f-availability-error{{/AVAILABILITY_ERROR}}">
  </div>
  <fieldset class="field{{#MODE_ERROR}} has-error{{/MODE_ERROR}}" id="f-mode">
    <legend>[[t:skills.field.mode]]</legend>
    <p class="hint">[[t:skills.mode_hint]]</p>
    {{#MODE_ERROR}}<p class="field-error">{{MODE_ERROR_TEXT}}</p>{{/MODE_ERROR}}
    {{#MODE_OPTION}}<label class="choice"><input type="radio" name="mode" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>{{/MODE_OPTION}}
  </fieldset>
  <p class="hint">[[t:skills.expiry_hint]] {{LISTING_DAYS}}</p>
  <p><button type="submit">{{#CREATING}}[[t:skills.publish]]{{/CREATING}}{{#EDITING}}[[t:skills.save]]{{/EDITING}}</button></p>
</form>
