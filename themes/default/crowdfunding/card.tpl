{{%AUTOESCAPE context="HTML"}}
<article class="cf-card" aria-labelledby="cf-card-{{ID}}">
  <p class="cf-card-meta"><span class="tag">{{THEME}}</span> <span class="tag">{{NEIGHBOURHOOD}}</span>{{#FEATURED}} <span class="tag cf-featured">[[t:cf.page.featured]]</span>{{/FEATURED}}</p>
  <h3 id="cf-card-{{ID}}"><a href="{{URL}}">{{TITLE}}</a></h3>
  <p>{{SUMMARY}}</p>
  {{#HAS_FUNDING}}
  <p class="cf-card-figures">{{FUNDING_TEXT}}</p>
  <progress class="cf-progress" max="100" value="{{PROGRESS}}" aria-label="{{FUNDING_TEXT}}">{{PERCENT}} %</progress>
  <p class="cf-card-state"><span class="cf-state cf-state-{{STATE}}">{{STATE_LABEL}}</span> {{DAYS_LEFT_TEXT}}</p>
  {{/HAS_FUNDING}}
</article>
