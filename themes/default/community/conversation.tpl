{{%AUTOESCAPE context="HTML"}}
<h1>[[t:community.conv.title]] <a href="{{OTHER_URL}}">{{OTHER_NAME}}</a></h1>
{{#HAS_SUBJECT}}<p class="lead">[[t:community.conv.about]] <a href="{{SUBJECT_URL}}">{{SUBJECT_TITLE}}</a></p>{{/HAS_SUBJECT}}
<ol class="messages" aria-label="[[t:community.conv.messages]]">
  {{#MESSAGE}}
  <li class="message message-{{WHO}}">
    <p class="meta"><strong>{{AUTHOR}}</strong> · {{DATE}}</p>
    <div class="prose">{{BODY}}</div>
  </li>
  {{/MESSAGE}}
</ol>
<section aria-labelledby="reply" class="card">
  <h2 id="reply">[[t:community.conv.reply]]</h2>
  {{#HAS_ERRORS}}
  <div class="notice error" role="alert" aria-labelledby="error-summary-title">
    <h3 id="error-summary-title">[[t:community.errors_title]]</h3>
    <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
  </div>
  {{/HAS_ERRORS}}
  <form method="post" action="{{BASE}}/conversations/{{ID}}/messages" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#BODY_ERROR}} has-error{{/BODY_ERROR}}">
      <label for="f-body">[[t:community.conv.message]]</label>
      {{#BODY_ERROR}}<p class="field-error" id="f-body-error">{{BODY_ERROR_TEXT}}</p>{{/BODY_ERROR}}
      <textarea id="f-body" name="body"{{#BODY_ERROR}} aria-describedby="f-body-error" aria-invalid="true"{{/BODY_ERROR}}>{{BODY_VALUE}}</textarea>
    </div>
    <p><button type="submit">[[t:community.conv.send]]</button></p>
  </form>
</section>
