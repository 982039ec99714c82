{{%AUTOESCAPE context="HTML"}}
<p class="hint">[[t:cf.review.heading]]</p>
<h1>{{TITLE}}</h1>
<p><span class="cf-state cf-state-{{STATE}}">{{STATE_LABEL}}</span> · [[t:cf.page.owner]] {{OWNER}} · <a href="{{URL}}">[[t:cf.review.public_page]]</a></p>
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:cf.form.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
{{#CAN_DECIDE}}
<section class="card" aria-labelledby="cf-decide-title">
  <h2 id="cf-decide-title">[[t:cf.review.decide]]</h2>
  <form method="post" action="{{APPROVE_URL}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="hint">[[t:cf.review.approve_hint]]</p>
    <p><button type="submit">[[t:cf.review.approve]]</button></p>
  </form>
  <form method="post" action="{{CHANGES_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#CHANGES_ERROR}} has-error{{/CHANGES_ERROR}}">
      <label for="f-changes">[[t:cf.review.changes_label]]</label>
      {{#CHANGES_ERROR}}<p class="field-error" id="f-changes-error">{{CHANGES_ERROR_TEXT}}</p>{{/CHANGES_ERROR}}
      <textarea id="f-changes" name="changes" rows="3"{{#CHANGES_ERROR}} aria-describedby="f-changes-error" aria-invalid="true"{{/CHANGES_ERROR}}>{{CHANGES_VALUE}}</textarea>
    </div>
    <p><button type="submit" class="secondary">[[t:cf.review.changes]]</button></p>
  </form>
  <form method="post" action="{{REJECT_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#REASON_ERROR}} has-error{{/REASON_ERROR}}">
      <label for="f-reason">[[t:cf.review.reject_label]]</label>
      {{#REASON_ERROR}}<p class="field-error" id="f-reason-error">{{REASON_ERROR_TEXT}}</p>{{/REASON_ERROR}}
      <textarea id="f-reason" name="reason" rows="3"{{#REASON_ERROR}} aria-describedby="f-reason-error" aria-invalid="true"{{/REASON_ERROR}}>{{REASON_VALUE}}</textarea>
    </div>
    <p><button type="submit" class="secondary">[[t:cf.review.reject]]</button></p>
  </form>
</section>
{{/CAN_DECIDE}}
{{#CAN_CANCEL}}
<section class="card" aria-labelledby="cf-cancel-title">
  <h2 id="cf-cancel-title">[[t:cf.review.cancel]]</h2>
  <form method="post" action="{{CANCEL_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field">
      <label for="f-cancel-reason">[[t:cf.review.cancel_label]]</label>
      <textarea id="f-cancel-reason" name="reason" rows="3"></textarea>
    </div>
    <p><button type="submit" class="secondary">[[t:cf.review.cancel]]</button></p>
  </form>
</section>
{{/CAN_CANCEL}}
{{#CAN_FEATURE}}
<form method="post" action="{{FEATURE_URL}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="featured" value="{{FEATURE_VALUE}}">
  <p><button type="submit" class="secondary">{{FEATURE_LABEL}}</button></p>
</form>
{{/CAN_FEATURE}}
<section aria-labelledby="cf-details-title">
  <h2 id="cf-details-title">[[t:cf.review.details]]</h2>
  <p class="lead">{{SUMMARY}}</p>
  <dl class="facts">
    <dt>[[t:cf.review.goal]]</dt><dd>{{GOAL}}</dd>
    <dt>[[t:cf.page.model]]</dt><dd>{{MODEL_LABEL}}</dd>
    <dt>[[t:cf.review.duration]]</dt><dd>{{DURATION}} [[t:cf.review.days]]</dd>
    <dt>[[t:cf.page.theme]]</dt><dd>{{THEME}}</dd>
    <dt>[[t:cf.page.neighbourhood]]</dt><dd>{{NEIGHBOURHOOD}}</dd>
  </dl>
  <div class="cf-description">{{DESCRIPTION_HTML:none}}</div>
  <h3>[[t:cf.review.rewards]]</h3>
  <ul>{{#REWARD}}<li><strong>{{TITLE}}</strong> — {{MIN}} — {{LIMIT}}<br>{{DESCRIPTION}}</li>{{/REWARD}}</ul>
  <h3>[[t:cf.review.needs]]</h3>
  <ul>{{#NEED}}<li>{{TITLE}} ({{KIND}}) × {{QUANTITY}}{{#HAS_DATES}} — {{DATES}}{{/HAS_DATES}}</li>{{/NEED}}</ul>
</section>
<section aria-labelledby="cf-log-title">
  <h2 id="cf-log-title">[[t:cf.review.log]]</h2>
  <ul class="cf-log">{{#LOG}}<li><span class="hint">{{DATE}}</span> — {{ACTION}} ({{ACTOR}}) {{MESSAGE}}</li>{{/LOG}}</ul>
</section>
