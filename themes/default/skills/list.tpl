{{%AUTOESCAPE context="HTML"}}
<h1>[[t:skills.list_title]]</h1>
<p class="lead">[[t:skills.list_lead]]</p>
{{#CAN_CREATE}}<p><a class="button" href="{{BASE}}/skills/new">[[t:skills.new_link]]</a></p>{{/CAN_CREATE}}
<form class="filters" method="get" action="{{BASE}}/skills" role="search" aria-label="[[t:skills.filter_label]]">
  <div class="field">
    <label for="f-q">[[t:skills.search]]</label>
    <input type="search" id="f-q" name="q" value="{{Q_VALUE}}">
  </div>
  <div class="field">
    <label for="f-kind">[[t:skills.field.kind]]</label>
    <select id="f-kind" name="kind"><option value="">[[t:skills.any]]</option>{{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select>
  </div>
  <div class="field">
    <label for="f-category">[[t:skills.field.category]]</label>
    <select id="f-category" name="category"><option value="">[[t:skills.any]]</option>{{#CATEGORY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
  </div>
  <div class="field">
    <label for="f-neighbourhood">[[t:skills.field.neighbourhood]]</label>
    <select id="f-neighbourhood" name="neighbourhood"><option value="">[[t:skills.any]]</option>{{#NEIGHBOURHOOD_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NEIGHBOURHOOD_OPTION}}</select>
  </div>
  <div class="field">
    <label for="f-mode">[[t:skills.field.mode]]</label>
    <select id="f-mode" name="mode"><option value="">[[t:skills.any]]</option>{{#MODE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MODE_OPTION}}</select>
  </div>
  <p><button type="submit">[[t:skills.filter_submit]]</button></p>
</form>
<section aria-labelledby="results-title">
  <h2 id="results-title">[[t:skills.results]]</h2>
  {{#EMPTY}}<p>[[t:skills.empty]]</p>{{/EMPTY}}
  <ul class="listings">
    {{#LISTING}}
    <li class="listing-card">
      <h3><a href="{{URL}}">{{TITLE}}</a></h3>
      <p class="badges"><span class="tag">{{KIND_LABEL}}</span> <span class="tag">{{MODE_LABEL}}</span></p>
      <p class="meta">{{CATEGORY_LABEL}} · {{NEIGHBOURHOOD_LABEL}} · [[t:skills.by]] <a href="{{OWNER_URL}}">{{OWNER_NAME}}</a></p>
    </li>
    {{/LISTING}}
  </ul>
  {{#HAS_NEXT}}<p><a href="{{NEXT_URL}}" rel="next">[[t:skills.older]]</a></p>{{/HAS_NEXT}}
</section>
