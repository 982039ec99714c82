{{%AUTOESCAPE context="HTML"}}
<h1>[[t:exchange.list_title]]</h1>
<p class="lead">[[t:exchange.list_lead]]</p>
{{#CAN_CREATE}}<p><a class="button" href="{{BASE}}/exchange/new">[[t:exchange.new_link]]</a></p>{{/CAN_CREATE}}
<form class="filters" method="get" action="{{BASE}}/exchange" role="search" aria-label="[[t:exchange.filter_label]]">
  <div class="field">
    <label for="f-q">[[t:exchange.search]]</label>
    <input type="search" id="f-q" name="q" value="{{Q_VALUE}}">
  </div>
  <div class="field">
    <label for="f-kind">[[t:exchange.field.kind]]</label>
    <select id="f-kind" name="kind"><option value="">[[t:exchange.any]]</option>{{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
  </div>
  <div class="field">
    <label for="f-category">[[t:exchange.field.category]]</label>
    <select id="f-category" name="category"><option value="">[[t:exchange.any]]</option>{{#CATEGORY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
  </div>
  <div class="field">
    <label for="f-neighbourhood">[[t:exchange.field.neighbourhood]]</label>
    <select id="f-neighbourhood" name="neighbourhood"><option value="">[[t:exchange.any]]</option>{{#NEIGHBOURHOOD_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NEIGHBOURHOOD_OPTION}}</select>
  </div>
  <p><button type="submit">[[t:exchange.filter_submit]]</button></p>
</form>
<section aria-labelledby="results-title">
  <h2 id="results-title">[[t:exchange.results]]</h2>
  {{#EMPTY}}<p>[[t:exchange.empty]]</p>{{/EMPTY}}
  {{#HAS_ITEMS}}
  <ul class="listings">
    {{#ITEM}}
    <li class="listing-card">
      {{#HAS_PHOTO}}<img class="thumb" src="{{PHOTO_URL}}" alt="" width="96" height="96" loading="lazy">{{/HAS_PHOTO}}
      <h3><a href="{{URL}}">{{TITLE}}</a></h3>
      <p class="badges"><span class="tag">{{KIND_LABEL}}</span> <span class="tag">{{CONDITION_LABEL}}</span></p>
      <p class="meta">{{CATEGORY_LABEL}} · {{NEIGHBOURHOOD_LABEL}} · [[t:exchange.by]] <a href="{{OWNER_URL}}">{{OWNER_NAME}}</a></p>
    </li>
    {{/ITEM}}
  </ul>
  {{/HAS_ITEMS}}
  {{#HAS_NEXT}}<p><a href="{{NEXT_URL}}" rel="next">[[t:exchange.older]]</a></p>{{/HAS_NEXT}}
</section>
