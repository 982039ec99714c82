// The citizen's crowdfunding journey in Chromium through nginx and real WordPress logins: create
// a campaign (first with mistakes), add a reward, submit; staff approve; another citizen backs
// it. axe-core finds no violation on the listing, the campaign page and the forms with errors.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl } from '../integration/lib/stack.mjs';
import { launch, axeViolations, loggedInPage } from './lib/browser.mjs';

const P = `${baseUrl()}/participer`;
let chrome;
let campaignUrl;

async function noViolations(page, what) {
  const v = await axeViolations(page);
  assert.deepEqual(v, [], `${what}\n${v.join('\n')}`);
}

const loggedIn = (login) => loggedInPage(chrome, login);

async function submitForm(page, button) {
  await Promise.all([page.waitForNavigation(), page.click(button)]);
}

before(async () => {
  chrome = await launch();
});
after(async () => {
  await chrome?.close();
});

test('create (with mistakes first), add a reward, submit; staff approve; another citizen backs it', async () => {
  const alice = await loggedIn('alice');
  await alice.goto(`${P}/projects/new`);
  await alice.fill('#f-title', '');
  await alice.fill('#f-summary', 'Des bancs à l’ombre pour la place des Tilleuls.');
  await alice.fill('#f-description', 'Quatre **bancs** et deux arbres.');
  await alice.selectOption('#f-neighbourhood', 'centre');
  await alice.selectOption('#f-theme', 'heritage');
  await alice.fill('#f-goal', '12.505');
  await alice.fill('#f-duration_days', '45');
  await submitForm(alice, 'form.cf-form button[type=submit]');
  assert.equal(await alice.locator('.notice.error h2').textContent(), 'Le formulaire contient des erreurs');
  assert.match(await alice.locator('#f-goal-error').textContent(), /12\.505/);
  assert.equal(await alice.inputValue('#f-summary'), 'Des bancs à l’ombre pour la place des Tilleuls.');
  await noViolations(alice, 'campaign form with errors');
  await alice.click('.notice.error a[href="#f-goal"]');
  await alice.fill('#f-title', 'Bancs de la place des Tilleuls');
  await alice.fill('#f-goal', '800');
  await submitForm(alice, 'form.cf-form button[type=submit]');
  assert.match(alice.url(), /\/projects\/\d+\/manage$/);
  await noViolations(alice, 'manage page');
  const id = Number(/\/projects\/(\d+)\/manage$/.exec(alice.url())[1]);
  await alice.click('text=Ajouter une contrepartie');
  await alice.fill('#f-title', 'Une plaque à votre nom');
  await alice.fill('#f-min_amount', '25');
  await alice.fill('#f-limit', '12');
  await alice.fill('#f-delivery', '2001-01-01');
  await submitForm(alice, 'form.cf-form button[type=submit]');
  assert.match(await alice.locator('#f-delivery-error').textContent(), /ne peut pas être passée/);
  await noViolations(alice, 'reward form with errors');
  await alice.fill('#f-delivery', '');
  await submitForm(alice, 'form.cf-form button[type=submit]');
  await submitForm(alice, 'text=Envoyer à la mairie pour validation');
  assert.equal((await alice.locator('.cf-manage-state').textContent()).trim(), "En cours d'examen");

  const maire = await loggedIn('maire');
  await maire.goto(`${P}/staff/campaigns`);
  await noViolations(maire, 'staff queue');
  await maire.click('text=Bancs de la place des Tilleuls');
  await noViolations(maire, 'review page');
  await submitForm(maire, 'text=Valider et publier');
  campaignUrl = maire.url();
  assert.match(campaignUrl, new RegExp(`/projects/${id}-bancs-de-la-place-des-tilleuls$`));

  const bruno = await loggedIn('bruno');
  await bruno.goto(campaignUrl);
  await bruno.click('text=Soutenir ce projet');
  await bruno.check('#f-reward-none');
  await bruno.fill('#f-amount', '12.505');
  await submitForm(bruno, 'form.cf-back-form button[type=submit]');
  assert.match(await bruno.locator('#f-amount-error').textContent(), /n'est pas un montant valide/);
  await noViolations(bruno, 'pledge form with errors');
  await bruno.locator('.cf-reward-choices input[type=radio]').nth(1).check();
  await bruno.fill('#f-amount', '');
  await bruno.check('#f-anonymous');
  await bruno.fill('#f-message', 'Vivement l’été !');
  await submitForm(bruno, 'form.cf-back-form button[type=submit]');
  assert.match(bruno.url(), /\/pledges\/\d+$/);
  assert.match(await bruno.locator('.cf-pay-ref').textContent(), /P-\d{6} et le montant de 25/);
  await noViolations(bruno, 'pledge page');
  for (const p of [alice, maire, bruno]) await p.context().close();
});

test('listing and campaign page: no accessibility violation, progress has a text equivalent', async () => {
  const page = await chrome.context.newPage();
  await page.goto(`${P}/projects`);
  await noViolations(page, 'listing');
  await page.goto(`${P}/projects?q=bancs&theme=heritage`);
  assert.ok(await page.locator('.cf-card').count() >= 1);
  await noViolations(page, 'listing with filters');
  await page.goto(campaignUrl);
  const labelledBy = await page.getAttribute('progress.cf-progress', 'aria-labelledby');
  assert.match(await page.locator(`#${labelledBy}`).textContent(), /réunis sur un objectif de 800/);
  await noViolations(page, 'campaign page');
  await page.goto(`${P}/`);
  await noViolations(page, 'home with the crowdfunding block');
  await page.close();
});
