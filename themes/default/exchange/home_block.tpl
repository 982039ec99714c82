{{%AUTOESCAPE context="HTML"}}
<section class="block" aria-labelledby="home-exchange-title">
  <h2 id="home-exchange-title">[[t:exchange.home_title]]</h2>
  <ul class="listings">
    {{#ITEM}}<li class="listing-card"><h3><a href="{{URL}}">{{TITLE}}</a></h3><p class="badges"><span class="tag">{{KIND_LABEL}}</span></p><p class="meta">{{NEIGHBOURHOOD_LABEL}}</p></li>{{/ITEM}}
  </ul>
  <p><a href="{{BASE}}/exchange">[[t:exchange.home_all]]</a></p>
</section>
