// The test helpers against the real WordPress of the stack: log in through wp-login.php, see the
// profile page as that user, log out. Run: PLACETTE_STACK_DIR=DIR node --test tests/integration/

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { HttpClient } from './lib/http.mjs';
import { sql, wordpressUser } from './lib/stack.mjs';
import { loggedInCookieName, login, logout } from './lib/wordpress.mjs';

function sessionTokens(loginName) {
  const rows = sql(
    `SELECT m.meta_value FROM wp_usermeta m JOIN wp_users u ON u.ID = m.user_id
     WHERE u.user_login = '${loginName}' AND m.meta_key = 'session_tokens'`,
  );
  return rows[0]?.[0] ?? null;
}

test('alice logs in through wp-login.php, sees her profile, and logs out', async () => {
  const alice = wordpressUser('alice');
  const client = await login('alice');
  // PHP's setcookie percent-encodes the value: "alice%7C<expiration>%7C<token>%7C<hmac>".
  const cookie = decodeURIComponent(client.cookie(loggedInCookieName()));
  assert.match(cookie, /^alice\|\d+\|[A-Za-z0-9]{43}\|[0-9a-f]{64}$/);
  // WordPress keeps sha256(token) as the key of the session in usermeta.session_tokens.
  const verifier = createHash('sha256').update(cookie.split('|')[2]).digest('hex');
  assert.ok(sessionTokens('alice')?.includes(`s:64:"${verifier}"`), 'session stored');

  const profile = await client.get('/wp-admin/profile.php');
  assert.equal(profile.status, 200);
  assert.ok(profile.text.includes(alice.displayName), 'profile page shows "Alice Martin"');

  await logout(client);
  assert.equal(client.cookie(loggedInCookieName()), undefined);
  assert.ok(!(sessionTokens('alice') ?? '').includes(verifier), 'the session is gone');
  const after = await client.get('/wp-admin/profile.php');
  assert.equal(after.status, 302);
  assert.match(after.location, /\/wp-login\.php\?redirect_to=/);
});

test('a wrong password gets the login form again, without a session cookie', async () => {
  const client = new HttpClient();
  await assert.rejects(login('bruno', 'not-his-password', client), /login of bruno failed/);
  assert.equal(client.cookie(loggedInCookieName()), undefined);
});

test('the redirect to the dashboard is left to the caller', async () => {
  const client = await login('editrice');
  const res = await client.get('/wp-admin/');
  assert.equal(res.status, 200);
  const followed = await new HttpClient().get('/wp-admin/', { follow: true });
  assert.equal(followed.status, 200);
  assert.match(followed.url, /\/wp-login\.php\?/);
});
