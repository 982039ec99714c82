{{%AUTOESCAPE context="HTML"}}
<h1>[[t:community.feedback.title]]</h1>
<p class="lead">[[t:community.feedback.about]] {{ABOUT_NAME}} · <a href="{{SUBJECT_URL}}">{{SUBJECT_TITLE}}</a></p>
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:community.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="{{BASE}}/feedback" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="subject_type" value="{{SUBJECT_TYPE}}">
  <input type="hidden" name="subject_id" value="{{SUBJECT_ID}}">
  <div class="field{{#BODY_ERROR}} has-error{{/BODY_ERROR}}">
    <label for="f-body">[[t:community.feedback.body]]</label>
    <p class="hint" id="f-body-hint">[[t:community.feedback.hint]]</p>
    {{#BODY_ERROR}}<p class="field-error" id="f-body-error">{{BODY_ERROR_TEXT}}</p>{{/BODY_ERROR}}
    <textarea id="f-body" name="body" maxlength="500" aria-describedby="f-body-hint{{#BODY_ERROR}} f-body-error{{/BODY_ERROR}}"{{#BODY_ERROR}} aria-invalid="true"{{/BODY_ERROR}}>{{BODY_VALUE}}</textarea>
  </div>
  <p><button type="submit">[[t:community.feedback.submit]]</button></p>
</form>
