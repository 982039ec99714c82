// Citizens keep their town-site account: the real WordPress login makes Placette recognise them,
// staff roles map from WordPress roles, and every way a WordPress session ends (logout, tampering,
// expiry, password change) makes Placette see an anonymous visitor. Also the Debian salt setup.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpClient, hiddenInput } from './lib/http.mjs';
import { repoDir, sql, stackDir, stackEnv, wordpressUser } from './lib/stack.mjs';
import { login, logout, loggedInCookieName } from './lib/wordpress.mjs';
import { fastcgiRequest } from './lib/fastcgi.mjs';

const P = '/participer';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function meName(html) {
  return /<dd class="me-name">([^<]*)<\/dd>/.exec(html)?.[1];
}

/** A fresh client carrying only the logged-in cookie VALUE (as a browser would send it). */
function clientWith(value) {
  const c = new HttpClient();
  c.setCookie(loggedInCookieName(), value);
  return c;
}

async function isAnonymous(client) {
  const res = await client.get(`${P}/me`);
  return res.status === 302 && /wp-login\.php\?redirect_to=/.test(res.location);
}

test('a WordPress login shows the citizen on /participer/me, with the login link gone', async () => {
  const alice = await login('alice');
  const res = await alice.get(`${P}/me`);
  assert.equal(res.status, 200);
  assert.equal(meName(res.text), wordpressUser('alice').displayName);
  assert.match(res.text, /subscriber/);
  assert.doesNotMatch(res.text, /href="[^"]*wp-login\.php\?redirect_to/);
  assert.match(res.text, /wp-login\.php\?action=logout/);
});

test('anonymous visitors are sent to the WordPress login, returning to the page', async () => {
  const res = await new HttpClient().get(`${P}/me`);
  assert.equal(res.status, 302);
  const target = new URL(res.location);
  assert.equal(target.pathname, '/wp-login.php');
  assert.equal(target.searchParams.get('redirect_to'), `${P}/me`);
});

test('the administrator sees the staff link and page; an editor is a moderator; a subscriber gets 403', async () => {
  const maire = await login('maire');
  const home = await maire.get(`${P}/`);
  assert.match(home.text, /href="\/participer\/staff"/);
  assert.equal((await maire.get(`${P}/staff`)).status, 200);
  const editrice = await login('editrice');
  const me = await editrice.get(`${P}/me`);
  assert.match(me.text, /modérat/);
  assert.equal((await editrice.get(`${P}/staff`)).status, 200);
  const bruno = await login('bruno');
  assert.doesNotMatch((await bruno.get(`${P}/`)).text, /href="\/participer\/staff"/);
  const denied = await bruno.get(`${P}/staff`);
  assert.equal(denied.status, 403);
  assert.match(denied.text, /Accès refusé/);
});

test('a CSRF token is bound to its WordPress session: refused in another, accepted in its own', async () => {
  const alice = await login('alice');
  const bruno = await login('bruno');
  const aliceToken = hiddenInput((await alice.get(`${P}/projects/new`)).text, 'csrf');
  const brunoToken = hiddenInput((await bruno.get(`${P}/projects/new`)).text, 'csrf');
  assert.ok(aliceToken && brunoToken && aliceToken !== brunoToken);
  const title = `CSRF check ${Date.now()}`;
  const forged = await bruno.post(`${P}/projects`, { csrf: aliceToken, title });
  assert.equal(forged.status, 403);
  const missing = await bruno.post(`${P}/projects`, { title });
  assert.equal(missing.status, 403);
  assert.equal(sql(`SELECT COUNT(*) FROM plc_campaigns WHERE title = '${title}'`)[0][0], '0');
  // With his own token the request reaches the form's own checks (a re-displayed form or a draft).
  const own = await bruno.post(`${P}/projects`, { csrf: brunoToken, title });
  assert.notEqual(own.status, 403);
  // Anonymous writes go to the WordPress login instead.
  const anon = await new HttpClient().post(`${P}/projects`, { csrf: brunoToken, title });
  assert.equal(anon.status, 303);
  assert.match(anon.location, /wp-login\.php/);
});

test('logging out of WordPress makes the old cookie anonymous within the cache time', async () => {
  const chloe = await login('chloe');
  const value = chloe.cookie(loggedInCookieName());
  assert.equal(await isAnonymous(clientWith(value)), false);
  await logout(chloe);
  await sleep(6000); // [host] cache_seconds defaults to 5
  assert.equal(await isAnonymous(clientWith(value)), true);
});

test('a cookie with one byte changed is anonymous', async () => {
  const alice = await login('alice');
  const value = alice.cookie(loggedInCookieName());
  const last = value.at(-1);
  const flipped = value.slice(0, -1) + (last === '0' ? '1' : '0');
  assert.equal(await isAnonymous(clientWith(flipped)), true);
  const login2 = value.replace(/^alice/, 'alicf');
  assert.equal(await isAnonymous(clientWith(login2)), true);
  for (const junk of ['', 'x', '%%%', 'a|b|c', `${value}|extra`, 'x'.repeat(8000), '%7C%7C%7C']) {
    assert.equal(await isAnonymous(clientWith(junk)), true, junk.slice(0, 20));
  }
});

test('a cookie whose session token was destroyed is anonymous', async () => {
  const bruno = await login('bruno');
  const value = bruno.cookie(loggedInCookieName());
  const id = sql("SELECT ID FROM wp_users WHERE user_login = 'bruno'")[0][0];
  sql(`DELETE FROM wp_usermeta WHERE user_id = ${Number(id)} AND meta_key = 'session_tokens'`);
  await sleep(6000);
  assert.equal(await isAnonymous(clientWith(value)), true);
});

test('a cookie issued before a password change is anonymous', async () => {
  const chloe = await login('chloe');
  const value = chloe.cookie(loggedInCookieName());
  const [id, hash] = sql("SELECT ID, user_pass FROM wp_users WHERE user_login = 'chloe'")[0];
  try {
    // What wp_set_password() does, for the cookie's purposes: a new hash, hence a new pass_frag.
    const newHash = hash.slice(0, 8) + (hash.slice(8, 12) === 'ZZZZ' ? 'YYYY' : 'ZZZZ') + hash.slice(12);
    sql(`UPDATE wp_users SET user_pass = '${newHash.replace(/'/g, "''")}' WHERE ID = ${Number(id)}`);
    await sleep(6000);
    assert.equal(await isAnonymous(clientWith(value)), true);
  } finally {
    sql(`UPDATE wp_users SET user_pass = '${hash.replace(/'/g, "''")}' WHERE ID = ${Number(id)}`);
  }
});

test('an expired cookie is anonymous (Placette clock moved 15 days ahead)', async () => {
  const alice = await login('alice');
  const value = alice.cookie(loggedInCookieName());
  const env = stackEnv();
  const port = Number(env.STACK_HTTP_PORT) + 2100;
  const bin = path.join(process.env.PLACETTE_BUILD_DIR, 'placette-fcgi');
  const config = path.join(stackDir(), 'placette', 'placette.ini');
  const startOne = (offset) => {
    const child = spawn(bin, ['--config', config, '--listen', `127.0.0.1:${port}`], {
      stdio: 'ignore',
      env: { ...process.env, PLACETTE_CLOCK_OFFSET: String(offset) },
    });
    return child;
  };
  const ask = () =>
    fastcgiRequest({
      port,
      params: {
        REQUEST_METHOD: 'GET',
        REQUEST_URI: `${P}/me`,
        QUERY_STRING: '',
        HTTP_COOKIE: `${loggedInCookieName()}=${value}`,
      },
    });
  for (const [offset, expected] of [[0, 200], [15 * 24 * 3600, 302]]) {
    const child = startOne(offset);
    const exited = new Promise((r) => child.on('exit', r));
    await sleep(500);
    try {
      const res = await ask();
      assert.equal(res.status, expected, `clock offset ${offset}`);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }
});

test('Debian-style config (SECRET_KEY only, salt in wp_options) works the same', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'placette-debian-'));
  const port = Number(stackEnv().STACK_HTTP_PORT) + 50;
  const stack = path.join(repoDir, 'scripts', 'stack');
  const env = { ...process.env, STACK_WP_SALTS: 'debian', STACK_WP_LANG: '', BUILD_DIR: process.env.PLACETTE_BUILD_DIR };
  const prev = { dir: process.env.PLACETTE_STACK_DIR, url: process.env.PLACETTE_BASE_URL };
  try {
    execFileSync(stack, ['up', dir, String(port)], { env, stdio: 'ignore', timeout: 180_000 });
    // The helpers below talk to the stack named by these two variables.
    process.env.PLACETTE_STACK_DIR = dir;
    process.env.PLACETTE_BASE_URL = `http://127.0.0.1:${port}`;
    const alice = await login('alice');
    // WordPress stored the salt it generated at the first login; the key is SECRET_KEY.
    const salt = sql("SELECT COUNT(*) FROM wp_options WHERE option_name = 'logged_in_salt'");
    assert.equal(salt[0][0], '1');
    const keys = sql("SELECT COUNT(*) FROM wp_options WHERE option_name = 'logged_in_key'");
    assert.equal(keys[0][0], '0', 'the key comes from SECRET_KEY, not from the options');
    const res = await alice.get(`${P}/me`);
    assert.equal(res.status, 200);
    assert.equal(meName(res.text), wordpressUser('alice').displayName);
  } finally {
    process.env.PLACETTE_STACK_DIR = prev.dir;
    process.env.PLACETTE_BASE_URL = prev.url;
    execFileSync(stack, ['down', dir], { stdio: 'ignore', timeout: 120_000 });
    rmSync(dir, { recursive: true, force: true });
  }
});
