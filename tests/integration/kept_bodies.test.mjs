// Bodies kept for a second (core/body_memo.h) on the listings and the home page, through nginx:
// visitors asking at once share a rendering only where it is theirs to share. Each page echoes
// the query string exactly as typed (two spellings of one search share the database's rows, not
// the body), in the viewer's language, with the "add one" link for logged-in citizens only; the
// home page's blocks are shared while the greeting stays each citizen's own; and a listing
// created shows at once, although its pages were just kept.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { hiddenInput, HttpClient } from './lib/http.mjs';
import { login } from './lib/wordpress.mjs';

const P = '/participer';
const main = (html) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
const layout = (html) => html.replace(/<main[^>]*>[\s\S]*?<\/main>/, '');
const typed = (html) => /id="f-q" name="q" value="([^"]*)"/.exec(html)?.[1];

let alice, bruno, chloe;
const english = new HttpClient();

before(async () => {
  [alice, bruno, chloe] = await Promise.all(['alice', 'bruno', 'chloe'].map((n) => login(n)));
  assert.equal((await english.get(`${P}/lang/en?back=${P}/`)).status, 303);
});

const newLink = { skills: `href="${P}/skills/new"`, exchange: `href="${P}/exchange/new"` };
const titles = { projects: ['Projets à soutenir', 'Projects to back'], skills: ['Compétences à partager', 'Skills to share'], exchange: ['Troc et prêt', 'Barter and lending'] };

for (const section of ['projects', 'skills', 'exchange']) {
  test(`${section}: one body a second for each query string as typed, language and kind of viewer`, async () => {
    const anon = new HttpClient();
    const url = (q) => `${P}/${section}?q=${q}`;
    for (let round = 0; round < 4; round++) {
      const [upper, lower, spaced, tag, b, c, en, enAgain, anonAgain] = await Promise.all([
        anon.get(url('Jardin')), anon.get(url('jardin')), anon.get(url('jardin%20')),
        anon.get(url('%22%3E%3Cb%3Ejardin')), bruno.get(url('jardin')), chloe.get(url('jardin')),
        english.get(url('jardin')), english.get(url('jardin')), anon.get(url('jardin')),
      ]);
      for (const r of [upper, lower, spaced, tag, b, c, en, enAgain, anonAgain]) assert.equal(r.status, 200);
      // Each page shows the words as its visitor typed them, escaped.
      assert.equal(typed(upper.text), 'Jardin');
      assert.equal(typed(lower.text), 'jardin');
      assert.equal(typed(spaced.text), 'jardin ');
      assert.equal(typed(tag.text), '&quot;&gt;&lt;b&gt;jardin');
      assert.ok(!tag.text.includes('"><b>jardin'), 'the typed text is never shown raw');
      // In the viewer's language.
      const [fr, english_] = titles[section];
      assert.ok(main(lower.text).includes(fr) && !main(lower.text).includes(english_));
      assert.ok(main(en.text).includes(english_) && !main(en.text).includes(fr));
      // The link to add one is for logged-in citizens only; the layout is each one's own.
      if (newLink[section]) {
        assert.ok(main(b.text).includes(newLink[section]) && main(c.text).includes(newLink[section]));
        assert.ok(!main(lower.text).includes(newLink[section]) && !main(en.text).includes(newLink[section]));
      }
      assert.match(layout(b.text), /Bruno/);
      assert.doesNotMatch(layout(c.text), /Bruno/);
      assert.doesNotMatch(layout(lower.text), /Bruno/);
      // The same kind of viewer asking the same thing in the same language: the same body.
      assert.equal(main(b.text), main(c.text));
      assert.equal(main(en.text), main(enAgain.text));
      assert.equal(main(lower.text), main(anonAgain.text));
    }
  });
}

test('home: the blocks are shared, the greeting is each citizen’s own', async () => {
  const anon = new HttpClient();
  // Everything after the greeting's section: the links to the sections, then the blocks.
  const blocks = (html) => main(html).slice(main(html).indexOf('</section>'));
  for (let round = 0; round < 4; round++) {
    const [a, b, c, again] = await Promise.all([anon.get(`${P}/`), bruno.get(`${P}/`), alice.get(`${P}/`), anon.get(`${P}/`)]);
    for (const r of [a, b, c, again]) assert.equal(r.status, 200);
    assert.match(main(b.text), /class="greeting">Bonjour, Bruno/);
    assert.match(main(c.text), /class="greeting">Bonjour, Alice/);
    assert.doesNotMatch(main(a.text), /class="greeting"/);
    assert.ok(blocks(a.text).length > 200, 'the home page has its blocks');
    assert.equal(blocks(a.text), blocks(b.text));
    assert.equal(blocks(a.text), blocks(c.text));
    assert.equal(main(a.text), main(again.text));
  }
});

test('skills: a listing created shows at once on the pages just kept, however the search was typed', async () => {
  const anon = new HttpClient();
  const word = `Marqueterie${Date.now() % 100000}`;
  const pages = [`${P}/skills?q=${word}`, `${P}/skills?q=${word.toLowerCase()}`, `${P}/skills`, `${P}/`];
  const ids = (html) => [...html.matchAll(/href="\/participer\/skills\/(\d+)"/g)].map((m) => Number(m[1]));
  const before_ = await Promise.all(pages.map((p) => anon.get(p)));
  for (const r of before_.slice(0, 2)) assert.equal(ids(main(r.text)).length, 0, 'nothing found yet');
  const csrf = hiddenInput((await bruno.get(`${P}/skills/new`)).text, 'csrf');
  const res = await bruno.post(`${P}/skills`, {
    csrf, kind: 'offer', title: `Initiation à la ${word}`, description: `Je montre la ${word} le samedi.`,
    category: 'diy', neighbourhood: 'centre', availability: 'le samedi', mode: 'free',
  });
  assert.equal(res.status, 303, res.text.slice(0, 2000));
  const id = Number(/\/skills\/(\d+)$/.exec(res.location)[1]);
  const after = await Promise.all(pages.map((p) => anon.get(p)));
  for (const [n, r] of after.entries()) assert.ok(ids(main(r.text)).includes(id), `${pages[n]} lists the new listing`);
  assert.equal(typed(after[0].text), word);
  assert.equal(typed(after[1].text), word.toLowerCase());
});
