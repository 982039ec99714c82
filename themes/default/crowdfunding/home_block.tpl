{{%AUTOESCAPE context="HTML"}}
<section class="cf-block" aria-labelledby="cf-home-title">
  <h2 id="cf-home-title">[[t:cf.home.title]]</h2>
  {{#EMPTY}}<p>[[t:cf.home.empty]] <a href="{{BASE}}/projects/new">[[t:cf.list.new]]</a></p>{{/EMPTY}}
  {{#HAS_ITEMS}}<ul class="cf-cards">{{#ITEM}}<li>{{>CARD}}</li>{{/ITEM}}</ul>{{/HAS_ITEMS}}
  <p><a href="{{BASE}}/projects">[[t:cf.home.all]]</a></p>
</section>
