// Who may talk to the Chromium shell's host: its Host and Origin (the shared loopback checks of
// main/net/loopback-guard.ts, on 127.0.0.1:<port>) and its secret. Runs in main (plain Node). The
// host binds 127.0.0.1 only; these checks stop other local pages (a browser tab on any site, DNS
// rebinding) and other local programs without the secret.
import crypto from 'node:crypto';
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

/**
 * Browsers cannot set headers on a WebSocket, so the client offers the secret as a subprotocol:
 * `scan-station.v1`, `k.<secret>` (or `t.<ticket>`, a one-time ticket from the launcher's URL).
 */
export const PROTOCOL = 'scan-station.v1';

export function credentialFromProtocols(header: string | undefined): { kind: 'secret' | 'ticket'; value: string } | null {
  const offered = (header ?? '').split(',').map((p) => p.trim());
  if (!offered.includes(PROTOCOL)) return null;
  for (const p of offered) {
    if (p.startsWith('k.')) return { kind: 'secret', value: p.slice(2) };
    if (p.startsWith('t.')) return { kind: 'ticket', value: p.slice(2) };
  }
  return null;
}
