// Browser smoke test: the home page and every themed error page render in Chromium through
// nginx, in French and English, with zero axe-core violations; a real WordPress login in the
// browser makes /participer/me show the citizen's name.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, wordpressUser } from '../integration/lib/stack.mjs';
import { launch, axeViolations } from './lib/browser.mjs';

const P = `${baseUrl()}/participer`;
let chrome;

before(async () => {
  chrome = await launch();
});
after(async () => {
  await chrome?.close();
});

async function checkPage(url, expectedStatus, lang) {
  const page = await chrome.context.newPage();
  try {
    const res = await page.goto(url, { waitUntil: 'load' });
    assert.equal(res.status(), expectedStatus, url);
    assert.equal(await page.getAttribute('html', 'lang'), lang, url);
    assert.ok(await page.locator('main h1').count(), `${url} has a heading`);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${url}\n${violations.join('\n')}`);
  } finally {
    await page.close();
  }
}

test('home page: no accessibility violation', async () => {
  await checkPage(`${P}/`, 200, 'fr');
});

test('a real unknown address gives the themed 404 without violations', async () => {
  await checkPage(`${P}/nulle-part`, 404, 'fr');
});

for (const status of [400, 403, 404, 405, 409, 413, 429, 500, 503]) {
  test(`error page ${status}: themed, no accessibility violation`, async () => {
    await checkPage(`${P}/errors/${status}`, status, 'fr');
  });
}

test('English pages: no accessibility violation', async () => {
  const page = await chrome.context.newPage();
  await page.goto(`${P}/lang/en?back=${encodeURIComponent('/participer/')}`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(`${P}/errors/404`);
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(`${P}/lang/fr?back=${encodeURIComponent('/participer/')}`);
  await page.close();
});

test('keyboard: the skip link is the first focus and leads to the main content', async () => {
  const page = await chrome.context.newPage();
  await page.goto(`${P}/`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
  assert.equal(focused, '#main');
  await page.close();
});

test('logging in on WordPress in the browser makes /participer/me show the citizen', async () => {
  const alice = wordpressUser('alice');
  const page = await chrome.context.newPage();
  await page.goto(`${baseUrl()}/wp-login.php`);
  await page.fill('#user_login', alice.login);
  await page.fill('#user_pass', alice.password);
  await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
  await page.goto(`${P}/me`);
  assert.equal(await page.locator('.me-name').textContent(), alice.displayName);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
