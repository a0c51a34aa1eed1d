// The Chromium shell's transport over real HTTP and WebSocket on 127.0.0.1.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_SOCKETS, startHostServer, TICKET_TTL_MS, type HostServer } from '../../../main/host/host-server';
import { silentLogger } from '../../../main/logging/logger';
import { createTempApp, signInAsDemoAdmin, type TempApp } from '../../fakes/temp-app';

let temp: TempApp;
let server: HostServer;
let secret: string;
let origin: string;

beforeAll(async () => {
  temp = await createTempApp();
  await signInAsDemoAdmin(temp.app);
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startHostServer({ app: temp.app, staticDir, log: silentLogger(), port: 0 });
  secret = new URL(server.urlWithSecret()).hash.slice('#k='.length);
  origin = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await temp.close();
});

type Opened = { ws: WebSocket; messages: Array<Record<string, unknown>> };

function connect(opts: { protocols?: string[]; origin?: string; host?: string; path?: string; to?: HostServer }): Promise<Opened | { refused: number }> {
  const target = opts.to ?? server;
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${target.port}${opts.path ?? '/contract'}`, opts.protocols ?? [], {
      origin: opts.origin ?? `http://127.0.0.1:${target.port}`,
      headers: opts.host ? { host: opts.host } : {},
    });
    const messages: Array<Record<string, unknown>> = [];
    ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as Record<string, unknown>));
    ws.on('open', () => resolve({ ws, messages }));
    ws.on('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ refused: -1 }));
  });
}

async function call(opened: Opened, id: number, channel: string, payload?: unknown) {
  opened.ws.send(JSON.stringify({ id, channel, payload }));
  for (let i = 0; i < 200; i++) {
    const reply = opened.messages.find((m) => m.id === id);
    if (reply) return reply.envelope as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no reply');
}

const withSecret = () => ['scan-station.v1', `k.${secret}`];

describe('Chromium shell host', () => {
  it('round-trips a contract call over the WebSocket', async () => {
    const opened = (await connect({ protocols: withSecret() })) as Opened;
    expect(await call(opened, 1, 'app.info')).toMatchObject({ ok: true, value: { productName: 'Scan Station', mode: 'demo', shell: 'chromium' } });
    opened.ws.close();
  });

  it('refuses a client without the secret, with a wrong secret, or without our protocol', async () => {
    expect(await connect({ protocols: [] })).toEqual({ refused: 401 });
    expect(await connect({ protocols: ['scan-station.v1', 'k.wrong'] })).toEqual({ refused: 401 });
    expect(await connect({ protocols: [`k.${secret}`] })).toEqual({ refused: 401 });
  });

  it('refuses a page of another origin even with the secret', async () => {
    expect(await connect({ protocols: withSecret(), origin: 'http://evil.example' })).toEqual({ refused: 403 });
  });

  it('refuses a request whose Host is not ours (DNS rebinding), for pages and the socket', async () => {
    expect(await connect({ protocols: withSecret(), host: `rebind.example:${server.port}` })).toEqual({ refused: 421 });
    // fetch cannot set Host (a forbidden header), node:http can.
    const status = await new Promise<number>((resolve) =>
      http.get({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'rebind.example' } }, (res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(421);
  });

  it('serves the renderer with a strict CSP', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`connect-src ws://127.0.0.1:${server.port}`);
    expect(csp).not.toContain('unsafe');
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('answers an invalid payload, an unknown channel and garbage with the error envelope, and stays up', async () => {
    const opened = (await connect({ protocols: withSecret() })) as Opened;
    expect(await call(opened, 1, 'settings.setSecret', { name: 'x' })).toMatchObject({ ok: false, code: 'contract.invalid-payload' });
    expect(await call(opened, 2, 'shell.exec', { cmd: 'rm -rf /' })).toMatchObject({ ok: false, code: 'contract.unknown-channel' });
    opened.ws.send('not json at all');
    opened.ws.send(JSON.stringify({ id: 'x', channel: 5 }));
    opened.ws.send(Buffer.from([0, 1, 2]));
    await new Promise((r) => setTimeout(r, 50));
    expect(opened.messages.filter((m) => m.id === null)).toHaveLength(3);
    expect(await call(opened, 3, 'health.get')).toMatchObject({ ok: true });
    opened.ws.close();
  });

  it('accepts a launcher ticket once, then hands the page the secret for reconnects', async () => {
    const ticket = new URL(server.urlWithTicket()).hash.slice('#t='.length);
    const first = (await connect({ protocols: ['scan-station.v1', `t.${ticket}`] })) as Opened;
    await new Promise((r) => setTimeout(r, 50));
    expect(first.messages[0]).toEqual({ hello: { secret } });
    expect(await connect({ protocols: ['scan-station.v1', `t.${ticket}`] })).toEqual({ refused: 401 });
    first.ws.close();
  });

  it('fans events out to every connected client, starting with the latest state', async () => {
    const a = (await connect({ protocols: withSecret() })) as Opened;
    const b = (await connect({ protocols: withSecret() })) as Opened;
    await call(a, 1, 'settings.update', { language: 'cy' });
    await new Promise((r) => setTimeout(r, 50));
    for (const client of [a, b]) {
      const changed = client.messages.filter((m) => m.event === 'settings.changed');
      // Every window hears it, so it carries only the public part: no paths, no secrets' state.
      expect(changed.at(-1)).toEqual({ event: 'settings.changed', payload: { language: 'cy', kiosk: { fullscreen: false, idleTimeoutSeconds: 180 }, accountMode: 'shared' } });
    }
    const late = (await connect({ protocols: withSecret() })) as Opened;
    await new Promise((r) => setTimeout(r, 50));
    expect(late.messages.some((m) => m.event === 'settings.changed')).toBe(true);
    for (const c of [a, b, late]) c.ws.close();
  });
});

describe('Chromium shell host hardening (issue 12 §1)', () => {
  it('refuses a launcher ticket once it has expired, and a spent one, by the injected clock', async () => {
    let clock = 1_000_000;
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-static-'));
    const timed = await startHostServer({ app: temp.app, staticDir, log: silentLogger(), port: 0, now: () => clock });
    try {
      const ticketOf = (url: string) => ['scan-station.v1', `t.${new URL(url).hash.slice('#t='.length)}`];
      const late = ticketOf(timed.urlWithTicket());
      const early = ticketOf(timed.urlWithTicket());
      clock += TICKET_TTL_MS - 1;
      const first = (await connect({ protocols: early, to: timed })) as Opened;
      expect(first.ws.readyState).toBe(WebSocket.OPEN);
      expect(await connect({ protocols: early, to: timed })).toEqual({ refused: 401 });
      clock += 1;
      expect(await connect({ protocols: late, to: timed })).toEqual({ refused: 401 });
      first.ws.close();
    } finally {
      await timed.close();
    }
  });

  it(`caps open sockets at ${MAX_SOCKETS} and closes an extra one with 1013 and a reason`, async () => {
    const open: Opened[] = [];
    for (let i = 0; i < MAX_SOCKETS; i++) open.push((await connect({ protocols: withSecret() })) as Opened);
    const extra = (await connect({ protocols: withSecret() })) as Opened;
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => extra.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    expect(closed).toEqual({ code: 1013, reason: 'too many connections' });
    expect(server.clientCount()).toBe(MAX_SOCKETS);
    // The open ones still work, and a slot freed is a slot usable again.
    expect(await call(open[0]!, 1, 'health.get')).toMatchObject({ ok: true });
    const gone = new Promise((r) => open[0]!.ws.once('close', r));
    open[0]!.ws.close();
    await gone;
    for (let i = 0; i < 50 && server.clientCount() >= MAX_SOCKETS; i++) await new Promise((r) => setTimeout(r, 10));
    const again = (await connect({ protocols: withSecret() })) as Opened;
    expect(await call(again, 2, 'health.get')).toMatchObject({ ok: true });
    for (const c of [...open.slice(1), again]) c.ws.close();
  });

  it('never serves a source map, even one present in the renderer folder', async () => {
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'index.js.map'), '{"sources":["secret.ts"]}');
    const withMap = await startHostServer({ app: temp.app, staticDir, log: silentLogger(), port: 0 });
    try {
      for (const url of ['/assets/index.js.map', '/assets/index.js.MAP', '/assets/index.js%2emap']) {
        expect((await fetch(`http://127.0.0.1:${withMap.port}${url}`)).status, url).toBe(404);
      }
    } finally {
      await withMap.close();
    }
  });

  it('answers hostile channel names and field names without echoing them over the socket', async () => {
    const opened = (await connect({ protocols: withSecret() })) as Opened;
    const hostile = `<svg onload=alert(1)>${'h'.repeat(1024 * 1024)}`;
    const unknown = await call(opened, 1, hostile);
    const invalid = await call(opened, 2, 'settings.update', { [hostile]: '<b>x</b>' });
    for (const reply of [unknown, invalid]) {
      expect(reply.ok).toBe(false);
      expect(JSON.stringify(reply)).not.toContain('<svg');
      expect(JSON.stringify(reply).length).toBeLessThan(400);
    }
    expect(invalid.code).toBe('contract.invalid-payload');
    opened.ws.close();
  });
});
