// Who may talk to the Chromium shell's host beyond its Host and Origin (main/net/loopback-guard.ts):
// its secret, offered as a WebSocket subprotocol. Runs in main (plain Node). The
// host binds 127.0.0.1 only; these checks stop other local pages (a browser tab on any site, DNS
// rebinding) and other local programs without the secret.
import crypto from 'node:crypto';
import { credentialFromProtocols, type WsCredential } from '../../preload/contract/websocket-frames';

export function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export const newSecret = (): string => crypto.randomBytes(32).toString('base64url');

/** The credential a WebSocket upgrade offers among its subprotocols (preload/contract/websocket-frames.ts). */
export function credentialFromHeader(header: string | undefined): WsCredential | null {
  return credentialFromProtocols((header ?? '').split(',').map((p) => p.trim()));
}
