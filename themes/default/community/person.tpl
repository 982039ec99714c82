{{%AUTOESCAPE context="HTML"}}
<h1>{{NAME}}</h1>
<section aria-labelledby="person-listings">
  <h2 id="person-listings">[[t:community.person.listings]]</h2>
  {{#NO_ENTRIES}}<p>[[t:community.person.no_listings]]</p>{{/NO_ENTRIES}}
  <ul class="listings">
    {{#ENTRY}}<li class="listing-card"><p class="badges"><span class="tag">{{KIND_LABEL}}</span></p><h3><a href="{{URL}}">{{TITLE}}</a></h3></li>{{/ENTRY}}
  </ul>
</section>
<section aria-labelledby="person-feedback">
  <h2 id="person-feedback">[[t:community.person.feedback]]</h2>
  {{#NO_FEEDBACK}}<p>[[t:community.person.no_feedback]]</p>{{/NO_FEEDBACK}}
  <ul class="feedback-list">
    {{#FEEDBACK}}
    <li class="feedback">
      <blockquote class="prose">{{BODY}}</blockquote>
      <p class="meta"><a href="{{AUTHOR_URL}}">{{AUTHOR}}</a> · {{DATE}}{{#HAS_SUBJECT}} · <a href="{{SUBJECT_URL}}">{{SUBJECT_TITLE}}</a>{{/HAS_SUBJECT}}</p>
    </li>
    {{/FEEDBACK}}
  </ul>
</section>
