// A citizen pays in Chromium as in the demo: back a project, land on the fake Stripe's hosted page
// (a real HTTP server on loopback, its webhook signed and sent back through nginx), press "Pay" or
// "Fail", come back to the pledge page. The pledge, the totals and the reward's stock follow.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeControl } from '../fakes/client.mjs';
import { startFakeProviders } from '../fakes/providers.mjs';
import { FAKE_PORT, eventually, ledgerCount, one, pledgeState, seedCampaign, stackProvider, useProvider } from '../fakes/placette.mjs';
import { baseUrl } from '../integration/lib/stack.mjs';
import { launch, axeViolations, loggedInPage } from './lib/browser.mjs';

const P = `${baseUrl()}/participer`;
let chrome, fake, ctl, original;

before(async () => {
  fake = await startFakeProviders({ port: FAKE_PORT, stripe_webhook_url: `${P}/webhooks/stripe` });
  ctl = new FakeControl(fake.url);
  original = stackProvider();
  useProvider('stripe');
  chrome = await launch();
});

after(async () => {
  await chrome?.close();
  if (original) useProvider(original); // the other suites expect the stack as it was
  await fake?.stop();
});

const loggedIn = (login) => loggedInPage(chrome, login);

/** Backs campaign `id` with reward `rewardId` for `amount` euros; returns the page on the fake. */
async function backWithReward(page, id, rewardId, amount) {
  await page.goto(`${P}/projects/${id}/back`);
  await page.check(`input[name=reward][value="${rewardId}"]`);
  await page.fill('input[name=amount]', amount);
  await Promise.all([page.waitForNavigation(), page.locator('main form button[type=submit]').last().click()]);
  assert.ok(page.url().startsWith(`${fake.url}/c/pay/cs_test_`), `on the hosted page, not ${page.url()}`);
  return page;
}

const pledgeIdOf = (url) => Number(/\/pledges\/(\d+)/.exec(url)?.[1]);
const claimed = (rewardId) => Number(one(`SELECT claimed FROM plc_rewards WHERE id = ${rewardId}`));

test('back a project, pay on the provider page: the pledge is paid, the totals and the ledger follow', async () => {
  await ctl.reset();
  const { id, rewardIds } = seedCampaign({ title: 'Bancs du mail', rewards: [{ title: 'Une plaque gravée', min: 20_00, limit: 3 }] });
  const page = await loggedIn('bruno');
  await backWithReward(page, id, rewardIds[0], '25');
  assert.match(await page.locator('body').innerText(), /Bancs du mail[\s\S]*25\.00 EUR/);
  assert.equal(claimed(rewardIds[0]), 1, 'the reward is held while the citizen pays');

  await Promise.all([page.waitForNavigation(), page.click('button[value=paid]')]);
  const pledgeId = pledgeIdOf(page.url());
  assert.ok(pledgeId > 0, `back on the pledge page, not ${page.url()}`);
  await eventually(() => pledgeState(pledgeId) === 'paid', 'the signed webhook');
  await page.reload();
  assert.match(await page.locator('main').innerText(), /Payé/);
  assert.equal(ledgerCount('payment', pledgeId), 1);
  assert.equal(one(`SELECT collected_minor FROM plc_campaigns WHERE id = ${id}`), '2500');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], violations.join('\n'));

  await page.goto(`${P}/projects/${id}`);
  assert.match(await page.locator('main').innerText(), /\b25\s€/); // French formatting: a no-break space
  await page.context().close();
});

test('"Fail" on the provider page: the pledge fails, no money is counted, the reward is free again', async () => {
  await ctl.reset();
  const { id, rewardIds } = seedCampaign({ title: 'Fresque de la gare', rewards: [{ title: 'Un tirage', min: 10_00, limit: 1 }] });
  const page = await loggedIn('chloe');
  await backWithReward(page, id, rewardIds[0], '10');
  assert.equal(claimed(rewardIds[0]), 1);

  await Promise.all([page.waitForNavigation(), page.click('button[value=fail]')]);
  const failedAt = page.url();
  await ctl.webhooksIdle();
  const pledgeId = Number(one(`SELECT MAX(id) FROM plc_pledges WHERE campaign_id = ${id}`));
  await eventually(() => pledgeState(pledgeId) === 'failed', `the failure webhook (citizen sent to ${failedAt})`);
  assert.equal(claimed(rewardIds[0]), 0, 'the only copy of the reward can be chosen again');
  assert.equal(ledgerCount('payment', pledgeId), 0);
  assert.equal(one(`SELECT pledged_minor FROM plc_campaigns WHERE id = ${id}`), '0');
  await page.goto(`${P}/pledges/${pledgeId}`);
  assert.doesNotMatch(await page.locator('main').innerText(), /Payé/);
  await page.context().close();
});
