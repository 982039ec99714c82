// Barter & lending through nginx with real WordPress logins: items with photos (sniffed,
// size-limited, re-encoded without EXIF), bad input writing nothing, a loan requested, accepted,
// handed over, returned late (overdue by tick), feedback; a give completed with a partner;
// a third citizen refused; 120 parallel requests accepted concurrently never overlap.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { hiddenInput, HttpClient } from './lib/http.mjs';
import { repoDir, sql, stackEnv } from './lib/stack.mjs';
import { login } from './lib/wordpress.mjs';

const P = '/participer';
let alice, bruno, chloe, maire, editrice;

// A 16×12 JPEG made by libgd with an APP1 "Exif" segment carrying GPS text.
const EXIF_JPEG = Buffer.from('/9j/4QAKRXhpZgAATU3/4AAQSkZJRgABAQEAYABgAAD//gA7Q1JFQVRPUjogZ2QtanBlZyB2MS4wICh1c2luZyBJSkcgSlBFRyB2NjIpLCBxdWFsaXR5ID0gODAK/9sAQwAGBAUGBQQGBgUGBwcGCAoQCgoJCQoUDg8MEBcUGBgXFBYWGh0lHxobIxwWFiAsICMmJykqKRkfLTAtKDAlKCko/9sAQwEHBwcKCAoTCgoTKBoWGigoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgo/8AAEQgADAAQAwEiAAIRAQMRAf/EAB8AAAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+v/EAB8BAAMBAQEBAQEBAQEAAAAAAAABAgMEBQYHCAkKC//EALURAAIBAgQEAwQHBQQEAAECdwABAgMRBAUhMQYSQVEHYXETIjKBCBRCkaGxwQkjM1LwFWJy0QoWJDThJfEXGBkaJicoKSo1Njc4OTpDREVGR0hJSlNUVVZXWFlaY2RlZmdoaWpzdHV2d3h5eoKDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uLj5OXm5+jp6vLz9PX29/j5+v/aAAwDAQACEQMRAD8A810nwp9393+ldnpPhT7v7v8ASu30nTrbj5K7PSdOtuPkpY7O6mpz8K8RVfdP/9k=', 'base64');

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A real W×H RGB PNG (gradient), with a tEXt chunk holding a fake location. */
function png(w, h) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) row.set([x * 8, y * 8, 120], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from('Location\0GPS 48.85N 2.35E')),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function citizen(name) {
  const c = await login(name);
  c.id = Number(sql(`SELECT ID FROM wp_users WHERE user_login = '${name}'`)[0][0]);
  c.csrf = hiddenInput((await c.get(`${P}/exchange/new`)).text, 'csrf');
  assert.ok(c.csrf);
  return c;
}

const count = (q) => Number(sql(q)[0][0]);
const day = (offset) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

function admin(...args) {
  const build = process.env.PLACETTE_BUILD_DIR || path.join(repoDir, 'build');
  return execFileSync(path.join(build, 'placette-admin'), ['--config', stackEnv().STACK_PLACETTE_CONFIG, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function item(overrides = {}) {
  return {
    kind: 'lend',
    title: 'Perceuse à percussion',
    description: 'Perceuse 750 W avec mallette et forets béton.',
    category: 'tools',
    condition: 'good',
    neighbourhood: 'gare',
    ...overrides,
  };
}

async function createItem(c, fields = {}, photo = null) {
  const entries = Object.entries({ csrf: c.csrf, ...item(fields) });
  if (photo) entries.push(['photo', photo]);
  const res = await c.postMultipart(`${P}/exchange`, entries);
  assert.equal(res.status, 303, res.text.slice(0, 3000));
  return Number(/\/exchange\/(\d+)$/.exec(res.location)[1]);
}

before(async () => {
  [alice, bruno, chloe, maire, editrice] = await Promise.all(
    ['alice', 'bruno', 'chloe', 'maire', 'editrice'].map(citizen),
  );
});

test('bad input: empty title, a PDF named .jpg, a photo over the limit, a 20 MB upload — nothing written', async () => {
  const items = () => count('SELECT COUNT(*) FROM plc_exchange_items');
  const photos = () => count('SELECT COUNT(*) FROM plc_exchange_photos');
  const [i0, p0] = [items(), photos()];
  const post = (fields, photo) => {
    const entries = Object.entries({ csrf: alice.csrf, ...item(fields) });
    if (photo) entries.push(['photo', photo]);
    return alice.postMultipart(`${P}/exchange`, entries);
  };
  const empty = await post({ title: '  ' });
  assert.equal(empty.status, 422);
  assert.match(empty.text, /href="#f-title"/);
  assert.match(empty.text, /Donnez un titre/);
  const pdf = await post({}, { filename: 'vacances.jpg', type: 'image/jpeg', content: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n') });
  assert.equal(pdf.status, 422);
  assert.match(pdf.text, /href="#f-photo"/);
  assert.match(pdf.text, /n(?:'|&#39;)est pas une photo JPEG, PNG, WebP ou GIF/);
  const heavy = Buffer.concat([EXIF_JPEG, Buffer.alloc(4_300_000, 7)]);
  const big = await post({}, { filename: 'grosse.jpg', type: 'image/jpeg', content: heavy });
  assert.equal(big.status, 422);
  assert.match(big.text, /trop lourde/);
  const huge = await post({}, { filename: 'enorme.jpg', type: 'image/jpeg', content: Buffer.concat([EXIF_JPEG, Buffer.alloc(20 * 1024 * 1024, 1)]) });
  assert.equal(huge.status, 413);
  assert.match(huge.text, /trop volumineux|trop lourds/);
  const noCondition = await post({ kind: 'give', condition: 'none' });
  assert.equal(noCondition.status, 422);
  assert.match(noCondition.text, /href="#f-condition"/);
  assert.equal(items(), i0);
  assert.equal(photos(), p0);
});

test('photos are sniffed and re-encoded: no EXIF or text chunk survives, served with their type', async () => {
  const jpegItem = await createItem(alice, { title: 'Escabeau trois marches' }, { filename: 'IMG_0001.png', type: 'image/png', content: EXIF_JPEG });
  const res = await fetch(new URL(`${P}/exchange/${jpegItem}/photo`, stackEnv().STACK_BASE_URL));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/jpeg', 'the type comes from the bytes, not the name');
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff]);
  assert.equal(bytes.includes('Exif'), false);
  assert.equal(bytes.includes('GPSLatitude'), false);
  const pngItem = await createItem(bruno, { kind: 'give', title: 'Lot de livres jeunesse', category: 'books' }, { filename: 'livres', content: png(40, 30) });
  const pres = await fetch(new URL(`${P}/exchange/${pngItem}/photo`, stackEnv().STACK_BASE_URL));
  assert.equal(pres.headers.get('content-type'), 'image/png');
  const pbytes = Buffer.from(await pres.arrayBuffer());
  assert.equal(pbytes.includes('GPS'), false);
  assert.equal(pbytes.includes('tEXt'), false);
  const page = await chloe.get(`${P}/exchange/${pngItem}`);
  assert.match(page.text, new RegExp(`<img class="photo" src="/participer/exchange/${pngItem}/photo" alt="Photo : Lot de livres jeunesse"`));
  assert.equal((await chloe.get(`${P}/exchange/999999/photo`)).status, 404);
});

test('list filters and search', async () => {
  const id = await createItem(bruno, { kind: 'swap', title: 'Échange plants de tomates', description: 'Plants de tomates cerises contre courgettes.', category: 'garden', condition: 'new', neighbourhood: 'coteaux' });
  const byKind = await chloe.get(`${P}/exchange?kind=swap&neighbourhood=coteaux`);
  assert.match(byKind.text, new RegExp(`/exchange/${id}"`));
  const search = await chloe.get(`${P}/exchange?q=courgettes`);
  assert.match(search.text, new RegExp(`/exchange/${id}"`));
  const other = await chloe.get(`${P}/exchange?category=books`);
  assert.doesNotMatch(other.text, new RegExp(`/exchange/${id}"`));
});

test('a new item is on the listing and the home page at once, although both pages were just read', async () => {
  const anon = new HttpClient();
  const items = (html) => [...html.matchAll(/href="\/participer\/exchange\/(\d+)"/g)].map((m) => Number(m[1]));
  const newest = () => sql(`SELECT id FROM plc_exchange_items WHERE status = 'active' ORDER BY id DESC LIMIT 5`)
    .map((r) => Number(r[0]));
  await anon.get(`${P}/exchange`);
  await anon.get(`${P}/`);
  const id = await createItem(alice, { title: 'Scie sauteuse', description: 'Scie sauteuse 600 W, lames bois.' });
  assert.equal(items((await anon.get(`${P}/exchange`)).text)[0], id);
  const home = [...new Set(items((await anon.get(`${P}/`)).text))];
  assert.deepEqual(home, newest(), 'the home page lists the newest items as the database has them');
  const paused = await alice.post(`${P}/exchange/${id}/status`, { csrf: alice.csrf, action: 'pause' });
  assert.equal(paused.status, 303, paused.text.slice(0, 500));
  assert.ok(!items((await anon.get(`${P}/exchange`)).text).includes(id), 'paused: gone at once');
  assert.ok(!items((await anon.get(`${P}/`)).text).includes(id));
});

test('loan dates: end before start, dates in the past, too long — specific messages, nothing written', async () => {
  const id = await createItem(alice, { title: 'Tondeuse électrique', category: 'garden' });
  const loans = () => count(`SELECT COUNT(*) FROM plc_loans WHERE item_id = ${id}`);
  const ask = (start, end) => bruno.post(`${P}/exchange/${id}/loans`, { csrf: bruno.csrf, start, end, message: '' });
  const reversed = await ask(day(5), day(3));
  assert.equal(reversed.status, 422);
  assert.match(reversed.text, /href="#f-end"/);
  assert.match(reversed.text, /même jour ou après la date de début/);
  const past = await ask(day(-3), day(2));
  assert.equal(past.status, 422);
  assert.match(past.text, /href="#f-start"/);
  assert.match(past.text, /déjà passée/);
  const garbage = await ask('31/02/2026', 'demain');
  assert.equal(garbage.status, 422);
  assert.match(garbage.text, /date de début valide/);
  assert.match(garbage.text, /date de fin valide/);
  const long = await ask(day(1), day(200));
  assert.equal(long.status, 422);
  assert.match(long.text, /trop longue/);
  assert.equal((await alice.post(`${P}/exchange/${id}/loans`, { csrf: alice.csrf, start: day(1), end: day(2) })).status, 403);
  assert.equal(loans(), 0);
});

test('a loan: requested, accepted by the owner only, handed over, overdue by tick, returned, feedback', async () => {
  const id = await createItem(alice, { title: 'Remorque de vélo', category: 'vehicles' });
  const req = await bruno.post(`${P}/exchange/${id}/loans`, { csrf: bruno.csrf, start: day(1), end: day(3), message: 'Pour un déménagement' });
  assert.equal(req.status, 303);
  const loanUrl = new URL(req.location).pathname;
  const lid = Number(/\/loans\/(\d+)$/.exec(loanUrl)[1]);
  assert.equal((await chloe.get(loanUrl)).status, 403, 'a third citizen cannot see the loan');
  assert.equal((await chloe.post(`${loanUrl}/accept`, { csrf: chloe.csrf })).status, 403, 'nor accept it');
  assert.equal((await bruno.post(`${loanUrl}/accept`, { csrf: bruno.csrf })).status, 403, 'the borrower cannot accept');
  assert.equal((await bruno.post(`${loanUrl}/handover`, { csrf: bruno.csrf })).status, 403);
  assert.equal((await alice.post(`${loanUrl}/accept`, { csrf: alice.csrf })).status, 303);
  assert.equal((await alice.post(`${loanUrl}/accept`, { csrf: alice.csrf })).status, 409);
  const page = await chloe.get(`${P}/exchange/${id}`);
  assert.match(page.text, /Réservé du/);
  const overlap = await chloe.post(`${P}/exchange/${id}/loans`, { csrf: chloe.csrf, start: day(2), end: day(6) });
  assert.equal(overlap.status, 422);
  assert.match(overlap.text, /déjà réservé/);
  const handover = await alice.post(`${loanUrl}/handover`, { csrf: alice.csrf, note: 'Pneus gonflés, une rayure' });
  assert.equal(handover.status, 303);
  assert.equal(sql(`SELECT status, handover_note FROM plc_loans WHERE id = ${lid}`)[0].join('|'), 'on_loan|Pneus gonflés, une rayure');
  // The loan should have ended two days ago: the tick marks it overdue and tells both.
  sql(`UPDATE plc_loans SET start_date = CURDATE() - INTERVAL 5 DAY, end_date = CURDATE() - INTERVAL 2 DAY WHERE id = ${lid}`);
  assert.match(admin('tick'), /loans overdue: [1-9]/);
  assert.equal(sql(`SELECT status FROM plc_loans WHERE id = ${lid}`)[0][0], 'overdue');
  assert.equal(count(`SELECT COUNT(*) FROM plc_notifications WHERE kind = 'loan_overdue' AND path = '/loans/${lid}'`), 2);
  admin('tick');
  assert.equal(count(`SELECT COUNT(*) FROM plc_notifications WHERE kind = 'loan_overdue' AND path = '/loans/${lid}'`), 2, 'told once');
  const late = await bruno.get(loanUrl);
  assert.match(late.text, /en retard/);
  assert.match((await bruno.get(`${P}/me`)).text, /Remorque de vélo/);
  assert.match((await alice.get(`${P}/me`)).text, /Remorque de vélo/);
  assert.equal((await bruno.post(`${loanUrl}/return`, { csrf: bruno.csrf })).status, 403);
  const returned = await alice.post(`${loanUrl}/return`, { csrf: alice.csrf, note: 'Rendue propre' });
  assert.equal(returned.status, 303);
  assert.equal(sql(`SELECT status, return_note FROM plc_loans WHERE id = ${lid}`)[0].join('|'), 'returned|Rendue propre');
  const fb = await bruno.post(`${P}/feedback`, { csrf: bruno.csrf, subject_type: 'loan', subject_id: String(lid), body: 'Prêt impeccable, merci !' });
  assert.equal(fb.status, 303);
  const fb2 = await alice.post(`${P}/feedback`, { csrf: alice.csrf, subject_type: 'loan', subject_id: String(lid), body: 'Rendue avec un peu de retard.' });
  assert.equal(fb2.status, 303);
  const chloeFb = await chloe.post(`${P}/feedback`, { csrf: chloe.csrf, subject_type: 'loan', subject_id: String(lid), body: 'Je passais par là' });
  assert.equal(chloeFb.status, 403);
  assert.match((await chloe.get(`${P}/people/${alice.id}`)).text, /Prêt impeccable, merci !/);
  assert.match((await chloe.get(`${P}/people/${bruno.id}`)).text, /Rendue avec un peu de retard\./);
  // A conversation about the loan is private to its two parties.
  const talk = await bruno.post(`${P}/conversations`, { csrf: bruno.csrf, subject_type: 'loan', subject_id: String(lid), body: 'Merci encore' });
  assert.equal(talk.status, 303);
  assert.equal((await chloe.get(talk.location)).status, 403);
  const intrude = await chloe.post(`${P}/conversations`, { csrf: chloe.csrf, subject_type: 'loan', subject_id: String(lid), body: 'Moi aussi' });
  assert.equal(intrude.status, 403);
});

test('a give ends when the owner marks it done with someone who wrote about it', async () => {
  const id = await createItem(alice, { kind: 'give', title: 'Poussette double', category: 'children', condition: 'fair' });
  const nobody = await alice.post(`${P}/exchange/${id}/done`, { csrf: alice.csrf, partner: String(bruno.id) });
  assert.equal(nobody.status, 422, 'bruno never wrote about it');
  const msg = await chloe.post(`${P}/conversations`, { csrf: chloe.csrf, subject_type: 'item', subject_id: String(id), body: 'Elle m’intéresse !' });
  assert.equal(msg.status, 303);
  assert.equal((await chloe.post(`${P}/exchange/${id}/done`, { csrf: chloe.csrf, partner: String(chloe.id) })).status, 403);
  const done = await alice.post(`${P}/exchange/${id}/done`, { csrf: alice.csrf, partner: String(chloe.id) });
  assert.equal(done.status, 303);
  assert.deepEqual(sql(`SELECT status, partner_id FROM plc_exchange_items WHERE id = ${id}`)[0], ['done', String(chloe.id)]);
  const fb = await chloe.post(`${P}/feedback`, { csrf: chloe.csrf, subject_type: 'item_done', subject_id: String(id), body: 'Très bon état, merci.' });
  assert.equal(fb.status, 303);
});

test('120 parallel requests for overlapping dates, accepted concurrently: no two accepted periods overlap', async () => {
  const id = await createItem(alice, { title: 'Nettoyeur haute pression', category: 'tools' });
  const borrowers = [bruno, chloe, maire, editrice];
  const requests = Array.from({ length: 120 }, (_, i) => {
    const start = 1 + (i % 20);
    const length = 1 + (i % 5);
    const c = borrowers[i % borrowers.length];
    return c.post(`${P}/exchange/${id}/loans`, { csrf: c.csrf, start: day(start), end: day(start + length), message: `demande ${i}` });
  });
  const made = await Promise.all(requests);
  for (const r of made) assert.equal(r.status, 303, r.text.slice(0, 500));
  const ids = sql(`SELECT id FROM plc_loans WHERE item_id = ${id} AND status = 'requested'`).map((r) => r[0]);
  assert.equal(ids.length, 120);
  const accepts = await Promise.all(ids.map((lid) => alice.post(`${P}/loans/${lid}/accept`, { csrf: alice.csrf })));
  const statuses = accepts.map((r) => r.status);
  assert.ok(statuses.every((s) => s === 303 || s === 409), JSON.stringify(statuses));
  const accepted = sql(`SELECT TO_DAYS(start_date), TO_DAYS(end_date) FROM plc_loans WHERE item_id = ${id} AND status = 'accepted' ORDER BY start_date`).map((r) => r.map(Number));
  assert.ok(accepted.length >= 1);
  assert.equal(accepted.length, statuses.filter((s) => s === 303).length);
  for (let i = 1; i < accepted.length; i++) {
    assert.ok(accepted[i][0] > accepted[i - 1][1], `accepted periods ${accepted[i - 1]} and ${accepted[i]} overlap`);
  }
  assert.match(admin('check-ledger'), /loan calendars: ok/);
});
