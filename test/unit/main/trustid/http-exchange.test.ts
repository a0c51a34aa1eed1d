import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange, ExchangeFailure, failureReason } from '../../../../main/trustid/http-exchange';
import type { ExchangeRequest } from '../../../../main/trustid/http-exchange';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((r) => server.close(() => r()));
  });
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

function agent(opts: ConstructorParameters<typeof Agent>[0] = {}) {
  const a = new Agent({ connect: { timeout: 2000 }, ...opts });
  cleanups.push(() => a.destroy());
  return a;
}

const req = (url: string, extra: Partial<ExchangeRequest> = {}): ExchangeRequest => ({
  url: new URL(url),
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{}',
  deadlineMs: 2000,
  maxResponseBytes: 1024 * 1024,
  ...extra,
});

async function failureOf(p: Promise<unknown>): Promise<ExchangeFailure> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeFailure);
    return error as ExchangeFailure;
  }
  throw new Error('expected the exchange to fail');
}

describe('one HTTP exchange', () => {
  it('returns status, lower-cased headers and the whole body', async () => {
    const base = await serve((_q, s) => {
      s.writeHead(201, { 'X-Thing': 'a', 'Content-Type': 'application/json' });
      s.end('{"Success":true}');
    });
    const res = await exchange(agent(), req(`${base}/VPE/x/`));
    expect(res.status).toBe(201);
    expect(res.headers['x-thing']).toBe('a');
    expect(res.body.toString()).toBe('{"Success":true}');
  });

  it('says nothing was written when the connection is refused', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const f = await failureOf(exchange(agent(), req(`http://127.0.0.1:${port}/`)));
    expect([f.reason, f.written]).toEqual(['refused', false]);
  });

  it('says nothing was written when the name does not resolve', async () => {
    const f = await failureOf(exchange(agent(), req('http://no-such-host.invalid/')));
    expect([f.reason, f.written]).toEqual(['dns', false]);
  });

  it('says the request was written when the server drops the connection before answering', async () => {
    const base = await serve((q) => q.socket.destroy());
    const f = await failureOf(exchange(agent(), req(`${base}/`)));
    expect(f.reason).toBe('reset');
    expect(f.written).toBe(true);
    expect(f.responseStarted).toBe(false);
  });

  it('notices a connection cut in the middle of the answer', async () => {
    const base = await serve((_q, s) => {
      s.writeHead(200, { 'content-length': '1000' });
      s.write('{"Success":');
      setTimeout(() => s.socket?.destroy(), 20);
    });
    const f = await failureOf(exchange(agent(), req(`${base}/`)));
    expect(f.written).toBe(true);
    expect(f.responseStarted).toBe(true);
  });

  it('settles at its deadline when the server never answers, and says the request was written', async () => {
    const base = await serve(() => undefined);
    const started = Date.now();
    const f = await failureOf(exchange(agent(), req(`${base}/`, { deadlineMs: 150 })));
    expect([f.reason, f.written]).toEqual(['deadline', true]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('settles at its deadline even when no connection is ever made, and then never sends the request', async () => {
    let connects = 0;
    const stuck = agent({
      connect: () => {
        connects++; // never calls back: a connect that hangs forever
      },
    });
    const f = await failureOf(exchange(stuck, req('http://127.0.0.1:9/', { deadlineMs: 100 })));
    expect([f.reason, f.written]).toEqual(['deadline', false]);
    expect(connects).toBe(1);
  });

  it('reports a connect timeout as nothing written', async () => {
    // A connector that fails the way undici's own connect timer does (this sandbox intercepts TCP to
    // unrouted addresses, so a real unanswered SYN cannot be staged here).
    const slow = agent({
      connect: (_opts, callback) => {
        setTimeout(() => callback(Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }), null), 30);
      },
    });
    const f = await failureOf(exchange(slow, req('http://127.0.0.1:9/', { deadlineMs: 3000 })));
    expect([f.reason, f.written]).toEqual(['connect-timeout', false]);
  });

  it('cuts off an answer larger than allowed', async () => {
    const base = await serve((_q, s) => {
      s.writeHead(200, { 'content-type': 'application/octet-stream' });
      s.write(Buffer.alloc(600));
      s.end(Buffer.alloc(600));
    });
    const f = await failureOf(exchange(agent(), req(`${base}/`, { maxResponseBytes: 1000 })));
    expect(f.reason).toBe('too-large');
    const declared = await serve((_q, s) => {
      s.writeHead(200, { 'content-length': '5000' });
      s.end(Buffer.alloc(5000));
    });
    expect((await failureOf(exchange(agent(), req(`${declared}/`, { maxResponseBytes: 1000 })))).reason).toBe('too-large');
  });

  it('streams a file body and reports progress in bytes up to its size', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-xchg-'));
    const file = path.join(dir, 'image.jpg');
    const bytes = crypto.randomBytes(3 * 1024 * 1024 + 17);
    fs.writeFileSync(file, bytes);
    let received = Buffer.alloc(0);
    const base = await serve(async (q, s) => {
      const chunks: Buffer[] = [];
      for await (const c of q) chunks.push(c as Buffer);
      received = Buffer.concat(chunks);
      s.end('{"Success":true}');
    });
    const progress: number[] = [];
    await exchange(
      agent(),
      req(`${base}/`, {
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
        body: fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
        onBodySent: (n) => progress.push(n),
      }),
    );
    expect(received.equals(bytes)).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(bytes.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('reports a body stream that fails part-way as written', async () => {
    const base = await serve(async (q, s) => {
      for await (const _ of q) void _;
      s.end('{}');
    });
    let sent = 0;
    const broken = new Readable({
      read() {
        if (sent++ === 0) this.push(Buffer.alloc(1000));
        else this.destroy(Object.assign(new Error('disk went away'), { code: 'EIO' }));
      },
    });
    const f = await failureOf(exchange(agent(), req(`${base}/`, { headers: { 'content-length': '5000' }, body: broken })));
    expect(f.written).toBe(true);
    expect(f.reason).toBe('request-body');
  });

  it('maps error codes to reasons', () => {
    const e = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    expect(failureReason(e('UND_ERR_CONNECT_TIMEOUT'))).toBe('connect-timeout');
    expect(failureReason(e('UND_ERR_HEADERS_TIMEOUT'))).toBe('deadline');
    expect(failureReason(e('EAI_AGAIN'))).toBe('dns');
    expect(failureReason(e('ECONNRESET'))).toBe('reset');
    expect(failureReason(e('UND_ERR_SOCKET'))).toBe('reset');
    expect(failureReason(e('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('tls');
    expect(failureReason(e('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('tls');
    expect(failureReason(e('EHOSTUNREACH'))).toBe('unreachable');
    expect(failureReason(e('UND_ERR_PRX_TLS', 'Secure Proxy Connection failed'))).toBe('tls');
    expect(failureReason(new Error('Proxy Authentication Required (407)'))).toBe('proxy');
    expect(failureReason(new Error('who knows'))).toBe('other');
  });
});
