// Search through nginx for campaigns, skills and exchange items: accent- and case-insensitive,
// words matched from their start, newest first, and keyset pages identical to the FULLTEXT
// query's whether the page came from the bounded newest-first scan (many matches), from MATCH
// (few matches, or matches behind more rows than the scan may examine) or, for campaigns, from
// their word index (words fewer than 500 campaigns hold). The rows are written with SQL, so the
// campaigns' word index is brought up to date with `placette-admin reindex-search` after each
// write, as the INSTALL guide asks of anyone writing campaigns by other means than Placette.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient } from './lib/http.mjs';
import { sql } from './lib/stack.mjs';
import { admin, one } from '../fakes/placette.mjs';

const P = '/participer';
const FILLERS = 1600; // more rows than stage 1 may examine (core::kSearchScanRows)
const decode = (s) => s.replaceAll('&amp;', '&');

/** A word unique to this run, with accents: "Zébrûle4821934"; typed without them. */
function uniqueWord(stem) {
  const n = `${Date.now() % 1e7}${Math.floor(Math.random() * 100)}`;
  return { stored: `${stem}${n}`, typed: `${stem.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}${n}` };
}

/** Every page of a search, following the "next" links: an array of arrays of ids. */
async function pages(client, url, idsOf, nextOf) {
  const out = [];
  for (let next = url; next; ) {
    const res = await client.get(next);
    assert.equal(res.status, 200, next);
    out.push(idsOf(res.text));
    next = nextOf(res.text);
    assert.ok(out.length < 20, 'pagination ends');
  }
  return out;
}

const sections = {
  campaigns: {
    url: (q) => `${P}/projects?q=${encodeURIComponent(q)}`,
    pageSize: 12,
    idsOf: (html) => [...html.matchAll(/aria-labelledby="cf-card-(\d+)"/g)].map((m) => Number(m[1])),
    nextOf: (html) => {
      const m = /<a class="button secondary" href="([^"]*)">Projets suivants/.exec(html);
      return m ? decode(m[1]) : null;
    },
    // i: 0 is the newest; `text` goes in the title, summary or description by i.
    insert(owner, i, text) {
      const [title, summary, description] = [
        i % 3 === 0 ? text : 'Projet',
        i % 3 === 1 ? text : 'Résumé',
        i % 3 === 2 ? `Ligne un\n\nLigne deux : ${text}.` : 'Texte',
      ].map((s) => s.replaceAll("'", "''"));
      return Number(sql(`INSERT INTO plc_campaigns (owner_id, owner_name, state, title, slug, summary, description,
          neighbourhood, theme, goal_minor, duration_days, cap_percent, created_at, updated_at, published_at, ends_at)
        VALUES (${owner}, 'Bruno Petit', 'live', '${title}', 'recherche', '${summary}', '${description}', 'east',
          'culture', 10000, 30, 150, UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() - INTERVAL ${100 + i} MINUTE,
          UTC_TIMESTAMP() + INTERVAL 20 DAY); SELECT LAST_INSERT_ID();`)[0][0]);
    },
    fill: (owner, tag) =>
      sql(`INSERT INTO plc_campaigns (owner_id, owner_name, state, title, slug, summary, description, neighbourhood,
          theme, goal_minor, duration_days, cap_percent, created_at, updated_at, published_at, ends_at)
        SELECT ${owner}, 'Bruno Petit', 'live', CONCAT('Remplissage ${tag} ', seq), 'remplissage', 'Résumé', 'Texte',
          'east', 'culture', 10000, 30, 150, UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() - INTERVAL 1 MINUTE,
          UTC_TIMESTAMP() + INTERVAL 20 DAY FROM seq_1_to_${FILLERS}`),
    unfill: (tag) => sql(`DELETE FROM plc_campaigns WHERE title LIKE 'Remplissage ${tag} %'`),
    sync: async () => assert.equal((await admin(['reindex-search'])).code, 0),
    expected: (fulltext) =>
      sql(`SELECT id FROM plc_campaigns c WHERE c.published_at IS NOT NULL AND MATCH (c.title, c.summary, c.description)
          AGAINST ('${fulltext}' IN BOOLEAN MODE) ORDER BY c.published_at DESC, c.id DESC`).map((r) => Number(r[0])),
  },
};

for (const [name, table, path] of [
  ['skills', 'plc_skill_listings', 'skills'],
  ['exchange', 'plc_exchange_items', 'exchange'],
]) {
  const cols =
    name === 'skills'
      ? { names: 'kind, category, neighbourhood, availability, mode', values: "'offer', 'diy', 'centre', 'le soir', 'free'" }
      : { names: 'kind, category, item_condition, neighbourhood', values: "'lend', 'tools', 'good', 'centre'" };
  sections[name] = {
    url: (q) => `${P}/${path}?q=${encodeURIComponent(q)}`,
    pageSize: 20,
    idsOf: (html) => [...html.matchAll(new RegExp(`<h3><a href="${P}/${path}/(\\d+)">`, 'g'))].map((m) => Number(m[1])),
    nextOf: (html) => {
      const m = /<a href="([^"]*)" rel="next">/.exec(html);
      return m ? decode(m[1]) : null;
    },
    // Inserted oldest first, so the last inserted (highest id) is the newest.
    insert(owner, i, text) {
      const [title, description] = [i % 2 === 0 ? text : 'Annonce', i % 2 === 1 ? `Ligne un\nLigne deux, ${text}` : 'Texte'].map(
        (s) => s.replaceAll("'", "''"),
      );
      return Number(sql(`INSERT INTO ${table} (owner_id, title, description, ${cols.names}, status, created_at,
          updated_at, expires_at) VALUES (${owner}, '${title}', '${description}', ${cols.values}, 'active',
          UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 60 DAY); SELECT LAST_INSERT_ID();`)[0][0]);
    },
    fill: (owner, tag) =>
      sql(`INSERT INTO ${table} (owner_id, title, description, ${cols.names}, status, created_at, updated_at, expires_at)
        SELECT ${owner}, CONCAT('Remplissage ${tag} ', seq), 'Texte', ${cols.values}, 'active', UTC_TIMESTAMP(),
          UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 60 DAY FROM seq_1_to_${FILLERS}`),
    unfill: (tag) => sql(`DELETE FROM ${table} WHERE title LIKE 'Remplissage ${tag} %'`),
    expected: (fulltext) =>
      sql(`SELECT id FROM ${table} WHERE status = 'active' AND MATCH (title, description)
          AGAINST ('${fulltext}' IN BOOLEAN MODE) ORDER BY id DESC`).map((r) => Number(r[0])),
  };
}

/** Inserts `rows` (texts) so that rows[0] ends up the newest; returns their ids, newest first. */
function insertNewestFirst(s, owner, rows) {
  const ids = [];
  // Campaigns take their date from i (0 newest); listings their order from insertion (last newest).
  const order = s.pageSize === 12 ? rows.map((_, i) => i) : rows.map((_, i) => rows.length - 1 - i);
  for (const i of order) ids[i] = s.insert(owner, i, rows[i]);
  return ids;
}

for (const [name, s] of Object.entries(sections)) {
  test(`${name}: accent- and case-insensitive, words matched from their start`, async () => {
    const owner = one("SELECT ID FROM wp_users WHERE user_login = 'bruno'");
    const w = uniqueWord('Rézolû');
    const [ecole, lart, partage, elision] = insertNewestFirst(s, owner, [
      `École ${w.stored}`,
      `Atelier sur l'art ${w.stored}`,
      `Partage ${w.stored}`,
      `Sortie à l’ÉCOLE ${w.stored}`,
    ]);
    await s.sync?.();
    const client = new HttpClient();
    const ids = async (q) => (await pages(client, s.url(q), s.idsOf, s.nextOf)).flat();
    assert.deepEqual(await ids(w.typed), [ecole, lart, partage, elision], 'no accents typed: found, newest first');
    assert.deepEqual(await ids(`ecole ${w.typed}`), [ecole, elision], '"ecole" finds "École" and "l’ÉCOLE"');
    assert.deepEqual(await ids(`ÉCOLÉ ${w.typed.toUpperCase()}`), [ecole, elision]);
    assert.deepEqual(await ids(`art ${w.typed}`), [lart], '"art" finds "l\'art", not "Partage"');
    assert.deepEqual(await ids(`part ${w.typed}`), [partage]);
    assert.deepEqual(await ids(`${w.typed}x`), [], 'a longer word is not a prefix');
  });

  test(`${name}: pages identical to the FULLTEXT query, from the scan and from MATCH`, async () => {
    const owner = one("SELECT ID FROM wp_users WHERE user_login = 'bruno'");
    const many = uniqueWord('Zébrûle');
    const few = uniqueWord('Quenouillé');
    const n = s.pageSize + 5;
    // Many matches (more than a page: stage 1 fills it), words that only contain the searched one
    // (never found), and a few matches of another word (stage 1 runs out: MATCH).
    const rows = [];
    for (let i = 0; i < n; i++) rows.push(i % 4 === 3 ? `l'${many.stored}` : `${many.stored} numéro ${i}`);
    for (let i = 0; i < 3; i++) rows.push(`Par${many.stored} ${few.stored}`, `_${few.stored}`);
    insertNewestFirst(s, owner, rows);
    await s.sync?.();
    const client = new HttpClient();
    const got = await pages(client, s.url(many.typed), s.idsOf, s.nextOf);
    const want = s.expected(`+${many.stored}*`);
    assert.equal(want.length, n);
    assert.deepEqual(got, [want.slice(0, s.pageSize), want.slice(s.pageSize)], 'newest first, same page boundary');
    const rare = await pages(client, s.url(few.typed), s.idsOf, s.nextOf);
    assert.deepEqual(rare, [s.expected(`+${few.stored}*`)]);
    assert.equal(rare[0].length, 3, '"_Quenouillé…" does not start with the word');

    // The same matches behind more newer rows than stage 1 may examine: MATCH makes every page.
    const tag = `r${Date.now()}`; // the fillers never match the searched words
    try {
      s.fill(owner, tag);
      await s.sync?.();
      assert.deepEqual(await pages(client, s.url(many.typed), s.idsOf, s.nextOf), got);
      assert.deepEqual(await pages(client, s.url(few.typed), s.idsOf, s.nextOf), rare);
    } finally {
      s.unfill(tag);
      await s.sync?.();
    }
  });
}
