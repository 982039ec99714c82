// The fake payment providers in one loopback HTTP server: Stripe under /v1 and /c/pay, Mollie
// under /v2 and /checkout, and the test control API under /__fake (faults, state, outcomes).
// Library: startFakeProviders({port, ...}) → {url, stop, ...}. Command line: see usage() below.

import { createServer } from 'node:http';
import { writeFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Faults } from './lib/faults.mjs';
import { readBody, sendJson } from './lib/http.mjs';
import { WebhookSender } from './lib/webhooks.mjs';
import { createMollie } from './mollie.mjs';
import { createStripe } from './stripe.mjs';

export const DEFAULT_CONFIG = Object.freeze({
  stripe_secret_key: 'sk_test_placette_fake',
  stripe_webhook_secret: 'whsec_placette_fake',
  stripe_webhook_url: '', // e.g. http://127.0.0.1:18480/participer/webhooks/stripe
  mollie_api_key: 'test_placettefake',
  mollie_refund_settle_ms: 50,
});

async function control(env, req, res, url) {
  const { faults, webhooks, stripe, mollie } = env;
  const body = req.method === 'POST' ? await readBody(req) : '';
  const json = body ? JSON.parse(body) : {};
  const p = url.pathname;
  let m;
  if (p === '/__fake/faults' && req.method === 'POST') faults.set(json);
  else if (p === '/__fake/config' && req.method === 'POST') {
    for (const [k, v] of Object.entries(json)) {
      if (!(k in DEFAULT_CONFIG) && k !== 'clock_offset') throw new Error(`unknown config ${k}`);
      if (k === 'clock_offset') env.clockOffset = Number(v);
      else env.config[k] = v;
    }
  } else if (p === '/__fake/reset' && req.method === 'POST') {
    faults.reset();
    webhooks.reset();
    stripe.reset();
    mollie.reset();
    env.clockOffset = 0;
  } else if (p === '/__fake/webhooks/flush' && req.method === 'POST') {
    return sendJson(res, 200, { flushed: await webhooks.flush() });
  } else if (p === '/__fake/webhooks/idle' && req.method === 'POST') {
    await webhooks.idle();
  } else if (p === '/__fake/deliveries') {
    return sendJson(res, 200, webhooks.deliveries);
  } else if (p === '/__fake/state') {
    const map = (mp) => Object.fromEntries(mp);
    return sendJson(res, 200, {
      faults: faults.snapshot(),
      stripe: { sessions: map(stripe.state.sessions), refunds: map(stripe.state.refunds), intents: map(stripe.state.intents), log: stripe.state.log, idempotency_keys: stripe.state.idem.size },
      mollie: { payments: map(mollie.state.payments), refunds: map(mollie.state.refunds), log: mollie.state.log, idempotency_keys: mollie.state.idem.size },
      held_webhooks: webhooks.held.length,
    });
  } else if ((m = /^\/__fake\/(stripe|mollie)\/([A-Za-z0-9_]+)\/(complete|event|notify)$/.exec(p)) && req.method === 'POST') {
    const target = m[1] === 'stripe' ? stripe : mollie;
    let ok;
    if (m[3] === 'complete') ok = target.complete(m[2], json.outcome || 'paid');
    else if (m[3] === 'event') ok = m[1] === 'stripe' && stripe.sendEvent(m[2], json.type);
    else ok = m[1] === 'mollie' && mollie.notify(m[2]);
    if (!ok) return sendJson(res, 409, { error: 'unknown object or not open' });
  } else return sendJson(res, 404, { error: 'unknown control endpoint' });
  return sendJson(res, 200, { ok: true, faults: faults.snapshot() });
}

/**
 * Starts the fakes on 127.0.0.1:port (0 = any free port). Options: config keys of DEFAULT_CONFIG.
 * Returns {url, port, env, stop()}.
 */
export async function startFakeProviders({ port = 0, ...config } = {}) {
  const env = { config: { ...DEFAULT_CONFIG, ...config }, faults: new Faults(), clockOffset: 0 };
  env.clock = () => env.clockOffset;
  env.webhooks = new WebhookSender(env.faults, env.clock);
  env.publicBase = () => `http://127.0.0.1:${server.address().port}`;
  env.stripe = createStripe(env);
  env.mollie = createMollie(env);
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const run = url.pathname.startsWith('/__fake/')
      ? control(env, req, res, url)
      : env.stripe.handles(url.pathname)
        ? env.stripe.handle(req, res, url)
        : env.mollie.handles(url.pathname)
          ? env.mollie.handle(req, res, url)
          : Promise.resolve(sendJson(res, 404, { error: 'not found' }));
    Promise.resolve(run).catch((e) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(e.message || e) });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    env,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

function usage() {
  console.error(`usage: node tests/fakes/providers.mjs --port PORT [--pid-file FILE] [--stripe-webhook-url URL]
       [--stripe-secret-key sk_test_…] [--stripe-webhook-secret whsec_…] [--mollie-api-key test_…]
Serves fake Stripe (/v1, hosted page /c/pay/…) and Mollie (/v2, /checkout/…) on 127.0.0.1 only.`);
  process.exit(2);
}

async function main(argv) {
  const opts = {};
  let pidFile = null;
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (v === undefined) usage();
    if (k === '--port') opts.port = Number(v);
    else if (k === '--pid-file') pidFile = v;
    else if (k.startsWith('--') && k.slice(2).replace(/-/g, '_') in DEFAULT_CONFIG) opts[k.slice(2).replace(/-/g, '_')] = v;
    else usage();
  }
  if (!Number.isInteger(opts.port)) usage();
  const fake = await startFakeProviders(opts);
  if (pidFile) writeFileSync(pidFile, `${process.pid}\n`);
  console.log(`fake providers on ${fake.url} (pid ${process.pid})`);
  const stop = async () => {
    await fake.stop();
    if (pidFile) rmSync(pidFile, { force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) main(process.argv.slice(2));
