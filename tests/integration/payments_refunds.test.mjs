// A failed all-or-nothing campaign with 50 paid pledges (fake Stripe): placette-admin tick run
// twice at once refunds each pledge exactly once, even when the provider fails 20 % of refunds on
// the first run; the ledger has one refund per pledge and the campaign's total goes back to 0.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeControl } from '../fakes/client.mjs';
import { startFakeProviders } from '../fakes/providers.mjs';
import { P, FAKE_PORT, admin, count, one, payOnHostedPage, pledge, seedCampaign, stackProvider, useProvider } from '../fakes/placette.mjs';
import { baseUrl } from './lib/stack.mjs';
import { login } from './lib/wordpress.mjs';

let fake, ctl, original;

before(async () => {
  fake = await startFakeProviders({ port: FAKE_PORT, stripe_webhook_url: `${baseUrl()}${P}/webhooks/stripe` });
  ctl = new FakeControl(fake.url);
  original = stackProvider();
  useProvider('stripe');
});

after(async () => {
  if (original) useProvider(original);
  await fake?.stop();
});

async function inBatches(n, size, fn) {
  const out = [];
  for (let i = 0; i < n; i += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => fn(i + j)))));
  }
  return out;
}

test('tick refunds 50 paid pledges of a failed campaign exactly once, twice at once, with 20 % failing', async () => {
  await ctl.reset();
  const { id } = seedCampaign({ title: 'Fresque du préau', goal: 9000_00, endsIn: 3600 });
  const citizens = await Promise.all(['alice', 'bruno', 'chloe'].map((name) => login(name)));
  const pledges = await inBatches(50, 10, async (i) => {
    const p = await pledge(citizens[i % 3], id, { amount: String(10 + (i % 7)) });
    assert.equal(p.res.status, 303);
    assert.equal((await payOnHostedPage(p.res.location)).status, 303);
    return p.pledgeId;
  });
  await ctl.webhooksIdle();
  const ids = pledges.join(',');
  assert.equal(count(`SELECT COUNT(*) FROM plc_pledges WHERE id IN (${ids}) AND state = 'paid'`), 50);
  assert.equal(count(`SELECT COUNT(*) FROM plc_ledger_entries WHERE kind = 'payment' AND pledge_id IN (${ids})`), 50);
  const collected = Number(one(`SELECT collected_minor FROM plc_campaigns WHERE id = ${id}`));
  assert.ok(collected > 0);

  // The campaign ended below its goal; the provider fails 20 % of refunds (3 times in a row each).
  await ctl.faults({ refund_fail_percent: 20, refund_fail_attempts: 6 });
  const later = { clockOffset: 2 * 3600 };
  const first = await Promise.all([admin(['tick'], later), admin(['tick'], later)]);
  for (const r of first) assert.equal(r.code, 0, r.stderr);
  assert.equal(one(`SELECT state FROM plc_campaigns WHERE id = ${id}`), 'failed');
  await ctl.webhooksIdle();
  let state = await ctl.state();
  assert.ok(state.faults.refund_failed_calls > 0, 'the provider did fail refunds');
  const refundedFirst = count(`SELECT COUNT(*) FROM plc_pledges WHERE id IN (${ids}) AND state = 'refunded'`);
  assert.ok(refundedFirst >= 35 && refundedFirst <= 45, `about 80 % refunded on the first run (${refundedFirst})`);
  assert.equal(count(`SELECT COUNT(*) FROM plc_pledges WHERE id IN (${ids}) AND state IN ('refunded', 'refund_pending')`), 50);

  const second = await Promise.all([admin(['tick'], later), admin(['tick'], later)]);
  for (const r of second) assert.equal(r.code, 0, r.stderr);
  await ctl.webhooksIdle();
  state = await ctl.state();
  const refunds = Object.values(state.stripe.refunds);
  assert.equal(refunds.length, 50, 'one refund per payment at the provider');
  assert.equal(new Set(refunds.map((r) => r.payment_intent)).size, 50);
  assert.equal(count(`SELECT COUNT(*) FROM plc_pledges WHERE id IN (${ids}) AND state = 'refunded'`), 50);
  assert.equal(count(`SELECT COUNT(*) FROM plc_ledger_entries WHERE kind = 'refund' AND pledge_id IN (${ids})`), 50);
  assert.equal(count(`SELECT COUNT(DISTINCT pledge_id) FROM plc_ledger_entries WHERE kind = 'refund' AND pledge_id IN (${ids})`), 50);
  assert.equal(one(`SELECT collected_minor FROM plc_campaigns WHERE id = ${id}`), '0');
  assert.equal(one(`SELECT COALESCE(SUM(amount_minor), 0) FROM plc_ledger_entries WHERE campaign_id = ${id}`), '0');
  const refundedAmount = refunds.reduce((sum, r) => sum + r.amount, 0);
  assert.equal(refundedAmount, collected);
  const keys = count(`SELECT COUNT(DISTINCT idempotency_key) FROM plc_payment_attempts WHERE action = 'refund' AND pledge_id IN (${ids})`);
  assert.equal(keys, 50, 'one refund key per pledge, stored before the calls');

  const third = await admin(['tick'], later);
  assert.equal(third.code, 0, third.stderr);
  assert.equal(Object.keys((await ctl.state()).stripe.refunds).length, 50, 'a third tick refunds nothing more');
  const ledger = await admin(['check-ledger']);
  assert.equal(ledger.code, 0, ledger.stdout + ledger.stderr);
});
