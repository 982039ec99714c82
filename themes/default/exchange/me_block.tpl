{{%AUTOESCAPE context="HTML"}}
<section class="card" aria-labelledby="me-exchange-title">
  <h2 id="me-exchange-title">[[t:exchange.me.items_title]]</h2>
  {{#NO_ITEMS}}<p>[[t:exchange.me.no_items]]</p>{{/NO_ITEMS}}
  <ul class="listings">
    {{#ITEM}}<li class="listing-card"><h3><a href="{{URL}}">{{TITLE}}</a></h3><p class="badges"><span class="tag">{{KIND_LABEL}}</span> <span class="tag">{{STATUS_LABEL}}</span></p></li>{{/ITEM}}
  </ul>
  <p><a class="button" href="{{BASE}}/exchange/new">[[t:exchange.new_link]]</a></p>
</section>
<section class="card" aria-labelledby="me-loans-title">
  <h2 id="me-loans-title">[[t:exchange.me.loans_title]]</h2>
  {{#NO_LOANS}}<p>[[t:exchange.me.no_loans]]</p>{{/NO_LOANS}}
  <ul class="loans">
    {{#LENT}}<li class="me-loan">[[t:exchange.me.lent]] <a href="{{LOAN_URL}}">{{ITEM_TITLE}}</a> [[t:exchange.me.to]] {{BORROWER_NAME}}, {{FROM}} – {{TO}} · <span class="tag loan-{{LOAN_STATUS}}">{{LOAN_STATUS_LABEL}}</span>{{#FROM_NEED}} <span class="tag">[[t:exchange.loan.from_need]]</span>{{/FROM_NEED}}</li>{{/LENT}}
    {{#BORROWED}}<li class="me-loan">[[t:exchange.me.borrowed]] <a href="{{LOAN_URL}}">{{ITEM_TITLE}}</a> [[t:exchange.me.from]] {{LENDER_NAME}}, {{FROM}} – {{TO}} · <span class="tag loan-{{LOAN_STATUS}}">{{LOAN_STATUS_LABEL}}</span>{{#FROM_NEED}} <span class="tag">[[t:exchange.loan.from_need]]</span>{{/FROM_NEED}}</li>{{/BORROWED}}
  </ul>
</section>
