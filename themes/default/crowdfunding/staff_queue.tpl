{{%AUTOESCAPE context="HTML"}}
<h1>[[t:cf.staff.queue_title]]</h1>
<p><a href="{{PLEDGES_URL}}">[[t:cf.staff.pledges_link]]</a></p>
<section aria-labelledby="cf-submitted-title">
  <h2 id="cf-submitted-title">[[t:cf.staff.submitted]]</h2>
  <table class="cf-table">
    <caption class="visually-hidden">[[t:cf.staff.submitted]]</caption>
    <thead><tr><th scope="col">[[t:cf.col.campaign]]</th><th scope="col">[[t:cf.col.name]]</th><th scope="col">[[t:cf.col.goal]]</th><th scope="col">[[t:cf.col.date]]</th></tr></thead>
    <tbody>
    {{#SUBMITTED}}<tr><th scope="row"><a href="{{REVIEW_URL}}">{{TITLE}}</a></th><td>{{OWNER}}</td><td>{{GOAL}}</td><td>{{DATE}}</td></tr>{{/SUBMITTED}}
    </tbody>
  </table>
</section>
<section aria-labelledby="cf-live-title">
  <h2 id="cf-live-title">[[t:cf.staff.live]]</h2>
  <table class="cf-table">
    <caption class="visually-hidden">[[t:cf.staff.live]]</caption>
    <thead><tr><th scope="col">[[t:cf.col.campaign]]</th><th scope="col">[[t:cf.col.name]]</th><th scope="col">[[t:cf.col.raised]]</th><th scope="col">[[t:cf.col.goal]]</th></tr></thead>
    <tbody>
    {{#LIVE}}<tr><th scope="row"><a href="{{REVIEW_URL}}">{{TITLE}}</a>{{#FEATURED}} <span class="tag">[[t:cf.page.featured]]</span>{{/FEATURED}}</th><td>{{OWNER}}</td><td>{{RAISED}}</td><td>{{GOAL}}</td></tr>{{/LIVE}}
    </tbody>
  </table>
</section>
