// Reads bench/scale's raw outputs (wrk runs and one slow-log capture per page and size) and writes
// bench/results/scale.md and scale.json: each page's latency at every size, the ratio of the full
// size to the smallest (the median of the rounds' ratios: the sizes were served side by side and a
// page's sizes measured one right after the other in each round), the rows MariaDB examined, and — for the queries whose work grows with the
// data — the query and its EXPLAIN at the full size.
//
//   node bench/scale.mjs --raw DIR --out DIR --sizes "1000 100000 200000" --seconds S
//                        --rounds R --c1-seconds S1
//                        --workers N --smoke 0|1 --mysql-cnf ROOT.cnf

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const args = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
const sizes = args.sizes.split(/\s+/).filter(Boolean).map(Number);
const smallest = sizes[0];
const full = sizes.at(-1);
const TARGET_RATIO = 1.5;
const read = (...p) => readFileSync(path.join(args.raw, ...p), 'utf8');
const exists = (...p) => existsSync(path.join(args.raw, ...p));

/** Milliseconds from wrk's "1.23ms" / "456.00us" / "1.02s". */
function ms(text) {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text ?? '');
  if (!m) return null;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

function parseWrk(text) {
  const num = (re) => Number(re.exec(text)?.[1] ?? NaN);
  const pct = (p) => ms(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(text)?.[1]);
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    requests: num(/(\d+) requests in/),
    p50_ms: pct(50),
    p99_ms: pct(99),
    errors: num(/Non-2xx or 3xx responses:\s+(\d+)/) || 0,
  };
}

/** Placette's statements in a slow log: text, time, rows examined and the plan's flags. */
function parseSlowLog(text) {
  const out = [];
  let cur = null;
  const flush = () => {
    if (cur && cur.placette && cur.sql) out.push(cur);
    cur = null;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('# Time:')) continue;
    if (line.startsWith('# User@Host:')) {
      flush();
      cur = { placette: /^# User@Host: placette\[/.test(line), sql: '' };
      continue;
    }
    if (!cur) continue;
    if (line.startsWith('#')) {
      const qt = /Query_time: ([\d.]+).*Rows_sent: (\d+)\s+Rows_examined: (\d+)/.exec(line);
      if (qt) Object.assign(cur, { query_ms: Number(qt[1]) * 1000, rows_sent: Number(qt[2]), rows_examined: Number(qt[3]) });
      for (const flag of ['Full_scan', 'Filesort', 'Tmp_table']) {
        const m = new RegExp(`${flag}: (Yes|No)`).exec(line);
        if (m) cur[flag.toLowerCase()] = m[1] === 'Yes';
      }
      continue;
    }
    if (/^(use `[^`]*`|SET timestamp=\d+);$/.test(line)) continue;
    cur.sql += (cur.sql ? ' ' : '') + line.trim();
  }
  flush();
  for (const q of out) {
    q.sql = q.sql.replace(/;$/, '');
    // The query's shape: the same statement at every size, whatever its values.
    q.shape = q.sql.replace(/'(?:[^'\\]|\\.)*'/g, "'?'").replace(/\b\d+\b/g, '?');
  }
  // Session statements aside; "SET STATEMENT … FOR SELECT …" is a query (filtered listings).
  return out.filter((q) => !/^(SET(?! STATEMENT\b)|COMMIT|ROLLBACK|BEGIN|START TRANSACTION)\b/i.test(q.sql));
}

const median = (xs) => {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

/** A page's -c1 runs at one size (one per round): the median of each figure, and every p50. */
function c1Runs(size, page) {
  const runs = [];
  for (let r = 1; exists(String(size), `${page}.c1.${r}.txt`); r++) runs.push(parseWrk(read(String(size), `${page}.c1.${r}.txt`)));
  if (!runs.length) return null;
  return {
    rps: median(runs.map((r) => r.rps)),
    requests: runs.reduce((a, r) => a + r.requests, 0),
    p50_ms: median(runs.map((r) => r.p50_ms)),
    p99_ms: median(runs.map((r) => r.p99_ms)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    runs: runs.length,
    p50_runs_ms: runs.map((r) => r.p50_ms),
  };
}

function counts(size) {
  return Object.fromEntries(read(String(size), 'counts.tsv').trim().split('\n').map((l) => {
    const [k, v] = l.split('\t');
    return [k, Number(v)];
  }));
}

// --- collect ----------------------------------------------------------------------------------
const pages = read(String(full), 'pages.tsv').trim().split('\n').map((l) => l.split('\t')[0]);
const result = {
  date: new Date().toISOString(),
  smoke: args.smoke === '1',
  nproc: os.cpus().length,
  workers: Number(args.workers),
  seconds: Number(args.seconds),
  c1_rounds: Number(args.rounds),
  c1_seconds: Number(args['c1-seconds']),
  target_ratio: TARGET_RATIO,
  sizes: sizes.map((s) => ({ campaigns: s, counts: counts(s), load_seconds: Number(read(`${s}.load-seconds`).trim()) })),
  pages: {},
};
for (const page of pages) {
  const p = (result.pages[page] = { by_size: {} });
  for (const s of sizes) {
    const paths = Object.fromEntries(read(String(s), 'pages.tsv').trim().split('\n').map((l) => l.split('\t')));
    const queries = parseSlowLog(read(String(s), `${page}.slow.log`));
    p.by_size[s] = {
      path: paths[page],
      status: Number(read(String(s), `${page}.status`).trim()),
      c1: c1Runs(s, page),
      c8: exists(String(s), `${page}.c8.txt`) ? parseWrk(read(String(s), `${page}.c8.txt`)) : null,
      // What the page shows: campaign and listing cards (the home page's three blocks included).
      results: exists(String(s), `${page}.html`) ? (read(String(s), `${page}.html`).match(/class="(?:cf-card|listing-card)"/g) ?? []).length : null,
      queries: queries.length,
      rows_examined: queries.reduce((a, q) => a + (q.rows_examined ?? 0), 0),
      statements: queries,
    };
  }
  // The sizes of a page were measured one right after the other in each round: the ratio of
  // each round, and their median (the target's figure), are what the machine's drift over
  // minutes cannot move; the ratio of the two medians is kept for comparison.
  const a = p.by_size[smallest].c1;
  const b = p.by_size[full].c1;
  p.ratio_rounds = a && b ? b.p50_runs_ms.map((v, i) => (v && a.p50_runs_ms[i] ? v / a.p50_runs_ms[i] : null)) : [];
  p.ratio_p50 = median(p.ratio_rounds);
  p.ratio_of_medians = a?.p50_ms && b?.p50_ms ? b.p50_ms / a.p50_ms : null;
  // Like for like: the page shows as many results at the full size as at the smallest. A rare
  // word or a three-way filter lists (almost) nothing at the smallest size: its ratio measures
  // the longer page as much as the data, and is reported apart.
  p.like_for_like = p.by_size[smallest].results === p.by_size[full].results;
}
const judged = Object.values(result.pages).filter((p) => p.ratio_p50 !== null);
const likeForLike = judged.filter((p) => p.like_for_like);
result.within_target = {
  like_for_like: { pages: likeForLike.length, within: likeForLike.filter((p) => p.ratio_p50 <= TARGET_RATIO).length },
  all: { pages: judged.length, within: judged.filter((p) => p.ratio_p50 <= TARGET_RATIO).length },
};

// Queries whose examined rows grow with the data: > 1 000 rows at the full size and > 10 × the
// smallest size's (or absent there). Their EXPLAIN at the full size shows why.
function explain(sql) {
  const r = spawnSync('mariadb', [`--defaults-file=${args['mysql-cnf']}`, '--batch', '--table', 'wordpress', '-e', `EXPLAIN ${sql}`], { encoding: 'utf8' });
  return (r.stdout || r.stderr || '').trim();
}
const suspects = [];
for (const [page, p] of Object.entries(result.pages)) {
  const small = new Map(p.by_size[smallest].statements.map((q) => [q.shape, q.rows_examined]));
  for (const q of p.by_size[full].statements) {
    const before = small.get(q.shape) ?? 0;
    if (q.rows_examined > 1000 && q.rows_examined > 10 * Math.max(before, 1)) {
      const growth = sizes.map((s) => p.by_size[s].statements.find((x) => x.shape === q.shape)?.rows_examined ?? null);
      if (suspects.some((x) => x.shape === q.shape)) {
        suspects.find((x) => x.shape === q.shape).pages.push(page);
        continue;
      }
      suspects.push({ pages: [page], shape: q.shape, sql: q.sql, rows_examined: growth, query_ms: q.query_ms,
        full_scan: q.full_scan, filesort: q.filesort, explain: explain(q.sql) });
    }
  }
}
result.suspects = suspects;
const [ledgerExit, ledgerSeconds] = read('check-ledger.status').trim().split(' ').map(Number);
result.check_ledger = { exit: ledgerExit, seconds: ledgerSeconds, clean: ledgerExit === 0 && !/FAILED/.test(read('check-ledger.txt')) };
result.tables = read('tables.tsv').trim().split('\n').map((l) => {
  const [table, rows, dataMb, indexMb] = l.split('\t');
  return { table, rows: Number(rows), data_mb: Number(dataMb), index_mb: Number(indexMb) };
});

// --- Markdown ---------------------------------------------------------------------------------
const f = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(d));
const k = (n) => (n >= 1e6 ? `${f(n / 1e6, n % 1e6 ? 1 : 0)}M` : n >= 1000 ? `${f(n / 1000, n % 1000 ? 1 : 0)}k` : String(n));
const lines = [
  `# Placette scale benchmark${result.smoke ? ' (smoke run: not a measurement)' : ''}`,
  '',
  `${result.date} · nproc ${result.nproc} · placette-fcgi ${result.workers} workers, read cache off · ` +
    `every size served side by side (the smaller ones copied into their own database, each with its own placette-fcgi) · ` +
    `wrk -c1 (${result.c1_rounds} rounds of ${result.c1_seconds} s per page and size; in a round, a page's sizes one ` +
    `right after the other; p50 and p99: the median of the rounds) and -c8 (${result.seconds} s, a page's sizes one ` +
    `after the other), on loopback, sharing the cores · data in MariaDB's buffer pool`,
  '',
  '| size | campaigns | pledges | ledger entries | rewards | skill listings | items | loaded in |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...result.sizes.map((s) => `| ${k(s.campaigns)} | ${s.counts.campaigns} | ${s.counts.pledges} | ${s.counts.ledger_entries} | ` +
    `${s.counts.rewards} | ${s.counts.skill_listings} | ${s.counts.exchange_items} | ${s.load_seconds} s |`),
  '',
  `## Latency by size (target: p50 at ${k(full)} within ${TARGET_RATIO}× of ${k(smallest)})`,
  '',
  `"${k(full)} ÷ ${k(smallest)}": the median of the rounds' ratios (each round's p50 at ${k(full)} over the ` +
    `same round's p50 at ${k(smallest)}, measured seconds apart); "÷ of medians": the ratio of the two columns' medians.`,
  '',
  `| page | results @${k(smallest)} / @${k(full)} | ${sizes.map((s) => `c1 p50 ms @${k(s)}`).join(' | ')} | ${k(full)} ÷ ${k(smallest)} | ÷ of medians | ` +
    `rounds' ratios | c1 p99 ms @${k(full)} | ` +
    `${sizes.map((s) => `c8 req/s @${k(s)}`).join(' | ')} | c8 p99 ms @${k(full)} | ${sizes.map((s) => `rows examined @${k(s)}`).join(' | ')} |`,
  `|---|---:|${sizes.map(() => '---:').join('|')}|---:|---:|---|---:|${sizes.map(() => '---:').join('|')}|---:|${sizes.map(() => '---:').join('|')}|`,
];
for (const [page, p] of Object.entries(result.pages)) {
  const at = (s) => p.by_size[s];
  const ratio = p.ratio_p50 === null ? '—' : p.ratio_p50 > TARGET_RATIO ? `**${f(p.ratio_p50, 2)}** ✗` : `${f(p.ratio_p50, 2)}`;
  const rounds = p.ratio_rounds.map((v) => f(v, 2)).join(' ') || '—';
  const shown = `${at(smallest).results ?? '—'} / ${at(full).results ?? '—'}${p.like_for_like ? '' : ' ≠'}`;
  lines.push(`| ${page} | ${shown} | ${sizes.map((s) => f(at(s).c1?.p50_ms, 2)).join(' | ')} | ${ratio} | ${f(p.ratio_of_medians, 2)} | ${rounds} | ` +
    `${f(at(full).c1?.p99_ms, 2)} | ` +
    `${sizes.map((s) => f(at(s).c8?.rps, 0)).join(' | ')} | ${f(at(full).c8?.p99_ms, 2)} | ${sizes.map((s) => at(s).rows_examined).join(' | ')} |`);
}
const wt = result.within_target;
lines.push('', `Within ${TARGET_RATIO}×: **${wt.like_for_like.within} of ${wt.like_for_like.pages}** pages that show as many ` +
  `results at both sizes; ${wt.all.within} of ${wt.all.pages} counting those marked ≠, which list (almost) nothing at ` +
  `${k(smallest)} and a full page at ${k(full)}.`);
lines.push('', 'Pages (at the smaller sizes, the same path under `/s<size>`): ' +
  pages.map((pg) => `${pg} \`${result.pages[pg].by_size[full].path}\``).join(' · '), '');
lines.push('## Queries whose work grows with the data', '');
if (!suspects.length) lines.push('None: no statement examined more than 1 000 rows and 10× its smallest-size count.', '');
for (const q of suspects) {
  lines.push(`### ${q.pages.join(', ')}`, '', `Rows examined per size (${sizes.map(k).join(', ')}): ${q.rows_examined.map((r) => r ?? '—').join(', ')}; ` +
    `${f(q.query_ms, 2)} ms at ${k(full)}${q.full_scan ? ', full scan' : ''}${q.filesort ? ', filesort' : ''}.`, '',
  '```sql', q.sql, '```', '', '```', q.explain, '```', '');
}
lines.push('## Afterwards', '',
  `- \`placette-admin check-ledger\` over the full data set: ${result.check_ledger.clean ? '**clean**' : '**PROBLEMS**'} ` +
    `(exit ${result.check_ledger.exit}, ${result.check_ledger.seconds} s).`,
  `- Tables: ${result.tables.slice(0, 8).map((t) => `${t.table} ${t.data_mb} + ${t.index_mb} MB`).join(' · ')} (data + indexes).`, '');
mkdirSync(args.out, { recursive: true });
writeFileSync(path.join(args.out, 'scale.json'), JSON.stringify(result, null, 2) + '\n');
writeFileSync(path.join(args.out, 'scale.md'), lines.join('\n'));
process.stdout.write(lines.join('\n'));

// A run is broken (exit 1) when a page did not answer 200, ran no query, or wrk saw errors, or
// when check-ledger is not clean; latency ratios above the target are findings, not failures.
const problems = [];
for (const [page, p] of Object.entries(result.pages)) {
  for (const s of sizes) {
    const r = p.by_size[s];
    if (r.status !== 200) problems.push(`${page} @${s}: status ${r.status}`);
    if (r.queries === 0) problems.push(`${page} @${s}: no query in the slow log`);
    for (const run of [r.c1, r.c8]) if (run && (!(run.rps > 0) || run.errors > 0)) problems.push(`${page} @${s}: wrk without results or with errors`);
  }
}
if (!result.check_ledger.clean) problems.push('check-ledger is not clean');
if (problems.length) {
  console.error(`\nscale benchmark problems: ${problems.join('; ')}`);
  process.exit(1);
}
