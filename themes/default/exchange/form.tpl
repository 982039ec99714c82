{{%AUTOESCAPE context="HTML"}}
<h1>{{#CREATING}}[[t:exchange.new_title]]{{/CREATING}}{{#EDITING}}[[t:exchange.edit_title]]{{/EDITING}}</h1>
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:exchange.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <fieldset class="field{{#KIND_ERROR}} has-error{{/KIND_ERROR}}" id="f-kind">
    <legend>[[t:exchange.field.kind]]</legend>
    {{#KIND_ERROR}}<p class="field-error">{{KIND_ERROR_TEXT}}</p>{{/KIND_ERROR}}
    {{#KIND_OPTION}}<label class="choice"><input type="radio" name="kind" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>{{/KIND_OPTION}}
  </fieldset>
  <div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
    <label for="f-title">[[t:exchange.field.title]]</label>
    {{#TITLE_ERROR}}<p class="field-error" id="f-title-error">{{TITLE_ERROR_TEXT}}</p>{{/TITLE_ERROR}}
    <input type="text" id="f-title" name="title" value="{{TITLE_VALUE}}" maxlength="150"{{#TITLE_ERROR}} aria-describedby="f-title-error" aria-invalid="true"{{/TITLE_ERROR}}>
  </div>
  <div class="field{{#DESCRIPTION_ERROR}} has-error{{/DESCRIPTION_ERROR}}">
    <label for="f-description">[[t:exchange.field.description]]</label>
    {{#DESCRIPTION_ERROR}}<p class="field-error" id="f-description-error">{{DESCRIPTION_ERROR_TEXT}}</p>{{/DESCRIPTION_ERROR}}
    <textarea id="f-description" name="description"{{#DESCRIPTION_ERROR}} aria-describedby="f-description-error" aria-invalid="true"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION_VALUE}}</textarea>
  </div>
  <div class="field{{#CATEGORY_ERROR}} has-error{{/CATEGORY_ERROR}}">
    <label for="f-category">[[t:exchange.field.category]]</label>
    {{#CATEGORY_ERROR}}<p class="field-error" id="f-category-error">{{CATEGORY_ERROR_TEXT}}</p>{{/CATEGORY_ERROR}}
    <select id="f-category" name="category"{{#CATEGORY_ERROR}} aria-describedby="f-category-error" aria-invalid="true"{{/CATEGORY_ERROR}}><option value="">[[t:exchange.choose]]</option>{{#CATEGORY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
  </div>
  <div class="field{{#CONDITION_ERROR}} has-error{{/CONDITION_ERROR}}">
    <label for="f-condition">[[t:exchange.field.condition]]</label>
    {{#CONDITION_ERROR}}<p class="field-error" id="f-condition-error">{{CONDITION_ERROR_TEXT}}</p>{{/CONDITION_ERROR}}
    <select id="f-condition" name="condition"{{#CONDITION_ERROR}} aria-describedby="f-condition-error" aria-invalid="true"{{/CONDITION_ERROR}}>{{#CONDITION_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CONDITION_OPTION}}</select>
  </div>
  <div class="field{{#NEIGHBOURHOOD_ERROR}} has-error{{/NEIGHBOURHOOD_ERROR}}">
    <label for="f-neighbourhood">[[t:exchange.field.neighbourhood]]</label>
    {{#NEIGHBOURHOOD_ERROR}}<p class="field-error" id="f-neighbourhood-error">{{NEIGHBOURHOOD_ERROR_TEXT}}</p>{{/NEIGHBOURHOOD_ERROR}}
    <select id="f-neighbourhood" name="neighbourhood"{{#NEIGHBOURHOOD_ERROR}} aria-describedby="f-neighbourhood-error" aria-invalid="true"{{/NEIGHBOURHOOD_ERROR}}><option value="">[[t:exchange.choose]]</option>{{#NEIGHBOURHOOD_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NEIGHBOURHOOD_OPTION}}</select>
  </div>
  <div class="field{{#PHOTO_ERROR}} has-error{{/PHOTO_ERROR}}">
    <label for="f-photo">[[t:exchange.field.photo]]</label>
    <p class="hint" id="f-photo-hint">[[t:exchange.photo_hint]] {{MAX_PHOTO_MB}} [[t:exchange.megabytes]]</p>
    {{#PHOTO_AGAIN}}<p class="hint">[[t:exchange.photo_again]]</p>{{/PHOTO_AGAIN}}
    {{#PHOTO_ERROR}}<p class="field-error" id="f-photo-error">{{PHOTO_ERROR_TEXT}}</p>{{/PHOTO_ERROR}}
    <input type="file" id="f-photo" name="photo" accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby="f-photo-hint{{#PHOTO_ERROR}} f-photo-error{{/PHOTO_ERROR}}"{{#PHOTO_ERROR}} aria-invalid="true"{{/PHOTO_ERROR}}>
    {{#HAS_PHOTO}}<p><img class="thumb" src="{{PHOTO_URL}}" alt="[[t:exchange.current_photo]]" width="96" height="96"></p>
    <label class="choice"><input type="checkbox" name="remove_photo" value="1"> [[t:exchange.remove_photo]]</label>{{/HAS_PHOTO}}
  </div>
  <p><button type="submit">{{#CREATING}}[[t:exchange.publish]]{{/CREATING}}{{#EDITING}}[[t:exchange.save]]{{/EDITING}}</button></p>
</form>
