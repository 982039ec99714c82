{{%AUTOESCAPE context="HTML"}}
<section class="card" aria-labelledby="me-messages-title">
  <h2 id="me-messages-title">[[t:community.me.title]]</h2>
  <p><a href="{{BASE}}/conversations">[[t:community.me.conversations]]</a> ({{UNREAD}})</p>
  <h3>[[t:community.notifications.title]]</h3>
  {{#NO_NOTIFICATIONS}}<p>[[t:community.notifications.empty]]</p>{{/NO_NOTIFICATIONS}}
  <ul class="notifications">
    {{#NOTIFICATION}}<li{{#UNREAD}} class="unread"{{/UNREAD}}><a href="{{URL}}">{{TEXT}}</a> <span class="meta">{{DATE}}</span></li>{{/NOTIFICATION}}
  </ul>
  <p><a href="{{BASE}}/notifications">[[t:community.me.all_notifications]]</a></p>
</section>
