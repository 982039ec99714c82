{{%AUTOESCAPE context="HTML"}}
<h1>[[t:community.conv.new_title]]</h1>
<p class="lead">[[t:community.conv.to]] {{OTHER_NAME}} · [[t:community.conv.about]] <a href="{{SUBJECT_URL}}">{{SUBJECT_TITLE}}</a></p>
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:community.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="{{BASE}}/conversations" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="subject_type" value="{{SUBJECT_TYPE}}">
  <input type="hidden" name="subject_id" value="{{SUBJECT_ID}}">
  <div class="field{{#BODY_ERROR}} has-error{{/BODY_ERROR}}">
    <label for="f-body">[[t:community.conv.message]]</label>
    {{#BODY_ERROR}}<p class="field-error" id="f-body-error">{{BODY_ERROR_TEXT}}</p>{{/BODY_ERROR}}
    <textarea id="f-body" name="body"{{#BODY_ERROR}} aria-describedby="f-body-error" aria-invalid="true"{{/BODY_ERROR}}>{{BODY_VALUE}}</textarea>
  </div>
  <p><button type="submit">[[t:community.conv.send]]</button></p>
</form>
