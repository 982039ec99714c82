// Fake Mollie (Payments API v2 subset): payments with string amounts, get, cancel, refunds,
// problem+json errors, Idempotency-Key duplicates, a hosted checkout page and the classic id-only
// webhook (form body id=tr_…, no signature) posted to each payment's webhookUrl.

import { createHash } from 'node:crypto';
import { bearerToken, escapeHtml, newId, readBody, redirect, sendHtml, sendRaw } from './lib/http.mjs';

const DECIMALS = { JPY: 0, KRW: 0, ISK: 0 };
const DOCS = { documentation: { href: 'https://docs.mollie.com/reference/v2/payments-api/create-payment', type: 'text/html' } };

class Problem extends Error {
  constructor(status, title, detail, field) {
    super(detail);
    Object.assign(this, { status, title, field });
  }
}
const unprocessable = (detail, field) => new Problem(422, 'Unprocessable Entity', detail, field);

export function createMollie(env) {
  const { faults, webhooks, config } = env;
  const state = { payments: new Map(), refunds: new Map(), idem: new Map(), log: [] };
  const iso = () => new Date(Date.now() + env.clock() * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');

  function send(res, status, json, entry) {
    entry.status = status;
    sendRaw(res, status, status >= 400 ? 'application/hal+json' : 'application/hal+json', JSON.stringify(json));
  }
  const problemBody = (p) => ({ status: p.status, title: p.title, detail: p.message, ...(p.field ? { field: p.field } : {}), _links: DOCS });

  function notify(p) {
    webhooks.send({ provider: 'mollie', url: p.webhookUrl, body: `id=${p.id}`, contentType: 'application/x-www-form-urlencoded', kind: `payment.${p.status}` });
  }

  function checkAmount(a, field = 'amount') {
    if (!a || typeof a !== 'object') throw unprocessable('The amount is required', field);
    if (typeof a.currency !== 'string' || !/^[A-Z]{3}$/.test(a.currency)) throw unprocessable('The currency is invalid', `${field}.currency`);
    const d = DECIMALS[a.currency] ?? 2;
    const re = d === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${d}}$`);
    if (typeof a.value !== 'string' || !re.test(a.value)) {
      throw unprocessable(`The amount contains an invalid value: it must be a string with exactly ${d} decimals`, `${field}.value`);
    }
    return Math.round(Number(a.value) * 10 ** d);
  }
  const fmt = (minor, currency) => {
    const d = DECIMALS[currency] ?? 2;
    return { currency, value: d === 0 ? String(minor) : (minor / 10 ** d).toFixed(d) };
  };

  function publicPayment(p) {
    const { minor: _m, refundedMinor, pendingRefundMinor: _p, ...rest } = p;
    const out = structuredClone(rest);
    if (refundedMinor > 0) {
      out.amountRefunded = fmt(refundedMinor, p.amount.currency);
      out.amountRemaining = fmt(p.minor - refundedMinor, p.amount.currency);
    }
    out.isCancelable = p.status === 'open';
    return out;
  }

  function createPayment(b) {
    const minor = checkAmount(b.amount);
    if (minor <= 0) throw unprocessable('The amount is lower than the minimum', 'amount.value');
    if (typeof b.description !== 'string' || !b.description.trim()) throw unprocessable('The description is invalid', 'description');
    if (typeof b.redirectUrl !== 'string' || !/^https?:\/\//.test(b.redirectUrl)) throw unprocessable('The redirect URL is invalid', 'redirectUrl');
    if (b.webhookUrl !== undefined && (typeof b.webhookUrl !== 'string' || !/^https?:\/\//.test(b.webhookUrl))) throw unprocessable('The webhook URL is invalid', 'webhookUrl');
    const id = newId('tr_', 10);
    const base = env.publicBase();
    const p = {
      resource: 'payment', id, mode: 'test', createdAt: iso(), amount: { currency: b.amount.currency, value: b.amount.value },
      description: b.description, method: null, metadata: b.metadata ?? null, status: 'open', isCancelable: true,
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), profileId: 'pfl_QkEhN94Ba', sequenceType: 'oneoff',
      redirectUrl: b.redirectUrl, cancelUrl: b.cancelUrl ?? null, webhookUrl: b.webhookUrl ?? null, minor, refundedMinor: 0, pendingRefundMinor: 0,
      _links: {
        self: { href: `${base}/v2/payments/${id}`, type: 'application/hal+json' },
        checkout: { href: `${base}/checkout/select-method/${id}`, type: 'text/html' },
        dashboard: { href: `https://www.mollie.com/dashboard/org_12345678/payments/${id}`, type: 'text/html' },
        documentation: DOCS.documentation,
      },
    };
    state.payments.set(id, p);
    return p;
  }

  function setStatus(p, status) {
    if (p.status !== 'open') return false;
    p.status = status;
    p[{ paid: 'paidAt', failed: 'failedAt', canceled: 'canceledAt', expired: 'expiredAt' }[status]] = iso();
    if (status === 'paid') p.method = 'creditcard';
    notify(p);
    return true;
  }

  function createRefund(p, b) {
    if (p.status !== 'paid') throw unprocessable('The payment has not been paid', 'amount');
    const refundable = p.minor - p.refundedMinor - p.pendingRefundMinor;
    const minor = b.amount === undefined ? refundable : checkAmount(b.amount);
    if (b.amount && b.amount.currency !== p.amount.currency) throw unprocessable('The refund currency differs from the payment', 'amount.currency');
    if (minor <= 0 || minor > refundable) throw unprocessable('The amount is higher than the amount that remains refundable', 'amount.value');
    const r = { resource: 'refund', id: newId('re_', 10), amount: fmt(minor, p.amount.currency), status: 'pending',
      createdAt: iso(), description: b.description ?? '', metadata: b.metadata ?? null, paymentId: p.id };
    state.refunds.set(r.id, r);
    p.pendingRefundMinor += minor;
    // Mollie settles refunds later; the webhook (with the payment id) tells when.
    setTimeout(() => {
      r.status = 'refunded';
      p.pendingRefundMinor -= minor;
      p.refundedMinor += minor;
      notify(p);
    }, Number(config.mollie_refund_settle_ms ?? 50));
    return r;
  }

  function route(req, url, body) {
    const path = url.pathname;
    let m;
    const json = () => {
      try {
        const v = JSON.parse(body || '{}');
        if (v && typeof v === 'object') return v;
      } catch { /* below */ }
      throw new Problem(400, 'Bad Request', 'The JSON body could not be parsed');
    };
    if (req.method === 'POST' && path === '/v2/payments') return [201, publicPayment(createPayment(json()))];
    if ((m = /^\/v2\/payments\/(tr_[A-Za-z0-9]+)(\/refunds)?$/.exec(path))) {
      const p = state.payments.get(m[1]);
      if (!p) throw new Problem(404, 'Not Found', `No payment exists with token ${m[1]}.`);
      if (m[2] && req.method === 'POST') {
        if (faults.takeRefundFailure(req.headers['idempotency-key'])) return null;
        return [201, createRefund(p, json())];
      }
      if (!m[2] && req.method === 'GET') return [200, publicPayment(p)];
      if (!m[2] && req.method === 'DELETE') {
        if (!setStatus(p, 'canceled')) throw unprocessable('The payment cannot be canceled');
        return [200, publicPayment(p)];
      }
    }
    throw new Problem(404, 'Not Found', 'The resource does not exist');
  }

  async function api(req, res, url) {
    const body = await readBody(req);
    const entry = { method: req.method, path: url.pathname, idempotency_key: req.headers['idempotency-key'] || null, at: Date.now() };
    state.log.push(entry);
    if (!/^(test|live)_/.test(bearerToken(req)) || bearerToken(req) !== config.mollie_api_key) {
      return send(res, 401, problemBody(new Problem(401, 'Unauthorized Request', 'Missing authentication, or failed to authenticate')), entry);
    }
    if (faults.api_delay_ms) await new Promise((r) => setTimeout(r, faults.api_delay_ms));
    if (faults.takeApiFailure(url.pathname)) {
      const s = faults.api_fail_status;
      return send(res, s, problemBody(new Problem(s, s === 429 ? 'Too Many Requests' : 'Internal Server Error', 'Injected failure')), entry);
    }
    const key = req.method !== 'GET' ? req.headers['idempotency-key'] : null;
    const fingerprint = createHash('sha256').update(`${req.method} ${url.pathname}\n${body}`).digest('hex');
    const saved = key && state.idem.get(key);
    if (saved && saved.fingerprint !== fingerprint) {
      // [UV] Mollie's exact answer to a reused key with another body; an error in any case.
      return send(res, 422, problemBody(unprocessable('The Idempotency-Key was already used for a different request')), entry);
    }
    if (saved) return send(res, saved.status, saved.body, entry);
    let out;
    try {
      out = route(req, url, body);
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      return send(res, e.status, problemBody(e), entry);
    }
    if (out === null) return send(res, faults.api_fail_status, problemBody(new Problem(500, 'Internal Server Error', 'Injected refund failure')), entry);
    if (key) state.idem.set(key, { fingerprint, status: out[0], body: out[1] });
    if (key && faults.takeLostResponse()) return send(res, 500, problemBody(new Problem(500, 'Internal Server Error', 'Response lost (injected)')), entry);
    return send(res, out[0], out[1], entry);
  }

  async function page(req, res, url) {
    const m = /^\/checkout\/select-method\/(tr_[A-Za-z0-9]+)$/.exec(url.pathname);
    const p = m && state.payments.get(m[1]);
    if (!p) return sendHtml(res, 404, '<p>Unknown payment</p>');
    if (req.method === 'GET') {
      return sendHtml(res, 200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Mollie checkout</title></head>
<body><h1>Fake Mollie test checkout</h1><p>${escapeHtml(p.description)}: <strong>${escapeHtml(p.amount.value)} ${escapeHtml(p.amount.currency)}</strong></p>
<form method="post" action="/checkout/select-method/${p.id}"><button name="outcome" value="paid">Pay</button>
<button name="outcome" value="failed">Fail</button><button name="outcome" value="canceled">Cancel</button>
<button name="outcome" value="expired">Expire</button></form></body></html>`);
    }
    const outcome = new URLSearchParams(await readBody(req)).get('outcome');
    const status = ['paid', 'failed', 'canceled', 'expired'].includes(outcome) ? outcome : 'failed';
    setStatus(p, status);
    return redirect(res, status === 'canceled' && p.cancelUrl ? p.cancelUrl : p.redirectUrl);
  }

  return {
    state,
    complete: (id, outcome) => {
      const p = state.payments.get(id);
      return p ? setStatus(p, outcome === 'fail' ? 'failed' : outcome) : false;
    },
    notify: (id) => {
      const p = state.payments.get(id);
      if (p) notify(p);
      return Boolean(p);
    },
    reset: () => ['payments', 'refunds', 'idem'].forEach((k) => state[k].clear()) || (state.log = []),
    handles: (path) => path.startsWith('/v2/') || path.startsWith('/checkout/select-method/'),
    handle: (req, res, url) => (url.pathname.startsWith('/v2/') ? api(req, res, url) : page(req, res, url)),
  };
}
