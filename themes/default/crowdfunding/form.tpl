{{%AUTOESCAPE context="HTML"}}
<h1>{{#CREATING}}[[t:cf.form.new_title]]{{/CREATING}}{{#EDITING}}[[t:cf.form.edit_title]]{{/EDITING}}</h1>
{{#CREATING}}<p class="lead">[[t:cf.form.intro]]</p>{{/CREATING}}
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:cf.form.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" novalidate class="cf-form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
    <label for="f-title">[[t:cf.field.title]]</label>
    <p class="hint" id="f-title-hint">[[t:cf.hint.title]]</p>
    {{#TITLE_ERROR}}<p class="field-error" id="f-title-error">{{TITLE_ERROR_TEXT}}</p>{{/TITLE_ERROR}}
    <input type="text" id="f-title" name="title" value="{{TITLE_VALUE}}" maxlength="200" aria-describedby="f-title-hint{{#TITLE_ERROR}} f-title-error{{/TITLE_ERROR}}"{{#TITLE_ERROR}} aria-invalid="true"{{/TITLE_ERROR}}>
  </div>
  <div class="field{{#SUMMARY_ERROR}} has-error{{/SUMMARY_ERROR}}">
    <label for="f-summary">[[t:cf.field.summary]]</label>
    <p class="hint" id="f-summary-hint">[[t:cf.hint.summary]]</p>
    {{#SUMMARY_ERROR}}<p class="field-error" id="f-summary-error">{{SUMMARY_ERROR_TEXT}}</p>{{/SUMMARY_ERROR}}
    <textarea id="f-summary" name="summary" rows="3" class="short" aria-describedby="f-summary-hint{{#SUMMARY_ERROR}} f-summary-error{{/SUMMARY_ERROR}}"{{#SUMMARY_ERROR}} aria-invalid="true"{{/SUMMARY_ERROR}}>{{SUMMARY_VALUE}}</textarea>
  </div>
  <div class="field{{#DESCRIPTION_ERROR}} has-error{{/DESCRIPTION_ERROR}}">
    <label for="f-description">[[t:cf.field.description]]</label>
    <p class="hint" id="f-description-hint">[[t:cf.hint.description]]</p>
    {{#DESCRIPTION_ERROR}}<p class="field-error" id="f-description-error">{{DESCRIPTION_ERROR_TEXT}}</p>{{/DESCRIPTION_ERROR}}
    <textarea id="f-description" name="description" rows="12" aria-describedby="f-description-hint{{#DESCRIPTION_ERROR}} f-description-error{{/DESCRIPTION_ERROR}}"{{#DESCRIPTION_ERROR}} aria-invalid="true"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION_VALUE}}</textarea>
  </div>
  <div class="field{{#NEIGHBOURHOOD_ERROR}} has-error{{/NEIGHBOURHOOD_ERROR}}">
    <label for="f-neighbourhood">[[t:cf.field.neighbourhood]]</label>
    {{#NEIGHBOURHOOD_ERROR}}<p class="field-error" id="f-neighbourhood-error">{{NEIGHBOURHOOD_ERROR_TEXT}}</p>{{/NEIGHBOURHOOD_ERROR}}
    <select id="f-neighbourhood" name="neighbourhood"{{#NEIGHBOURHOOD_ERROR}} aria-describedby="f-neighbourhood-error" aria-invalid="true"{{/NEIGHBOURHOOD_ERROR}}><option value="">[[t:cf.form.choose]]</option>{{#NEIGHBOURHOOD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NEIGHBOURHOOD_OPTION}}</select>
  </div>
  <div class="field{{#THEME_ERROR}} has-error{{/THEME_ERROR}}">
    <label for="f-theme">[[t:cf.field.theme]]</label>
    {{#THEME_ERROR}}<p class="field-error" id="f-theme-error">{{THEME_ERROR_TEXT}}</p>{{/THEME_ERROR}}
    <select id="f-theme" name="theme"{{#THEME_ERROR}} aria-describedby="f-theme-error" aria-invalid="true"{{/THEME_ERROR}}><option value="">[[t:cf.form.choose]]</option>{{#THEME_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/THEME_OPTION}}</select>
  </div>
  {{#FROZEN}}
  <div class="notice">
    <p>[[t:cf.form.frozen]]</p>
    <p>{{GOAL}} · {{MODEL_LABEL}} · {{DURATION}} [[t:cf.review.days]]</p>
  </div>
  {{/FROZEN}}
  {{#OPEN_MONEY}}
  <div class="field{{#GOAL_ERROR}} has-error{{/GOAL_ERROR}}">
    <label for="f-goal">[[t:cf.field.goal]]</label>
    <p class="hint" id="f-goal-hint">{{GOAL_HINT}}</p>
    {{#GOAL_ERROR}}<p class="field-error" id="f-goal-error">{{GOAL_ERROR_TEXT}}</p>{{/GOAL_ERROR}}
    <input type="text" inputmode="decimal" id="f-goal" name="goal" value="{{GOAL_VALUE}}" class="short" aria-describedby="f-goal-hint{{#GOAL_ERROR}} f-goal-error{{/GOAL_ERROR}}"{{#GOAL_ERROR}} aria-invalid="true"{{/GOAL_ERROR}}>
  </div>
  <fieldset class="field{{#FUNDING_MODEL_ERROR}} has-error{{/FUNDING_MODEL_ERROR}}" id="f-funding_model">
    <legend>[[t:cf.field.funding_model]]</legend>
    <p class="hint">[[t:cf.hint.model]]</p>
    {{#FUNDING_MODEL_ERROR}}<p class="field-error">{{FUNDING_MODEL_ERROR_TEXT}}</p>{{/FUNDING_MODEL_ERROR}}
    {{#MODEL_OPTION}}<label class="choice"><input type="radio" name="funding_model" value="{{VALUE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>{{/MODEL_OPTION}}
  </fieldset>
  <div class="field{{#DURATION_DAYS_ERROR}} has-error{{/DURATION_DAYS_ERROR}}">
    <label for="f-duration_days">[[t:cf.field.duration_days]]</label>
    <p class="hint" id="f-duration_days-hint">{{DURATION_HINT}}</p>
    {{#DURATION_DAYS_ERROR}}<p class="field-error" id="f-duration_days-error">{{DURATION_DAYS_ERROR_TEXT}}</p>{{/DURATION_DAYS_ERROR}}
    <input type="text" inputmode="numeric" id="f-duration_days" name="duration_days" value="{{DURATION_DAYS_VALUE}}" class="short" aria-describedby="f-duration_days-hint{{#DURATION_DAYS_ERROR}} f-duration_days-error{{/DURATION_DAYS_ERROR}}"{{#DURATION_DAYS_ERROR}} aria-invalid="true"{{/DURATION_DAYS_ERROR}}>
  </div>
  {{/OPEN_MONEY}}
  <fieldset class="field">
    <legend>[[t:cf.form.location]]</legend>
    <div class="field{{#PLACE_ERROR}} has-error{{/PLACE_ERROR}}">
      <label for="f-place">[[t:cf.field.place]]</label>
      {{#PLACE_ERROR}}<p class="field-error" id="f-place-error">{{PLACE_ERROR_TEXT}}</p>{{/PLACE_ERROR}}
      <input type="text" id="f-place" name="place" value="{{PLACE_VALUE}}" maxlength="200"{{#PLACE_ERROR}} aria-describedby="f-place-error" aria-invalid="true"{{/PLACE_ERROR}}>
    </div>
    <p class="hint" id="f-coordinates-hint">[[t:cf.hint.coordinates]]</p>
    <div class="field{{#LATITUDE_ERROR}} has-error{{/LATITUDE_ERROR}}">
      <label for="f-latitude">[[t:cf.field.latitude]]</label>
      {{#LATITUDE_ERROR}}<p class="field-error" id="f-latitude-error">{{LATITUDE_ERROR_TEXT}}</p>{{/LATITUDE_ERROR}}
      <input type="text" inputmode="decimal" id="f-latitude" name="latitude" value="{{LATITUDE_VALUE}}" class="short" aria-describedby="f-coordinates-hint{{#LATITUDE_ERROR}} f-latitude-error{{/LATITUDE_ERROR}}"{{#LATITUDE_ERROR}} aria-invalid="true"{{/LATITUDE_ERROR}}>
    </div>
    <div class="field{{#LONGITUDE_ERROR}} has-error{{/LONGITUDE_ERROR}}">
      <label for="f-longitude">[[t:cf.field.longitude]]</label>
      {{#LONGITUDE_ERROR}}<p class="field-error" id="f-longitude-error">{{LONGITUDE_ERROR_TEXT}}</p>{{/LONGITUDE_ERROR}}
      <input type="text" inputmode="decimal" id="f-longitude" name="longitude" value="{{LONGITUDE_VALUE}}" class="short" aria-describedby="f-coordinates-hint{{#LONGITUDE_ERROR}} f-longitude-error{{/LONGITUDE_ERROR}}"{{#LONGITUDE_ERROR}} aria-invalid="true"{{/LONGITUDE_ERROR}}>
    </div>
  </fieldset>
  <p><button type="submit">{{#CREATING}}[[t:cf.form.save_draft]]{{/CREATING}}{{#EDITING}}[[t:cf.form.save]]{{/EDITING}}</button>
  {{#EDITING}} <a href="{{CANCEL_URL}}">[[t:cf.form.cancel]]</a>{{/EDITING}}</p>
</form>
