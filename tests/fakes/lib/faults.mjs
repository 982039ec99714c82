// Fault switches of the fake providers, set by the tests over POST /__fake/faults: slow or failing
// API calls, lost responses, failing refunds, and webhooks duplicated, reordered, dropped or stale.

export const DEFAULT_FAULTS = Object.freeze({
  api_delay_ms: 0, // every API call waits this long before it is processed (client timeouts)
  api_fail_status: 500, // status of injected failures: 500, 503 or 429
  api_fail_next: 0, // the next N API calls fail before doing anything (not saved for idempotency)
  api_fail_paths: '', // only calls whose path contains this text fail ('' = every call)
  lose_response_next: 0, // the next N creating calls run, are saved, but answer 500 (response lost)
  refund_fail_percent: 0, // that share of refunds (by idempotency key, evenly spread) fails…
  refund_fail_attempts: 3, // …this many times in a row (the client's retries) before succeeding
  webhook_duplicates: 1, // each webhook is delivered this many times
  webhook_hold: false, // keep webhooks until POST /__fake/webhooks/flush (then sent newest first)
  webhook_drop: false, // never send webhooks (the test relies on reconcile)
  webhook_stale_seconds: 0, // sign Stripe webhooks with t this far in the past
  webhook_tamper: false, // change the body after signing
  webhook_delay_ms: 0, // wait before each delivery
  webhook_retries: 3, // redeliveries after a non-2xx answer (compressed schedule)
  webhook_retry_ms: 200, // first retry delay, doubled each time
});

export class Faults {
  constructor() {
    this.reset();
  }

  reset() {
    Object.assign(this, structuredClone(DEFAULT_FAULTS));
    this.refundKeys = 0;
    this.refundFailures = new Map(); // idempotency key → failures still to inject
    this.refundFailed = 0;
  }

  /** Merges known keys from a JSON object; throws on an unknown key so typos fail the test. */
  set(patch) {
    for (const [k, v] of Object.entries(patch)) {
      if (!(k in DEFAULT_FAULTS)) throw new Error(`unknown fault ${k}`);
      this[k] = v;
    }
  }

  snapshot() {
    const out = {};
    for (const k of Object.keys(DEFAULT_FAULTS)) out[k] = this[k];
    out.refund_keys = this.refundKeys;
    out.refund_failed_calls = this.refundFailed;
    return out;
  }

  /** True when this API call must fail right away (counts down api_fail_next). */
  takeApiFailure(path) {
    if (this.api_fail_next <= 0) return false;
    if (this.api_fail_paths && !path.includes(this.api_fail_paths)) return false;
    this.api_fail_next -= 1;
    return true;
  }

  takeLostResponse() {
    if (this.lose_response_next <= 0) return false;
    this.lose_response_next -= 1;
    return true;
  }

  /**
   * Exactly refund_fail_percent % of refund keys (spread evenly in order of first use) fail
   * refund_fail_attempts times in a row; a call without a key counts as a new key.
   */
  takeRefundFailure(key) {
    if (!key || !this.refundFailures.has(key)) {
      const n = this.refundKeys++;
      const p = Number(this.refund_fail_percent) || 0;
      const selected = Math.floor(((n + 1) * p) / 100) > Math.floor((n * p) / 100);
      const failures = selected ? Number(this.refund_fail_attempts) || 0 : 0;
      if (key) this.refundFailures.set(key, failures);
      else if (failures > 0) {
        this.refundFailed++;
        return true;
      }
    }
    const left = this.refundFailures.get(key) || 0;
    if (left <= 0) return false;
    this.refundFailures.set(key, left - 1);
    this.refundFailed++;
    return true;
  }
}
