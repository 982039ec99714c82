{{%AUTOESCAPE context="HTML"}}
<h1>[[t:community.conv.list_title]]</h1>
{{#EMPTY}}<p>[[t:community.conv.empty]]</p>{{/EMPTY}}
<ul class="conversations">
  {{#CONVERSATION}}
  <li class="conversation-item">
    <a href="{{URL}}"><strong>{{OTHER_NAME}}</strong> · {{SUBJECT_TITLE}}</a>
    <span class="meta">{{DATE}}</span>{{#HAS_UNREAD}} <span class="badge">{{UNREAD}}</span>{{/HAS_UNREAD}}
  </li>
  {{/CONVERSATION}}
</ul>
