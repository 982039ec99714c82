{{%AUTOESCAPE context="HTML"}}
<section class="hero" aria-labelledby="home-title">
  <h1 id="home-title">[[t:home.title]]</h1>
  {{#GREETING}}<p class="greeting">[[t:home.hello]] {{USER_NAME}}</p>{{/GREETING}}
  <p class="lead">[[t:home.lead]]</p>
</section>
<ul class="cards">
  <li class="card">
    <h2><a href="{{BASE}}/projects">[[t:nav.projects]]</a></h2>
    <p>[[t:home.projects_text]]</p>
  </li>
  <li class="card">
    <h2><a href="{{BASE}}/skills">[[t:nav.skills]]</a></h2>
    <p>[[t:home.skills_text]]</p>
  </li>
  <li class="card">
    <h2><a href="{{BASE}}/exchange">[[t:nav.exchange]]</a></h2>
    <p>[[t:home.exchange_text]]</p>
  </li>
</ul>
{{>BLOCKS}}
