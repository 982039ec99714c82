// A minimal FastCGI client (responder role) for the tests that talk to a placette-fcgi they
// started themselves, e.g. to check a graceful stop: one request per connection.

import net from 'node:net';

const VERSION = 1;
const BEGIN_REQUEST = 1;
const END_REQUEST = 3;
const PARAMS = 4;
const STDIN = 5;
const STDOUT = 6;
const RESPONDER = 1;

function record(type, content) {
  const padding = (8 - (content.length % 8)) % 8;
  const header = Buffer.alloc(8);
  header.writeUInt8(VERSION, 0);
  header.writeUInt8(type, 1);
  header.writeUInt16BE(1, 2); // request id
  header.writeUInt16BE(content.length, 4);
  header.writeUInt8(padding, 6);
  return Buffer.concat([header, content, Buffer.alloc(padding)]);
}

function nameValue(name, value) {
  const n = Buffer.from(name);
  const v = Buffer.from(value);
  const len = (l) => {
    if (l < 128) return Buffer.from([l]);
    const b = Buffer.alloc(4);
    b.writeUInt32BE((l | 0x80000000) >>> 0);
    return b;
  };
  return Buffer.concat([len(n.length), len(v.length), n, v]);
}

/** Sends one request; resolves to {status, headers, body} once the server ends it. */
export function fastcgiRequest({ host = '127.0.0.1', port, params, body = '' }) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const chunks = [];
    let stdout = Buffer.alloc(0);
    socket.on('connect', () => {
      const begin = Buffer.alloc(8);
      begin.writeUInt16BE(RESPONDER, 0);
      const p = Buffer.concat(Object.entries(params).map(([k, v]) => nameValue(k, String(v))));
      const input = Buffer.from(body);
      socket.write(
        Buffer.concat([
          record(BEGIN_REQUEST, begin),
          record(PARAMS, p),
          record(PARAMS, Buffer.alloc(0)),
          ...(input.length ? [record(STDIN, input)] : []),
          record(STDIN, Buffer.alloc(0)),
        ]),
      );
    });
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      let buf = Buffer.concat(chunks);
      let ended = false;
      while (buf.length >= 8) {
        const type = buf.readUInt8(1);
        const len = buf.readUInt16BE(4);
        const pad = buf.readUInt8(6);
        const content = buf.subarray(8, 8 + len);
        if (type === STDOUT) stdout = Buffer.concat([stdout, content]);
        if (type === END_REQUEST) ended = true;
        buf = buf.subarray(8 + len + pad);
      }
      if (!ended) return reject(new Error('connection closed without END_REQUEST'));
      const text = stdout.toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = text.slice(0, split).split('\r\n');
      const headers = {};
      for (const line of head) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number((headers.status || '200').split(' ')[0]), headers, body: text.slice(split + 4) });
    });
  });
}
