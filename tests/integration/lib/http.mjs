// A small HTTP client for the integration tests: a cookie jar, form and multipart posts, and
// redirects left to the test (so it can assert 302/303) unless asked to follow them.

import { urlOf } from './stack.mjs';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function defaultCookiePath(pathname) {
  // RFC 6265 5.1.4: the request path up to its last "/".
  const i = pathname.lastIndexOf('/');
  return i <= 0 ? '/' : pathname.slice(0, i);
}

function pathMatches(cookiePath, pathname) {
  if (pathname === cookiePath) return true;
  if (!pathname.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || pathname[cookiePath.length] === '/';
}

function parseSetCookie(header, requestUrl) {
  const [pair, ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const cookie = {
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1).trim(),
    path: defaultCookiePath(requestUrl.pathname),
    expires: null, // ms since epoch; null = session cookie
    httpOnly: false,
    secure: false,
    sameSite: null,
  };
  for (const attribute of attributes) {
    const [rawKey, ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'path' && value.startsWith('/')) cookie.path = value;
    else if (key === 'expires') cookie.expires ??= Date.parse(value);
    else if (key === 'max-age') cookie.expires = Date.now() + Number(value) * 1000;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'samesite') cookie.sameSite = value;
  }
  return cookie;
}

/** Collects the Set-Cookie headers of a fetch Response (one entry per header). */
function setCookieHeaders(headers) {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const joined = headers.get('set-cookie');
  return joined ? joined.split(/,(?=\s*[^;,=\s]+=)/) : [];
}

export class HttpClient {
  constructor({ userAgent = 'placette-integration-tests' } = {}) {
    this.userAgent = userAgent;
    this.jar = new Map(); // "name\tpath" → cookie
  }

  /** Live cookies, longest path first; with a URL, only those sent to it. */
  cookies(forUrl = null) {
    const now = Date.now();
    const pathname = forUrl ? new URL(urlOf(forUrl)).pathname : null;
    return [...this.jar.values()]
      .filter((c) => c.expires === null || c.expires > now)
      .filter((c) => pathname === null || pathMatches(c.path, pathname))
      .sort((a, b) => b.path.length - a.path.length);
  }

  /** Value of the cookie NAME (a string, or a RegExp matched against names), or undefined. */
  cookie(name) {
    const match = typeof name === 'string' ? (n) => n === name : (n) => name.test(n);
    return this.cookies().find((c) => match(c.name))?.value;
  }

  setCookie(name, value, path = '/') {
    this.jar.set(`${name}\t${path}`, { name, value, path, expires: null });
  }

  clearCookies() {
    this.jar.clear();
  }

  storeCookies(response, requestUrl) {
    for (const header of setCookieHeaders(response.headers)) {
      const cookie = parseSetCookie(header, requestUrl);
      if (!cookie) continue;
      const key = `${cookie.name}\t${cookie.path}`;
      if (cookie.expires !== null && cookie.expires <= Date.now()) this.jar.delete(key);
      else this.jar.set(key, cookie);
    }
  }

  /**
   * One request. Options: headers, body (string, URLSearchParams, FormData), follow (false: return
   * redirects as they are; true: follow up to 10). Returns {status, headers, text, url, location}
   * where location is the absolute redirect target or null.
   */
  async request(method, target, { headers = {}, body = undefined, follow = false } = {}) {
    let url = new URL(urlOf(target));
    for (let hops = 0; ; hops++) {
      const sent = { 'user-agent': this.userAgent, ...headers };
      const cookieHeader = this.cookies(url.href)
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
      if (cookieHeader) sent.cookie = cookieHeader;
      const response = await fetch(url, {
        method,
        headers: sent,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(60_000),
      });
      this.storeCookies(response, url);
      const text = await response.text();
      const locationHeader = response.headers.get('location');
      const location = locationHeader ? new URL(locationHeader, url).href : null;
      const result = { status: response.status, headers: response.headers, text, url: url.href, location };
      if (!follow || !REDIRECTS.has(response.status) || !location) return result;
      if (hops >= 10) throw new Error(`more than 10 redirects from ${target}`);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'content-type'));
      }
      url = new URL(location);
    }
  }

  get(target, options = {}) {
    return this.request('GET', target, options);
  }

  /** POST application/x-www-form-urlencoded; fields: object, array of pairs or URLSearchParams. */
  post(target, fields, options = {}) {
    const body = fields instanceof URLSearchParams ? fields : new URLSearchParams(fields);
    return this.request('POST', target, {
      ...options,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.headers ?? {}) },
      body: body.toString(),
    });
  }

  /**
   * POST multipart/form-data. fields: object or array of pairs; a value is a string or a file
   * {filename, content (string, Buffer or Uint8Array), type}.
   */
  postMultipart(target, fields, options = {}) {
    const form = new FormData();
    const entries = Array.isArray(fields) ? fields : Object.entries(fields);
    for (const [name, value] of entries) {
      if (value !== null && typeof value === 'object' && 'filename' in value) {
        const blob = new Blob([value.content], { type: value.type ?? 'application/octet-stream' });
        form.append(name, blob, value.filename);
      } else {
        form.append(name, String(value));
      }
    }
    return this.request('POST', target, { ...options, body: form });
  }
}

/** Pulls the value of the hidden input NAME out of an HTML page (e.g. a CSRF token). */
export function hiddenInput(html, name) {
  const re = new RegExp(`<input[^>]*name=["']${name.replace(/[[\]]/g, '\\$&')}["'][^>]*>`, 'i');
  const tag = re.exec(html)?.[0];
  return tag ? /value=["']([^"']*)["']/i.exec(tag)?.[1] : undefined;
}
