// Debian's Chromium driven by playwright-core (never a downloaded browser), and an axe-core
// accessibility check that lists every violation with its elements.

import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { baseUrl, wordpressUser } from '../../integration/lib/stack.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/**
 * Starts headless Chromium with the flags this closed network needs (Playwright gives it a fresh
 * temporary profile); returns {browser, context, close}.
 */
export async function launch({ locale = 'fr-FR' } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  // bypassCSP: axe-core is injected into pages whose CSP (rightly) forbids foreign scripts.
  const context = await browser.newContext({ bypassCSP: true, locale });
  return {
    browser,
    context,
    async close() {
      await browser.close();
    },
  };
}

/** Runs axe-core (WCAG 2.x A and AA rules) on the page; returns readable violation lines. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * A new browser context of `chrome` (from launch()) logged in on WordPress as `login` through its
 * real login form; returns a page in it (close it with page.context().close()).
 */
export async function loggedInPage(chrome, login, { locale = 'fr-FR' } = {}) {
  const context = await chrome.browser.newContext({ bypassCSP: true, locale });
  const user = wordpressUser(login);
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/wp-login.php`);
  await page.fill('#user_login', user.login);
  await page.fill('#user_pass', user.password);
  await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
  return page;
}
