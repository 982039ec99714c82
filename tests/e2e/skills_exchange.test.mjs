// Browser test in Chromium: a skill offer, a conversation about it, and a loan (photo upload,
// dates, acceptance), with two real WordPress logins; axe-core finds no violation on any page of
// the skills, barter & lending and community sections, including forms showing errors.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { baseUrl } from '../integration/lib/stack.mjs';
import { launch, axeViolations, loggedInPage } from './lib/browser.mjs';

const P = `${baseUrl()}/participer`;
let chrome, alice, bruno;
const day = (offset) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
const unique = Date.now().toString(36);

function crc32(buf) {
  let crc = 0xffffffff;
  for (const b of buf) {
    let c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function png(w, h) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([len, Buffer.from(type), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) row.set([200, x * 4, y * 4], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const userPage = (login) => loggedInPage(chrome, login);

async function clean(page, what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what} (${page.url()})\n${violations.join('\n')}`);
}

async function visit(page, url, what, status = 200) {
  const res = await page.goto(url);
  assert.equal(res.status(), status, `${what}: ${url}`);
  await clean(page, what);
}

before(async () => {
  chrome = await launch();
  [alice, bruno] = await Promise.all([userPage('alice'), userPage('bruno')]);
});
after(async () => {
  await chrome?.close();
});

test('offer → conversation → loan, every page accessible', async () => {
  // Alice posts a skill offer; the form with errors is accessible too.
  await visit(alice, `${P}/skills/new`, 'new skill form');
  await Promise.all([alice.waitForNavigation(), alice.click('main button[type=submit]')]);
  assert.ok(await alice.locator('.notice.error').count(), 'error summary shown');
  await clean(alice, 'skill form with errors');
  await alice.fill('#f-title', `Atelier couture ${unique}`);
  await alice.fill('#f-description', 'Ourlets, boutons, petites retouches : je vous montre.');
  await alice.selectOption('#f-category', 'sewing');
  await alice.selectOption('#f-neighbourhood', 'gare');
  await alice.check('input[name=mode][value=time_bank]');
  await Promise.all([alice.waitForNavigation(), alice.click('main button[type=submit]')]);
  const skillUrl = alice.url();
  assert.match(skillUrl, /\/skills\/\d+$/);
  await clean(alice, 'skill page (owner)');
  await visit(alice, `${skillUrl}/edit`, 'skill edit form');
  await visit(alice, `${P}/skills`, 'skills list');
  await visit(alice, `${P}/skills?q=couture&category=sewing`, 'skills search');

  // Bruno finds it and writes to Alice.
  await visit(bruno, skillUrl, 'skill page (another citizen)');
  await bruno.fill('#f-body', 'Bonjour, pourriez-vous m’aider pour un ourlet ?');
  await Promise.all([bruno.waitForNavigation(), bruno.click('form[action$="/conversations"] button')]);
  assert.match(bruno.url(), /\/conversations\/\d+$/);
  await clean(bruno, 'conversation (starter)');
  const convUrl = bruno.url();

  // Alice sees the unread badge, reads and answers.
  await alice.goto(`${P}/skills`);
  const badge = (await alice.locator('.messages-link .badge').textContent()).trim();
  assert.ok(Number.parseInt(badge, 10) >= 1, `unread badge: ${badge}`);
  await visit(alice, `${P}/conversations`, 'conversation list');
  await visit(alice, convUrl, 'conversation (owner)');
  await alice.fill('#f-body', 'Avec plaisir, samedi ?');
  await Promise.all([alice.waitForNavigation(), alice.click('main form button')]);
  await clean(alice, 'conversation after reply');

  // Alice lends a sewing machine with a photo; Bruno asks to borrow it; Alice accepts.
  await visit(alice, `${P}/exchange/new`, 'new item form');
  await alice.check('input[name=kind][value=lend]');
  await alice.fill('#f-title', `Machine à coudre ${unique}`);
  await alice.fill('#f-description', 'Machine Singer, fil et canettes fournis.');
  await alice.selectOption('#f-category', 'other');
  await alice.selectOption('#f-neighbourhood', 'gare');
  await alice.setInputFiles('#f-photo', { name: 'machine.png', mimeType: 'image/png', buffer: png(64, 48) });
  await Promise.all([alice.waitForNavigation(), alice.click('main button[type=submit]')]);
  const itemUrl = alice.url();
  assert.match(itemUrl, /\/exchange\/\d+$/);
  assert.equal(await alice.locator('img.photo').evaluate((img) => img.naturalWidth), 64);
  await clean(alice, 'item page (owner)');
  await visit(alice, `${itemUrl}/edit`, 'item edit form');
  await visit(alice, `${P}/exchange`, 'exchange list');

  await visit(bruno, itemUrl, 'item page (another citizen)');
  await bruno.fill('#f-start', day(5));
  await bruno.fill('#f-end', day(3));
  await Promise.all([bruno.waitForNavigation(), bruno.click('form[action$="/loans"] button')]);
  assert.match(await bruno.locator('#f-end-error').textContent(), /après la date de début/);
  await clean(bruno, 'loan request with errors');
  await bruno.fill('#f-start', day(3));
  await bruno.fill('#f-end', day(5));
  await bruno.fill('#f-message', 'Pour des rideaux');
  await Promise.all([bruno.waitForNavigation(), bruno.click('form[action$="/loans"] button')]);
  assert.match(bruno.url(), /\/loans\/\d+$/);
  await clean(bruno, 'loan page (borrower)');
  const loanUrl = bruno.url();

  await visit(alice, loanUrl, 'loan page (lender)');
  await Promise.all([alice.waitForNavigation(), alice.click('form[action$="/accept"] button')]);
  assert.match(await alice.locator('.loan-status').textContent(), /accepté/);
  await clean(alice, 'accepted loan');
  await visit(bruno, itemUrl, 'item calendar');
  assert.match(await bruno.locator('.calendar').textContent(), /Réservé du/);

  // Handover and return with condition notes, then feedback.
  await visit(alice, loanUrl, 'loan page with the handover form');
  await alice.fill('#f-note', 'Canette et fil fournis');
  await Promise.all([alice.waitForNavigation(), alice.click('form[action$="/handover"] button')]);
  await clean(alice, 'loan page with the return form');
  await alice.fill('#f-note', 'Rendue en bon état');
  await Promise.all([alice.waitForNavigation(), alice.click('form[action$="/return"] button')]);
  assert.match(await alice.locator('.loan-status').textContent(), /rendu/);
  await clean(alice, 'returned loan');
  await Promise.all([bruno.waitForNavigation(), bruno.goto(loanUrl)]);
  await Promise.all([bruno.waitForNavigation(), bruno.click('a[href*="/feedback/new"]')]);
  await clean(bruno, 'feedback form');
  await Promise.all([bruno.waitForNavigation(), bruno.click('main button[type=submit]')]);
  await clean(bruno, 'feedback form with errors');
  await bruno.fill('#f-body', 'Prêt impeccable, merci Alice.');
  await Promise.all([bruno.waitForNavigation(), bruno.click('main button[type=submit]')]);
  assert.match(bruno.url(), /\/people\/\d+$/);
  await clean(bruno, 'profile after feedback');

  // A gift: Bruno writes about it from the new-message page; Alice can mark it given to him.
  await visit(alice, `${P}/exchange/new`, 'new item form again');
  await alice.fill('#f-title', `Lampe de bureau ${unique}`);
  await alice.fill('#f-description', 'Lampe articulée, ampoule LED.');
  await alice.selectOption('#f-category', 'furniture');
  await alice.selectOption('#f-neighbourhood', 'centre');
  await Promise.all([alice.waitForNavigation(), alice.click('main button[type=submit]')]);
  const giftId = alice.url().split('/').pop();
  await visit(bruno, `${P}/conversations/new?subject_type=item&subject_id=${giftId}`, 'new message form');
  await bruno.fill('#f-body', 'Je serais ravi de la récupérer.');
  await Promise.all([bruno.waitForNavigation(), bruno.click('main button[type=submit]')]);
  await visit(alice, `${P}/exchange/${giftId}`, 'gift page with the done form');
  assert.ok(await alice.locator('#f-partner').count());

  await visit(alice, `${P}/me`, 'my space');
  await visit(alice, `${P}/notifications`, 'notifications');
  const aliceId = (await alice.locator('main a[href*="/people/"]').first().getAttribute('href')).split('/').pop();
  await visit(bruno, `${P}/people/${aliceId}`, 'public profile');
});

test('English pages of both sections are accessible too', async () => {
  const page = await chrome.context.newPage();
  await page.goto(`${P}/lang/en?back=${encodeURIComponent('/participer/skills')}`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await clean(page, 'skills list (en)');
  await visit(page, `${P}/exchange`, 'exchange list (en)');
  const first = page.locator('.listing-card h3 a').first();
  if (await first.count()) {
    await Promise.all([page.waitForNavigation(), first.click()]);
    await clean(page, 'an item (en, anonymous)');
  }
  await page.close();
});
