// Many pledges at once through nginx, from parallel HTTP clients with real WordPress sessions:
// a reward limited to 10 is claimed exactly 10 times, a campaign near its overfunding cap never
// goes past it, one citizen's parallel pledges never pass the per-person maximum, every refused
// pledge gets a clear message, and check-ledger stays clean.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { hiddenInput, HttpClient } from './lib/http.mjs';
import { sql } from './lib/stack.mjs';
import { login } from './lib/wordpress.mjs';
import { admin, count, one } from '../fakes/placette.mjs';

const P = '/participer';
const PARALLEL = 220;
let sessions = [];  // [{client, csrf}] for alice, bruno, chloe, editrice

const plain = (s) =>
  s.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const fieldError = (html, field) => plain(new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html)?.[1] ?? '');

/** A client of its own (own connection, same WordPress session cookies as `base`). */
function cloneClient(base) {
  const c = new HttpClient({ userAgent: 'placette-concurrency' });
  for (const [k, v] of base.jar) c.jar.set(k, { ...v });
  return c;
}

function seedCampaign(title, goalCents, rewardLimit) {
  const owner = one("SELECT ID FROM wp_users WHERE user_login = 'maire'");
  const id = Number(sql(`INSERT INTO plc_campaigns (owner_id, owner_name, state, title, slug, summary, description,
      neighbourhood, theme, goal_minor, duration_days, cap_percent, created_at, updated_at, submitted_at, published_at, ends_at)
    VALUES (${owner}, 'Anne Maire', 'live', '${title}', 'course', 'Résumé', 'Texte', 'centre', 'culture', ${goalCents}, 30, 150,
      UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 30 DAY);
    SELECT LAST_INSERT_ID();`)[0][0]);
  let reward = null;
  if (rewardLimit) {
    reward = Number(sql(`INSERT INTO plc_rewards (campaign_id, title, description, min_amount_minor, quantity_limit,
        created_at, updated_at) VALUES (${id}, 'Place au premier rang', '', 1000, ${rewardLimit}, UTC_TIMESTAMP(), UTC_TIMESTAMP());
      SELECT LAST_INSERT_ID();`)[0][0]);
  }
  return { id, reward };
}

/** PARALLEL pledges fired together; returns the responses. */
async function burst(id, fields) {
  const jobs = [];
  for (let i = 0; i < PARALLEL; i++) {
    const s = sessions[i % sessions.length];
    const client = cloneClient(s.client);
    const token = randomBytes(16).toString('hex');
    jobs.push(client.post(`${P}/projects/${id}/pledges`, { csrf: s.csrf, token, message: '', ...fields }));
  }
  return Promise.all(jobs);
}

before(async () => {
  for (const user of ['alice', 'bruno', 'chloe', 'editrice']) {
    const client = await login(user);
    const csrf = hiddenInput((await client.get(`${P}/projects/new`)).text, 'csrf');
    sessions.push({ client, csrf });
  }
});

test(`${PARALLEL} pledges at once on a reward limited to 10: exactly 10 claimed, the others told it is sold out`, async () => {
  const { id, reward } = seedCampaign('Course de caisses à savon', 1000000, 10);
  const answers = await burst(id, { reward: String(reward), amount: '10' });
  const accepted = answers.filter((r) => r.status === 303);
  const refused = answers.filter((r) => r.status === 422);
  assert.equal(accepted.length, 10, `statuses: ${[...new Set(answers.map((r) => r.status))]}`);
  assert.equal(refused.length, PARALLEL - 10);
  for (const r of refused) assert.match(fieldError(r.text, 'reward'), /« Place au premier rang » est épuisée/);
  assert.equal(one(`SELECT claimed FROM plc_rewards WHERE id = ${reward}`), '10');
  assert.equal(count(`SELECT COUNT(*) FROM plc_pledges WHERE campaign_id = ${id}`), 10);
  assert.equal(one(`SELECT pledged_minor FROM plc_campaigns WHERE id = ${id}`), '10000');
  // Staff double-click "received" on every pledge at once: one payment entry each.
  const desk = sessions[3];
  const ids = sql(`SELECT id FROM plc_pledges WHERE campaign_id = ${id}`).map((r) => r[0]);
  const clicks = ids.flatMap((pid) => [0, 1].map(() => cloneClient(desk.client).post(`${P}/staff/pledges/${pid}/received`, { csrf: desk.csrf })));
  for (const r of await Promise.all(clicks)) assert.equal(r.status, 303);
  assert.equal(count(`SELECT COUNT(*) FROM plc_ledger_entries WHERE campaign_id = ${id} AND kind = 'payment'`), 10);
  assert.equal(one(`SELECT collected_minor FROM plc_campaigns WHERE id = ${id}`), '10000');
});

test(`${PARALLEL} pledges at once on a campaign near its overfunding cap: the cap is never exceeded`, async () => {
  const { id } = seedCampaign('Kiosque à musique', 10000, 0);  // goal 100 €, cap 150 €
  const maire = await login('maire');
  const form = await maire.get(`${P}/projects/${id}/back`);
  const first = await maire.post(`${P}/projects/${id}/pledges`, {
    csrf: hiddenInput(form.text, 'csrf'), token: hiddenInput(form.text, 'token'), reward: 'none', amount: '140', message: '',
  });
  assert.equal(first.status, 303);
  const answers = await burst(id, { reward: 'none', amount: '5' });
  const accepted = answers.filter((r) => r.status === 303);
  const refused = answers.filter((r) => r.status === 422);
  assert.equal(accepted.length, 2, `statuses: ${[...new Set(answers.map((r) => r.status))]}`);
  assert.equal(refused.length, PARALLEL - 2);
  for (const r of refused) assert.match(fieldError(r.text, 'amount'), /a atteint son plafond de collecte \(150 €\)/);
  assert.equal(one(`SELECT pledged_minor FROM plc_campaigns WHERE id = ${id}`), '15000');
  assert.equal(count(`SELECT COALESCE(SUM(amount_minor), 0) FROM plc_pledges WHERE campaign_id = ${id} AND state IN ('pending', 'paid')`), 15000);
});

test('40 pledges at once from one citizen: never more than the per-person maximum (1 000 €)', async () => {
  const { id } = seedCampaign('Four à pain du quartier', 10000000, 0);
  const alice = sessions[0];
  const jobs = [];
  for (let i = 0; i < 40; i++) {
    jobs.push(cloneClient(alice.client).post(`${P}/projects/${id}/pledges`, {
      csrf: alice.csrf, token: randomBytes(16).toString('hex'), reward: 'none', amount: '100', message: '',
    }));
  }
  const answers = await Promise.all(jobs);
  const accepted = answers.filter((r) => r.status === 303);
  const refused = answers.filter((r) => r.status === 422);
  assert.equal(accepted.length, 10, `statuses: ${[...new Set(answers.map((r) => r.status))]}`);
  assert.equal(refused.length, 30);
  for (const r of refused) {
    assert.match(fieldError(r.text, 'amount'), /Vous avez déjà promis 1 000 € à ce projet et le maximum est de 1 000 € par personne/);
  }
  assert.equal(one(`SELECT pledged_minor FROM plc_campaigns WHERE id = ${id}`), '100000');
  assert.equal(count(`SELECT COALESCE(SUM(amount_minor), 0) FROM plc_pledges WHERE campaign_id = ${id}`), 100000);
});

test('check-ledger is clean after the bursts', async () => {
  const r = await admin(['check-ledger']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, /FAILED/);
});
