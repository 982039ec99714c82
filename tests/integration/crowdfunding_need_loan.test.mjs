// A campaign's in-kind need answered with a lendable item, through nginx with real WordPress
// logins: the owner gives the need dates (bad dates refused field by field), a neighbour offers
// the item, the owner accepts and the loan request appears on both sides (pages, /me, database),
// then the lender accepts it in the exchange section. Refusals write nothing: an item on a need
// without dates, and an acceptance when the item is already booked on the need's dates.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { hiddenInput } from './lib/http.mjs';
import { sql } from './lib/stack.mjs';
import { login } from './lib/wordpress.mjs';

const P = '/participer';
let alice, bruno, chloe, maire;

const count = (q) => Number(sql(q)[0][0]);
const one = (q) => sql(q)[0]?.[0] ?? null;
const day = (offset) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
const run = `${Date.now() % 1e7}`; // titles unique per run: the stack may hold earlier runs
const decode = (s) =>
  s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const plain = (s) => decode(s.replace(/<[^>]+>/g, ' ')).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const fieldError = (html, field) => {
  const m = new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html);
  return m ? plain(m[1]) : null;
};

/** A logged-in citizen with their WordPress id and CSRF token (one per host session). */
async function citizen(name) {
  const c = await login(name);
  c.id = Number(one(`SELECT ID FROM wp_users WHERE user_login = '${name}'`));
  c.csrf = hiddenInput((await c.get(`${P}/exchange/new`)).text, 'csrf');
  assert.ok(c.csrf);
  return c;
}

const post = (c, path, fields = {}, options = {}) => c.post(`${P}${path}`, { csrf: c.csrf, ...fields }, options);

/** A live campaign of `owner` with the given needs (fields of the need form); returns ids. */
async function liveCampaign(owner, title, needs) {
  const made = await post(owner, '/projects', {
    title,
    summary: 'Remettre le lavoir en état',
    description: 'Un chantier participatif.',
    neighbourhood: 'north',
    theme: 'environment',
    goal: '200',
    funding_model: 'all_or_nothing',
    duration_days: '30',
    place: '',
    latitude: '',
    longitude: '',
  });
  assert.equal(made.status, 303, plain(made.text).slice(0, 300));
  const id = Number(/\/projects\/(\d+)\/manage$/.exec(made.location)[1]);
  const needIds = [];
  for (const need of needs) {
    const res = await post(owner, `/projects/${id}/needs`, { kind: 'equipment', description: '', quantity: '1', ...need });
    assert.equal(res.status, 303, plain(res.text).slice(0, 400));
    needIds.push(Number(one(`SELECT MAX(id) FROM plc_needs WHERE campaign_id = ${id}`)));
  }
  assert.equal((await post(owner, `/projects/${id}/submit`)).status, 303);
  assert.equal((await post(maire, `/staff/campaigns/${id}/approve`)).status, 303);
  assert.equal(one(`SELECT state FROM plc_campaigns WHERE id = ${id}`), 'live');
  return { id, needs: needIds };
}

async function lendable(c, title) {
  const entries = Object.entries({
    csrf: c.csrf,
    kind: 'lend',
    title,
    description: 'Prêtée avec sa mallette.',
    category: 'tools',
    condition: 'good',
    neighbourhood: 'gare',
  });
  const res = await c.postMultipart(`${P}/exchange`, entries);
  assert.equal(res.status, 303, res.text.slice(0, 2000));
  return Number(/\/exchange\/(\d+)$/.exec(res.location)[1]);
}

const offer = (c, needId, fields) => post(c, `/needs/${needId}/offers`, { message: 'Je la prête volontiers', quantity: '1', ...fields });
const offerRows = (needId) => count(`SELECT COUNT(*) FROM plc_need_offers WHERE need_id = ${needId}`);
const needLoans = (needId) => count(`SELECT COUNT(*) FROM plc_loans WHERE source = 'need' AND source_id = ${needId}`);

before(async () => {
  [alice, bruno, chloe, maire] = await Promise.all(['alice', 'bruno', 'chloe', 'maire'].map(citizen));
});

test('need dates: until before from, dates in the past, until without from — specific messages, nothing written', async () => {
  const made = await post(alice, '/projects', {
    title: `Fête du lavoir ${run}`,
    summary: 'Une fête',
    description: 'Pour le quartier.',
    neighbourhood: 'north',
    theme: 'environment',
    goal: '200',
    funding_model: 'all_or_nothing',
    duration_days: '30',
  });
  assert.equal(made.status, 303);
  const id = Number(/\/projects\/(\d+)\/manage$/.exec(made.location)[1]);
  const needs = () => count(`SELECT COUNT(*) FROM plc_needs WHERE campaign_id = ${id}`);
  const base = { kind: 'equipment', title: 'Barnum', description: '', quantity: '1' };
  const backwards = await post(alice, `/projects/${id}/needs`, { ...base, needed_from: day(5), needed_until: day(3) });
  assert.equal(backwards.status, 422);
  assert.match(fieldError(backwards.text, 'needed_until'), /La date de fin ne peut pas être avant la date de début/);
  assert.match(backwards.text, /<a href="#f-needed_until">/, 'the error summary links to the field');
  assert.match(backwards.text, new RegExp(`value="${day(5)}"`), 'the typed dates come back');
  const past = await post(alice, `/projects/${id}/needs`, { ...base, needed_from: day(-2), needed_until: day(1) });
  assert.equal(past.status, 422);
  assert.match(fieldError(past.text, 'needed_from'), /Cette date est passée : choisissez le .* ou plus tard\./);
  const onlyUntil = await post(alice, `/projects/${id}/needs`, { ...base, needed_from: '', needed_until: day(4) });
  assert.equal(onlyUntil.status, 422);
  assert.match(fieldError(onlyUntil.text, 'needed_from'), /Indiquez aussi la date de début/);
  const garbled = await post(alice, `/projects/${id}/needs`, { ...base, needed_from: '31/02/2031', needed_until: '' });
  assert.equal(garbled.status, 422);
  assert.match(fieldError(garbled.text, 'needed_from'), /AAAA-MM-JJ/);
  const english = await post(alice, `/projects/${id}/needs`, { ...base, needed_from: day(5), needed_until: day(3) },
    { headers: { 'accept-language': 'en' } });
  assert.equal(english.status, 422);
  assert.match(fieldError(english.text, 'needed_until'), /The end date cannot be before the start date/);
  assert.equal(needs(), 0);
  // One day: "until" left empty.
  const single = await post(alice, `/projects/${id}/needs`, { ...base, needed_from: day(6), needed_until: '' });
  assert.equal(single.status, 303);
  assert.deepEqual(sql(`SELECT needed_from, needed_until FROM plc_needs WHERE campaign_id = ${id}`)[0], [day(6), day(6)]);
});

test('a need answered with an item: the owner accepts, the loan appears on both sides, the lender accepts it', async () => {
  const { id, needs: [drillNeed, ladderNeed] } = await liveCampaign(alice, `Chantier du lavoir ${run}`, [
    { title: 'Une perceuse pour le chantier', needed_from: day(10), needed_until: day(12) },
    { title: 'Un escabeau', needed_from: '', needed_until: '' },
  ]);
  const page = plain((await chloe.get(`${P}/projects/${id}`)).text);
  assert.match(page, /Une perceuse pour le chantier Prêt d'outil ou de matériel Du \d+ \S+ \d{4} au \d+ \S+ \d{4}/);
  const item = await lendable(bruno, `Perceuse visseuse ${run}`);

  // An item on a need without dates: refused with a message, nothing written.
  const form = await bruno.get(`${P}/needs/${ladderNeed}/offer`);
  assert.match(plain(form.text), new RegExp(`Objet à prêter — Perceuse visseuse ${run}`));
  assert.match(plain(form.text), /Ce besoin n'a pas de dates/);
  const undated = await offer(bruno, ladderNeed, { link: `item:${item}` });
  assert.equal(undated.status, 422);
  assert.match(fieldError(undated.text, 'link'),
    /Ce besoin n'a pas encore de dates : décrivez votre aide dans le message sans lier d'objet, ou demandez au porteur du projet d'ajouter des dates\./);
  assert.equal(offerRows(ladderNeed), 0);
  // Someone else's item is not Chloé's to lend.
  const notHers = await offer(chloe, drillNeed, { link: `item:${item}` });
  assert.equal(notHers.status, 422);
  assert.match(fieldError(notHers.text, 'link'), /n'est pas l'une des vôtres/, 'shown even without listings of her own');
  assert.equal(offerRows(drillNeed), 0);

  const sent = await offer(bruno, drillNeed, { link: `item:${item}` });
  assert.equal(sent.status, 303);
  const offerId = Number(one(`SELECT id FROM plc_need_offers WHERE need_id = ${drillNeed}`));
  const manage = await alice.get(`${P}/projects/${id}/manage`);
  assert.match(plain(manage.text), new RegExp(`Annonce liée : Perceuse visseuse ${run} \\(Objet à prêter\\)`));
  assert.match(plain(manage.text), /Accepter demande le prêt de cet objet pour les dates du besoin/);
  assert.equal((await post(bruno, `/offers/${offerId}/accept`)).status, 403, 'only the owner decides');
  assert.equal(needLoans(drillNeed), 0);

  const accepted = await post(alice, `/offers/${offerId}/accept`);
  assert.equal(accepted.status, 303);
  assert.match(accepted.location, new RegExp(`/projects/${id}/manage$`));
  assert.equal(one(`SELECT state FROM plc_need_offers WHERE id = ${offerId}`), 'accepted');
  const rows = sql(`SELECT id, item_id, owner_id, borrower_id, start_date, end_date, status, source, source_id
    FROM plc_loans WHERE source = 'need' AND source_id = ${drillNeed}`);
  assert.equal(rows.length, 1, 'one loan request, for the need');
  const [lid, itemId, lender, borrower, start, end, status] = rows[0];
  assert.deepEqual([Number(itemId), Number(lender), Number(borrower), start, end, status],
    [item, bruno.id, alice.id, day(10), day(12), 'requested']);
  assert.equal((await post(alice, `/offers/${offerId}/accept`)).status, 303, 'a double click');
  assert.equal(needLoans(drillNeed), 1, '… requests no second loan');

  // The borrower (the campaign's owner) sees it on the loan page and in /me…
  const asBorrower = await alice.get(`${P}/loans/${lid}`);
  assert.equal(asBorrower.status, 200);
  const borrowerText = plain(asBorrower.text);
  assert.match(borrowerText, new RegExp(`Prêt de Perceuse visseuse ${run}`));
  assert.match(borrowerText, /demandé/);
  assert.match(borrowerText, /Prêté par Bruno Petit/);
  assert.match(borrowerText, /Emprunté par Alice Martin/);
  assert.match(borrowerText, new RegExp(`Demandé pour Une perceuse pour le chantier \\(Chantier du lavoir ${run}\\)`));
  assert.match(asBorrower.text, new RegExp(`<a href="${P}/projects/${id}#needs">`), 'a link to the campaign');
  assert.doesNotMatch(asBorrower.text, new RegExp(`action="${P}/loans/${lid}/accept"`), 'the borrower cannot accept');
  assert.match(plain((await alice.get(`${P}/me`)).text), new RegExp(`J'emprunte Perceuse visseuse ${run} à Bruno Petit`));
  // … the lender on the loan page, on the item's page and in /me, and is told.
  const asLender = await bruno.get(`${P}/loans/${lid}`);
  assert.equal(asLender.status, 200);
  assert.match(asLender.text, new RegExp(`action="${P}/loans/${lid}/accept"`));
  assert.match(plain(asLender.text), /Pour le projet « Chantier du lavoir \d+ » \(besoin : Une perceuse pour le chantier\)\./);
  assert.match(plain((await bruno.get(`${P}/exchange/${item}`)).text), /Alice Martin · demandé pour un projet/);
  assert.match(plain((await bruno.get(`${P}/me`)).text), new RegExp(`Je prête Perceuse visseuse ${run} à Alice Martin`));
  assert.equal(count(`SELECT COUNT(*) FROM plc_notifications WHERE user_id = ${bruno.id} AND kind = 'loan_requested'
    AND path = '/loans/${lid}'`), 1);
  assert.equal(count(`SELECT COUNT(*) FROM plc_notifications WHERE user_id = ${bruno.id} AND kind = 'cf_offer_accepted'
    AND path = '/projects/${id}'`), 1);
  assert.equal((await chloe.get(`${P}/loans/${lid}`)).status, 403, 'a third citizen cannot see it');

  // The loan then follows the exchange's flow: the lender accepts it.
  assert.equal((await post(alice, `/loans/${lid}/accept`)).status, 403);
  assert.equal((await post(bruno, `/loans/${lid}/accept`)).status, 303);
  assert.equal(one(`SELECT status FROM plc_loans WHERE id = ${lid}`), 'accepted');
  assert.match(plain((await alice.get(`${P}/loans/${lid}`)).text), /accepté/);
  assert.equal(count(`SELECT COUNT(*) FROM plc_notifications WHERE user_id = ${alice.id} AND kind = 'loan_accepted'
    AND path = '/loans/${lid}'`), 1);

  // Its dates are now frozen; the undated need takes dates, then the item can be offered on it.
  const frozen = await post(alice, `/projects/${id}/needs/${drillNeed}`,
    { kind: 'equipment', title: 'Une perceuse pour le chantier', description: '', quantity: '1', needed_from: day(14), needed_until: day(15) });
  assert.equal(frozen.status, 422);
  assert.match(fieldError(frozen.text, 'needed_from'), /Un prêt a déjà été demandé pour ces dates : elles ne peuvent plus changer/);
  assert.equal(one(`SELECT needed_from FROM plc_needs WHERE id = ${drillNeed}`), day(10));
  const edit = await alice.get(`${P}/projects/${id}/needs/${ladderNeed}/edit`);
  assert.equal(edit.status, 200);
  assert.match(edit.text, /value="Un escabeau"/);
  assert.equal((await bruno.get(`${P}/projects/${id}/needs/${ladderNeed}/edit`)).status, 403);
  const dated = await post(alice, `/projects/${id}/needs/${ladderNeed}`,
    { kind: 'equipment', title: 'Un escabeau', description: '', quantity: '1', needed_from: day(16), needed_until: '' });
  assert.equal(dated.status, 303);
  assert.equal((await offer(bruno, ladderNeed, { link: `item:${item}` })).status, 303);
});

test('accepting an item already booked on the need\'s dates is refused with the reason; the offer stays open, no loan', async () => {
  const { id, needs: [need] } = await liveCampaign(alice, `Repas de quartier ${run}`, [
    { title: 'Une remorque', needed_from: day(20), needed_until: day(22) },
  ]);
  const item = await lendable(bruno, `Remorque ${run}`);
  assert.equal((await offer(bruno, need, { link: `item:${item}` })).status, 303);
  const offerId = Number(one(`SELECT id FROM plc_need_offers WHERE need_id = ${need}`));
  // Meanwhile Chloé borrows the trailer on overlapping dates, and Bruno accepts her request.
  const asked = await post(chloe, `/exchange/${item}/loans`, { start: day(21), end: day(23), message: 'Pour un déménagement' });
  assert.equal(asked.status, 303);
  const chloeLoan = Number(/\/loans\/(\d+)$/.exec(asked.location)[1]);
  assert.equal((await post(bruno, `/loans/${chloeLoan}/accept`)).status, 303);
  const loansBefore = count(`SELECT COUNT(*) FROM plc_loans WHERE item_id = ${item}`);
  const noticesBefore = count('SELECT COUNT(*) FROM plc_notifications');

  const refused = await post(alice, `/offers/${offerId}/accept`);
  assert.equal(refused.status, 409);
  const text = plain(refused.text);
  assert.match(text, /Le prêt de l'objet n'a pas pu être demandé : L'objet est déjà réservé sur une partie de ces dates/);
  assert.match(text, /La proposition reste en attente\./);
  assert.match(refused.text, new RegExp(`<a href="#f-offer-${offerId}">`), 'the error summary points at the offer');
  assert.match(refused.text, new RegExp(`<li id="f-offer-${offerId}" class="has-error">`));
  assert.equal(one(`SELECT state FROM plc_need_offers WHERE id = ${offerId}`), 'open');
  assert.equal(count(`SELECT COUNT(*) FROM plc_loans WHERE item_id = ${item}`), loansBefore);
  assert.equal(needLoans(need), 0);
  assert.equal(count('SELECT COUNT(*) FROM plc_notifications'), noticesBefore, 'nobody is told anything');
  const english = await post(alice, `/offers/${offerId}/accept`, {}, { headers: { 'accept-language': 'en' } });
  assert.equal(english.status, 409);
  assert.match(plain(english.text), /The loan of the item could not be requested: The item is already booked/);
  // The owner can still decline it; declining requests no loan.
  assert.equal((await post(alice, `/offers/${offerId}/decline`)).status, 303);
  assert.equal(one(`SELECT state FROM plc_need_offers WHERE id = ${offerId}`), 'declined');
  assert.equal(needLoans(need), 0);
});
