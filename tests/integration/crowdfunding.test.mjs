// Crowdfunding through nginx with real WordPress logins: a citizen creates, edits and submits a
// campaign; staff ask for changes then approve; two citizens pledge (one anonymously) with the
// manual provider; staff mark them received; totals, backers and rewards add up; the clock moves
// and placette-admin tick closes campaigns (success, failure, keep-it-all) with refunds recorded;
// bad input is refused field by field and writes nothing; check-ledger stays clean.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { hiddenInput, HttpClient } from './lib/http.mjs';
import { sql } from './lib/stack.mjs';
import { login } from './lib/wordpress.mjs';
import { admin, count, one } from '../fakes/placette.mjs';

const P = '/participer';
const WEEK = 7 * 86400;
let alice, bruno, chloe, editrice, maire;

const decode = (s) =>
  s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const plain = (s) => decode(s.replace(/<[^>]+>/g, ' ')).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const fieldError = (html, field) => {
  const m = new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html);
  return m ? plain(m[1]) : null;
};
const h1 = (html) => plain(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');

async function formOf(client, path) {
  const res = await client.get(path);
  assert.equal(res.status, 200, `GET ${path}`);
  return { csrf: hiddenInput(res.text, 'csrf'), token: hiddenInput(res.text, 'token'), html: res.text };
}

/** The viewer's CSRF token (one per host session), from any form page. */
async function csrfOf(client) {
  return (await formOf(client, `${P}/projects/new`)).csrf;
}

/** POST with the CSRF token taken from the page `from` (default: the same path). */
async function send(client, path, fields = {}, from = path) {
  // A page without forms (e.g. an empty staff desk) has no token: any form page gives the same one.
  const csrf = (await formOf(client, from)).csrf ?? (await csrfOf(client));
  return client.post(path, { csrf, ...fields });
}

const GOOD = {
  title: 'Jardin des Tanneurs',
  summary: 'Un jardin partagé derrière l’école',
  description: '## Les bacs\n\nDouze **bacs** potagers.\n\n<script>alert("x")</script>',
  neighbourhood: 'north',
  theme: 'environment',
  goal: '200',
  funding_model: 'all_or_nothing',
  duration_days: '30',
  place: 'Rue des Tanneurs',
  latitude: '',
  longitude: '',
};

async function createDraft(client, fields = {}) {
  const res = await send(client, `${P}/projects`, { ...GOOD, ...fields }, `${P}/projects/new`);
  assert.equal(res.status, 303, plain(res.text).slice(0, 300));
  return Number(/\/projects\/(\d+)\/manage$/.exec(res.location)[1]);
}

async function addReward(client, id, { title, min, limit = '' }) {
  const res = await send(client, `${P}/projects/${id}/rewards`, { title, description: '', min_amount: min, limit, delivery: '' },
    `${P}/projects/${id}/rewards/new`);
  assert.equal(res.status, 303);
  return Number(one(`SELECT MAX(id) FROM plc_rewards WHERE campaign_id = ${id}`));
}

async function approve(id) {
  const res = await send(maire, `${P}/staff/campaigns/${id}/approve`, {}, `${P}/staff/campaigns/${id}`);
  assert.equal(res.status, 303);
}

/** A campaign taken from draft to live through the pages; returns {id, rewards}. */
async function liveCampaign(owner, fields = {}, rewards = []) {
  const id = await createDraft(owner, fields);
  const rewardIds = [];
  for (const r of rewards) rewardIds.push(await addReward(owner, id, r));
  assert.equal((await send(owner, `${P}/projects/${id}/submit`, {}, `${P}/projects/${id}/manage`)).status, 303);
  await approve(id);
  assert.equal(one(`SELECT state FROM plc_campaigns WHERE id = ${id}`), 'live');
  return { id, rewards: rewardIds };
}

/** Pledges through the back form; returns {res, pledgeId, token, html}. */
async function pledge(client, id, { reward = 'none', amount = '', anonymous = false, message = '', token } = {}) {
  const back = await client.get(`${P}/projects/${id}/back`);
  if (back.status !== 200) return { res: back, pledgeId: 0, html: back.text };
  const form = { csrf: hiddenInput(back.text, 'csrf'), token: hiddenInput(back.text, 'token') };
  const fields = { csrf: form.csrf, token: token ?? form.token, reward: String(reward), amount, message };
  if (anonymous) fields.anonymous = '1';
  const res = await client.post(`${P}/projects/${id}/pledges`, fields);
  const pledgeId = Number(/\/pledges\/(\d+)$/.exec(res.location ?? '')?.[1] ?? 0);
  return { res, pledgeId, token: fields.token, html: res.text };
}

async function received(pledgeId) {
  const res = await send(editrice, `${P}/staff/pledges/${pledgeId}/received`, { receipt: `R-${pledgeId}` }, `${P}/staff/pledges`);
  assert.equal(res.status, 303);
}

const tables = () =>
  ['campaigns', 'rewards', 'needs', 'need_offers', 'pledges', 'ledger_entries', 'campaign_updates', 'campaign_log']
    .map((t) => `${t}=${count(`SELECT COUNT(*) FROM plc_${t}`)}`)
    .join(' ');

async function ledgerClean() {
  const r = await admin(['check-ledger']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /crowdfunding ledger: 9 checks/);
  assert.doesNotMatch(r.stdout, /FAILED/);
}

before(async () => {
  [alice, bruno, chloe, editrice, maire] = await Promise.all(['alice', 'bruno', 'chloe', 'editrice', 'maire'].map((u) => login(u)));
});

test('create with bad fields: each field gets its message, the input comes back, nothing is written', async () => {
  const before = tables();
  const res = await send(alice, `${P}/projects`, { ...GOOD, title: '  ', goal: '12.505', duration_days: '3', theme: 'lune' },
    `${P}/projects/new`);
  assert.equal(res.status, 422);
  assert.match(fieldError(res.text, 'title'), /Indiquez le titre du projet/);
  assert.match(fieldError(res.text, 'goal'), /« 12\.505 » n'est pas un montant valide/);
  assert.match(fieldError(res.text, 'duration_days'), /entre 7 et 90/);
  assert.match(fieldError(res.text, 'theme'), /thème/);
  assert.match(res.text, /<a href="#f-goal">/, 'error summary links to the field');
  assert.match(res.text, /value="12\.505"/, 'the typed goal is shown again');
  assert.match(res.text, /Rue des Tanneurs/);
  const range = await send(alice, `${P}/projects`, { ...GOOD, goal: '20000' }, `${P}/projects/new`);
  assert.equal(range.status, 422);
  assert.equal(fieldError(range.text, 'goal'), "L'objectif doit être compris entre 100 € et 10 000 €.");
  assert.equal(tables(), before);
});

test('citizen creates, edits, submits; staff ask for changes, then approve; the log says who and when', async () => {
  const id = await createDraft(alice);
  let manage = await alice.get(`${P}/projects/${id}/manage`);
  assert.match(plain(manage.text), /Brouillon/);
  assert.equal((await bruno.get(`${P}/projects/${id}`)).status, 404, 'drafts are private');
  const edit = await send(alice, `${P}/projects/${id}`, { ...GOOD, title: 'Jardin partagé des Tanneurs', goal: '250' },
    `${P}/projects/${id}/edit`);
  assert.equal(edit.status, 303);
  assert.equal(one(`SELECT CONCAT(title, '|', goal_minor, '|', slug) FROM plc_campaigns WHERE id = ${id}`),
    'Jardin partagé des Tanneurs|25000|jardin-partage-des-tanneurs');
  assert.equal((await send(bruno, `${P}/projects/${id}`, { ...GOOD }, `${P}/projects/new`)).status, 403, "someone else's edit");
  assert.equal((await send(bruno, `${P}/projects/${id}/submit`, {}, `${P}/projects/new`)).status, 403);
  assert.equal((await send(alice, `${P}/projects/${id}/submit`, {}, `${P}/projects/${id}/manage`)).status, 303);
  assert.equal((await alice.get(`${P}/projects/${id}/edit`)).status, 409, 'no edit during the review');
  const queue = await editrice.get(`${P}/staff/campaigns`);
  assert.match(queue.text, /Jardin partagé des Tanneurs/);
  assert.equal((await alice.get(`${P}/staff/campaigns`)).status, 403);
  const empty = await send(editrice, `${P}/staff/campaigns/${id}/changes`, { changes: '' }, `${P}/staff/campaigns/${id}`);
  assert.equal(empty.status, 422);
  assert.match(fieldError(empty.text, 'changes'), /Écrivez un message/);
  assert.equal(one(`SELECT state FROM plc_campaigns WHERE id = ${id}`), 'submitted');
  const changes = await send(editrice, `${P}/staff/campaigns/${id}/changes`, { changes: 'Précisez qui arrosera en août.' },
    `${P}/staff/campaigns/${id}`);
  assert.equal(changes.status, 303);
  manage = await alice.get(`${P}/projects/${id}/manage`);
  assert.match(plain(manage.text), /Message de la mairie Précisez qui arrosera en août\./);
  assert.equal(count(`SELECT COUNT(*) FROM plc_notifications n JOIN wp_users u ON u.ID = n.user_id
    WHERE u.user_login = 'alice' AND n.kind = 'cf_request_changes' AND n.path = '/projects/${id}/manage'`), 1, 'the owner is told');
  assert.equal((await send(alice, `${P}/projects/${id}/submit`, {}, `${P}/projects/${id}/manage`)).status, 303);
  await approve(id);
  const row = sql(`SELECT state, TIMESTAMPDIFF(DAY, published_at, ends_at) FROM plc_campaigns WHERE id = ${id}`)[0];
  assert.deepEqual(row, ['live', '30']);
  const log = sql(`SELECT action, actor_name, from_state, to_state FROM plc_campaign_log WHERE campaign_id = ${id} ORDER BY id`);
  assert.deepEqual(log.map((r) => r[0]), ['create', 'submit', 'request_changes', 'submit', 'approve']);
  assert.equal(log[2][1], 'Eva Editrice');
  assert.deepEqual(log[4].slice(2), ['submitted', 'live']);
  const page = await new HttpClient().get(`${P}/projects/${id}`);
  assert.equal(page.status, 200);
  assert.equal(h1(page.text), 'Jardin partagé des Tanneurs');
  assert.match(page.text, /<strong>bacs<\/strong>/, 'Markdown rendered');
  assert.doesNotMatch(page.text, /<script>alert/, 'raw HTML never reaches the page');
  assert.match(page.text, /<progress class="cf-progress" max="100" value="0" aria-labelledby="cf-funding-text">/);
  assert.match(plain(page.text), /0 € réunis sur un objectif de 250 € \(0 %\)/);
  const wrongSlug = await new HttpClient().get(`${P}/projects/${id}-autre-chose`);
  assert.equal(wrongSlug.status, 301);
  assert.match(wrongSlug.location, new RegExp(`/projects/${id}-jardin-partage-des-tanneurs$`));
});

test('two citizens pledge (one anonymous), staff mark them received: totals, backers, rewards add up', async () => {
  const { id, rewards } = await liveCampaign(alice, { title: 'Boîte à livres du marché', goal: '100' },
    [{ title: 'Votre nom sur la plaque', min: '20', limit: '2' }]);
  const b = await pledge(bruno, id, { reward: rewards[0], amount: '', message: 'Bravo !' });
  assert.equal(b.res.status, 303);
  const page = await bruno.get(`${P}/pledges/${b.pledgeId}`);
  assert.equal(page.status, 200);
  assert.match(plain(page.text), new RegExp(`Donnez la référence P-0*${b.pledgeId} et le montant de 20 €`));
  assert.match(plain(page.text), /En attente de paiement/);
  assert.equal((await chloe.get(`${P}/pledges/${b.pledgeId}`)).status, 403, "someone else's pledge");
  const again = await bruno.post(`${P}/projects/${id}/pledges`,
    { csrf: await csrfOf(bruno), token: b.token, reward: String(rewards[0]), amount: '', message: '' });
  assert.equal(again.status, 303, 'a double submit answers like the first');
  assert.equal(again.location, b.res.location);
  assert.equal(count(`SELECT COUNT(*) FROM plc_pledges WHERE campaign_id = ${id}`), 1);
  const c = await pledge(chloe, id, { amount: '35,50', anonymous: true, message: 'Pour les enfants' });
  assert.equal(c.res.status, 303);
  assert.equal(one(`SELECT collected_minor FROM plc_campaigns WHERE id = ${id}`), '0', 'nothing collected before payment');
  const desk = await editrice.get(`${P}/staff/pledges`);
  assert.match(desk.text, new RegExp(`P-0*${c.pledgeId}`));
  assert.match(plain(desk.text), /Chloé Durand \(anonyme en public\)/, 'staff see who to expect at the desk');
  await received(b.pledgeId);
  await received(c.pledgeId);
  await received(c.pledgeId);  // a second click changes nothing
  assert.equal(count(`SELECT COUNT(*) FROM plc_notifications WHERE dedupe_key = 'cf_paid:${c.pledgeId}'`), 1);
  assert.equal(count(`SELECT COUNT(*) FROM plc_ledger_entries WHERE campaign_id = ${id} AND kind = 'payment'`), 2);
  assert.deepEqual(sql(`SELECT collected_minor, pledged_minor FROM plc_campaigns WHERE id = ${id}`)[0], ['5550', '5550']);
  assert.equal(one(`SELECT claimed FROM plc_rewards WHERE id = ${rewards[0]}`), '1');
  const pub = plain((await new HttpClient().get(`${P}/projects/${id}`)).text);
  assert.match(pub, /55,50 € réunis sur un objectif de 100 € \(55 %\)/);
  assert.match(pub, /2 contributeurs et contributrices/);
  assert.match(pub, /1 choisie\(s\) · 1 sur 2 encore disponible\(s\)/);
  assert.match(pub, /Anonyme .*« Pour les enfants »/);
  assert.match(pub, /Bruno Petit/);
  assert.doesNotMatch(pub, /Chloé Durand/, 'the anonymous backer stays anonymous');
  const me = plain((await bruno.get(`${P}/me`)).text);
  assert.match(me, /Mes soutiens Boîte à livres du marché — 20 €/);
  assert.match(plain((await bruno.get(`${P}/pledges/${b.pledgeId}`)).text), /Payé/);
  await ledgerClean();
});

test('bad pledges come back with a message on the field and write nothing; not live is a 409', async () => {
  const { id, rewards } = await liveCampaign(alice, { title: 'Fête du quartier Est', goal: '100' },
    [{ title: 'Affiche signée', min: '30', limit: '1' }]);
  const before = tables();
  const cases = [
    [{ amount: '12.505' }, 'amount', /« 12\.505 » n'est pas un montant valide/],
    [{ amount: 'douze' }, 'amount', /n'est pas un montant valide/],
    [{ amount: '' }, 'amount', /Indiquez un montant/],
    [{ amount: '0,50' }, 'amount', /Le montant minimum d'un soutien est de 1 €/],
    [{ reward: rewards[0], amount: '10' }, 'amount', /demande au moins 30 €/],
    [{ amount: '1200' }, 'amount', /ne peut pas dépasser 1 000 €/],
    [{ amount: '151' }, 'amount', /encore promettre au plus 150 €/],
    [{ reward: 999999, amount: '40' }, 'reward', /n'existe pas pour ce projet/],
  ];
  for (const [fields, field, message] of cases) {
    const r = await pledge(bruno, id, fields);
    assert.equal(r.res.status, 422, JSON.stringify(fields));
    assert.match(fieldError(r.html, field) ?? '', message, JSON.stringify(fields));
    if (fields.amount) assert.match(r.html, new RegExp(`value="${fields.amount.replace('.', '\\.')}"`));
  }
  assert.equal(tables(), before);
  const first = await pledge(chloe, id, { reward: rewards[0], amount: '30' });
  assert.equal(first.res.status, 303);
  const soldOut = await pledge(bruno, id, { reward: rewards[0], amount: '30' });
  assert.equal(soldOut.res.status, 422);
  assert.match(fieldError(soldOut.html, 'reward'), /« Affiche signée » est épuisée/);
  const csrf = await csrfOf(bruno);
  const noToken = await bruno.post(`${P}/projects/${id}/pledges`, { csrf, amount: '5' });
  assert.equal(noToken.status, 400, 'a pledge without its form token is malformed');
  const draft = await createDraft(alice, { title: 'Pas encore publié' });
  assert.equal((await bruno.post(`${P}/projects/${draft}/pledges`, { csrf, token: 'a'.repeat(32), amount: '5' })).status, 404);
  sql(`UPDATE plc_campaigns SET published_at = UTC_TIMESTAMP() - INTERVAL 2 DAY, ends_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE
       WHERE id = ${id}`);  // the end date passed, tick has not run yet
  const ended = await bruno.post(`${P}/projects/${id}/pledges`, { csrf, token: 'b'.repeat(32), amount: '5' });
  assert.equal(ended.status, 409);
  assert.match(plain(ended.text), /Ce projet ne reçoit pas de soutien en ce moment/);
  assert.equal((await bruno.get(`${P}/projects/${id}/back`)).status, 409);
  assert.equal(count(`SELECT COUNT(*) FROM plc_pledges WHERE campaign_id IN (${id}, ${draft})`), 1);
  await ledgerClean();
});

test('owner-only actions answer 403 to others; the owner posts news and cancels with refunds', async () => {
  const { id, rewards } = await liveCampaign(alice, { title: 'Ruche du collège', goal: '150' }, [{ title: 'Pot de miel', min: '15' }]);
  const p = await pledge(chloe, id, { reward: rewards[0], amount: '' });
  await received(p.pledgeId);
  const before = tables();
  for (const [path, fields] of [
    [`/projects/${id}/rewards`, { title: 'x', min_amount: '5' }],
    [`/projects/${id}/rewards/${rewards[0]}`, { title: 'x', min_amount: '5' }],
    [`/projects/${id}/needs`, { kind: 'skill', title: 'x', quantity: '1' }],
    [`/projects/${id}/updates`, { update_title: 'x', update_body: 'y' }],
    [`/projects/${id}/cancel`, { reason: 'x' }],
    [`/projects/${id}/realised`, {}],
    [`/staff/campaigns/${id}/feature`, { featured: '1' }],
    [`/staff/pledges/${p.pledgeId}/refunded`, {}],
  ]) {
    const res = await bruno.post(`${P}${path}`, { csrf: await csrfOf(bruno), ...fields });
    assert.equal(res.status, 403, path);
  }
  assert.equal((await bruno.get(`${P}/projects/${id}/manage`)).status, 403);
  assert.equal((await bruno.get(`${P}/projects/${id}/rewards/new`)).status, 403);
  assert.equal(tables(), before);
  const bad = await send(alice, `${P}/projects/${id}/updates`, { update_title: '', update_body: '' }, `${P}/projects/${id}/manage`);
  assert.equal(bad.status, 422);
  assert.match(fieldError(bad.text, 'update_title'), /titre de l'actualité/);
  assert.match(fieldError(bad.text, 'update_body'), /texte de l'actualité/);
  const news = await send(alice, `${P}/projects/${id}/updates`, { update_title: 'La ruche est arrivée', update_body: 'Les *abeilles* sont là.' },
    `${P}/projects/${id}/manage`);
  assert.equal(news.status, 303);
  const page = await new HttpClient().get(`${P}/projects/${id}`);
  assert.match(page.text, /La ruche est arrivée/);
  assert.match(page.text, /<em>abeilles<\/em>/);
  const noReason = await send(alice, `${P}/projects/${id}/cancel`, { reason: '' }, `${P}/projects/${id}/manage`);
  assert.equal(noReason.status, 422);
  assert.match(fieldError(noReason.text, 'reason'), /Écrivez un message/);
  assert.equal(one(`SELECT state FROM plc_campaigns WHERE id = ${id}`), 'live');
  const cancel = await send(alice, `${P}/projects/${id}/cancel`, { reason: 'Le collège a trouvé un autre financement.' },
    `${P}/projects/${id}/manage`);
  assert.equal(cancel.status, 303);
  assert.equal(one(`SELECT state FROM plc_campaigns WHERE id = ${id}`), 'cancelled');
  assert.equal(one(`SELECT state FROM plc_pledges WHERE id = ${p.pledgeId}`), 'refund_pending');
  assert.match(plain((await chloe.get(`${P}/pledges/${p.pledgeId}`)).text), /la mairie va vous rembourser/);
  assert.equal((await pledge(bruno, id, { amount: '5' })).res.status, 409, 'no pledge after a cancellation');
  const refund = await send(editrice, `${P}/staff/pledges/${p.pledgeId}/refunded`, { receipt: 'espèces' }, `${P}/staff/pledges`);
  assert.equal(refund.status, 303);
  assert.deepEqual(sql(`SELECT kind, amount_minor, provider_ref FROM plc_ledger_entries WHERE pledge_id = ${p.pledgeId} ORDER BY id`),
    [['payment', '1500', `R-${p.pledgeId}`], ['refund', '-1500', 'espèces']]);
  assert.equal(one(`SELECT claimed FROM plc_rewards WHERE id = ${rewards[0]}`), '0', 'a refund frees the reward');
  await ledgerClean();
});

test('in-kind needs: citizens offer help, the owner accepts or declines, the page shows the progress', async () => {
  const id = await createDraft(alice, { title: 'Chantier du lavoir' });
  const beforeNeed = tables();
  const badNeed = await send(alice, `${P}/projects/${id}/needs`, { kind: '', title: '', quantity: '0' }, `${P}/projects/${id}/needs/new`);
  assert.equal(badNeed.status, 422);
  assert.match(fieldError(badNeed.text, 'kind'), /type de besoin/);
  assert.match(fieldError(badNeed.text, 'title'), /Indiquez ce dont le projet a besoin/);
  assert.match(fieldError(badNeed.text, 'quantity'), /entre 1 et 10000/);
  assert.equal(tables(), beforeNeed);
  const made = await send(alice, `${P}/projects/${id}/needs`, { kind: 'volunteers', title: 'Bénévoles samedi', description: 'Gants fournis', quantity: '5' },
    `${P}/projects/${id}/needs/new`);
  assert.equal(made.status, 303);
  const needId = Number(one(`SELECT id FROM plc_needs WHERE campaign_id = ${id}`));
  assert.equal((await bruno.get(`${P}/needs/${needId}/offer`)).status, 404, 'not public yet');
  await send(alice, `${P}/projects/${id}/submit`, {}, `${P}/projects/${id}/manage`);
  await approve(id);
  const empty = await send(bruno, `${P}/needs/${needId}/offers`, { message: '', quantity: '2' }, `${P}/needs/${needId}/offer`);
  assert.equal(empty.status, 422);
  assert.match(fieldError(empty.text, 'message'), /Expliquez en quelques mots/);
  // One of Bruno's skill listings (the skills section) can be linked to his offer.
  const brunoId = one("SELECT ID FROM wp_users WHERE user_login = 'bruno'");
  const listing = Number(sql(`INSERT INTO plc_skill_listings (owner_id, kind, title, description, category, neighbourhood,
      availability, mode, status, created_at, updated_at, expires_at) VALUES (${brunoId}, 'offer', 'Menuiserie du dimanche',
      'Je répare et je construis', 'diy', 'centre', 'le dimanche', 'free', 'active', UTC_TIMESTAMP(), UTC_TIMESTAMP(),
      UTC_TIMESTAMP() + INTERVAL 60 DAY); SELECT LAST_INSERT_ID();`)[0][0]);
  const offerForm = await bruno.get(`${P}/needs/${needId}/offer`);
  assert.match(plain(offerForm.text), /Compétence — Menuiserie du dimanche/);
  const before = tables();
  const notMine = await send(bruno, `${P}/needs/${needId}/offers`, { message: 'Voici', quantity: '1', link: 'skill:999999' },
    `${P}/needs/${needId}/offer`);
  assert.equal(notMine.status, 422);
  assert.match(fieldError(notMine.text, 'link'), /n'est pas l'une des vôtres/);
  assert.equal(tables(), before);
  const offer = await send(bruno, `${P}/needs/${needId}/offers`,
    { message: 'Je viens avec mon fils', quantity: '2', link: `skill:${listing}` }, `${P}/needs/${needId}/offer`);
  assert.equal(offer.status, 303);
  assert.match(offer.location, /\?thanks=offer#needs$/);
  await send(chloe, `${P}/needs/${needId}/offers`, { message: 'Je peux le matin', quantity: '1' }, `${P}/needs/${needId}/offer`);
  const [brunoOffer, chloeOffer] = sql(`SELECT id FROM plc_need_offers WHERE need_id = ${needId} ORDER BY id`).map((r) => r[0]);
  assert.equal((await bruno.post(`${P}/offers/${brunoOffer}/accept`, { csrf: await csrfOf(bruno) })).status, 403);
  const manage = await alice.get(`${P}/projects/${id}/manage`);
  assert.match(plain(manage.text), /Bruno Petit — Bénévoles samedi \(2\)/);
  assert.match(plain(manage.text), /Annonce liée : Menuiserie du dimanche \(Compétence\)/);
  assert.match(manage.text, new RegExp(`href="/participer/skills/${listing}"`));
  assert.equal((await alice.post(`${P}/offers/${brunoOffer}/accept`, { csrf: await csrfOf(alice) })).status, 303);
  assert.equal((await alice.post(`${P}/offers/${chloeOffer}/decline`, { csrf: await csrfOf(alice) })).status, 303);
  assert.equal((await alice.post(`${P}/offers/${chloeOffer}/accept`, { csrf: await csrfOf(alice) })).status, 409);
  const page = plain((await new HttpClient().get(`${P}/projects/${id}`)).text);
  assert.match(page, /Bénévoles samedi Bénévoles Gants fournis 2 sur 5 trouvé\(s\), il en manque 3/);
  assert.match(plain((await bruno.get(`${P}/me`)).text), /Mes propositions d'aide Bénévoles samedi Acceptée/);
});

test('listing: search, filters by theme, neighbourhood and state, keyset pages; drafts never listed', async () => {
  const owner = one("SELECT ID FROM wp_users WHERE user_login = 'bruno'");
  const word = `Zorglub${Date.now() % 1e7}`;  // unique per run: the stack may hold earlier runs
  for (let i = 0; i < 13; i++) {
    sql(`INSERT INTO plc_campaigns (owner_id, owner_name, state, title, slug, summary, description, neighbourhood, theme,
           goal_minor, duration_days, cap_percent, created_at, updated_at, published_at, ends_at)
         VALUES (${owner}, 'Bruno Petit', '${i === 12 ? 'succeeded' : 'live'}', '${word} numéro ${i}', 'zorglub', 'Résumé', 'Texte',
           '${i % 2 ? 'south' : 'east'}', '${i < 3 ? 'sport' : 'culture'}', 10000, 30, 150, UTC_TIMESTAMP(), UTC_TIMESTAMP(),
           UTC_TIMESTAMP() - INTERVAL ${i} HOUR, UTC_TIMESTAMP() + INTERVAL 20 DAY)`);
  }
  await createDraft(bruno, { title: `${word} brouillon secret` });
  assert.equal((await admin(['reindex-search'])).code, 0, 'rows written with SQL join the word index');
  const titles = (html) => [...html.matchAll(/<h3 id="cf-card-\d+"><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => decode(m[1]));
  const anon = new HttpClient();
  const first = await anon.get(`${P}/projects?q=${word}`);
  assert.equal(first.status, 200);
  assert.equal(titles(first.text).length, 12);
  assert.equal(titles(first.text)[0], `${word} numéro 0`, 'newest first');
  const next = decode(/<a class="button secondary" href="([^"]*)">Projets suivants/.exec(first.text)[1]);
  assert.match(next, /after=\d+-\d+/);
  const second = await anon.get(next);
  assert.deepEqual(titles(second.text), [`${word} numéro 12`]);
  assert.doesNotMatch(second.text, /Projets suivants/);
  assert.deepEqual(titles((await anon.get(`${P}/projects?q=${word}&theme=sport`)).text), [0, 1, 2].map((i) => `${word} numéro ${i}`));
  assert.deepEqual(titles((await anon.get(`${P}/projects?q=${word}&theme=sport&neighbourhood=south`)).text), [`${word} numéro 1`]);
  assert.deepEqual(titles((await anon.get(`${P}/projects?q=${word}&status=succeeded`)).text), [`${word} numéro 12`]);
  assert.doesNotMatch((await anon.get(`${P}/projects?q=secret`)).text, /brouillon/);
  const junk = await anon.get(`${P}/projects?q=%22%29%28*%2B-&theme=%27&status=draft&after=x-y`);
  assert.equal(junk.status, 200, 'odd filters are ignored, never a 500');
  assert.match(plain((await anon.get(`${P}/projects?q=zo`)).text), /moins de trois lettres/);
});

test('search: a campaign is found by its words once published and after an edit, without any reindex', async () => {
  const n = Date.now() % 1e7;
  const [rare, later] = [`Beffrôi${n}`, `Lanterné${n}`];
  const { id } = await liveCampaign(alice, { title: `Un ${rare} pour la place`, summary: `Sonner à l’œuvre ${n}` });
  const anon = new HttpClient();
  const found = async (q) => [...(await anon.get(`${P}/projects?q=${encodeURIComponent(q)}`)).text.matchAll(/aria-labelledby="cf-card-(\d+)"/g)]
    .map((m) => Number(m[1]));
  assert.ok(count(`SELECT COUNT(*) FROM plc_campaign_words WHERE campaign_id = ${id}`) > 0, 'words written on publication');
  assert.deepEqual(await found(`beffroi${n}`), [id], 'found without accents, at once');
  assert.deepEqual(await found(`BEFF`), await found('beff'));
  assert.deepEqual(await found(`oeuvre ${n}`), [id], '"oeuvre" finds "œuvre"');
  const edit = await send(alice, `${P}/projects/${id}`, { ...GOOD, title: `Une ${later} pour la place`, summary: 'Éclairer la place le soir' },
    `${P}/projects/${id}/edit`);
  assert.equal(edit.status, 303);
  assert.deepEqual(await found(`beffroi${n}`), [], 'the old words are gone');
  assert.deepEqual(await found(`lanterne${n}`), [id], 'the new ones are found');
  const r = await admin(['reindex-search']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /search index: \d+ campaign\(s\) indexed/);
  assert.equal(count(`SELECT COUNT(*) FROM plc_campaign_search s JOIN plc_campaigns c ON c.id = s.campaign_id
    WHERE c.id = ${id} AND s.text_md5 = UNHEX(MD5(CONCAT(c.title, '|', c.summary, '|', c.description)))`), 1);
});

test('listing and home page: a change made through Placette shows at once, one made in the database within read_cache_ms', async () => {
  const anon = new HttpClient();
  const cards = (html) => [...html.matchAll(/aria-labelledby="cf-card-(\d+)"/g)].map((m) => Number(m[1]));
  const card = (html, id) => plain(new RegExp(`cf-card-${id}">([\\s\\S]*?)</article>`).exec(html)?.[1] ?? '');
  const homeIds = () => sql(`SELECT id FROM plc_campaigns WHERE state = 'live'
    ORDER BY featured DESC, published_at DESC, id DESC LIMIT 3`).map((r) => Number(r[0]));
  // Both pages read once, so that their rows are held by the read cache.
  await anon.get(`${P}/projects`);
  await anon.get(`${P}/`);
  const { id } = await liveCampaign(alice, { title: 'Kiosque du mail', goal: '300' });
  let list = (await anon.get(`${P}/projects`)).text;
  assert.equal(cards(list)[0], id, 'the new campaign heads the listing at once');
  assert.match(card(list, id), /\(0 %\)/);
  assert.deepEqual(cards((await anon.get(`${P}/`)).text), homeIds(), 'the home page lists the live campaigns as the database has them');
  const { pledgeId } = await pledge(bruno, id, { amount: '50' });
  await received(pledgeId);
  list = (await anon.get(`${P}/projects`)).text;
  const loaded = Date.now();
  assert.match(card(list, id), /\(16 %\)/, 'the pledge received shows on the card at once');
  // A change made outside this placette-fcgi (here by hand in the database) may wait for the
  // cached rows to expire: within read_cache_ms (1 s on the test stack), never longer.
  sql(`UPDATE plc_campaigns SET title = 'Kiosque à musique du mail' WHERE id = ${id}`);
  const first = (await anon.get(`${P}/projects`)).text;
  if (Date.now() - loaded < 600) assert.match(card(first, id), /Kiosque du mail/, 'served from the read cache');
  let shown = 0;
  for (const start = Date.now(); Date.now() - start < 3000; await new Promise((r) => setTimeout(r, 100))) {
    if (/Kiosque à musique du mail/.test(card((await anon.get(`${P}/projects`)).text, id))) {
      shown = Date.now() - loaded;
      break;
    }
  }
  assert.ok(shown > 0 && shown < 1600, `the new title shown after ${shown} ms`);
});

test('campaign page: the body is rendered once a second for each kind of viewer; the owner’s link and a notice never reach others', async () => {
  const { id } = await liveCampaign(alice, { title: 'Four à pain du quartier', goal: '400' });
  const path = `${P}/projects/${id}`;
  const main = (html) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  const manage = `href="${P}/projects/${id}/manage"`;
  const anon = new HttpClient();
  // Asked at once, several times: the same second's rendering serves the anonymous visitor and
  // another citizen, never the owner's view or a page with a notice, in whatever order they come.
  for (let round = 0; round < 4; round++) {
    const [a, owner, other, thanks, again, ownerThanked] = await Promise.all([
      anon.get(path), alice.get(path), bruno.get(path), bruno.get(`${path}?thanks=offer`), anon.get(path),
      alice.get(`${path}?thanks=offer`),
    ]);
    for (const r of [a, owner, other, thanks, again, ownerThanked]) assert.equal(r.status, 200);
    assert.ok(ownerThanked.text.includes(manage) && ownerThanked.text.includes('role="status"'), 'the owner, thanked: both');
    assert.ok(!owner.text.includes('role="status"'), 'the owner, not thanked: no notice');
    assert.ok(main(a.text).includes('Four à pain du quartier'));
    assert.ok(!a.text.includes(manage) && !other.text.includes(manage) && !thanks.text.includes(manage), 'no manage link but the owner’s');
    assert.ok(owner.text.includes(manage), 'the owner sees the manage link');
    assert.ok(!a.text.includes('role="status"') && !other.text.includes('role="status"'), 'no thanks notice without ?thanks');
    assert.ok(thanks.text.includes('role="status"'), 'the thanks notice shows');
    assert.match(other.text, /Bruno/, 'the layout is the logged-in citizen’s');
    assert.doesNotMatch(a.text, /Bruno/);
    assert.match(a.text, /Se connecter/);
    // The body is the same bytes for the visitor and the citizen (its only clock-bound text,
    // the days left, does not change during the test).
    assert.equal(main(a.text), main(other.text));
    assert.equal(main(a.text), main(again.text));
  }
  // A pledge received shows on the page at once, although its body was just rendered.
  const before = plain(main((await anon.get(path)).text));
  assert.match(before, /0 contributeurs et contributrices/);
  const { pledgeId } = await pledge(bruno, id, { amount: '40' });
  await received(pledgeId);
  const after = (await anon.get(path)).text;
  assert.match(plain(main(after)), /1 contributeur ou contributrice/, 'the backer is counted at once');
  assert.match(plain(main(after)), /Bruno Petit/, 'the backer is listed at once');
});

test('tick closes ended campaigns from the ledger (reached, missed, keep-it-all) once, even twice at once', async () => {
  const reached = await liveCampaign(alice, { title: 'Tick atteint', goal: '100', duration_days: '7' });
  const missed = await liveCampaign(bruno, { title: 'Tick manqué', goal: '200', duration_days: '7' }, [{ title: 'Un merci', min: '5', limit: '3' }]);
  const keep = await liveCampaign(chloe, { title: 'Tick tout compte', goal: '300', funding_model: 'keep_it_all', duration_days: '7' });
  const paid = {};
  for (const [name, client, c, amount] of [['r1', bruno, reached.id, '60'], ['r2', chloe, reached.id, '40'], ['m1', alice, missed.id, '50'], ['k1', alice, keep.id, '10']]) {
    const p = await pledge(client, c, { amount });
    assert.equal(p.res.status, 303);
    await received(p.pledgeId);
    paid[name] = p.pledgeId;
  }
  const pendingMissed = await pledge(chloe, missed.id, { reward: missed.rewards[0] });
  const ids = `${reached.id}, ${missed.id}, ${keep.id}`;
  assert.equal((await admin(['tick'])).code, 0);
  assert.equal(count(`SELECT COUNT(*) FROM plc_campaigns WHERE id IN (${ids}) AND state = 'live'`), 3);
  const after = WEEK + 3600;
  const runs = await Promise.all([admin(['tick'], { clockOffset: after }), admin(['tick'], { clockOffset: after })]);
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(sql(`SELECT state FROM plc_campaigns WHERE id IN (${ids}) ORDER BY id`).map((r) => r[0]), ['succeeded', 'failed', 'succeeded']);
  assert.equal(count(`SELECT COUNT(*) FROM plc_campaign_log WHERE campaign_id IN (${ids}) AND action LIKE 'end_%'`), 3, 'closed once');
  assert.equal(one(`SELECT state FROM plc_pledges WHERE id = ${paid.m1}`), 'refund_pending');
  assert.equal(one(`SELECT state FROM plc_pledges WHERE id = ${pendingMissed.pledgeId}`), 'failed');
  assert.equal(one(`SELECT claimed FROM plc_rewards WHERE id = ${missed.rewards[0]}`), '0');
  assert.equal(one(`SELECT state FROM plc_pledges WHERE id = ${paid.r1}`), 'paid');
  const again = await admin(['tick'], { clockOffset: after });
  assert.match(again.stdout, /crowdfunding: 0 campaign\(s\) succeeded, 0 failed; 0 refund\(s\) requested/);
  const desk = await editrice.get(`${P}/staff/pledges`);
  assert.match(desk.text, new RegExp(`id="refund-${paid.m1}"`));
  const refund = await send(editrice, `${P}/staff/pledges/${paid.m1}/refunded`, { receipt: 'virement 7' }, `${P}/staff/pledges`);
  assert.equal(refund.status, 303);
  assert.equal(one(`SELECT state FROM plc_pledges WHERE id = ${paid.m1}`), 'refunded');
  assert.deepEqual(sql(`SELECT kind FROM plc_notifications WHERE dedupe_key IN ('cf_refund:${paid.m1}', 'cf_refunded:${paid.m1}',
    'cf_closed:${missed.id}') ORDER BY id`).map((r) => r[0]), ['cf_failed', 'cf_refund', 'cf_refunded']);
  assert.deepEqual(sql(`SELECT collected_minor FROM plc_campaigns WHERE id IN (${ids}) ORDER BY id`).map((r) => r[0]), ['10000', '0', '1000']);
  assert.match(plain((await alice.get(`${P}/pledges/${paid.m1}`)).text), /Vous avez été remboursé·e/);
  assert.match(plain((await new HttpClient().get(`${P}/projects/${missed.id}`)).text), /Objectif non atteint/);
  assert.equal((await pledge(bruno, keep.id, { amount: '5' })).res.status, 409);
  await ledgerClean();
});
