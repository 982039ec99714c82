// The foundation through the real nginx and MariaDB: health check, themed error pages in both
// languages, security headers, body limits, database loss and recovery, graceful stop.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HttpClient } from './lib/http.mjs';
import { sql, stackDir, startMariadb, stopMariadb, stackEnv } from './lib/stack.mjs';
import { login } from './lib/wordpress.mjs';
import { fastcgiRequest } from './lib/fastcgi.mjs';

const P = '/participer';
const http = new HttpClient();

function h1(html) {
  return /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
}

test('healthz answers ok when the database answers', async () => {
  const res = await http.get(`${P}/healthz`);
  assert.equal(res.status, 200);
  assert.equal(res.text, 'ok\n');
});

test('home page is themed, in French by default, with the navigation', async () => {
  const res = await http.get(`${P}/`);
  assert.equal(res.status, 200);
  assert.match(res.text, /<html lang="fr">/);
  assert.match(res.text, /href="\/participer\/projects"/);
  assert.match(res.text, /<main id="main"/);
});

test('unknown page is a themed 404 in French, and in English with Accept-Language', async () => {
  const fr = await http.get(`${P}/no-such-page`);
  assert.equal(fr.status, 404);
  assert.equal(h1(fr.text), 'Page introuvable');
  const en = await http.get(`${P}/no-such-page`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
  assert.equal(en.status, 404);
  assert.equal(h1(en.text), 'Page not found');
  assert.match(en.text, /<html lang="en">/);
});

test('the language link sets a cookie that wins over Accept-Language', async () => {
  const c = new HttpClient();
  const res = await c.get(`${P}/lang/en?back=${encodeURIComponent(`${P}/`)}`);
  assert.equal(res.status, 303);
  assert.equal(new URL(res.location).pathname, `${P}/`);
  const page = await c.get(`${P}/`, { headers: { 'Accept-Language': 'fr' } });
  assert.match(page.text, /<html lang="en">/);
  const evil = await c.get(`${P}/lang/fr?back=${encodeURIComponent('https://evil.example/')}`);
  assert.equal(new URL(evil.location).pathname, `${P}/`);
});

test('wrong method is a themed 405 with Allow', async () => {
  const res = await http.post(`${P}/healthz`, { a: '1' });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'GET, HEAD');
  assert.equal(h1(res.text), 'Action non permise');
});

test('every response carries the security headers', async () => {
  for (const p of ['/', '/no-such-page', '/healthz']) {
    const res = await http.get(`${P}${p}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/, p);
    assert.match(csp, /script-src 'self'/, p);
    assert.match(csp, /frame-ancestors 'self'/, p);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', p);
    assert.ok(res.headers.get('referrer-policy'), p);
  }
});

test('a 10 MB POST is refused with a themed 413', async () => {
  const res = await http.request('POST', `${P}/`, {
    headers: { 'Content-Type': 'application/octet-stream' },
    body: Buffer.alloc(10 * 1024 * 1024, 120),
  });
  assert.equal(res.status, 413);
  assert.equal(h1(res.text), 'Envoi trop volumineux');
});

test('answers arrive whole when many come at once, with and without a request body', async () => {
  // placette-fcgi closes a connection as soon as its answer is written (fcgi/server.cpp): no
  // answer may lose its end, whether the request had a body (read first) or not.
  const big = { note: 'x'.repeat(20_000) }; // a body of several FastCGI records
  const one = async (i) => {
    const res = i % 3 === 0 ? await http.post(`${P}/healthz`, big) : await http.get(`${P}/`);
    const expected = i % 3 === 0 ? 405 : 200;
    assert.equal(res.status, expected, `request ${i}`);
    assert.match(res.text, /<\/footer>\s*<\/body>\s*<\/html>\s*$/, `request ${i} ends whole`);
    return res.status;
  };
  for (let round = 0; round < 5; round++) {
    const statuses = await Promise.all(Array.from({ length: 48 }, (_, i) => one(round * 48 + i)));
    assert.equal(statuses.filter((s) => s === 405).length, 16);
  }
  const after = await http.get(`${P}/healthz`);
  assert.equal(after.text, 'ok\n');
});

test('malformed multipart is a themed 400', async () => {
  const res = await http.request('POST', `${P}/`, {
    headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' },
    body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end',
  });
  assert.equal(res.status, 400);
  assert.equal(h1(res.text), 'Requête incorrecte');
});

test('static theme files are served by nginx', async () => {
  const res = await http.get(`${P}/static/placette.css`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /text\/css/);
  assert.equal(res.headers.get('x-request-id'), null); // nginx, not the module
});

test('database down: 503 themed pages; back up: pages return without restarting Placette', async () => {
  const alice = await login('alice');
  const pidFile = path.join(stackDir(), 'run', 'pids', 'placette.pid');
  const pidBefore = readFileSync(pidFile, 'utf8').trim();
  stopMariadb();
  try {
    const health = await http.get(`${P}/healthz`);
    assert.equal(health.status, 503);
    const page = await alice.get(`${P}/me`);
    assert.equal(page.status, 503);
    assert.equal(h1(page.text), 'Service momentanément indisponible');
    assert.equal(page.headers.get('retry-after'), '30');
  } finally {
    startMariadb();
  }
  let health;
  for (let i = 0; i < 20; i++) {
    health = await http.get(`${P}/healthz`);
    if (health.status === 200) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(health.status, 200);
  const me = await alice.get(`${P}/me`);
  assert.equal(me.status, 200);
  assert.equal(readFileSync(pidFile, 'utf8').trim(), pidBefore);
});

test('SIGTERM during a slow request: the request completes and the process exits 0', async () => {
  const env = stackEnv();
  const config = path.join(stackDir(), 'placette', 'placette.ini');
  const port = Number(env.STACK_HTTP_PORT) + 2000;
  const bin = path.join(process.env.PLACETTE_BUILD_DIR, 'placette-fcgi');
  const child = spawn(bin, ['--config', config, '--listen', `127.0.0.1:${port}`], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  // Hold a write lock on the table /healthz reads, so that the request waits in the database.
  const locker = spawn('mariadb', [
    `--defaults-file=${path.join(stackDir(), 'mariadb', 'root.cnf')}`,
    'wordpress',
    '-e',
    'LOCK TABLES plc_schema_migrations WRITE; SELECT SLEEP(2);',
  ]);
  const lockReleased = new Promise((r) => locker.on('exit', r));
  await new Promise((r) => setTimeout(r, 700));
  const params = {
    REQUEST_METHOD: 'GET',
    REQUEST_URI: `${P}/healthz`,
    QUERY_STRING: '',
    SERVER_PROTOCOL: 'HTTP/1.1',
  };
  const started = Date.now();
  const slow = fastcgiRequest({ port, params });
  await new Promise((r) => setTimeout(r, 400));
  child.kill('SIGTERM');
  const res = await slow;
  assert.equal(res.status, 200);
  assert.equal(res.body, 'ok\n');
  assert.ok(Date.now() - started >= 800, 'the request really waited for the lock');
  const { code, signal } = await exited;
  assert.equal(signal, null);
  assert.equal(code, 0);
  await lockReleased;
});

test('started by spawn-fcgi (listening socket on fd 0), it serves requests', async () => {
  const env = stackEnv();
  const config = path.join(stackDir(), 'placette', 'placette.ini');
  const port = Number(env.STACK_HTTP_PORT) + 2200;
  const bin = path.join(process.env.PLACETTE_BUILD_DIR, 'placette-fcgi');
  // -n: spawn-fcgi stays in the foreground as the service itself (exec), so its PID is ours.
  const child = spawn('spawn-fcgi', ['-n', '-a', '127.0.0.1', '-p', String(port), '--', bin, '--config', config, '--listen', 'fd0'], {
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise((r) => setTimeout(r, 500));
  try {
    const res = await fastcgiRequest({
      port,
      params: { REQUEST_METHOD: 'GET', REQUEST_URI: `${P}/healthz`, QUERY_STRING: '' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.body, 'ok\n');
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0);
});

test('placette-admin migrate on an up-to-date database changes nothing and says so', () => {
  const admin = path.join(process.env.PLACETTE_BUILD_DIR, 'placette-admin');
  const config = path.join(stackDir(), 'placette', 'placette.ini');
  const before = sql('SELECT COUNT(*), MAX(applied_at) FROM plc_schema_migrations')[0];
  const out = execFileSync(admin, ['--config', config, 'migrate'], { encoding: 'utf8' });
  assert.match(out, /up to date .*nothing to do/);
  assert.deepEqual(sql('SELECT COUNT(*), MAX(applied_at) FROM plc_schema_migrations')[0], before);
  const help = execFileSync(admin, ['--help'], { encoding: 'utf8' });
  assert.match(help, /migrate/);
});
