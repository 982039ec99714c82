{{%AUTOESCAPE context="HTML"}}
<section class="card cf-block" aria-labelledby="cf-me-title">
  <h2 id="cf-me-title">[[t:cf.me.title]]</h2>
  <h3>[[t:cf.me.campaigns]]</h3>
  {{#NO_CAMPAIGNS}}<p>[[t:cf.me.no_campaigns]]</p>{{/NO_CAMPAIGNS}}
  {{#HAS_CAMPAIGNS}}<ul class="cf-me-list">{{#CAMPAIGN}}<li><a href="{{MANAGE_URL}}">{{TITLE}}</a> — <span class="tag">{{STATE_LABEL}}</span> {{RAISED}} / {{GOAL}}</li>{{/CAMPAIGN}}</ul>{{/HAS_CAMPAIGNS}}
  <p><a href="{{NEW_URL}}">[[t:cf.me.new]]</a></p>
  <h3>[[t:cf.me.pledges]]</h3>
  {{#NO_PLEDGES}}<p>[[t:cf.me.no_pledges]]</p>{{/NO_PLEDGES}}
  {{#HAS_PLEDGES}}<ul class="cf-me-list">{{#PLEDGE}}<li><a href="{{URL}}">{{CAMPAIGN}}</a> — {{AMOUNT}}, {{DATE}} <span class="tag">{{STATE_LABEL}}</span></li>{{/PLEDGE}}</ul>{{/HAS_PLEDGES}}
  {{#HAS_OFFERS}}
  <h3>[[t:cf.me.offers]]</h3>
  <ul class="cf-me-list">{{#OFFER}}<li><a href="{{URL}}">{{NEED}}</a> <span class="tag">{{STATE_LABEL}}</span></li>{{/OFFER}}</ul>
  {{/HAS_OFFERS}}
</section>
