// The write benchmark's load generator and report (run by bench/write). Each client is a browser
// on its own keep-alive connection, posting the pledge form back to back for real WordPress
// citizens (its own few, in turn) with their CSRF tokens and a fresh idempotency token per pledge;
// the load stops at a count or a deadline, whichever comes first.
//
//   node bench/write.mjs login  --base URL --users TSV --citizens M --campaign ID --out SESSIONS.json
//   node bench/write.mjs run    --base URL --sessions SESSIONS.json --clients N --campaign ID
//                               [--reward ID] --count N --seconds S --name NAME --out RAW.json
//   node bench/write.mjs report --raw DIR --out DIR --smoke 0|1

import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';

const [command, ...rest] = process.argv.slice(2);
const args = {};
for (let i = 0; i < rest.length; i += 2) args[rest[i].replace(/^--/, '')] = rest[i + 1];

// --- a minimal HTTP client: one keep-alive socket per client, cookies kept by hand -------------

function request(agent, base, method, target, { cookies = {}, form = null } = {}) {
  const url = new URL(target, base);
  const headers = { 'user-agent': 'placette-bench-write' };
  const cookie = Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
  if (cookie) headers.cookie = cookie;
  let body = null;
  if (form) {
    body = new URLSearchParams(form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers['content-length'] = Buffer.byteLength(body);
  }
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

function keepCookies(jar, res) {
  for (const line of res.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (/expires=Thu, 01[- ]Jan[- ]1970|max-age=0/i.test(line) || value === 'deleted') delete jar[name];
    else jar[name] = value;
  }
}

const hidden = (html, name) =>
  new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];

// --- login: each client logs its own citizen in through wp-login.php ---------------------------

async function login() {
  const base = args.base;
  const citizens = Number(args.citizens);
  const users = readFileSync(args.users, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
  if (users.length < citizens) throw new Error(`${citizens} citizens but ${users.length} users`);
  const sessions = [];
  // A few at a time: WordPress hashes each password (php-fpm has 4 children).
  for (let i = 0; i < citizens; i += 4) {
    const batch = users.slice(i, Math.min(i + 4, citizens)).map(async ([log, pwd]) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const jar = {};
      keepCookies(jar, await request(agent, base, 'GET', '/wp-login.php'));
      const res = await request(agent, base, 'POST', '/wp-login.php', {
        cookies: jar,
        form: { log, pwd, 'wp-submit': 'Log In', testcookie: '1', redirect_to: `${base}/wp-admin/` },
      });
      keepCookies(jar, res);
      if (res.status !== 302 || !Object.keys(jar).some((k) => k.startsWith('wordpress_logged_in_')))
        throw new Error(`login of ${log} failed (status ${res.status})`);
      const form = await request(agent, base, 'GET', `/participer/projects/${args.campaign}/back`, { cookies: jar });
      const csrf = hidden(form.text, 'csrf');
      if (form.status !== 200 || !csrf) throw new Error(`${log}: no pledge form (status ${form.status})`);
      agent.destroy();
      // Only WordPress's session cookie goes to Placette (as a browser would send on /participer/).
      const cookies = Object.fromEntries(Object.entries(jar).filter(([k]) => k.startsWith('wordpress_logged_in_')));
      return { login: log, cookies, csrf };
    });
    sessions.push(...(await Promise.all(batch)));
  }
  writeFileSync(args.out, JSON.stringify(sessions, null, 1));
  console.error(`[write] ${sessions.length} citizens logged in`);
}

// --- run: the bounded, closed-loop load ------------------------------------------------------

const AMOUNTS = ['10', '15', '20', '25', '30', '50', '12,50', '100'];
const MESSAGES = ['', '', '', 'Bravo pour ce projet !', 'Hâte de voir le résultat.', 'Pour le quartier.'];

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run() {
  const base = args.base;
  const sessions = JSON.parse(readFileSync(args.sessions, 'utf8'));
  const clients = Number(args.clients);
  if (!(clients > 0 && clients <= sessions.length)) throw new Error(`${clients} clients for ${sessions.length} citizens`);
  const count = Number(args.count);
  const deadline = Date.now() + Number(args.seconds) * 1000;
  // --campaign ID, or ID,ID,… : client n posts on campaign n mod the list's length.
  const campaigns = String(args.campaign).split(',').map(Number);
  const targetOf = (n) => `/participer/projects/${campaigns[n % campaigns.length]}/pledges`;
  const latencies = new Float64Array(count);
  const statuses = {};
  const outcome = { accepted: 0, sold_out: 0, refused: 0, errors: 0 };
  const errorSamples = [];
  let issued = 0;
  let done = 0;

  // Client n posts for citizens n, n + clients, n + 2 × clients… in turn.
  async function client(n) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let k = 0; issued < count && Date.now() < deadline; k++) {
      issued++;
      const s = sessions[(n + k * clients) % sessions.length];
      const form = {
        csrf: s.csrf,
        token: randomBytes(16).toString('hex'),
        reward: args.reward ?? 'none',
        amount: args.reward ? '10' : AMOUNTS[(n + done) % AMOUNTS.length],
        message: MESSAGES[(n + done) % MESSAGES.length],
      };
      if ((n + done) % 7 === 0) form.anonymous = '1';
      const t0 = process.hrtime.bigint();
      let res;
      try {
        res = await request(agent, base, 'POST', targetOf(n), { cookies: s.cookies, form });
      } catch (e) {
        res = { status: 0, text: String(e.message) };
      }
      latencies[done++] = Number(process.hrtime.bigint() - t0) / 1e6;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 303 || res.status === 201) outcome.accepted++;
      else if (res.status === 422 && /id="f-reward-error"/.test(res.text)) outcome.sold_out++;
      else if (res.status === 422) outcome.refused++;
      else outcome.errors++;
      if (res.status !== 303 && res.status !== 201 && res.status !== 422 && errorSamples.length < 5)
        errorSamples.push(`${res.status}: ${res.text.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    agent.destroy();
  }

  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = Array.from(latencies.subarray(0, done)).sort((a, b) => a - b);
  const result = {
    name: args.name,
    campaign: campaigns.length === 1 ? campaigns[0] : campaigns,
    reward: args.reward ? Number(args.reward) : null,
    clients,
    citizens: sessions.length,
    max_count: count,
    max_seconds: Number(args.seconds),
    requests: done,
    seconds,
    per_second: done / seconds,
    accepted_per_second: outcome.accepted / seconds,
    p50_ms: percentile(sorted, 50),
    p90_ms: percentile(sorted, 90),
    p99_ms: percentile(sorted, 99),
    max_ms: sorted.at(-1) ?? null,
    outcome,
    statuses,
    error_samples: errorSamples,
  };
  writeFileSync(args.out, JSON.stringify(result, null, 2) + '\n');
  console.error(`[write] ${args.name}: ${done} pledges in ${seconds.toFixed(1)} s = ${result.per_second.toFixed(0)}/s, ` +
    `p50 ${result.p50_ms?.toFixed(1)} ms, p99 ${result.p99_ms?.toFixed(1)} ms, ${JSON.stringify(outcome)}`);
}

// --- report: bench/results/write.md and write.json -----------------------------------------

function report() {
  const raw = args.raw;
  const runs = readdirSync(raw).filter((f) => f.startsWith('run-') && f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(path.join(raw, f), 'utf8')));
  const checks = JSON.parse(readFileSync(path.join(raw, 'checks.json'), 'utf8'));
  const ledgerText = readFileSync(path.join(raw, 'check-ledger.txt'), 'utf8');
  const result = {
    date: new Date().toISOString(),
    smoke: args.smoke === '1',
    nproc: os.cpus().length,
    workers: Number(args.workers),
    runs,
    checks,
  };
  const f = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(d));
  const lines = [
    `# Placette write benchmark${result.smoke ? ' (smoke run: not a measurement)' : ''}`,
    '',
    `${result.date} · nproc ${result.nproc} · placette-fcgi ${result.workers} workers · manual payment provider · ` +
      'each client on its own keep-alive connection posting for logged-in WordPress citizens in turn, through nginx; the load generator shares the cores',
    '',
    '| run | clients | citizens | requests | seconds | requests/s | accepted/s | p50 ms | p90 ms | p99 ms | accepted (303) | sold out (422) | other refusals | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of runs) {
    lines.push(`| ${r.name} | ${r.clients} | ${r.citizens} | ${r.requests} | ${f(r.seconds)} | ${f(r.per_second, 0)} | ${f(r.accepted_per_second, 0)} | ` +
      `${f(r.p50_ms, 2)} | ${f(r.p90_ms, 2)} | ${f(r.p99_ms, 2)} | ${r.outcome.accepted} | ${r.outcome.sold_out} | ${r.outcome.refused} | ${r.outcome.errors} |`);
  }
  lines.push('', '## Afterwards', '');
  lines.push(`- \`placette-admin check-ledger\`: ${checks.ledger_clean ? '**clean**' : '**PROBLEMS**'} (exit ${checks.ledger_exit}).`);
  lines.push(`- Limited reward ${checks.reward_id}: limit ${checks.reward_limit}, claimed ${checks.reward_claimed}, ` +
    `live pledges choosing it ${checks.reward_pledges}: **${checks.oversold} oversold**.`);
  lines.push(`- Unlimited campaign ${checks.open_campaign}: ${checks.open_pledges} pledges stored for ${checks.open_accepted} accepted answers; ` +
    `cached total ${checks.open_pledged_cents} cents, pledges sum to ${checks.open_sum_cents} cents.`);
  lines.push(`- The ${checks.spread_campaigns} campaigns of the spread run: ${checks.spread_pledges} pledges stored for ${checks.spread_accepted} accepted answers; ` +
    `cached totals ${checks.spread_pledged_cents} cents, pledges sum to ${checks.spread_sum_cents} cents.`);
  lines.push('', '<details><summary>check-ledger output</summary>', '', '```', ledgerText.trim(), '```', '</details>', '');
  mkdirSync(args.out, { recursive: true });
  writeFileSync(path.join(args.out, 'write.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(path.join(args.out, 'write.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));

  const problems = [];
  if (!checks.ledger_clean) problems.push('check-ledger is not clean');
  if (checks.oversold !== 0 || checks.reward_claimed > checks.reward_limit) problems.push('the limited reward is oversold');
  if (checks.reward_claimed !== checks.reward_pledges) problems.push('reward claims differ from its pledges');
  if (checks.open_pledges !== checks.open_accepted) problems.push('stored pledges differ from accepted answers');
  if (checks.open_pledged_cents !== checks.open_sum_cents) problems.push('cached pledged total differs from the pledges');
  if (checks.spread_pledges !== checks.spread_accepted) problems.push('spread run: stored pledges differ from accepted answers');
  if (checks.spread_pledged_cents !== checks.spread_sum_cents) problems.push('spread run: cached totals differ from the pledges');
  for (const r of runs) {
    if (r.outcome.errors > 0) problems.push(`${r.name}: ${r.outcome.errors} error answers (${r.error_samples.join(' | ')})`);
    if (r.reward === null && r.outcome.refused + r.outcome.sold_out > 0) problems.push(`${r.name}: refusals on an unlimited campaign`);
    if (!(r.outcome.accepted > 0)) problems.push(`${r.name}: no pledge accepted`);
  }
  if (problems.length) {
    console.error(`\nwrite benchmark problems: ${problems.join('; ')}`);
    process.exit(1);
  }
}

const commands = { login, run, report };
if (!commands[command]) {
  console.error('usage: node bench/write.mjs login|run|report --option value ...');
  process.exit(2);
}
await commands[command]();
