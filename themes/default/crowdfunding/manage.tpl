{{%AUTOESCAPE context="HTML"}}
<p class="hint">[[t:cf.manage.heading]]</p>
<h1>{{TITLE}}</h1>
{{#HAS_ERRORS}}
<div class="notice error" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">[[t:cf.form.errors_title]]</h2>
  <ul>{{#ERROR_ITEM}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/ERROR_ITEM}}</ul>
</div>
{{/HAS_ERRORS}}
<section class="card" aria-labelledby="cf-state-title">
  <h2 id="cf-state-title">[[t:cf.manage.state]] : <span class="cf-manage-state">{{STATE_LABEL}}</span></h2>
  <p>{{STATE_HELP}}</p>
  {{#HAS_REVIEW_MESSAGE}}
  <div class="notice">
    <h3>[[t:cf.manage.review_message]]</h3>
    <p class="cf-review-message">{{REVIEW_MESSAGE}}</p>
  </div>
  {{/HAS_REVIEW_MESSAGE}}
  <p>{{FUNDING_TEXT}}</p>
  <p>{{DAYS_LEFT_TEXT}}</p>
  <ul class="cf-actions">
    <li><a href="{{PAGE_URL}}">[[t:cf.manage.view_page]]</a></li>
    {{#CAN_EDIT}}<li><a href="{{EDIT_URL}}">[[t:cf.manage.edit]]</a></li>{{/CAN_EDIT}}
  </ul>
  {{#CAN_SUBMIT}}
  <form method="post" action="{{SUBMIT_URL}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="hint">[[t:cf.manage.submit_hint]]</p>
    <p><button type="submit">[[t:cf.manage.submit]]</button></p>
  </form>
  {{/CAN_SUBMIT}}
  {{#CAN_REALISE}}
  <form method="post" action="{{REALISED_URL}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p><button type="submit">[[t:cf.manage.realised]]</button></p>
  </form>
  {{/CAN_REALISE}}
</section>
<section aria-labelledby="cf-rewards-title">
  <h2 id="cf-rewards-title">[[t:cf.manage.rewards]]</h2>
  {{#HAS_REWARDS}}
  <table class="cf-table">
    <caption class="visually-hidden">[[t:cf.manage.rewards]]</caption>
    <thead><tr><th scope="col">[[t:cf.col.title]]</th><th scope="col">[[t:cf.col.min]]</th><th scope="col">[[t:cf.col.limit]]</th><th scope="col">[[t:cf.col.claimed]]</th><th scope="col">[[t:cf.col.actions]]</th></tr></thead>
    <tbody>
    {{#REWARD}}<tr><th scope="row">{{TITLE}}</th><td>{{MIN}}</td><td>{{LIMIT}}</td><td>{{CLAIMED}}</td><td>{{#CAN_EDIT}}<a href="{{EDIT_URL}}">[[t:cf.edit]]<span class="visually-hidden"> : {{TITLE}}</span></a>{{/CAN_EDIT}}</td></tr>{{/REWARD}}
    </tbody>
  </table>
  {{/HAS_REWARDS}}{{#NO_REWARDS}}<p>[[t:cf.manage.none]]</p>{{/NO_REWARDS}}
  {{#CAN_ADD}}<p><a class="button secondary" href="{{ADD_REWARD_URL}}">[[t:cf.manage.add_reward]]</a></p>{{/CAN_ADD}}
</section>
<section aria-labelledby="cf-needs-title">
  <h2 id="cf-needs-title">[[t:cf.manage.needs]]</h2>
  {{#HAS_NEEDS}}
  <table class="cf-table">
    <caption class="visually-hidden">[[t:cf.manage.needs]]</caption>
    <thead><tr><th scope="col">[[t:cf.col.need]]</th><th scope="col">[[t:cf.col.kind]]</th><th scope="col">[[t:cf.col.need_dates]]</th><th scope="col">[[t:cf.col.progress]]</th><th scope="col">[[t:cf.col.actions]]</th></tr></thead>
    <tbody>
    {{#NEED}}<tr><th scope="row">{{TITLE}}</th><td>{{KIND}}</td><td>{{DATES}}</td><td>{{PROGRESS_TEXT}}</td><td>{{#CAN_EDIT}}<a href="{{EDIT_URL}}">[[t:cf.edit]]<span class="visually-hidden"> : {{TITLE}}</span></a>{{/CAN_EDIT}}</td></tr>{{/NEED}}
    </tbody>
  </table>
  {{/HAS_NEEDS}}{{#NO_NEEDS}}<p>[[t:cf.manage.none]]</p>{{/NO_NEEDS}}
  {{#CAN_ADD}}<p><a class="button secondary" href="{{ADD_NEED_URL}}">[[t:cf.manage.add_need]]</a></p>{{/CAN_ADD}}
  <h3>[[t:cf.manage.offers]]</h3>
  {{#HAS_OFFERS}}
  <ul class="cf-offers">
    {{#OFFER}}
    <li id="{{FIELD_ID}}"{{#ERROR}} class="has-error"{{/ERROR}}>
      <p><strong>{{NAME}}</strong> — {{NEED}} ({{QUANTITY}}) <span class="tag">{{STATE_LABEL}}</span> <span class="hint">{{DATE}}</span></p>
      <p>{{MESSAGE}}</p>
      {{#LINK}}<p>[[t:cf.manage.linked]] <a href="{{LINK_URL}}">{{LINK_TITLE}}</a> ({{LINK_KIND}})</p>{{/LINK}}
      {{#LENDS_ITEM}}<p class="hint">[[t:cf.manage.accept_item_hint]]</p>{{/LENDS_ITEM}}
      {{#ERROR}}<p class="field-error">{{ERROR_TEXT}}</p>{{/ERROR}}
      {{#IS_OPEN}}
      <form method="post" action="{{ACCEPT_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">[[t:cf.manage.accept]]<span class="visually-hidden"> : {{NAME}}, {{NEED}}</span></button></form>
      <form method="post" action="{{DECLINE_URL}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">[[t:cf.manage.decline]]<span class="visually-hidden"> : {{NAME}}, {{NEED}}</span></button></form>
      {{/IS_OPEN}}
    </li>
    {{/OFFER}}
  </ul>
  {{/HAS_OFFERS}}{{#NO_OFFERS}}<p>[[t:cf.manage.no_offers]]</p>{{/NO_OFFERS}}
</section>
{{#CAN_UPDATE}}
<section aria-labelledby="cf-update-title">
  <h2 id="cf-update-title">[[t:cf.manage.update]]</h2>
  <form method="post" action="{{UPDATE_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#UPDATE_TITLE_ERROR}} has-error{{/UPDATE_TITLE_ERROR}}">
      <label for="f-update_title">[[t:cf.manage.update_title]]</label>
      {{#UPDATE_TITLE_ERROR}}<p class="field-error" id="f-update_title-error">{{UPDATE_TITLE_ERROR_TEXT}}</p>{{/UPDATE_TITLE_ERROR}}
      <input type="text" id="f-update_title" name="update_title" value="{{UPDATE_TITLE_VALUE}}" maxlength="200"{{#UPDATE_TITLE_ERROR}} aria-describedby="f-update_title-error" aria-invalid="true"{{/UPDATE_TITLE_ERROR}}>
    </div>
    <div class="field{{#UPDATE_BODY_ERROR}} has-error{{/UPDATE_BODY_ERROR}}">
      <label for="f-update_body">[[t:cf.manage.update_body]]</label>
      {{#UPDATE_BODY_ERROR}}<p class="field-error" id="f-update_body-error">{{UPDATE_BODY_ERROR_TEXT}}</p>{{/UPDATE_BODY_ERROR}}
      <textarea id="f-update_body" name="update_body" rows="6"{{#UPDATE_BODY_ERROR}} aria-describedby="f-update_body-error" aria-invalid="true"{{/UPDATE_BODY_ERROR}}>{{UPDATE_BODY_VALUE}}</textarea>
    </div>
    <p><button type="submit">[[t:cf.manage.publish]]</button></p>
  </form>
</section>
{{/CAN_UPDATE}}
<section aria-labelledby="cf-pledges-title">
  <h2 id="cf-pledges-title">[[t:cf.manage.pledges]]</h2>
  {{#HAS_PLEDGES}}
  <table class="cf-table">
    <caption class="visually-hidden">[[t:cf.manage.pledges]]</caption>
    <thead><tr><th scope="col">[[t:cf.col.ref]]</th><th scope="col">[[t:cf.col.name]]</th><th scope="col">[[t:cf.col.amount]]</th><th scope="col">[[t:cf.col.reward]]</th><th scope="col">[[t:cf.col.state]]</th><th scope="col">[[t:cf.col.date]]</th></tr></thead>
    <tbody>
    {{#PLEDGE}}<tr><th scope="row">{{REF}}</th><td>{{NAME}}</td><td>{{AMOUNT}}</td><td>{{REWARD}}</td><td>{{STATE_LABEL}}</td><td>{{DATE}}</td></tr>{{/PLEDGE}}
    </tbody>
  </table>
  {{/HAS_PLEDGES}}{{#NO_PLEDGES}}<p>[[t:cf.manage.no_pledges]]</p>{{/NO_PLEDGES}}
</section>
{{#CAN_CANCEL}}
<section class="card" aria-labelledby="cf-cancel-title">
  <h2 id="cf-cancel-title">[[t:cf.manage.cancel]]</h2>
  <p>[[t:cf.manage.cancel_hint]]</p>
  <form method="post" action="{{CANCEL_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#REASON_ERROR}} has-error{{/REASON_ERROR}}">
      <label for="f-reason">[[t:cf.manage.cancel_reason]]</label>
      {{#REASON_ERROR}}<p class="field-error" id="f-reason-error">{{REASON_ERROR_TEXT}}</p>{{/REASON_ERROR}}
      <textarea id="f-reason" name="reason" rows="3"{{#REASON_ERROR}} aria-describedby="f-reason-error" aria-invalid="true"{{/REASON_ERROR}}>{{REASON_VALUE}}</textarea>
    </div>
    <p><button type="submit" class="secondary">[[t:cf.manage.cancel]]</button></p>
  </form>
</section>
{{/CAN_CANCEL}}
<section aria-labelledby="cf-log-title">
  <h2 id="cf-log-title">[[t:cf.manage.log]]</h2>
  <ul class="cf-log">
    {{#LOG}}<li><span class="hint">{{DATE}}</span> — {{ACTION}} ({{ACTOR}}) {{MESSAGE}}</li>{{/LOG}}
  </ul>
</section>
