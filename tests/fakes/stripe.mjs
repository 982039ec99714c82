// Fake Stripe (the subset Placette uses): Checkout Sessions in payment mode with bracketed form
// params, retrieval with expand[], expire, refunds by payment_intent, idempotency-key replay,
// Stripe error bodies, a hosted page ("pay" / "fail") and signed events sent to the webhook URL.

import { createHash } from 'node:crypto';
import { bearerToken, escapeHtml, newId, nowSeconds, parseBracketForm, readBody, redirect, sendHtml, sendJson } from './lib/http.mjs';

const API_VERSION = '2026-06-24.dahlia';
const SESSION_PARAMS = new Set(['mode', 'line_items', 'success_url', 'cancel_url', 'client_reference_id', 'metadata',
  'payment_intent_data', 'customer_email', 'expires_at', 'locale', 'currency', 'customer']);

class StripeError extends Error {
  constructor(status, type, message, extra = {}) {
    super(message);
    Object.assign(this, { status, type, extra });
  }
}
const invalid = (message, param) => new StripeError(400, 'invalid_request_error', message, param ? { param } : {});

export function createStripe(env) {
  const { faults, webhooks, config } = env;
  const state = { sessions: new Map(), intents: new Map(), charges: new Map(), refunds: new Map(), idem: new Map(), log: [] };
  const now = () => nowSeconds(env.clock());

  function errorBody(e) {
    return { error: { type: e.type, message: e.message, ...e.extra, request_log_url: 'https://dashboard.stripe.com/test/logs/req_fake' } };
  }

  function event(type, object) {
    const body = JSON.stringify({
      id: newId('evt_test_', 24), object: 'event', api_version: API_VERSION, created: now(),
      data: { object }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type,
    });
    webhooks.send({ provider: 'stripe', url: config.stripe_webhook_url, secret: config.stripe_webhook_secret, body,
      contentType: 'application/json; charset=utf-8', kind: type });
  }

  function amountOf(s) {
    return s.line_items.reduce((sum, li) => sum + Number(li.price_data.unit_amount) * Number(li.quantity), 0);
  }

  function validateSession(p) {
    for (const k of Object.keys(p)) if (!SESSION_PARAMS.has(k)) throw invalid(`Received unknown parameter: ${k}`, k);
    if (!['payment', 'setup', 'subscription'].includes(p.mode)) throw invalid('Invalid mode: must be one of payment, setup, or subscription', 'mode');
    if (p.mode !== 'payment') throw invalid('This fake only implements mode=payment', 'mode');
    if (!Array.isArray(p.line_items) || p.line_items.length === 0) throw invalid('Missing required param: line_items.', 'line_items');
    p.line_items.forEach((li, i) => {
      const pd = li.price_data || {};
      if (!/^[a-z]{3}$/.test(pd.currency || '')) throw invalid('Invalid currency', `line_items[${i}][price_data][currency]`);
      if (!/^\d+$/.test(pd.unit_amount || '')) throw invalid('Invalid integer', `line_items[${i}][price_data][unit_amount]`);
      if (!pd.product_data?.name) throw invalid('Missing required param: name.', `line_items[${i}][price_data][product_data][name]`);
      if (!/^[1-9]\d*$/.test(li.quantity || '')) throw invalid('Missing required param: quantity.', `line_items[${i}][quantity]`);
    });
    if (!p.success_url) throw invalid('Missing required param: success_url.', 'success_url');
    for (const k of ['success_url', 'cancel_url']) {
      if (p[k] && !/^https?:\/\//.test(p[k])) throw invalid('Not a valid URL', k);
    }
  }

  function createSession(p) {
    validateSession(p);
    const id = newId('cs_test_', 58);
    const s = {
      id, object: 'checkout.session', mode: 'payment', status: 'open', payment_status: 'unpaid',
      amount_total: 0, amount_subtotal: 0, currency: p.line_items[0].price_data.currency,
      client_reference_id: p.client_reference_id ?? null, metadata: p.metadata || {}, customer: null,
      customer_email: p.customer_email ?? null, payment_intent: null, setup_intent: null,
      success_url: p.success_url, cancel_url: p.cancel_url ?? null, created: now(),
      expires_at: p.expires_at ? Number(p.expires_at) : now() + 86400, livemode: false,
      url: `${env.publicBase()}/c/pay/${id}`, line_items: p.line_items,
      pi_metadata: p.payment_intent_data?.metadata || {},
    };
    s.amount_total = s.amount_subtotal = amountOf(s);
    state.sessions.set(id, s);
    return s;
  }

  function publicSession(s) {
    const { line_items: _li, pi_metadata: _pm, ...rest } = s;
    return structuredClone(rest);
  }

  function expanded(s, expand) {
    const out = publicSession(s);
    const wantPi = expand.some((e) => e === 'payment_intent' || e.startsWith('payment_intent.'));
    if (wantPi && s.payment_intent) {
      const pi = structuredClone(state.intents.get(s.payment_intent));
      if (expand.includes('payment_intent.latest_charge') && pi.latest_charge) pi.latest_charge = structuredClone(state.charges.get(pi.latest_charge));
      out.payment_intent = pi;
    }
    return out;
  }

  /** The buyer's outcome on the hosted page (or the test's control call). */
  function complete(s, outcome) {
    if (s.status !== 'open') return false;
    if (outcome === 'expire') {
      s.status = 'expired';
      event('checkout.session.expired', publicSession(s));
      return true;
    }
    const pi = { id: newId('pi_', 24), object: 'payment_intent', amount: s.amount_total, currency: s.currency,
      status: 'succeeded', capture_method: 'automatic_async', latest_charge: null, metadata: s.pi_metadata, created: now(), livemode: false };
    s.payment_intent = pi.id;
    s.status = 'complete';
    state.intents.set(pi.id, pi);
    const charge = () => {
      const ch = { id: newId('ch_', 24), object: 'charge', amount: s.amount_total, amount_refunded: 0, currency: s.currency,
        payment_intent: pi.id, refunded: false, paid: true, status: 'succeeded', metadata: s.pi_metadata, created: now() };
      state.charges.set(ch.id, ch);
      pi.latest_charge = ch.id;
      s.payment_status = 'paid';
    };
    if (outcome === 'paid') {
      charge();
      event('checkout.session.completed', publicSession(s));
    } else if (outcome === 'paid_async') {
      // A delayed method that succeeds: completed (unpaid, processing), then async_payment_succeeded.
      pi.status = 'processing';
      event('checkout.session.completed', publicSession(s));
      pi.status = 'succeeded';
      charge();
      event('checkout.session.async_payment_succeeded', publicSession(s));
    } else {
      // A delayed method (e.g. SEPA debit) that fails after the buyer completed Checkout.
      pi.status = 'requires_payment_method';
      event('checkout.session.completed', publicSession(s));
      event('checkout.session.async_payment_failed', publicSession(s));
    }
    return true;
  }

  function createRefund(p) {
    for (const k of Object.keys(p)) if (!['payment_intent', 'charge', 'amount', 'reason', 'metadata'].includes(k)) throw invalid(`Received unknown parameter: ${k}`, k);
    const pi = state.intents.get(p.payment_intent || '');
    if (!pi) throw new StripeError(404, 'invalid_request_error', `No such payment_intent: '${p.payment_intent}'`, { code: 'resource_missing', param: 'payment_intent' });
    const ch = pi.latest_charge && state.charges.get(pi.latest_charge);
    if (pi.status !== 'succeeded' || !ch) throw invalid('This PaymentIntent does not have a successful charge to refund.', 'payment_intent');
    const left = ch.amount - ch.amount_refunded;
    const amount = p.amount === undefined ? left : Number(p.amount);
    if (left <= 0) throw new StripeError(400, 'invalid_request_error', `Charge ${ch.id} has already been refunded.`, { code: 'charge_already_refunded' });
    if (!Number.isInteger(amount) || amount <= 0 || amount > left) throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, 'amount');
    const re = { id: newId('re_', 24), object: 'refund', amount, currency: ch.currency, payment_intent: pi.id, charge: ch.id,
      status: 'succeeded', reason: p.reason ?? null, metadata: p.metadata || {}, created: now() };
    state.refunds.set(re.id, re);
    ch.amount_refunded += amount;
    ch.refunded = ch.amount_refunded === ch.amount;
    event('charge.refunded', structuredClone(ch));
    return re;
  }

  async function route(req, url, body) {
    const path = url.pathname;
    let m;
    if (req.method === 'POST' && path === '/v1/checkout/sessions') return [200, publicSession(createSession(parseBracketForm(body)))];
    if (req.method === 'GET' && (m = /^\/v1\/checkout\/sessions\/([A-Za-z0-9_]+)$/.exec(path))) {
      const s = state.sessions.get(m[1]);
      if (!s) throw new StripeError(404, 'invalid_request_error', `No such checkout.session: '${m[1]}'`, { code: 'resource_missing', param: 'session' });
      return [200, expanded(s, url.searchParams.getAll('expand[]'))];
    }
    if (req.method === 'POST' && (m = /^\/v1\/checkout\/sessions\/([A-Za-z0-9_]+)\/expire$/.exec(path))) {
      const s = state.sessions.get(m[1]);
      if (!s) throw new StripeError(404, 'invalid_request_error', `No such checkout.session: '${m[1]}'`, { code: 'resource_missing' });
      if (!complete(s, 'expire')) throw invalid('Only Checkout Sessions with a status in ["open"] can be expired.');
      return [200, publicSession(s)];
    }
    if (req.method === 'GET' && (m = /^\/v1\/payment_intents\/([A-Za-z0-9_]+)$/.exec(path))) {
      const pi = state.intents.get(m[1]);
      if (!pi) throw new StripeError(404, 'invalid_request_error', `No such payment_intent: '${m[1]}'`, { code: 'resource_missing' });
      return [200, pi];
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      if (faults.takeRefundFailure(req.headers['idempotency-key'])) return null;
      return [200, createRefund(parseBracketForm(body))];
    }
    throw new StripeError(404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${path}).`);
  }

  function idemLookup(req, path, body) {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || !key) return { key: null };
    const fingerprint = createHash('sha256').update(`${path}\n${body}`).digest('hex');
    const saved = state.idem.get(key);
    if (!saved) return { key, fingerprint };
    if (saved.fingerprint !== fingerprint) {
      return { key, error: new StripeError(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`) };
    }
    return { key, replay: saved };
  }

  async function api(req, res, url) {
    const body = await readBody(req);
    const entry = { method: req.method, path: url.pathname, idempotency_key: req.headers['idempotency-key'] || null, at: Date.now() };
    state.log.push(entry);
    const answer = (status, json, headers = {}) => {
      entry.status = status;
      sendJson(res, status, json, { 'request-id': newId('req_', 14), 'stripe-version': req.headers['stripe-version'] || API_VERSION, ...headers });
    };
    if (bearerToken(req) !== config.stripe_secret_key) {
      return answer(401, errorBody(new StripeError(401, 'invalid_request_error', 'Invalid API Key provided: sk_test_****')));
    }
    if (faults.api_delay_ms) await new Promise((r) => setTimeout(r, faults.api_delay_ms));
    if (faults.takeApiFailure(url.pathname)) {
      return answer(faults.api_fail_status, errorBody(new StripeError(faults.api_fail_status, 'api_error', 'An unknown error occurred (injected).')));
    }
    const idem = idemLookup(req, url.pathname, body);
    if (idem.error) return answer(400, errorBody(idem.error));
    if (idem.replay) return answer(idem.replay.status, idem.replay.body, { 'idempotent-replayed': 'true' });
    let status, json;
    try {
      const out = await route(req, url, body);
      if (out === null) return answer(faults.api_fail_status, errorBody(new StripeError(500, 'api_error', 'An unknown error occurred (injected refund failure).')));
      [status, json] = out;
    } catch (e) {
      if (!(e instanceof StripeError)) throw e;
      // Validation failures are not saved: the same key may be retried.
      return answer(e.status, errorBody(e));
    }
    if (idem.key) state.idem.set(idem.key, { fingerprint: idem.fingerprint, status, body: json });
    if (idem.key && faults.takeLostResponse()) return answer(500, errorBody(new StripeError(500, 'api_error', 'Response lost (injected).')));
    return answer(status, json);
  }

  function hostedPage(res, s) {
    const amount = (s.amount_total / 100).toFixed(2);
    const name = s.line_items[0].price_data.product_data.name;
    sendHtml(res, 200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>
<body><h1>Fake Stripe Checkout (test mode)</h1><p>${escapeHtml(name)}: <strong>${amount} ${escapeHtml(s.currency.toUpperCase())}</strong></p>
<p>Status: <span id="status">${escapeHtml(s.status)}</span></p>
<form method="post" action="/c/pay/${s.id}"><button name="outcome" value="paid">Pay</button>
<button name="outcome" value="fail">Fail</button><button name="outcome" value="cancel">Back</button></form></body></html>`);
  }

  async function page(req, res, url) {
    const m = /^\/c\/pay\/([A-Za-z0-9_]+)$/.exec(url.pathname);
    const s = m && state.sessions.get(m[1]);
    if (!s) return sendHtml(res, 404, '<p>No such session</p>');
    if (req.method === 'GET') return hostedPage(res, s);
    const outcome = new URLSearchParams(await readBody(req)).get('outcome');
    if (outcome === 'cancel') return redirect(res, s.cancel_url || s.success_url);
    complete(s, ['paid', 'paid_async'].includes(outcome) ? outcome : 'fail');
    return redirect(res, s.success_url.replace('{CHECKOUT_SESSION_ID}', s.id));
  }

  return {
    state,
    complete: (id, outcome) => {
      const s = state.sessions.get(id);
      return s ? complete(s, outcome) : false;
    },
    /** Sends an event of `type` about session `id` as it is now (tests: stale or reordered events). */
    sendEvent: (id, type) => {
      const s = state.sessions.get(id);
      if (!s) return false;
      event(type, publicSession(s));
      return true;
    },
    reset: () => ['sessions', 'intents', 'charges', 'refunds', 'idem'].forEach((k) => state[k].clear()) || (state.log = []),
    handles: (path) => path.startsWith('/v1/') || path.startsWith('/c/pay/'),
    handle: (req, res, url) => (url.pathname.startsWith('/v1/') ? api(req, res, url) : page(req, res, url)),
  };
}
