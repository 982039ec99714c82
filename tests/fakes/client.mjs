// Test-side helpers for the fake providers' control API (/__fake/…): faults, outcomes, state,
// webhook flushing, so tests read as "provider fails 20 % of refunds" rather than raw fetches.

export class FakeControl {
  constructor(url) {
    this.url = url.replace(/\/+$/, '');
  }

  async call(path, body) {
    const res = await fetch(`${this.url}/__fake/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`fake ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  reset = () => this.call('reset', {});
  faults = (patch) => this.call('faults', patch);
  configure = (patch) => this.call('config', patch);
  state = () => this.call('state');
  deliveries = () => this.call('deliveries');
  flushWebhooks = () => this.call('webhooks/flush', {});
  webhooksIdle = () => this.call('webhooks/idle', {});
  complete = (provider, id, outcome = 'paid') => this.call(`${provider}/${id}/complete`, { outcome });
  stripeEvent = (sessionId, type) => this.call(`stripe/${sessionId}/event`, { type });
  mollieNotify = (paymentId) => this.call(`mollie/${paymentId}/notify`, {});
}
