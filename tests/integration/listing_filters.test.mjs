// Skill and barter listings filtered by every combination of their filters, through nginx: each
// statement names only the filters chosen (and MariaDB walks the index made for them, migration
// 0009), so every combination must still give exactly the matching active rows, newest first,
// over keyset pages that neither lose nor repeat a row.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient } from './lib/http.mjs';
import { sql } from './lib/stack.mjs';
import { one } from '../fakes/placette.mjs';

const P = '/participer';
const decode = (s) => s.replaceAll('&amp;', '&');

const sections = {
  skills: {
    table: 'plc_skill_listings',
    // Each filter with two allowed values; the rows get every combination, three times over.
    filters: { kind: ['offer', 'request'], category: ['gardening', 'diy'], neighbourhood: ['centre', 'coteaux'], mode: ['free', 'time_bank'] },
    extra: { names: 'availability', values: "'le soir'" },
  },
  exchange: {
    table: 'plc_exchange_items',
    filters: { kind: ['give', 'lend'], category: ['tools', 'books'], neighbourhood: ['centre', 'coteaux'] },
    extra: { names: 'item_condition', values: "'good'" },
  },
};

/** Every combination of values, each filter either absent or one of its values. */
function combinations(filters) {
  let out = [{}];
  for (const [name, values] of Object.entries(filters)) {
    out = out.flatMap((c) => [c, ...values.map((v) => ({ ...c, [name]: v }))]);
  }
  return out;
}

for (const [path, s] of Object.entries(sections)) {
  test(`${path}: every combination of filters, every page, newest first`, async () => {
    const owner = one("SELECT ID FROM wp_users WHERE user_login = 'bruno'");
    const tag = `Filtre ${Date.now()}`;
    const names = Object.keys(s.filters);
    const rows = combinations(s.filters).filter((c) => names.every((n) => c[n] !== undefined));
    const mine = []; // { id, values }
    for (let round = 0; round < 3; round++) {
      for (const c of rows) {
        const values = names.map((n) => `'${c[n]}'`).join(', ');
        const id = Number(sql(`INSERT INTO ${s.table} (owner_id, title, description, ${names.join(', ')}, ${s.extra.names},
            status, created_at, updated_at, expires_at) VALUES (${owner}, '${tag} ${mine.length}', 'Texte', ${values},
            ${s.extra.values}, 'active', UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 60 DAY);
            SELECT LAST_INSERT_ID();`)[0][0]);
        mine.push({ id, values: c });
      }
    }
    // A paused row of every kind is never listed.
    sql(`UPDATE ${s.table} SET status = 'paused' WHERE id = ${mine[0].id}`);
    // Written straight into the database, as another process would: Placette's read caches show
    // such rows within read_cache_ms (1 s by default; core/read_cache.h), so wait that long.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const listed = mine.slice(1);
    const ours = new Set(listed.map((r) => r.id));
    const client = new HttpClient();
    const idsOf = (html) => [...html.matchAll(new RegExp(`<h3><a href="${P}/${path}/(\\d+)">`, 'g'))].map((m) => Number(m[1]));
    const nextOf = (html) => {
      const m = /<a href="([^"]*)" rel="next">/.exec(html);
      return m ? decode(m[1]) : null;
    };
    try {
      for (const c of combinations(s.filters)) {
        const query = new URLSearchParams(c).toString();
        const got = [];
        for (let next = `${P}/${path}?${query}`, n = 0; next; n++) {
          assert.ok(n < 30, `${query}: pagination ends`);
          const res = await client.get(next);
          assert.equal(res.status, 200, next);
          got.push(...idsOf(res.text));
          next = nextOf(res.text);
        }
        assert.equal(new Set(got).size, got.length, `${query}: no row twice`);
        const want = listed
          .filter((r) => names.every((n) => c[n] === undefined || r.values[n] === c[n]))
          .map((r) => r.id)
          .sort((a, b) => b - a);
        assert.deepEqual(got.filter((id) => ours.has(id)), want, `${query || 'no filter'}`);
      }
    } finally {
      sql(`DELETE FROM ${s.table} WHERE title LIKE '${tag} %'`);
    }
  });
}
