{{%AUTOESCAPE context="HTML"}}
<section class="pay-block" aria-labelledby="pay-staff-title">
  <h2 id="pay-staff-title">[[t:pay.staff.title]]</h2>
  <p class="notice{{#TEST_MODE}} pay-test-mode{{/TEST_MODE}}" data-mode="{{MODE}}"><strong>{{MODE_TEXT}}</strong></p>
  <p>[[t:pay.staff.webhook]] <code>{{WEBHOOK_URL}}</code></p>
</section>
