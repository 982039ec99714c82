// Webhook delivery of the fake providers: Stripe events signed with the endpoint secret
// (Stripe-Signature: t=…,v1=HMAC-SHA256(t.payload)), Mollie id-only form posts, with the faults
// (duplicates, held then reversed, dropped, stale, tampered, retried after a non-2xx answer).

import { createHmac } from 'node:crypto';
import { nowSeconds, sleep } from './http.mjs';

export function stripeSignature(secret, t, payload) {
  return createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');
}

export class WebhookSender {
  constructor(faults, clock) {
    this.faults = faults;
    this.clock = clock; // () => offset seconds
    this.held = [];
    this.deliveries = []; // {provider, url, kind, status, error, at}
    this.pending = new Set();
  }

  reset() {
    this.held = [];
    this.deliveries = [];
  }

  /** Queues one notification: {provider, url, body, contentType, kind, secret?}. */
  send(message) {
    if (!message.url) return;
    if (this.faults.webhook_drop) {
      this.deliveries.push({ provider: message.provider, url: message.url, kind: message.kind, dropped: true, at: Date.now() });
      return;
    }
    const copies = Math.max(1, Number(this.faults.webhook_duplicates) || 1);
    for (let i = 0; i < copies; i++) {
      if (this.faults.webhook_hold) this.held.push(message);
      else this.track(this.deliver(message));
    }
  }

  /** Sends what was held, newest first (out of order); resolves when all were delivered. */
  async flush() {
    const batch = this.held.reverse();
    this.held = [];
    for (const m of batch) await this.deliver(m);
    return batch.length;
  }

  /** Resolves once every delivery in flight is done (tests wait on it). */
  async idle() {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  track(promise) {
    this.pending.add(promise);
    promise.finally(() => this.pending.delete(promise));
  }

  sign(message) {
    let body = message.body;
    const headers = { 'content-type': message.contentType };
    if (message.provider === 'stripe') {
      const t = nowSeconds(this.clock()) - (Number(this.faults.webhook_stale_seconds) || 0);
      headers['stripe-signature'] = `t=${t},v1=${stripeSignature(message.secret, t, body)}`;
      headers['user-agent'] = 'Stripe/1.0 (+https://stripe.com/docs/webhooks)';
    } else {
      headers['user-agent'] = 'Mollie.com Webhook Caller';
    }
    if (this.faults.webhook_tamper) body = body.replace(/.$/, ' $&');
    return { body, headers };
  }

  async deliver(message) {
    const retries = Math.max(0, Number(this.faults.webhook_retries) || 0);
    let wait = Number(this.faults.webhook_retry_ms) || 200;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (this.faults.webhook_delay_ms) await sleep(this.faults.webhook_delay_ms);
      const record = { provider: message.provider, url: message.url, kind: message.kind, attempt, at: Date.now() };
      try {
        const { body, headers } = this.sign(message);
        const res = await fetch(message.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(15_000) });
        record.status = res.status;
        await res.text();
      } catch (e) {
        record.error = String(e.message || e);
      }
      this.deliveries.push(record);
      if (record.status >= 200 && record.status < 300) return;
      await sleep(wait);
      wait *= 2;
    }
  }
}
