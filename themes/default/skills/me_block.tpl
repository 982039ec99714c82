{{%AUTOESCAPE context="HTML"}}
<section class="card" aria-labelledby="me-hours-title">
  <h2 id="me-hours-title">[[t:skills.me.hours_title]]</h2>
  <p class="balance">[[t:skills.me.balance]] <strong class="hours-balance">{{BALANCE}}</strong></p>
  <p class="hint">[[t:skills.me.floor]] {{FLOOR}}</p>
  {{#NO_HISTORY}}<p>[[t:skills.me.no_history]]</p>{{/NO_HISTORY}}
  {{#HAS_HISTORY}}
  <table class="history">
    <caption>[[t:skills.me.history]]</caption>
    <thead><tr><th scope="col">[[t:skills.me.date]]</th><th scope="col">[[t:skills.me.what]]</th><th scope="col">[[t:skills.me.with]]</th><th scope="col">[[t:skills.me.amount]]</th></tr></thead>
    <tbody>
      {{#ENTRY}}<tr><td>{{DATE}}</td><td>{{TITLE}} ({{DIRECTION}})</td><td><a href="{{COUNTERPART_URL}}">{{COUNTERPART}}</a></td><td class="amount">{{AMOUNT}}</td></tr>{{/ENTRY}}
    </tbody>
  </table>
  {{/HAS_HISTORY}}
</section>
<section class="card" aria-labelledby="me-skills-title">
  <h2 id="me-skills-title">[[t:skills.me.listings_title]]</h2>
  {{#PENDING}}<p class="notice"><a href="{{URL}}">{{TITLE}}</a>{{#HAS_MINUTES}} ({{MINUTES}}){{/HAS_MINUTES}} : {{#WAITING_ME}}[[t:skills.me.waiting_me]]{{/WAITING_ME}}{{#WAITING_OTHER}}[[t:skills.me.waiting_other]]{{/WAITING_OTHER}}</p>{{/PENDING}}
  {{#NO_LISTINGS}}<p>[[t:skills.me.no_listings]]</p>{{/NO_LISTINGS}}
  <ul class="listings">
    {{#LISTING}}<li class="listing-card"><h3><a href="{{URL}}">{{TITLE}}</a></h3><p class="badges"><span class="tag">{{KIND_LABEL}}</span> <span class="tag">{{STATUS_LABEL}}</span></p></li>{{/LISTING}}
  </ul>
  <p><a class="button" href="{{BASE}}/skills/new">[[t:skills.new_link]]</a></p>
</section>
