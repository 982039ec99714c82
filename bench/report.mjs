// Reads bench/run's raw wrk outputs and writes the results: a Markdown table (ratios to nginx's
// static file, to the trivial FastCGI responder and to WordPress) and the raw numbers as JSON.

import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);

/** Milliseconds from wrk's "1.23ms" / "456.00us" / "1.02s". */
function ms(text) {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (!m) return null;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

function parseWrk(file) {
  const text = readFileSync(file, 'utf8');
  const num = (re) => Number(re.exec(text)?.[1] ?? NaN);
  const pct = (p) => ms(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(text)?.[1] ?? '');
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    requests: num(/(\d+) requests in/),
    p50_ms: pct(50),
    p99_ms: pct(99),
    errors: num(/Non-2xx or 3xx responses:\s+(\d+)/) || 0,
    socket_errors: /Socket errors: (.*)/.exec(text)?.[1] ?? null,
  };
}

const raw = args.raw;
const scenarios = {};
for (const f of readdirSync(raw).filter((n) => /\.c\d+\.txt$/.test(n)).sort()) {
  const [, name, conns] = /^(.*)\.c(\d+)\.txt$/.exec(f);
  scenarios[name] ??= {};
  scenarios[name][conns === '1' ? 'c1' : 'cN'] = parseWrk(path.join(raw, f));
}

const ratio = (a, b) => (a && b ? a / b : null);
const staticRps = scenarios.static?.cN.rps;
const trivialRps = scenarios['fastcgi-trivial']?.cN.rps;
const wpAnon = scenarios['wordpress-post-anon']?.cN.rps;
const wpLogged = scenarios['wordpress-post-logged-in']?.cN.rps;

// First line a tool prints about its version, on stdout or stderr, whatever its exit code.
const version = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  return `${r.stdout || ''}${r.stderr || ''}`.split('\n').find((l) => l.trim())?.trim() ?? 'unknown';
};
const result = {
  date: new Date().toISOString(),
  smoke: args.smoke === '1',
  nproc: os.cpus().length,
  connections: Number(args.connections),
  seconds: Number(args.seconds),
  workers: Number(args.workers),
  body_bytes: Number(args['body-bytes']),
  rss_kb: { idle: Number(args['rss-idle-kb']), after_load: Number(args['rss-after-kb']) },
  versions: {
    nginx: version('nginx', ['-v']),
    mariadb: version('mariadbd', ['--version']),
    php: version('php', ['--version']),
    wrk: version('wrk', ['-v']),
    kernel: os.release(),
  },
  scenarios,
};
for (const [name, s] of Object.entries(scenarios)) {
  const wp = name.includes('logged-in') ? wpLogged : wpAnon;
  s.ratio_to_static = ratio(s.cN.rps, staticRps);
  s.ratio_to_fastcgi_trivial = ratio(s.cN.rps, trivialRps);
  s.ratio_to_wordpress = ratio(s.cN.rps, wp);
}

const f = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(d));
const lines = [
  `# Placette benchmark ${result.smoke ? '(smoke run: not a measurement)' : ''}`,
  '',
  `${result.date} · nproc ${result.nproc} · wrk -c${result.connections} -d${result.seconds}s (and -c1) on loopback, sharing the cores · ` +
    `placette-fcgi ${result.workers} workers · reference body ${result.body_bytes} bytes`,
  '',
  '| scenario | req/s | p50 ms | p99 ms | c1 p50 ms | c1 p99 ms | non-2xx | ÷ static | ÷ trivial FastCGI | × WordPress |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const [name, s] of Object.entries(scenarios)) {
  lines.push(
    `| ${name} | ${f(s.cN.rps, 0)} | ${f(s.cN.p50_ms, 2)} | ${f(s.cN.p99_ms, 2)} | ${f(s.c1?.p50_ms, 2)} | ${f(s.c1?.p99_ms, 2)} | ` +
      `${s.cN.errors} | ${f(s.ratio_to_static, 2)} | ${f(s.ratio_to_fastcgi_trivial, 2)} | ${f(s.ratio_to_wordpress, 0)} |`,
  );
}
lines.push('', `placette-fcgi resident memory: ${(result.rss_kb.idle / 1024).toFixed(1)} MB idle, ` +
  `${(result.rss_kb.after_load / 1024).toFixed(1)} MB after the load.`, '',
  `Versions: ${Object.entries(result.versions).map(([k, v]) => `${k}: ${v}`).join(' · ')}`, '');
mkdirSync(args.out, { recursive: true });
writeFileSync(path.join(args.out, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
writeFileSync(path.join(args.out, 'latest.md'), lines.join('\n'));
process.stdout.write(lines.join('\n'));

// A smoke run checks that every scenario produced numbers and no error answers.
const broken = Object.entries(scenarios).filter(([, s]) => !(s.cN.rps > 0) || s.cN.errors > 0);
if (broken.length) {
  console.error(`\nscenarios without results or with error answers: ${broken.map(([n]) => n).join(', ')}`);
  process.exit(1);
}
