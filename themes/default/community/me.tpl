{{%AUTOESCAPE context="HTML"}}
<h1>[[t:me.title]]</h1>
<section class="card" aria-labelledby="me-who">
  <h2 id="me-who">[[t:me.who]]</h2>
  <dl class="facts">
    <dt>[[t:me.name]]</dt><dd class="me-name">{{NAME}}</dd>
    <dt>[[t:me.login]]</dt><dd>{{LOGIN}}</dd>
    <dt>[[t:me.roles]]</dt><dd>{{#ROLE}}<span class="tag">{{ROLE_NAME}}</span> {{/ROLE}}</dd>
    <dt>[[t:me.staff]]</dt><dd>{{#IS_ADMIN}}[[t:me.staff_admin]]{{/IS_ADMIN}}{{#IS_MODERATOR}}[[t:me.staff_moderator]]{{/IS_MODERATOR}}{{#NOT_STAFF}}[[t:me.staff_none]]{{/NOT_STAFF}}</dd>
  </dl>
  <p class="hint">[[t:me.account_hint]]</p>
  <p><a href="{{PROFILE_URL}}">[[t:community.me.profile]]</a></p>
</section>
{{>BLOCKS}}
