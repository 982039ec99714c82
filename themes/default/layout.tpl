{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · {{SITE_NAME}}</title>
<link rel="stylesheet" href="{{STATIC}}/placette.css">
</head>
<body>
<a class="skip-link" href="#main">[[t:layout.skip]]</a>
<header class="site-header">
  <div class="wrap header-row">
    <p class="site-name"><a href="{{BASE}}/">{{SITE_NAME}}</a> <span class="tagline">[[t:layout.tagline]]</span></p>
    <p class="back-host"><a href="{{HOST_URL}}">[[t:layout.back_to_site]]</a></p>
  </div>
  <nav class="wrap main-nav" aria-label="[[t:layout.nav_label]]">
    <ul>
      <li><a href="{{BASE}}/projects">[[t:nav.projects]]</a></li>
      <li><a href="{{BASE}}/skills">[[t:nav.skills]]</a></li>
      <li><a href="{{BASE}}/exchange">[[t:nav.exchange]]</a></li>
    </ul>
    <ul class="account">
      {{#LOGGED_IN}}
      <li><a href="{{BASE}}/me">{{USER_NAME}}</a></li>
      {{/LOGGED_IN}}
      {{#MESSAGES}}
      <li><a href="{{BASE}}/conversations" class="messages-link">[[t:community.nav_messages]]{{#UNREAD}} <span class="badge">{{UNREAD_COUNT}}<span class="visually-hidden"> [[t:community.nav_unread]]</span></span>{{/UNREAD}}</a></li>
      {{/MESSAGES}}
      {{#STAFF}}
      <li><a href="{{BASE}}/staff">[[t:nav.staff]]</a></li>
      {{/STAFF}}
      {{#LOGGED_IN}}
      <li><a href="{{LOGOUT_URL}}">[[t:nav.logout]]</a></li>
      {{/LOGGED_IN}}
      {{#ANONYMOUS}}
      <li><a href="{{LOGIN_URL}}">[[t:nav.login]]</a></li>
      {{/ANONYMOUS}}
    </ul>
  </nav>
</header>
<main id="main" class="wrap" tabindex="-1">
{{>CONTENT}}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>[[t:layout.footer]] <a href="{{HOST_URL}}">{{SITE_NAME}}</a></p>
    <p><a href="{{OTHER_LANG_URL}}" lang="{{OTHER_LANG}}" hreflang="{{OTHER_LANG}}">{{OTHER_LANG_NAME}}</a></p>
  </div>
</footer>
</body>
</html>
