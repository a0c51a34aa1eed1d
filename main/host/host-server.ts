// The Chromium shell's transport: the built renderer over HTTP and the contract over a WebSocket,
// on 127.0.0.1 only. Runs in main (plain Node). Every request must name our Host; a WebSocket must
// also come from our Origin and carry the per-launch secret (or a one-time ticket that expires
// within seconds), and no more than a few sockets may be open at once.
import fs from 'node:fs';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { contractErrors, type EventName } from '../../preload/contract';
import { decodeRequest, encodeHostFrame, MAX_FRAME_CHARS, refusalFrame, WS_PROTOCOL, type HostFrame } from '../../preload/contract/websocket-frames';
import { contentSecurityPolicy } from '../app/content-security-policy';
import type { ScanStationApp } from '../app/create-app';
import type { Logger } from '../logging/logger';
import { checkHost, checkOrigin } from '../net/loopback-guard';
import { credentialFromHeader, newSecret, secretsEqual } from './request-guard';
import { resolveStatic } from './static-files';

export type HostServer = {
  port: number;
  /** The address a browser opens with the secret in the fragment (never sent to the server). */
  urlWithSecret(): string;
  /**
   * The address with a one-time ticket instead, for the launched browser. The ticket works once and
   * only for `TICKET_TTL_MS`; the launcher hands it over in an owner-only file, never on a command
   * line (which any local user can read with `ps`).
   */
  urlWithTicket(): string;
  clientCount(): number;
  close(): Promise<void>;
};

/** A launcher ticket dies this long after it is issued: time enough for a slow kiosk to open Chromium. */
export const TICKET_TTL_MS = 20_000;

/**
 * Open sockets allowed at once. The kiosk window needs one; a reload briefly overlaps the old one.
 * More than this is a runaway or hostile client holding the secret (issue 12 §1: 200 were opened).
 */
export const MAX_SOCKETS = 6;

/** WebSocket close code 1013 "Try Again Later" (RFC 6455 §7.4, IANA registry), with a plain reason. */
export const TOO_MANY_SOCKETS = { code: 1013, reason: 'too many connections' } as const;

export async function startHostServer(opts: {
  app: Pick<ScanStationApp, 'dispatcher' | 'events'>;
  staticDir: string;
  log: Logger;
  port?: number;
  /** Serve the renderer's source maps (a development build only; never in production). */
  sourceMaps?: boolean;
  /** The clock tickets expire by (tests inject one). */
  now?: () => number;
}): Promise<HostServer> {
  const { app, log } = opts;
  const now = opts.now ?? Date.now;
  const secret = newSecret();
  /** Ticket → when it dies. Spent tickets are deleted; expired ones are swept at each redeem. */
  const tickets = new Map<string, number>();
  const sockets = new Set<WebSocket>();
  let port = 0;
  let nextClient = 1;

  const server = http.createServer((req, res) => {
    const host = checkHost(req.headers.host, `127.0.0.1:${port}`);
    if (!host.ok) return refuse(res, host.status, host.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    const found = resolveStatic(opts.staticDir, req.url ?? '/', { sourceMaps: opts.sourceMaps ?? false });
    if (!found) return refuse(res, 404, 'not found');
    res.writeHead(200, {
      'Content-Type': found.type,
      'Content-Security-Policy': contentSecurityPolicy(`ws://127.0.0.1:${port}`),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
      'Cache-Control': found.file.endsWith('index.html') ? 'no-store' : 'private, max-age=3600',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(found.file).pipe(res);
  });

  const wss = new WebSocketServer({
    noServer: true,
    // The codec's bound on a frame: camera stills travel this way. A character is at least a byte.
    maxPayload: MAX_FRAME_CHARS,
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  server.on('upgrade', (req, socket: Duplex, head) => {
    const verdict = authorise(req);
    if (!verdict.ok) {
      log.warn({ reason: verdict.reason, origin: req.headers.origin ?? null }, 'refused a WebSocket');
      socket.end(`HTTP/1.1 ${verdict.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Refused after the handshake, so the client sees a close code and a reason, not a bare reset.
      if (sockets.size >= MAX_SOCKETS) {
        log.warn({ open: sockets.size }, 'refused a WebSocket: too many open');
        ws.close(TOO_MANY_SOCKETS.code, TOO_MANY_SOCKETS.reason);
        return;
      }
      attach(ws, verdict.viaTicket);
    });
  });

  function redeem(ticket: string): boolean {
    const at = now();
    for (const [t, dies] of tickets) if (dies <= at) tickets.delete(t);
    return tickets.delete(ticket);
  }

  function authorise(req: http.IncomingMessage): { ok: true; viaTicket: boolean } | { ok: false; status: number; reason: string } {
    const host = checkHost(req.headers.host, `127.0.0.1:${port}`);
    if (!host.ok) return host;
    if (req.url !== '/contract') return { ok: false, status: 404, reason: 'unknown WebSocket path' };
    const origin = checkOrigin(req.headers.origin, `http://127.0.0.1:${port}`);
    if (!origin.ok) return origin;
    const credential = credentialFromHeader(req.headers['sec-websocket-protocol']);
    if (credential?.kind === 'secret' && secretsEqual(credential.value, secret)) return { ok: true, viaTicket: false };
    if (credential?.kind === 'ticket' && redeem(credential.value)) return { ok: true, viaTicket: true };
    return { ok: false, status: 401, reason: credential ? 'wrong secret, or a spent or expired ticket' : 'no secret' };
  }

  function attach(ws: WebSocket, viaTicket: boolean) {
    const clientId = `ws-${nextClient++}`;
    sockets.add(ws);
    log.info({ clientId, viaTicket, open: sockets.size }, 'window connected');
    const send = (frame: HostFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(encodeHostFrame(frame));
    };
    // A ticket is spent on first use; the page keeps the real secret for reconnects and reloads.
    if (viaTicket) send({ hello: { secret } });
    for (const [event, payload] of app.events.latest()) send({ event, payload });
    const detach = app.events.attach((event: EventName, payload) => send({ event, payload }));

    ws.on('message', async (data, isBinary) => {
      const request = decodeRequest(isBinary ? null : data.toString());
      if (!request.ok) {
        // Which way it was wrong, never what it said.
        log.warn({ clientId, refusal: request.refusal }, 'refused a WebSocket frame');
        send(refusalFrame(request.refusal, request.id, contractErrors.invalidPayload));
        return;
      }
      const { id, channel, payload } = request.frame;
      const envelope = await app.dispatcher.dispatch(channel, payload, { transport: 'websocket', clientId });
      send({ id, envelope });
    });
    ws.on('close', () => {
      detach();
      sockets.delete(ws);
    });
    ws.on('error', (error) => log.warn({ clientId, err: error }, 'WebSocket error'));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  log.info({ port }, 'host listening on 127.0.0.1');

  return {
    port,
    urlWithSecret: () => `http://127.0.0.1:${port}/#k=${secret}`,
    urlWithTicket() {
      const ticket = newSecret();
      tickets.set(ticket, now() + TICKET_TTL_MS);
      return `http://127.0.0.1:${port}/#t=${ticket}`;
    },
    clientCount: () => sockets.size,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function refuse(res: http.ServerResponse, status: number, reason: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${reason}\n`);
}
