{{%AUTOESCAPE context="HTML"}}
<article class="cf-campaign" aria-labelledby="cf-title">
  <header class="cf-head">
    <p class="cf-card-meta"><span class="cf-state cf-state-{{STATE}}">{{STATE_LABEL}}</span>{{#FEATURED}} <span class="tag cf-featured">[[t:cf.page.featured]]</span>{{/FEATURED}}</p>
    <h1 id="cf-title">{{TITLE}}</h1>
    <p class="lead">{{SUMMARY}}</p>
    <dl class="facts cf-facts">
      <dt>[[t:cf.page.owner]]</dt><dd>{{OWNER}}</dd>
      <dt>[[t:cf.page.theme]]</dt><dd>{{THEME}}</dd>
      <dt>[[t:cf.page.neighbourhood]]</dt><dd>{{NEIGHBOURHOOD}}</dd>
      {{#HAS_PLACE}}<dt>[[t:cf.page.place]]</dt><dd>{{PLACE}}{{#HAS_MAP}} — <a href="{{MAP_URL}}" rel="noopener noreferrer">{{MAP_LABEL}}</a>{{/HAS_MAP}}</dd>{{/HAS_PLACE}}
    </dl>
  </header>
  {{#THANKS_OFFER}}<p class="notice" role="status">[[t:cf.thanks_offer]]</p>{{/THANKS_OFFER}}
  <p class="notice cf-state-notice">{{STATE_NOTICE}}</p>
  {{#IS_OWNER}}<p><a class="button secondary" href="{{MANAGE_URL}}">[[t:cf.page.manage]]</a></p>{{/IS_OWNER}}
  {{#CAN_REVIEW}}<p><a class="button secondary" href="{{REVIEW_URL}}">[[t:cf.page.review]]</a></p>{{/CAN_REVIEW}}
  <div class="cf-layout">
    <section class="cf-funding" aria-labelledby="cf-funding-title">
      <h2 id="cf-funding-title">[[t:cf.page.funding]]</h2>
      <p class="cf-raised"><strong>{{RAISED}}</strong></p>
      <p id="cf-funding-text">{{FUNDING_TEXT}}</p>
      <progress class="cf-progress" max="100" value="{{PROGRESS}}" aria-labelledby="cf-funding-text">{{PERCENT}} %</progress>
      <p>{{BACKERS_TEXT}}</p>
      <p>{{DAYS_LEFT_TEXT}}</p>
      <p class="hint">{{MODEL_TEXT}}</p>
      {{#CAN_BACK}}<p><a class="button cf-cta" href="{{BACK_URL}}">[[t:cf.page.back]]</a></p>{{/CAN_BACK}}
      <h3>[[t:cf.page.share]]</h3>
      <ul class="cf-share">
        <li><a href="{{SHARE_EMAIL}}">[[t:cf.page.share_email]]</a></li>
        <li><a href="{{SHARE_FACEBOOK}}" target="_blank" rel="noopener noreferrer">[[t:cf.page.share_facebook]] <span class="visually-hidden">[[t:cf.page.new_window]]</span></a></li>
        <li><a href="{{SHARE_X}}" target="_blank" rel="noopener noreferrer">[[t:cf.page.share_x]] <span class="visually-hidden">[[t:cf.page.new_window]]</span></a></li>
        <li><a href="{{SHARE_LINKEDIN}}" target="_blank" rel="noopener noreferrer">[[t:cf.page.share_linkedin]] <span class="visually-hidden">[[t:cf.page.new_window]]</span></a></li>
      </ul>
    </section>
    <div class="cf-main">
      <section aria-labelledby="cf-about-title">
        <h2 id="cf-about-title">[[t:cf.page.about]]</h2>
        <div class="cf-description">{{DESCRIPTION_HTML:none}}</div>
      </section>
      {{#HAS_REWARDS}}
      <section aria-labelledby="cf-rewards-title">
        <h2 id="cf-rewards-title">[[t:cf.page.rewards]]</h2>
        <ul class="cf-rewards">
          {{#REWARD}}
          <li class="cf-reward{{#SOLD_OUT}} cf-sold-out{{/SOLD_OUT}}">
            <h3>{{TITLE}}</h3>
            <p class="cf-reward-min">{{MIN}}</p>
            <p>{{DESCRIPTION}}</p>
            {{#HAS_DELIVERY}}<p class="hint">{{DELIVERY}}</p>{{/HAS_DELIVERY}}
            <p class="hint">{{CLAIMED}} · {{REMAINING}}</p>
            {{#SOLD_OUT}}<p><strong>[[t:cf.reward.sold_out]]</strong></p>{{/SOLD_OUT}}
            {{#CAN_CHOOSE}}<p><a href="{{CHOOSE_URL}}">[[t:cf.page.choose_reward]]<span class="visually-hidden"> : {{TITLE}}</span></a></p>{{/CAN_CHOOSE}}
          </li>
          {{/REWARD}}
        </ul>
      </section>
      {{/HAS_REWARDS}}
      {{#HAS_NEEDS}}
      <section id="needs" aria-labelledby="cf-needs-title">
        <h2 id="cf-needs-title">[[t:cf.page.needs]]</h2>
        <ul class="cf-needs">
          {{#NEED}}
          <li>
            <h3>{{TITLE}} <span class="tag">{{KIND}}</span></h3>
            <p>{{DESCRIPTION}}</p>
            {{#HAS_DATES}}<p class="cf-need-dates">{{DATES}}</p>{{/HAS_DATES}}
            <p>{{PROGRESS_TEXT}}</p>
            {{#CAN_OFFER}}<p><a href="{{OFFER_URL}}">[[t:cf.page.offer]]<span class="visually-hidden"> : {{TITLE}}</span></a></p>{{/CAN_OFFER}}
          </li>
          {{/NEED}}
        </ul>
      </section>
      {{/HAS_NEEDS}}
      {{#HAS_UPDATES}}
      <section aria-labelledby="cf-updates-title">
        <h2 id="cf-updates-title">[[t:cf.page.updates]]</h2>
        {{#UPDATE}}
        <article class="cf-update">
          <h3>{{TITLE}}</h3>
          <p class="hint">{{DATE}}</p>
          <div>{{BODY_HTML:none}}</div>
        </article>
        {{/UPDATE}}
      </section>
      {{/HAS_UPDATES}}
      {{#HAS_BACKERS}}
      <section aria-labelledby="cf-backers-title">
        <h2 id="cf-backers-title">[[t:cf.page.backers]]</h2>
        <ul class="cf-backers">
          {{#BACKER}}<li><strong>{{NAME}}</strong> <span class="hint">{{DATE}}</span>{{#HAS_MESSAGE}}<br>« {{MESSAGE}} »{{/HAS_MESSAGE}}</li>{{/BACKER}}
        </ul>
      </section>
      {{/HAS_BACKERS}}
    </div>
  </div>
</article>
