// Community pages through nginx with real WordPress logins: conversations (list, new-message form
// with errors, unread counts going down once read, privacy), notifications, public profiles
// (listings and feedback, never an e-mail; unknown people 404), feedback refused before the end.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient, hiddenInput } from './lib/http.mjs';
import { sql } from './lib/stack.mjs';
import { login } from './lib/wordpress.mjs';

const P = '/participer';
let alice, bruno, chloe, listing;

async function citizen(name) {
  const c = await login(name);
  c.id = Number(sql(`SELECT ID FROM wp_users WHERE user_login = '${name}'`)[0][0]);
  c.csrf = hiddenInput((await c.get(`${P}/skills/new`)).text, 'csrf');
  return c;
}

const unreadOf = async (c) => Number(/class="badge">(\d+)</.exec((await c.get(`${P}/skills`)).text)?.[1] ?? 0);
const count = (q) => Number(sql(q)[0][0]);

before(async () => {
  [alice, bruno, chloe] = await Promise.all(['alice', 'bruno', 'chloe'].map(citizen));
  const res = await alice.post(`${P}/skills`, {
    csrf: alice.csrf, kind: 'offer', title: 'Cours de cuisine végétarienne', description: 'Trois recettes de saison.',
    category: 'cooking', neighbourhood: 'centre', availability: '', mode: 'free',
  });
  listing = Number(/(\d+)$/.exec(res.location)[1]);
});

test('the new-message page shows the subject; an empty message is refused and nothing is written', async () => {
  const form = await bruno.get(`${P}/conversations/new?subject_type=skill&subject_id=${listing}`);
  assert.equal(form.status, 200);
  assert.match(form.text, /Cours de cuisine végétarienne/);
  const before = count('SELECT COUNT(*) FROM plc_messages');
  const empty = await bruno.post(`${P}/conversations`, { csrf: bruno.csrf, subject_type: 'skill', subject_id: String(listing), body: '  ' });
  assert.equal(empty.status, 422);
  assert.match(empty.text, /href="#f-body"/);
  assert.match(empty.text, /Écrivez votre message/);
  const long = await bruno.post(`${P}/conversations`, { csrf: bruno.csrf, subject_type: 'skill', subject_id: String(listing), body: 'x'.repeat(5001) });
  assert.equal(long.status, 422);
  assert.equal(count('SELECT COUNT(*) FROM plc_messages'), before);
  const own = await alice.post(`${P}/conversations`, { csrf: alice.csrf, subject_type: 'skill', subject_id: String(listing), body: 'moi' });
  assert.equal(own.status, 403);
  assert.equal((await bruno.post(`${P}/conversations`, { csrf: bruno.csrf, subject_type: 'skill', subject_id: '999999', body: 'x' })).status, 404);
  assert.equal((await bruno.post(`${P}/conversations`, { csrf: bruno.csrf, subject_type: 'nope', subject_id: '1', body: 'x' })).status, 404);
  assert.equal((await bruno.post(`${P}/conversations`, { csrf: bruno.csrf, body: 'x' })).status, 400);
  assert.equal((await bruno.post(`${P}/conversations`, { csrf: 'forged', subject_type: 'skill', subject_id: String(listing), body: 'x' })).status, 403);
});

test('unread counts go up with a message and down once the thread is read; one thread per pair', async () => {
  const before = await unreadOf(alice);
  const first = await bruno.post(`${P}/conversations`, { csrf: bruno.csrf, subject_type: 'skill', subject_id: String(listing), body: 'Bonjour !' });
  assert.equal(first.status, 303);
  const again = await bruno.post(`${P}/conversations`, { csrf: bruno.csrf, subject_type: 'skill', subject_id: String(listing), body: 'Vous êtes là ?' });
  assert.equal(again.location, first.location, 'the same thread');
  assert.equal(await unreadOf(alice), before + 2);
  const list = await alice.get(`${P}/conversations`);
  assert.equal(list.status, 200);
  assert.match(list.text, /Cours de cuisine végétarienne/);
  assert.match(list.text, /2 non lu/);
  const thread = await alice.get(first.location);
  assert.match(thread.text, /Vous êtes là \?/);
  assert.equal(await unreadOf(alice), before);
  assert.equal((await chloe.get(first.location)).status, 403);
  assert.doesNotMatch((await chloe.get(`${P}/conversations`)).text, new RegExp(first.location.split('/participer')[1]));
  const anon = new HttpClient();
  const anonRes = await anon.get(first.location);
  assert.equal(anonRes.status, 302);
  assert.match(anonRes.location, /wp-login\.php/);
});

test('notifications are listed and marked read', async () => {
  const notes = await alice.get(`${P}/notifications`);
  assert.equal(notes.status, 200);
  assert.match(notes.text, /Nouveau message à propos de « Cours de cuisine végétarienne »/);
  assert.equal(count(`SELECT COUNT(*) FROM plc_notifications WHERE user_id = ${alice.id} AND read_at IS NULL`), 0);
  const me = await alice.get(`${P}/me`);
  assert.match(me.text, /Messages et notifications/);
  assert.match(me.text, /Ma banque de temps/);
  assert.match(me.text, /Mes prêts et emprunts/);
});

test('public profiles: name, listings and feedback, no e-mail; unknown people are 404', async () => {
  const email = sql(`SELECT user_email FROM wp_users WHERE ID = ${alice.id}`)[0][0];
  const anon = new HttpClient();
  const profile = await anon.get(`${P}/people/${alice.id}`);
  assert.equal(profile.status, 200);
  assert.match(profile.text, /Cours de cuisine végétarienne/);
  assert.equal(profile.text.includes(email), false);
  assert.equal((await anon.get(`${P}/people/987654321`)).status, 404);
});

test('feedback is refused before the exchange is done, and for strangers', async () => {
  const proposed = await bruno.post(`${P}/skills/${listing}/exchanges`, { csrf: bruno.csrf, note: 'Cours du samedi' });
  assert.equal(proposed.status, 303);
  const xid = Number(sql(`SELECT MAX(id) FROM plc_skill_exchanges WHERE listing_id = ${listing}`)[0][0]);
  assert.equal((await bruno.get(`${P}/feedback/new?subject_type=skill_exchange&subject_id=${xid}`)).status, 409);
  assert.equal((await alice.post(`${P}/skill-exchanges/${xid}/confirm`, { csrf: alice.csrf })).status, 303);
  const form = await bruno.get(`${P}/feedback/new?subject_type=skill_exchange&subject_id=${xid}`);
  assert.equal(form.status, 200);
  const tooLong = await bruno.post(`${P}/feedback`, { csrf: bruno.csrf, subject_type: 'skill_exchange', subject_id: String(xid), body: 'é'.repeat(501) });
  assert.equal(tooLong.status, 422);
  assert.match(tooLong.text, /500 caractères/);
  assert.equal(count(`SELECT COUNT(*) FROM plc_feedback WHERE subject_type = 'skill_exchange' AND subject_id = ${xid}`), 0);
  assert.equal((await chloe.post(`${P}/feedback`, { csrf: chloe.csrf, subject_type: 'skill_exchange', subject_id: String(xid), body: 'Bien' })).status, 403);
  assert.equal((await bruno.post(`${P}/feedback`, { csrf: bruno.csrf, subject_type: 'skill_exchange', subject_id: String(xid), body: 'Délicieux !' })).status, 303);
});
