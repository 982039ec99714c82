// Payments end to end through nginx with the fake Stripe (tests/fakes): pledge → hosted checkout →
// signed webhook → paid pledge, ledger and totals; declines; duplicated, reordered, forged, stale
// and missing webhooks; provider down or failing once during checkout creation; a slow provider
// leaves the other pages served.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { FakeControl } from '../fakes/client.mjs';
import { startFakeProviders } from '../fakes/providers.mjs';
import { P, FAKE_PORT, admin, count, ledgerCount, one, payOnHostedPage, pledge, pledgeState, seedCampaign, stackProvider, useProvider } from '../fakes/placette.mjs';
import { baseUrl, sql } from './lib/stack.mjs';
import { login } from './lib/wordpress.mjs';

let fake, ctl, alice, original;

before(async () => {
  fake = await startFakeProviders({ port: FAKE_PORT, stripe_webhook_url: `${baseUrl()}${P}/webhooks/stripe` });
  ctl = new FakeControl(fake.url);
  original = stackProvider();
  useProvider('stripe');
  alice = await login('alice');
});

after(async () => {
  if (original) useProvider(original); // other suites expect the stack as it was
  await fake?.stop();
});

beforeEach(async () => {
  await ctl.reset();
});

const sessions = async () => Object.values((await ctl.state()).stripe.sessions);
const sessionPosts = async () => (await ctl.state()).stripe.log.filter((l) => l.method === 'POST' && l.path === '/v1/checkout/sessions');

async function paidPledge(campaign, opts = {}) {
  const p = await pledge(alice, campaign, opts);
  assert.equal(p.res.status, 303);
  const pay = await payOnHostedPage(p.res.location, opts.outcome ?? 'paid');
  assert.equal(pay.status, 303);
  return { ...p, pay };
}

test('pledge → checkout → pay → webhook: pledge paid, one ledger entry, totals updated', async () => {
  const { id, rewardIds } = seedCampaign({ rewards: [{ title: 'Un pot de miel', min: 15_00, limit: 5 }] });
  const p = await pledge(alice, id, { reward: rewardIds[0], amount: '25,50' });
  assert.equal(p.res.status, 303);
  assert.match(p.res.location, new RegExp(`^${fake.url}/c/pay/cs_test_`));
  const [s] = await sessions();
  assert.equal(s.amount_total, 2550);
  assert.equal(s.currency, 'eur');
  assert.equal(s.metadata.pledge_id, String(p.pledgeId));
  assert.equal(s.client_reference_id, String(p.pledgeId));
  assert.equal(s.success_url, `${baseUrl()}${P}/pledges/${p.pledgeId}`);
  assert.equal(pledgeState(p.pledgeId), 'pending');
  const pay = await payOnHostedPage(p.res.location, 'paid');
  assert.equal(pay.location, `${baseUrl()}${P}/pledges/${p.pledgeId}`);
  await ctl.webhooksIdle();
  assert.equal(pledgeState(p.pledgeId), 'paid');
  assert.equal(ledgerCount('payment', p.pledgeId), 1);
  assert.equal(one(`SELECT amount_minor FROM plc_ledger_entries WHERE kind = 'payment' AND pledge_id = ${p.pledgeId}`), '2550');
  assert.equal(one(`SELECT collected_minor FROM plc_campaigns WHERE id = ${id}`), '2550');
  assert.equal(one(`SELECT claimed FROM plc_rewards WHERE id = ${rewardIds[0]}`), '1');
  const deliveries = (await ctl.deliveries()).filter((d) => d.kind === 'checkout.session.completed');
  assert.deepEqual(deliveries.map((d) => d.status), [200]);
  const page = await alice.get(`${P}/pledges/${p.pledgeId}`);
  assert.match(page.text, /data-state="paid"/);
});

test('a declined payment fails the pledge and frees the reward', async () => {
  const { id, rewardIds } = seedCampaign({ rewards: [{ title: 'Dernière place', min: 10_00, limit: 1 }] });
  const p = await paidPledge(id, { reward: rewardIds[0], outcome: 'fail' });
  await ctl.webhooksIdle();
  assert.equal(pledgeState(p.pledgeId), 'failed');
  assert.equal(one(`SELECT claimed FROM plc_rewards WHERE id = ${rewardIds[0]}`), '0');
  assert.equal(ledgerCount('payment', p.pledgeId), 0);
  const again = await pledge(alice, id, { reward: rewardIds[0] });
  assert.equal(again.res.status, 303, 'the freed reward can be chosen again');
});

test('a webhook delivered 3 times and out of order makes one transition', async () => {
  const { id } = seedCampaign();
  await ctl.faults({ webhook_duplicates: 3, webhook_hold: true });
  const p = await paidPledge(id, { outcome: 'paid_async' });
  assert.equal(pledgeState(p.pledgeId), 'pending');
  assert.deepEqual(await ctl.flushWebhooks(), { flushed: 6 }); // async_succeeded ×3 first, then completed(unpaid) ×3
  assert.equal(pledgeState(p.pledgeId), 'paid');
  assert.equal(ledgerCount('payment', p.pledgeId), 1);
  const outcomes = sql(`SELECT outcome, COUNT(*) FROM plc_payment_events WHERE reference = '${(await sessions())[0].id}' GROUP BY outcome ORDER BY outcome`);
  assert.deepEqual(outcomes, [['changed', '1'], ['ignored', '1']]);
});

test('a late failure never undoes paid', async () => {
  const { id } = seedCampaign();
  const p = await paidPledge(id);
  await ctl.webhooksIdle();
  const [s] = await sessions();
  await ctl.stripeEvent(s.id, 'checkout.session.async_payment_failed');
  await ctl.stripeEvent(s.id, 'checkout.session.expired');
  await ctl.webhooksIdle();
  assert.equal(pledgeState(p.pledgeId), 'paid');
  assert.equal(ledgerCount('payment', p.pledgeId), 1);
  const outcomes = sql(`SELECT event_type, outcome FROM plc_payment_events WHERE reference = '${s.id}' ORDER BY event_type`);
  assert.deepEqual(outcomes, [
    ['checkout.session.async_payment_failed', 'refused'],
    ['checkout.session.completed', 'changed'],
    ['checkout.session.expired', 'unchanged'],
  ]);
});

test('forged or stale Stripe-Signature → 400 and no change', async () => {
  const { id } = seedCampaign();
  await ctl.faults({ webhook_tamper: true, webhook_retries: 0 });
  const tampered = await paidPledge(id);
  await ctl.webhooksIdle();
  await ctl.faults({ webhook_tamper: false, webhook_stale_seconds: 3600 });
  const stale = await paidPledge(id);
  await ctl.webhooksIdle();
  const statuses = (await ctl.deliveries()).map((d) => d.status);
  assert.deepEqual(statuses, [400, 400]);
  assert.equal(pledgeState(tampered.pledgeId), 'pending');
  assert.equal(pledgeState(stale.pledgeId), 'pending');
  const forged = await fetch(`${baseUrl()}${P}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
    body: JSON.stringify({ id: 'evt_forged', object: 'event', type: 'checkout.session.completed', data: { object: { id: 'cs_x', payment_status: 'paid' } } }),
  });
  assert.equal(forged.status, 400);
  const unsigned = await fetch(`${baseUrl()}${P}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(unsigned.status, 400);
  assert.equal(count(`SELECT COUNT(*) FROM plc_ledger_entries WHERE pledge_id IN (${tampered.pledgeId}, ${stale.pledgeId})`), 0);
  assert.equal((await fetch(`${baseUrl()}${P}/webhooks/mollie`, { method: 'POST', body: 'id=tr_x' })).status, 404);
});

test('a slow provider does not hold the site up: pages are served while a checkout waits', async () => {
  // The stack runs one active worker and three spares (scripts/test: STACK_ACTIVE_WORKERS=1):
  // the worker waiting for Stripe must hand its place to a spare (plugin/core/active_workers.h).
  const { id } = seedCampaign({ rewards: [] });
  await ctl.faults({ api_delay_ms: 3000 });
  let settled = false;
  const slow = pledge(alice, id).finally(() => { settled = true; });
  const deadline = Date.now() + 5000;
  while ((await sessionPosts()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal((await sessionPosts()).length, 1, 'the checkout request reached the provider');
  for (const path of [`${P}/projects/${id}`, `${P}/`, `${P}/projects`, `${P}/projects/${id}`, `${P}/skills`]) {
    const started = Date.now();
    const res = await fetch(`${baseUrl()}${path}`);
    await res.text();
    assert.equal(res.status, 200, path);
    assert.ok(Date.now() - started < 1500, `${path} answered in ${Date.now() - started} ms while the provider was slow`);
  }
  assert.equal(settled, false, 'every page was answered while the checkout was still waiting');
  const p = await slow;
  assert.equal(p.res.status, 303);
  assert.match(p.res.location, new RegExp(`^${fake.url}/c/pay/cs_test_`));
});

test('provider down during checkout creation: "try again" page, no orphan, reward freed after the timeout', async () => {
  const { id, rewardIds } = seedCampaign({ rewards: [{ title: 'Atelier', min: 10_00, limit: 2 }] });
  await ctl.faults({ api_fail_next: 3, api_fail_status: 503 });
  const p = await pledge(alice, id, { reward: rewardIds[0] });
  assert.equal(p.res.status, 303);
  assert.equal(p.res.location, `${baseUrl()}${P}/payments/${p.pledgeId}/unavailable`);
  const page = await alice.get(p.res.location);
  assert.equal(page.status, 503);
  assert.match(page.text, /payments\/\d+\/retry/);
  assert.equal((await sessions()).length, 0, 'no checkout exists at the provider');
  assert.equal(one(`SELECT claimed FROM plc_rewards WHERE id = ${rewardIds[0]}`), '1');
  const early = await admin(['tick']);
  assert.equal(early.code, 0, early.stderr);
  assert.equal(pledgeState(p.pledgeId), 'pending', 'kept during the timeout');
  const tick = await admin(['tick'], { clockOffset: 31 * 60 });
  assert.equal(tick.code, 0, tick.stderr);
  assert.equal(pledgeState(p.pledgeId), 'expired');
  assert.equal(one(`SELECT claimed FROM plc_rewards WHERE id = ${rewardIds[0]}`), '0');
  const left = await sessions();
  assert.ok(left.every((s) => s.status === 'expired'), 'nothing at the provider can still be paid');
  assert.equal(count(`SELECT COUNT(*) FROM plc_ledger_entries WHERE pledge_id = ${p.pledgeId}`), 0);
});

test('"try again" after an outage reuses the same key and reaches the checkout', async () => {
  const { id } = seedCampaign();
  await ctl.faults({ api_fail_next: 3, api_fail_status: 500 });
  const p = await pledge(alice, id);
  assert.match(p.res.location, /\/unavailable$/);
  const retry = await alice.post(`${P}/payments/${p.pledgeId}/retry`, { csrf: p.csrf });
  assert.equal(retry.status, 303);
  assert.match(retry.location, /\/c\/pay\/cs_test_/);
  const keys = new Set((await sessionPosts()).map((l) => l.idempotency_key));
  assert.equal(keys.size, 1);
  assert.equal((await sessions()).length, 1);
  const bob = await login('bruno');
  const stranger = await bob.post(`${P}/payments/${p.pledgeId}/retry`, { csrf: p.csrf });
  assert.notEqual(stranger.status, 303);
});

test('provider 500 then success on retry → one checkout with the same idempotency key', async () => {
  const { id } = seedCampaign();
  await ctl.faults({ api_fail_next: 1, api_fail_status: 500 });
  const first = await pledge(alice, id);
  assert.match(first.res.location, /\/c\/pay\/cs_test_/);
  let posts = await sessionPosts();
  assert.deepEqual(posts.map((l) => l.status), [500, 200]);
  assert.equal(posts[0].idempotency_key, posts[1].idempotency_key);
  assert.match(posts[0].idempotency_key, new RegExp(`^placette-pledge-${first.pledgeId}-checkout-`));
  // The answer is lost after the provider created the session: the retry replays it.
  await ctl.reset();
  await ctl.faults({ lose_response_next: 1 });
  const second = await pledge(alice, id);
  posts = await sessionPosts();
  assert.deepEqual(posts.map((l) => l.status), [500, 200]);
  assert.equal((await sessions()).length, 1);
  assert.equal(second.res.location, (await sessions())[0].url);
  assert.equal(one(`SELECT idempotency_key FROM plc_payment_attempts WHERE pledge_id = ${second.pledgeId}`), posts[0].idempotency_key);
});

test('a double-submitted pledge form creates one pledge and one checkout', async () => {
  const { id } = seedCampaign();
  const p = await pledge(alice, id);
  const again = await alice.post(`${P}/projects/${id}/pledges`, { csrf: p.csrf, token: p.token, reward: 'none', amount: '10', message: '' });
  assert.equal(again.status, 303);
  assert.equal(again.location, p.res.location);
  assert.equal((await sessions()).length, 1);
});

test('webhook never arrives → reconcile settles it', async () => {
  const { id } = seedCampaign();
  await ctl.faults({ webhook_drop: true });
  const paid = await paidPledge(id);
  const abandoned = await pledge(alice, id);
  assert.equal(pledgeState(paid.pledgeId), 'pending');
  const early = await admin(['reconcile']);
  assert.equal(early.code, 0, early.stderr);
  assert.equal(pledgeState(paid.pledgeId), 'pending', 'not stale yet');
  const r = await admin(['reconcile'], { clockOffset: 31 * 60 });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`pledge ${paid.pledgeId} .*marked paid`));
  assert.equal(pledgeState(paid.pledgeId), 'paid');
  assert.equal(ledgerCount('payment', paid.pledgeId), 1);
  assert.notEqual(pledgeState(abandoned.pledgeId), 'paid');
  const [, open] = await sessions();
  assert.equal(open.status, 'expired', 'the abandoned checkout can no longer be paid');
  const again = await admin(['reconcile'], { clockOffset: 31 * 60 });
  assert.equal(again.code, 0);
  assert.equal(ledgerCount('payment', paid.pledgeId), 1);
});

test('staff pages say TEST MODE with test keys', async () => {
  const maire = await login('maire');
  const page = await maire.get(`${P}/staff`);
  assert.equal(page.status, 200);
  assert.match(page.text, /data-mode="test"/);
  assert.match(page.text, /\/participer\/webhooks\/stripe/);
});
