{{%AUTOESCAPE context="HTML"}}
<h1>[[t:pay.unavailable.heading]]</h1>
<p class="notice" role="alert">[[t:pay.unavailable.text]]</p>
<p>{{KEPT_TEXT}}</p>
<form method="post" action="{{RETRY_URL}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <button type="submit">[[t:pay.unavailable.retry]]</button>
</form>
<p><a href="{{PLEDGE_URL}}">[[t:pay.unavailable.pledge_link]]</a></p>
