{{%AUTOESCAPE context="HTML"}}
<h1>[[t:community.notifications.title]]</h1>
{{#NO_NOTIFICATIONS}}<p>[[t:community.notifications.empty]]</p>{{/NO_NOTIFICATIONS}}
<ul class="notifications">
  {{#NOTIFICATION}}<li{{#UNREAD}} class="unread"{{/UNREAD}}><a href="{{URL}}">{{TEXT}}</a> <span class="meta">{{DATE}}</span>{{#UNREAD}} <span class="tag">[[t:community.notifications.new]]</span>{{/UNREAD}}</li>{{/NOTIFICATION}}
</ul>
