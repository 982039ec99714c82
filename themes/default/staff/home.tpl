{{%AUTOESCAPE context="HTML"}}
<h1>[[t:staff.title]]</h1>
<p>[[t:staff.intro]]</p>
{{>BLOCKS}}
