{{%AUTOESCAPE context="HTML"}}
<h1>[[t:cf.staff.pledges_title]]</h1>
<p class="lead">[[t:cf.staff.pledges_intro]]</p>
<section aria-labelledby="cf-pending-title">
  <h2 id="cf-pending-title">[[t:cf.staff.pending]]</h2>
  <table class="cf-table">
    <caption class="visually-hidden">[[t:cf.staff.pending]]</caption>
    <thead><tr><th scope="col">[[t:cf.col.ref]]</th><th scope="col">[[t:cf.col.name]]</th><th scope="col">[[t:cf.col.amount]]</th><th scope="col">[[t:cf.col.campaign]]</th><th scope="col">[[t:cf.col.date]]</th><th scope="col">[[t:cf.col.actions]]</th></tr></thead>
    <tbody>
    {{#PENDING}}
    <tr id="pledge-{{ID}}">
      <th scope="row">{{REF}}</th>
      <td>{{NAME}}{{#ANONYMOUS}} <span class="hint">[[t:cf.staff.anonymous_note]]</span>{{/ANONYMOUS}}</td>
      <td>{{AMOUNT}}<br><span class="hint">{{REWARD}}</span></td>
      <td><a href="{{CAMPAIGN_URL}}">{{CAMPAIGN}}</a></td>
      <td>{{DATE}}</td>
      <td>
        <form method="post" action="{{URL}}/received" class="cf-row-form">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <label for="receipt-{{ID}}">[[t:cf.staff.receipt]]</label>
          <input type="text" id="receipt-{{ID}}" name="receipt" class="short" maxlength="100">
          <button type="submit">[[t:cf.staff.received]]<span class="visually-hidden"> : {{REF}}</span></button>
        </form>
        <form method="post" action="{{URL}}/cancel" class="cf-row-form">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <button type="submit" class="secondary">[[t:cf.staff.cancel_pledge]]<span class="visually-hidden"> : {{REF}}</span></button>
        </form>
      </td>
    </tr>
    {{/PENDING}}
    </tbody>
  </table>
</section>
<section aria-labelledby="cf-refunds-title">
  <h2 id="cf-refunds-title">[[t:cf.staff.refunds]]</h2>
  <table class="cf-table">
    <caption class="visually-hidden">[[t:cf.staff.refunds]]</caption>
    <thead><tr><th scope="col">[[t:cf.col.ref]]</th><th scope="col">[[t:cf.col.name]]</th><th scope="col">[[t:cf.col.amount]]</th><th scope="col">[[t:cf.col.campaign]]</th><th scope="col">[[t:cf.col.actions]]</th></tr></thead>
    <tbody>
    {{#REFUND}}
    <tr id="refund-{{ID}}">
      <th scope="row">{{REF}}</th>
      <td>{{NAME}}</td>
      <td>{{AMOUNT}}</td>
      <td><a href="{{CAMPAIGN_URL}}">{{CAMPAIGN}}</a></td>
      <td>
        <form method="post" action="{{URL}}/refunded" class="cf-row-form">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <label for="refund-receipt-{{ID}}">[[t:cf.staff.receipt]]</label>
          <input type="text" id="refund-receipt-{{ID}}" name="receipt" class="short" maxlength="100">
          <button type="submit">[[t:cf.staff.refunded]]<span class="visually-hidden"> : {{REF}}</span></button>
        </form>
      </td>
    </tr>
    {{/REFUND}}
    </tbody>
  </table>
</section>
