// Placette's side of the payment tests: seeding a live campaign in the stack's database, backing
// it through nginx like a citizen, running placette-admin (optionally with the clock moved), and
// switching the stack's provider (restarting placette-fcgi with STACK_PAYMENTS_PROVIDER).

import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { hiddenInput } from '../integration/lib/http.mjs';
import { repoDir, sql, stackDir, stackEnv } from '../integration/lib/stack.mjs';

export const P = '/participer';
export const FAKE_PORT = Number(process.env.PLACETTE_FAKE_PROVIDERS_PORT || 18491);
const run = promisify(execFile);

export const count = (q) => Number(sql(q)[0][0]);
export const one = (q) => sql(q)[0]?.[0] ?? null;

/** A live campaign ending in `endsIn` seconds, with rewards [{title, min, limit}]; returns ids. */
export function seedCampaign({ title = 'Jardin partagé', goal = 500_00, model = 'all_or_nothing', endsIn = 86400 * 20, rewards = [] } = {}) {
  const owner = one("SELECT ID FROM wp_users WHERE user_login = 'chloe'");
  const id = Number(
    sql(`INSERT INTO plc_campaigns (owner_id, owner_name, state, title, slug, summary, description, neighbourhood, theme,
           goal_minor, currency, funding_model, duration_days, cap_percent, created_at, updated_at, submitted_at, published_at, ends_at)
         VALUES (${owner}, 'Chloé Durand', 'live', '${title}', 'jardin', 'Un jardin pour le quartier', 'Des bacs et des graines.',
           'centre', 'environment', ${goal}, 'EUR', '${model}', 30, 10000, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP(),
           UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() + INTERVAL ${endsIn} SECOND);
         SELECT LAST_INSERT_ID();`)[0][0],
  );
  const rewardIds = rewards.map((r) =>
    Number(
      sql(`INSERT INTO plc_rewards (campaign_id, title, description, min_amount_minor, quantity_limit, claimed, created_at, updated_at)
           VALUES (${id}, '${r.title}', '', ${r.min}, ${r.limit ?? 'NULL'}, 0, UTC_TIMESTAMP(), UTC_TIMESTAMP());
           SELECT LAST_INSERT_ID();`)[0][0],
    ),
  );
  return { id, rewardIds };
}

/**
 * Backs campaign `id` as the logged-in `client`: the form (its CSRF and idempotency token), then
 * the POST. Returns {res, pledgeId, token}; res.location is where Placette sends the citizen.
 */
export async function pledge(client, id, { reward = 'none', amount = '10' } = {}) {
  const form = await client.get(`${P}/projects/${id}/back`);
  assert.equal(form.status, 200, `back form of campaign ${id}`);
  const token = hiddenInput(form.text, 'token');
  const csrf = hiddenInput(form.text, 'csrf');
  const res = await client.post(`${P}/projects/${id}/pledges`, { csrf, token, reward: String(reward), amount, message: '' });
  const pledgeId = Number(one(`SELECT id FROM plc_pledges WHERE idempotency_token = '${token}'`));
  return { res, pledgeId, token, csrf };
}

/** The buyer on the fake's hosted page: submits "pay"/"fail"/…; returns the redirect. */
export async function payOnHostedPage(url, outcome = 'paid') {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `outcome=${outcome}`,
    redirect: 'manual',
  });
  await res.text();
  return { status: res.status, location: res.headers.get('location') };
}

export function pledgeState(id) {
  return one(`SELECT state FROM plc_pledges WHERE id = ${id}`);
}

export function ledgerCount(kind, pledgeId) {
  return count(`SELECT COUNT(*) FROM plc_ledger_entries WHERE kind = '${kind}' AND pledge_id = ${pledgeId}`);
}

/** Waits until `check()` is true (polling), failing with `what` after `ms`. */
export async function eventually(check, what, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function adminPath() {
  return path.join(process.env.PLACETTE_BUILD_DIR || path.join(repoDir, 'build'), 'placette-admin');
}

/** placette-admin ARGS with the clock moved by `clockOffset` seconds; returns {code, stdout, stderr}. */
export async function admin(args, { clockOffset = 0 } = {}) {
  const env = { ...process.env, PLACETTE_CLOCK_OFFSET: String(clockOffset) };
  try {
    const { stdout, stderr } = await run(adminPath(), ['--config', stackEnv().STACK_PLACETTE_CONFIG, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The [payments] provider placette-fcgi runs with (from the stack's placette.ini). */
export function stackProvider() {
  const ini = readFileSync(stackEnv().STACK_PLACETTE_CONFIG, 'utf8');
  return /\[payments\][^[]*?provider\s*=\s*(\w+)/.exec(ini)?.[1] ?? 'manual';
}

/**
 * Restarts this test's own stack with another provider pointed at the fakes: `scripts/stack down`
 * then `up`, which regenerates Placette's configuration from STACK_PAYMENTS_PROVIDER.
 */
export function useProvider(provider) {
  if (stackProvider() === provider) return;
  const dir = stackDir();
  const env = stackEnv();
  const stack = (...args) =>
    execFileSync(path.join(repoDir, 'scripts', 'stack'), args, {
      env: {
        ...process.env,
        BUILD_DIR: process.env.PLACETTE_BUILD_DIR || path.join(repoDir, 'build'),
        STACK_PAYMENTS_PROVIDER: provider,
        STACK_PAYMENTS_API_BASE: `http://127.0.0.1:${FAKE_PORT}`,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 180_000,
    });
  stack('down', dir);
  stack('up', dir, env.STACK_HTTP_PORT);
  assert.equal(stackProvider(), provider);
}
