{{%AUTOESCAPE context="HTML"}}
<h1>[[t:cf.list.title]]</h1>
<p class="lead">[[t:cf.list.lead]]</p>
<p><a class="button" href="{{NEW_URL}}">[[t:cf.list.new]]</a></p>
<form class="cf-filters" method="get" action="{{BASE}}/projects" role="search" aria-labelledby="cf-filters-title">
  <h2 id="cf-filters-title">[[t:cf.list.filters]]</h2>
  <div class="cf-filter-row">
    <div class="field">
      <label for="f-q">[[t:cf.list.search_label]]</label>
      <input type="search" id="f-q" name="q" value="{{Q_VALUE}}" maxlength="200">
    </div>
    <div class="field">
      <label for="f-theme">[[t:cf.field.theme]]</label>
      <select id="f-theme" name="theme">{{#THEME_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/THEME_OPTION}}</select>
    </div>
    <div class="field">
      <label for="f-neighbourhood">[[t:cf.field.neighbourhood]]</label>
      <select id="f-neighbourhood" name="neighbourhood">{{#NEIGHBOURHOOD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/NEIGHBOURHOOD_OPTION}}</select>
    </div>
    <div class="field">
      <label for="f-status">[[t:cf.list.state]]</label>
      <select id="f-status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
    </div>
  </div>
  <p><button type="submit">[[t:cf.list.apply]]</button></p>
</form>
<section aria-labelledby="cf-results-title">
  <h2 id="cf-results-title">[[t:cf.list.results]]</h2>
  {{#SEARCH_IGNORED}}<p class="notice">[[t:cf.list.search_ignored]]</p>{{/SEARCH_IGNORED}}
  {{#EMPTY}}<p class="notice">[[t:cf.list.empty]]</p>{{/EMPTY}}
  {{#HAS_ITEMS}}<ul class="cf-cards">{{#ITEM}}<li>{{>CARD}}</li>{{/ITEM}}</ul>{{/HAS_ITEMS}}
  {{#HAS_PAGER}}
  <nav class="cf-pager" aria-label="[[t:cf.list.pages]]">
    {{#HAS_FIRST}}<a href="{{FIRST_URL}}">[[t:cf.list.first]]</a>{{/HAS_FIRST}}
    {{#HAS_NEXT}}<a class="button secondary" href="{{NEXT_URL}}">[[t:cf.list.next]]</a>{{/HAS_NEXT}}
  </nav>
  {{/HAS_PAGER}}
</section>
