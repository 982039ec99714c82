{{%AUTOESCAPE context="HTML"}}
<h1>[[t:cf.pledge.heading]]</h1>
<p class="lead"><a href="{{CAMPAIGN_URL}}">{{CAMPAIGN_TITLE}}</a></p>
<p class="notice cf-pledge-state" role="status"><strong class="cf-pledge-state-label" data-state="{{STATE}}">{{STATE_LABEL}}</strong> — {{STATE_TEXT}}</p>
{{#MANUAL_PENDING}}
<section class="card" aria-labelledby="cf-pay-title">
  <h2 id="cf-pay-title">[[t:cf.pledge.how_to_pay]]</h2>
  <p>{{INSTRUCTIONS}}</p>
  <p class="cf-pay-ref"><strong>{{REF_TEXT}}</strong></p>
  <p>{{DEADLINE_TEXT}}</p>
</section>
{{/MANUAL_PENDING}}
<dl class="facts">
  <dt>[[t:cf.pledge.ref]]</dt><dd class="cf-ref">{{REF}}</dd>
  <dt>[[t:cf.pledge.amount]]</dt><dd class="cf-amount">{{AMOUNT}}</dd>
  <dt>[[t:cf.pledge.reward]]</dt><dd>{{REWARD}}</dd>
  <dt>[[t:cf.pledge.date]]</dt><dd>{{DATE}}</dd>
  <dt>[[t:cf.pledge.shown_as]]</dt><dd>{{SHOWN_AS}}</dd>
  <dt>[[t:cf.pledge.message]]</dt><dd>{{MESSAGE}}</dd>
</dl>
<p><a href="{{CAMPAIGN_URL}}">[[t:cf.pledge.back_to_campaign]]</a></p>
