{{%AUTOESCAPE context="HTML"}}
<section class="card cf-block" aria-labelledby="cf-staff-title">
  <h2 id="cf-staff-title">[[t:cf.staff.block_title]]</h2>
  <ul>
    <li><a href="{{QUEUE_URL}}">{{TO_REVIEW}}</a></li>
    <li><a href="{{PLEDGES_URL}}">{{TO_RECEIVE}}</a></li>
    <li><a href="{{PLEDGES_URL}}">{{TO_REFUND}}</a></li>
  </ul>
</section>
