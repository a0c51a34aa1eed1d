// The client over real TLS and through a real CONNECT proxy: certificates are always verified
// (an unknown issuer is refused before anything is sent), an extra CA can be trusted, and the
// proxy comes from HTTPS_PROXY / NO_PROXY, never for loopback.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyOutcome, createTrustIdClient } from '../../../main/trustid';
import type { TrustIdClient, TrustIdClientOptions } from '../../../main/trustid';
import { errorOf } from '../../support/trustid-error-of';

const TLS_DIR = path.join(__dirname, '../../fixtures/trustid/tls');
const CERT = fs.readFileSync(path.join(TLS_DIR, 'test-server.crt'), 'utf8');
const KEY = fs.readFileSync(path.join(TLS_DIR, 'test-server.key'), 'utf8');

let tlsServer: https.Server;
let tlsPort: number;
let proxy: http.Server;
let proxyPort: number;
let proxyMode: 'tunnel' | 'deny' = 'tunnel';
const tunnels: string[] = [];
const sockets = new Set<net.Socket>();
const clients: TrustIdClient[] = [];

const envelope = (fields: Record<string, unknown> = {}) => JSON.stringify({ Success: true, Message: 'Operation executed successfully.', ...fields });

beforeAll(async () => {
  tlsServer = https.createServer({ key: KEY, cert: CERT }, (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(req.url?.includes('/session/login/') ? envelope({ SessionId: 'tls-session-1' }) : envelope());
    });
  });
  tlsServer.on('connection', (s: net.Socket) => sockets.add(s));
  await new Promise<void>((r) => tlsServer.listen(0, '127.0.0.1', r));
  tlsPort = (tlsServer.address() as net.AddressInfo).port;

  proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    tunnels.push(req.url ?? '');
    if (proxyMode === 'deny') {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    // Whatever host was asked for, the tunnel leads to the test TLS server.
    const upstream = net.connect(tlsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyPort = (proxy.address() as net.AddressInfo).port;
});

afterAll(async () => {
  for (const client of clients) await client.close();
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => tlsServer.close(() => r()));
  await new Promise<void>((r) => proxy.close(() => r()));
});

function client(baseUrl: string, extra: Partial<TrustIdClientOptions> = {}): TrustIdClient {
  const c = createTrustIdClient({
    baseUrl,
    apiKey: 'tls-test-key',
    credentials: () => ({ username: 'u', password: 'p' }),
    deviceIdFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-tls-')), 'device.json'),
    deviceId: { machineFingerprint: () => undefined },
    timeouts: { jsonMs: 3000, connectMs: 2000, logoutMs: 500 },
    env: {},
    ...extra,
  });
  clients.push(c);
  return c;
}

describe('TLS', () => {
  it('refuses a certificate from an issuer it does not trust, before sending anything', async () => {
    const e = await errorOf(client(`https://localhost:${tlsPort}/`).testConnection());
    expect([e.kind, e.details.networkReason, e.written, classifyOutcome(e)]).toEqual(['network', 'tls', false, 'NOT_APPLIED']);
  });

  it('trusts an extra CA when configured', async () => {
    await client(`https://localhost:${tlsPort}/`, { extraCaCertificates: [CERT] }).testConnection();
    await client(`https://127.0.0.1:${tlsPort}/`, { extraCaCertificates: [CERT] }).login();
  });
});

describe('proxy from the environment', () => {
  it('tunnels through HTTPS_PROXY to a non-loopback host', async () => {
    proxyMode = 'tunnel';
    tunnels.length = 0;
    const c = client(`https://trustid.test:${tlsPort}/`, { extraCaCertificates: [CERT], env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` } });
    await c.testConnection();
    await c.login();
    expect(tunnels[0]).toBe(`trustid.test:${tlsPort}`);
  });

  it('still checks the certificate name at the far end of the tunnel', async () => {
    proxyMode = 'tunnel';
    const c = client(`https://wrong-name.test:${tlsPort}/`, { extraCaCertificates: [CERT], env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` } });
    const e = await errorOf(c.testConnection());
    expect([e.kind, e.details.networkReason, e.written, classifyOutcome(e)]).toEqual(['network', 'tls', false, 'NOT_APPLIED']);
  });

  it('goes direct for hosts in NO_PROXY', async () => {
    tunnels.length = 0;
    const c = client(`https://trustid.test:${tlsPort}/`, {
      extraCaCertificates: [CERT],
      env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: 'trustid.test' },
    });
    const e = await errorOf(c.testConnection());
    expect([e.kind, e.details.networkReason, classifyOutcome(e)]).toEqual(['network', 'dns', 'NOT_APPLIED']);
    expect(tunnels).toEqual([]);
  });

  it('never sends loopback traffic (the emulator) through the proxy', async () => {
    tunnels.length = 0;
    await client(`https://localhost:${tlsPort}/`, { extraCaCertificates: [CERT], env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` } }).testConnection();
    expect(tunnels).toEqual([]);
  });

  it('reports a proxy that refuses the tunnel as a proxy failure that sent nothing', async () => {
    proxyMode = 'deny';
    const c = client(`https://trustid.test:${tlsPort}/`, { extraCaCertificates: [CERT], env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` } });
    const e = await errorOf(c.testConnection());
    expect([e.kind, e.details.networkReason, e.written, classifyOutcome(e)]).toEqual(['network', 'proxy', false, 'NOT_APPLIED']);
    proxyMode = 'tunnel';
  });
});
