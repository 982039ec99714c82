{{%AUTOESCAPE context="HTML"}}
<section class="block" aria-labelledby="home-skills-title">
  <h2 id="home-skills-title">[[t:skills.home_title]]</h2>
  <ul class="listings">
    {{#LISTING}}<li class="listing-card"><h3><a href="{{URL}}">{{TITLE}}</a></h3><p class="badges"><span class="tag">{{KIND_LABEL}}</span> <span class="tag">{{MODE_LABEL}}</span></p><p class="meta">{{NEIGHBOURHOOD_LABEL}}</p></li>{{/LISTING}}
  </ul>
  <p><a href="{{BASE}}/skills">[[t:skills.home_all]]</a></p>
</section>
