// Who may talk to the Chromium shell's host: its Host and Origin (the shared loopback checks of
// main/net/loopback-guard.ts, on 127.0.0.1:<port>) and its secret. Runs in main (plain Node). The
// host binds 127.0.0.1 only; these checks stop other local pages (a browser tab on any site, DNS
// rebinding) and other local programs without the secret.
import crypto from 'node:crypto';
import { credentialFromProtocols as credentialFromOffered, type WsCredential } from '../../preload/contract/websocket-frames';
import { checkHost as checkAuthority, checkOrigin as checkOwnOrigin, type GuardVerdict } from '../net/loopback-guard';

export type { GuardVerdict };

/** The Host header must name our exact loopback address and port (defeats DNS rebinding). */
export const checkHost = (host: string | undefined, port: number): GuardVerdict => checkAuthority(host, `127.0.0.1:${port}`);

/** A WebSocket upgrade must come from a page we served ourselves. */
export const checkOrigin = (origin: string | undefined, port: number): GuardVerdict => checkOwnOrigin(origin, `http://127.0.0.1:${port}`);

export function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export const newSecret = (): string => crypto.randomBytes(32).toString('base64url');

/** The credential a WebSocket upgrade offers among its subprotocols (preload/contract/websocket-frames.ts). */
export function credentialFromProtocols(header: string | undefined): WsCredential | null {
  return credentialFromOffered((header ?? '').split(',').map((p) => p.trim()));
}
