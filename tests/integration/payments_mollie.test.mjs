// Payments end to end through nginx with the fake Mollie: pledge → hosted checkout → id-only
// webhook fetched back → paid pledge and ledger; a failed payment frees the reward; a webhook
// naming an unknown payment is refused; a refund is recorded when Mollie confirms it.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { FakeControl } from '../fakes/client.mjs';
import { startFakeProviders } from '../fakes/providers.mjs';
import { P, FAKE_PORT, admin, count, eventually, ledgerCount, one, payOnHostedPage, pledge, pledgeState, seedCampaign, stackProvider, useProvider } from '../fakes/placette.mjs';
import { baseUrl } from './lib/stack.mjs';
import { login } from './lib/wordpress.mjs';

let fake, ctl, alice, original;

before(async () => {
  fake = await startFakeProviders({ port: FAKE_PORT });
  ctl = new FakeControl(fake.url);
  original = stackProvider();
  useProvider('mollie');
  alice = await login('alice');
});

after(async () => {
  if (original) useProvider(original);
  await fake?.stop();
});

beforeEach(async () => {
  await ctl.reset();
});

const payments = async () => Object.values((await ctl.state()).mollie.payments);

test('pledge → Mollie checkout → pay → webhook fetched back: paid, ledger, totals', async () => {
  const { id, rewardIds } = seedCampaign({ rewards: [{ title: 'Sachet de graines', min: 5_00, limit: 3 }] });
  const p = await pledge(alice, id, { reward: rewardIds[0], amount: '12.5' });
  assert.equal(p.res.status, 303);
  assert.match(p.res.location, new RegExp(`^${fake.url}/checkout/select-method/tr_`));
  const [m] = await payments();
  assert.deepEqual(m.amount, { currency: 'EUR', value: '12.50' });
  assert.equal(m.webhookUrl, `${baseUrl()}${P}/webhooks/mollie`);
  assert.equal(m.redirectUrl, `${baseUrl()}${P}/pledges/${p.pledgeId}`);
  assert.deepEqual(m.metadata, { pledge_id: String(p.pledgeId) });
  const log = (await ctl.state()).mollie.log.find((l) => l.method === 'POST');
  assert.match(log.idempotency_key, new RegExp(`^placette-pledge-${p.pledgeId}-checkout-`));
  const pay = await payOnHostedPage(p.res.location, 'paid');
  assert.equal(pay.location, m.redirectUrl);
  await ctl.webhooksIdle();
  assert.equal(pledgeState(p.pledgeId), 'paid');
  assert.equal(ledgerCount('payment', p.pledgeId), 1);
  assert.equal(one(`SELECT collected_minor FROM plc_campaigns WHERE id = ${id}`), '1250');
  const gets = (await ctl.state()).mollie.log.filter((l) => l.method === 'GET' && l.path === `/v2/payments/${m.id}`);
  assert.ok(gets.length >= 1, 'the webhook was fetched back');
  // The same webhook again: deduplicated by (payment, status).
  await ctl.mollieNotify(m.id);
  await ctl.webhooksIdle();
  assert.equal(ledgerCount('payment', p.pledgeId), 1);
  assert.equal(count(`SELECT COUNT(*) FROM plc_payment_events WHERE provider = 'mollie' AND event_id = '${m.id}:paid'`), 1);
});

test('a failed Mollie payment fails the pledge and frees the reward', async () => {
  const { id, rewardIds } = seedCampaign({ rewards: [{ title: 'Unique', min: 5_00, limit: 1 }] });
  const p = await pledge(alice, id, { reward: rewardIds[0] });
  await payOnHostedPage(p.res.location, 'failed');
  await ctl.webhooksIdle();
  assert.equal(pledgeState(p.pledgeId), 'failed');
  assert.equal(one(`SELECT claimed FROM plc_rewards WHERE id = ${rewardIds[0]}`), '0');
});

test('a webhook body is never trusted: unknown or malformed ids are refused', async () => {
  for (const body of ['id=tr_doesnotexist', 'id=../../v2/refunds', 'status=paid']) {
    const res = await fetch(`${baseUrl()}${P}/webhooks/mollie`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    assert.equal(res.status, 400, body);
  }
  assert.equal((await fetch(`${baseUrl()}${P}/webhooks/stripe`, { method: 'POST', body: '{}' })).status, 404);
});

test('a failed campaign is refunded through Mollie; the ledger records it once Mollie confirms', async () => {
  const { id } = seedCampaign({ goal: 9000_00, endsIn: 3600 });
  const p = await pledge(alice, id, { amount: '20' });
  await payOnHostedPage(p.res.location, 'paid');
  await ctl.webhooksIdle();
  assert.equal(pledgeState(p.pledgeId), 'paid');
  const tick = await admin(['tick'], { clockOffset: 2 * 3600 });
  assert.equal(tick.code, 0, tick.stderr);
  const refunds = Object.values((await ctl.state()).mollie.refunds);
  assert.equal(refunds.length, 1);
  assert.deepEqual(refunds[0].amount, { currency: 'EUR', value: '20.00' });
  await eventually(async () => {
    await ctl.webhooksIdle();
    return pledgeState(p.pledgeId) === 'refunded';
  }, 'the refund webhook');
  assert.equal(ledgerCount('refund', p.pledgeId), 1);
  const again = await admin(['tick'], { clockOffset: 2 * 3600 });
  assert.equal(again.code, 0);
  assert.equal(Object.values((await ctl.state()).mollie.refunds).length, 1);
  assert.equal(one(`SELECT collected_minor FROM plc_campaigns WHERE id = ${id}`), '0');
});

test('Mollie webhook never comes → reconcile fetches the payment and settles it', async () => {
  const { id } = seedCampaign();
  await ctl.faults({ webhook_drop: true });
  const p = await pledge(alice, id);
  await payOnHostedPage(p.res.location, 'paid');
  assert.equal(pledgeState(p.pledgeId), 'pending');
  const r = await admin(['reconcile'], { clockOffset: 31 * 60 });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(pledgeState(p.pledgeId), 'paid');
  assert.equal(ledgerCount('payment', p.pledgeId), 1);
});
