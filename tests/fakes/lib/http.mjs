// HTTP helpers shared by the fake providers: reading bodies, Stripe-style bracketed form parsing,
// JSON and problem+json answers, random ids with the real prefixes.

import { randomBytes } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random id with a provider's prefix, e.g. newId('cs_test_', 24). */
export function newId(prefix, length = 14) {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

export function readBody(req, limit = 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Decodes a+b%20c as a form component ('+' is a space). Throws URIError on a bad escape. */
export function formDecode(s) {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

/** Flat list of [key, value] pairs of an urlencoded body or query string. */
export function formPairs(text) {
  const out = [];
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    out.push([formDecode(k), formDecode(v)]);
  }
  return out;
}

/**
 * Stripe's nested form encoding: a[b][c]=1, list[0][x]=2, expand[]=y → objects, indexed lists
 * (as objects keyed "0", "1", later turned into arrays) and appended lists.
 */
export function parseBracketForm(text) {
  const root = {};
  for (const [key, value] of formPairs(text)) {
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!m) throw new Error(`Invalid parameter name: ${key}`);
    const path = [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])];
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const last = i === path.length - 1;
      const seg = path[i];
      if (seg === '') {
        if (!Array.isArray(node.__list)) node.__list = [];
        if (last) node.__list.push(value);
        else throw new Error(`Invalid parameter name: ${key}`);
        break;
      }
      if (last) node[seg] = value;
      else node = node[seg] = typeof node[seg] === 'object' ? node[seg] : {};
    }
  }
  return normalizeLists(root);
}

function normalizeLists(node) {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node.__list) && Object.keys(node).length === 1) return node.__list;
  const keys = Object.keys(node);
  const out = {};
  for (const k of keys) out[k] = normalizeLists(node[k]);
  if (keys.length && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => out[k]);
  }
  return out;
}

export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendRaw(res, status, contentType, text, headers = {}) {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendHtml(res, status, html) {
  sendRaw(res, status, 'text/html; charset=utf-8', html);
}

export function redirect(res, location) {
  res.writeHead(303, { location, 'content-length': 0 });
  res.end();
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The bearer token of an Authorization header (or the user of Basic auth, as Stripe allows). */
export function bearerToken(req) {
  const h = req.headers.authorization || '';
  if (h.startsWith('Bearer ')) return h.slice(7).trim();
  if (h.startsWith('Basic ')) return Buffer.from(h.slice(6), 'base64').toString('utf8').split(':')[0];
  return '';
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const nowSeconds = (offset = 0) => Math.floor(Date.now() / 1000) + offset;
