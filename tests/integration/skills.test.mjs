// Skill-sharing through nginx with real WordPress logins: listings (bad input, filters, search,
// pause/renew/close, expiry by tick), a conversation, and a time-bank exchange confirmed by both
// parties (balances move, ledger balanced, floor enforced); a third citizen is refused.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { hiddenInput } from './lib/http.mjs';
import { repoDir, sql, stackEnv } from './lib/stack.mjs';
import { login } from './lib/wordpress.mjs';

const P = '/participer';
let alice, bruno, chloe;

async function citizen(name) {
  const c = await login(name);
  c.id = Number(sql(`SELECT ID FROM wp_users WHERE user_login = '${name}'`)[0][0]);
  c.csrf = hiddenInput((await c.get(`${P}/skills/new`)).text, 'csrf');
  assert.ok(c.csrf, `${name} has a CSRF token`);
  return c;
}

const count = (q) => Number(sql(q)[0][0]);

function admin(...args) {
  const env = stackEnv();
  const build = process.env.PLACETTE_BUILD_DIR || path.join(repoDir, 'build');
  return execFileSync(path.join(build, 'placette-admin'), ['--config', env.STACK_PLACETTE_CONFIG, ...args], {
    encoding: 'utf8',
    env: { ...process.env },
    timeout: 60_000,
  });
}

function listing(overrides = {}) {
  return {
    kind: 'offer',
    title: 'Aide à la comptabilité associative',
    description: 'Je tiens les comptes de deux associations, je peux vous aider deux heures par mois.',
    category: 'paperwork',
    neighbourhood: 'centre',
    availability: 'le samedi matin',
    mode: 'time_bank',
    ...overrides,
  };
}

async function createListing(c, fields) {
  const res = await c.post(`${P}/skills`, { csrf: c.csrf, ...listing(fields) });
  assert.equal(res.status, 303, res.text.slice(0, 2000));
  return Number(/\/skills\/(\d+)$/.exec(res.location)[1]);
}

/** Minutes as the site shows them: "1 h 30", "45 min", "−2 h". */
function hours(m) {
  const sign = m < 0 ? '\u2212' : '';
  const a = Math.abs(m);
  const h = Math.floor(a / 60);
  const min = a % 60;
  if (h === 0 && min !== 0) return `${sign}${min} min`;
  return `${sign}${h} h${min ? ` ${String(min).padStart(2, '0')}` : ''}`;
}

const balance = (id) => count(`SELECT COALESCE(SUM(minutes), 0) FROM plc_hours_ledger WHERE user_id = ${id}`);

before(async () => {
  [alice, bruno, chloe] = await Promise.all([citizen('alice'), citizen('bruno'), citizen('chloe')]);
});

test('bad input re-displays the form with specific messages and writes nothing', async () => {
  const before = count('SELECT COUNT(*) FROM plc_skill_listings');
  const cases = [
    [{ title: '   ' }, 'f-title', /Donnez un titre/],
    [{ title: 'x'.repeat(151) }, 'f-title', /150 caractères/],
    [{ description: '' }, 'f-description', /Décrivez/],
    [{ category: 'weapons' }, 'f-category', /catégorie/],
    [{ neighbourhood: 'mars' }, 'f-neighbourhood', /quartier/],
    [{ mode: 'money' }, 'f-mode', /banque de temps/],
    [{ kind: 'sell' }, 'f-kind', /offre ou d(?:'|&#39;)une demande/],
  ];
  for (const [fields, id, message] of cases) {
    const res = await alice.post(`${P}/skills`, { csrf: alice.csrf, ...listing(fields) });
    assert.equal(res.status, 422, JSON.stringify(fields));
    assert.match(res.text, new RegExp(`href="#${id}"`), JSON.stringify(fields));
    assert.match(res.text, message, JSON.stringify(fields));
  }
  const kept = await alice.post(`${P}/skills`, { csrf: alice.csrf, ...listing({ title: '' }) });
  assert.match(kept.text, /associations, je peux vous aider/, 'the description is kept');
  assert.equal(count('SELECT COUNT(*) FROM plc_skill_listings'), before);
});

test('anonymous visitors read listings but must log in to post', async () => {
  const id = await createListing(alice, { title: 'Cours de guitare pour débutants', category: 'music', mode: 'free' });
  const { HttpClient } = await import('./lib/http.mjs');
  const anon = new HttpClient();
  const page = await anon.get(`${P}/skills/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Cours de guitare pour débutants/);
  assert.match(page.text, /Connectez-vous pour répondre/);
  const post = await anon.post(`${P}/skills`, listing());
  assert.equal(post.status, 303);
  assert.match(post.location, /wp-login\.php/);
});

test('list filters, full-text search and pagination', async () => {
  const gardening = await createListing(bruno, {
    kind: 'request',
    title: 'Cherche quelqu’un pour tailler une haie',
    description: 'Une haie de troènes de dix mètres à tailler avant l’été.',
    category: 'gardening',
    neighbourhood: 'forges',
    mode: 'free',
  });
  const byCategory = await chloe.get(`${P}/skills?category=gardening`);
  assert.match(byCategory.text, new RegExp(`/skills/${gardening}"`));
  assert.doesNotMatch(byCategory.text, /comptabilité associative/);
  const search = await chloe.get(`${P}/skills?q=${encodeURIComponent('troènes')}`);
  assert.match(search.text, new RegExp(`/skills/${gardening}"`));
  const prefix = await chloe.get(`${P}/skills?q=tail`);
  assert.match(prefix.text, new RegExp(`/skills/${gardening}"`));
  const none = await chloe.get(`${P}/skills?q=${encodeURIComponent('zzzyyyxxx')}`);
  assert.doesNotMatch(none.text, new RegExp(`/skills/${gardening}"`));
  const requests = await chloe.get(`${P}/skills?kind=request&neighbourhood=forges`);
  assert.match(requests.text, new RegExp(`/skills/${gardening}"`));
  const injection = await chloe.get(`${P}/skills?kind=${encodeURIComponent("' OR 1=1 --")}&q=${encodeURIComponent('"+-*()~<>')}`);
  assert.equal(injection.status, 200);
  for (let i = 0; i < 21; i++) await createListing(chloe, { title: `Petit service numéro ${i}`, mode: 'free' });
  const first = await chloe.get(`${P}/skills`);
  const next = /href="([^"]*before=\d+)"/.exec(first.text)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(next, 'a link to older listings');
  const second = await chloe.get(next);
  assert.equal(second.status, 200);
  const ids = (html) => [...html.matchAll(/<h3><a href="\/participer\/skills\/(\d+)"/g)].map((m) => Number(m[1]));
  const a = ids(first.text);
  const b = ids(second.text);
  assert.equal(a.length, 20);
  assert.ok(b.length >= 1);
  assert.ok(Math.min(...a) > Math.max(...b), 'keyset pages do not overlap');
});

test('pause, renew and close by the owner only; others get 403; closed is final (409)', async () => {
  const id = await createListing(alice, { title: 'Réparation de vélos', category: 'repairs', mode: 'free' });
  const act = (c, action) => c.post(`${P}/skills/${id}/status`, { csrf: c.csrf, action });
  assert.equal((await act(bruno, 'pause')).status, 403);
  assert.equal((await act(alice, 'pause')).status, 303);
  assert.equal(sql(`SELECT status FROM plc_skill_listings WHERE id = ${id}`)[0][0], 'paused');
  const list = await chloe.get(`${P}/skills?category=repairs`);
  assert.doesNotMatch(list.text, new RegExp(`/skills/${id}"`), 'paused listings leave the list');
  assert.equal((await act(alice, 'pause')).status, 409);
  sql(`UPDATE plc_skill_listings SET expires_at = NOW() + INTERVAL 1 DAY WHERE id = ${id}`);
  assert.equal((await act(alice, 'renew')).status, 303);
  const row = sql(`SELECT status, DATEDIFF(expires_at, NOW()) FROM plc_skill_listings WHERE id = ${id}`)[0];
  assert.equal(row[0], 'active');
  assert.ok(Number(row[1]) >= 59, 'renewal pushes the expiry');
  assert.equal((await act(alice, 'close')).status, 303);
  assert.equal((await act(alice, 'renew')).status, 409);
  const edit = await alice.post(`${P}/skills/${id}`, { csrf: alice.csrf, ...listing() });
  assert.equal(edit.status, 409);
  const other = await bruno.post(`${P}/skills/${id}`, { csrf: bruno.csrf, ...listing() });
  assert.equal(other.status, 403);
});

test('the owner edits a listing; bad input on edit writes nothing', async () => {
  const id = await createListing(alice, { title: 'Aide informatique', category: 'computing', mode: 'free' });
  const bad = await alice.post(`${P}/skills/${id}`, { csrf: alice.csrf, ...listing({ title: '' }) });
  assert.equal(bad.status, 422);
  assert.equal(sql(`SELECT title FROM plc_skill_listings WHERE id = ${id}`)[0][0], 'Aide informatique');
  const ok = await alice.post(`${P}/skills/${id}`, { csrf: alice.csrf, ...listing({ title: 'Aide informatique à domicile' }) });
  assert.equal(ok.status, 303);
  assert.equal(sql(`SELECT title FROM plc_skill_listings WHERE id = ${id}`)[0][0], 'Aide informatique à domicile');
});

test('offer and request, conversation, time-bank exchange confirmed by both: hours move', async () => {
  const offer = await createListing(alice, { title: 'Initiation au tableur' });
  const request = await createListing(alice, {
    kind: 'request',
    title: 'Besoin d’aide pour tailler la haie',
    category: 'gardening',
  });
  // Bruno answers Alice's offer in a private conversation.
  const unreadOf = async (c) => Number(/class="badge">(\d+)</.exec((await c.get(`${P}/skills`)).text)?.[1] ?? 0);
  const aliceUnread = await unreadOf(alice);
  const start = await bruno.post(`${P}/conversations`, {
    csrf: bruno.csrf,
    subject_type: 'skill',
    subject_id: String(offer),
    body: 'Bonjour, je suis intéressé par le tableur, samedi ?',
  });
  assert.equal(start.status, 303);
  const conv = start.location;
  assert.equal(await unreadOf(alice), aliceUnread + 1, 'alice sees one more unread message in the header');
  const thread = await alice.get(conv);
  assert.equal(thread.status, 200);
  assert.match(thread.text, /samedi \?/);
  assert.equal((await chloe.get(conv)).status, 403, 'a third citizen cannot read it');
  const chloePost = await chloe.post(`${conv}/messages`, { csrf: chloe.csrf, body: 'coucou' });
  assert.equal(chloePost.status, 403);
  const reply = await alice.post(`${conv}/messages`, { csrf: alice.csrf, body: 'Oui, samedi 10 h.' });
  assert.equal(reply.status, 303);
  const empty = await alice.post(`${conv}/messages`, { csrf: alice.csrf, body: '   ' });
  assert.equal(empty.status, 422);
  assert.match(empty.text, /Écrivez votre message/);

  const aliceBefore = balance(alice.id);
  const brunoBefore = balance(bruno.id);
  // Bruno received 1 h 30 of help: he records it; Alice (the giver) confirms.
  const bad = await bruno.post(`${P}/skills/${offer}/exchanges`, { csrf: bruno.csrf, minutes: 'beaucoup', note: '' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Indiquez une durée/);
  assert.equal(count(`SELECT COUNT(*) FROM plc_skill_exchanges WHERE listing_id = ${offer}`), 0);
  const proposed = await bruno.post(`${P}/skills/${offer}/exchanges`, { csrf: bruno.csrf, minutes: '1h30', note: 'Tableur' });
  assert.equal(proposed.status, 303);
  const xid = Number(sql(`SELECT id FROM plc_skill_exchanges WHERE listing_id = ${offer}`)[0][0]);
  assert.equal(balance(alice.id), aliceBefore, 'nothing moves before both confirmed');
  assert.equal((await chloe.post(`${P}/skill-exchanges/${xid}/confirm`, { csrf: chloe.csrf })).status, 403);
  assert.equal((await bruno.post(`${P}/skill-exchanges/${xid}/confirm`, { csrf: bruno.csrf })).status, 409);
  assert.equal((await alice.post(`${P}/skill-exchanges/${xid}/confirm`, { csrf: alice.csrf })).status, 303);
  assert.equal(balance(alice.id), aliceBefore + 90);
  assert.equal(balance(bruno.id), brunoBefore - 90);
  assert.equal(count('SELECT COALESCE(SUM(minutes), 0) FROM plc_hours_ledger'), 0, 'ledger balanced');
  assert.equal((await alice.post(`${P}/skill-exchanges/${xid}/confirm`, { csrf: alice.csrf })).status, 409);
  const me = await bruno.get(`${P}/me`);
  assert.equal(/class="hours-balance">([^<]*)</.exec(me.text)?.[1], hours(balance(bruno.id)));
  assert.match(me.text, /Initiation au tableur/);

  // On Alice's request, Bruno helps 1 h 30: he records it as the giver, Alice confirms.
  const helped = await bruno.post(`${P}/skills/${request}/exchanges`, { csrf: bruno.csrf, minutes: '1,5' });
  assert.equal(helped.status, 303);
  const x2 = Number(sql(`SELECT id FROM plc_skill_exchanges WHERE listing_id = ${request}`)[0][0]);
  assert.equal(sql(`SELECT giver_id, receiver_id FROM plc_skill_exchanges WHERE id = ${x2}`)[0].map(Number).join(), `${bruno.id},${alice.id}`);
  assert.equal((await alice.post(`${P}/skill-exchanges/${x2}/confirm`, { csrf: alice.csrf })).status, 303);
  assert.equal(balance(alice.id), aliceBefore);
  assert.equal(balance(bruno.id), brunoBefore);

  // Feedback, once each, shown on the profile.
  const fb = await bruno.get(`${P}/feedback/new?subject_type=skill_exchange&subject_id=${xid}`);
  assert.equal(fb.status, 200);
  assert.equal((await chloe.get(`${P}/feedback/new?subject_type=skill_exchange&subject_id=${xid}`)).status, 403);
  const left = await bruno.post(`${P}/feedback`, {
    csrf: bruno.csrf, subject_type: 'skill_exchange', subject_id: String(xid), body: 'Très patiente et claire.',
  });
  assert.equal(left.status, 303);
  const twice = await bruno.post(`${P}/feedback`, {
    csrf: bruno.csrf, subject_type: 'skill_exchange', subject_id: String(xid), body: 'Encore !',
  });
  assert.equal(twice.status, 409);
  const profile = await chloe.get(`${P}/people/${alice.id}`);
  assert.equal(profile.status, 200);
  assert.match(profile.text, /Très patiente et claire\./);
  assert.match(profile.text, /Initiation au tableur/);
  assert.doesNotMatch(profile.text, /@/, 'no e-mail on a public profile');
});

test('the hours floor refuses a transfer with a message and writes nothing', async () => {
  const offer = await createListing(chloe, { title: 'Grand ménage de printemps', category: 'other' });
  const start = balance(alice.id);
  assert.ok(start - 100 * 60 < -600, 'setup: 100 h would cross the floor');
  // Alice records that she received 100 h from Chloé; Chloé confirms: refused.
  const proposed = await alice.post(`${P}/skills/${offer}/exchanges`, { csrf: alice.csrf, minutes: '100' });
  assert.equal(proposed.status, 303);
  const xid = Number(sql(`SELECT MAX(id) FROM plc_skill_exchanges WHERE listing_id = ${offer}`)[0][0]);
  const entries = count('SELECT COUNT(*) FROM plc_hours_ledger');
  const res = await chloe.post(`${P}/skill-exchanges/${xid}/confirm`, { csrf: chloe.csrf });
  assert.equal(res.status, 409);
  assert.match(res.text, /sous la limite de −10 h/);
  assert.equal(count('SELECT COUNT(*) FROM plc_hours_ledger'), entries);
  assert.equal(balance(alice.id), start);
  const row = sql(`SELECT status, giver_confirmed_at IS NULL FROM plc_skill_exchanges WHERE id = ${xid}`)[0];
  assert.deepEqual(row, ['proposed', '1']);
});

test('tick expires listings past their date and notifies the owner; check-ledger is clean', async () => {
  const id = await createListing(bruno, { title: 'Traduction anglais-français', category: 'languages', mode: 'free' });
  sql(`UPDATE plc_skill_listings SET expires_at = NOW() - INTERVAL 1 HOUR WHERE id = ${id}`);
  const out = admin('tick');
  assert.match(out, /skill listings expired: [1-9]/);
  assert.equal(sql(`SELECT status FROM plc_skill_listings WHERE id = ${id}`)[0][0], 'expired');
  const notices = () =>
    count(`SELECT COUNT(*) FROM plc_notifications WHERE user_id = ${bruno.id} AND kind = 'skill_expired' AND path = '/skills/${id}'`);
  assert.equal(notices(), 1);
  admin('tick');
  assert.equal(notices(), 1, 'once');
  const page = await chloe.get(`${P}/skills/${id}`);
  assert.match(page.text, /a expiré/);
  const check = admin('check-ledger');
  assert.match(check, /hours ledger: ok/);
});
