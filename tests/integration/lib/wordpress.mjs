// Logging in and out of the stack's WordPress through its real forms (wp-login.php), so that the
// tests hold the same wordpress_logged_in_* cookie a browser would.

import { createHash } from 'node:crypto';
import { HttpClient } from './http.mjs';
import { baseUrl, sql, wordpressUser } from './stack.mjs';

/** Name of the logged-in cookie: "wordpress_logged_in_" + md5 of the stored siteurl option. */
export function loggedInCookieName() {
  const rows = sql("SELECT option_value FROM wp_options WHERE option_name = 'siteurl'");
  const siteurl = rows[0]?.[0] ?? baseUrl();
  return `wordpress_logged_in_${createHash('md5').update(siteurl).digest('hex')}`;
}

function loginError(html) {
  const m = /<div id="login_error"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  return m ? m[1].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() : null;
}

/**
 * Logs LOGIN in with PASSWORD (default: the stack's password for that account) through
 * wp-login.php. Returns the client (a new one unless given), which now carries the cookies.
 */
export async function login(loginName, password = undefined, client = new HttpClient()) {
  const pwd = password ?? wordpressUser(loginName).password;
  // The GET sets wordpress_test_cookie, which the POST must send back (testcookie=1).
  const form = await client.get('/wp-login.php');
  if (form.status !== 200) throw new Error(`GET /wp-login.php answered ${form.status}`);
  const res = await client.post('/wp-login.php', {
    log: loginName,
    pwd,
    'wp-submit': 'Log In',
    redirect_to: `${baseUrl()}/wp-admin/`,
    testcookie: '1',
  });
  if (res.status !== 302) {
    const why = loginError(res.text) ?? `status ${res.status}`;
    throw new Error(`login of ${loginName} failed: ${why}`);
  }
  if (!client.cookie(loggedInCookieName())) {
    throw new Error(`login of ${loginName}: no ${loggedInCookieName()} cookie`);
  }
  return client;
}

const LOGOUT_LINK = /wp-login\.php\?action=logout(?:&amp;|&)(?:[^"'<>\s]*?)_wpnonce=([0-9a-f]+)/;

/**
 * Logs out like the "Log out" link: takes the nonce from the admin bar of PAGE (default the
 * profile page), or from the confirmation page of /wp-login.php?action=logout, then follows it.
 */
export async function logout(client, page = '/wp-admin/profile.php') {
  let nonce = LOGOUT_LINK.exec((await client.get(page)).text)?.[1];
  if (!nonce) {
    // Without a nonce WordPress answers "Do you really want to log out?" with the right link.
    nonce = LOGOUT_LINK.exec((await client.get('/wp-login.php?action=logout')).text)?.[1];
  }
  if (!nonce) throw new Error('no logout link found');
  const res = await client.get(`/wp-login.php?action=logout&_wpnonce=${nonce}`);
  if (res.status !== 302) throw new Error(`logout answered ${res.status}`);
  if (client.cookie(loggedInCookieName())) throw new Error('logout left the logged-in cookie');
  return res;
}
