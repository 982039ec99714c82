{{%AUTOESCAPE context="HTML"}}
<section class="error-page" aria-labelledby="error-title">
  <h1 id="error-title">{{HEADING}}</h1>
  <p class="error-code">[[t:error.code]] {{STATUS}}</p>
  <p>{{EXPLANATION}}</p>
  {{#SUGGEST_LOGIN}}<p><a class="button" href="{{LOGIN_URL}}">[[t:nav.login]]</a></p>{{/SUGGEST_LOGIN}}
  {{#HAS_INCIDENT}}<p class="incident">[[t:error.incident]] <code>{{INCIDENT}}</code></p>{{/HAS_INCIDENT}}
  <p><a href="{{BASE}}/">[[t:error.home_link]]</a></p>
</section>
