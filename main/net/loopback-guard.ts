// Who may talk to a loopback HTTP server of ours (the Chromium shell's host, the demo emulator):
// pure checks on a request's Host and Origin. Runs in main (plain Node); an edge both the host and
// the demo plug-in import. Binding 127.0.0.1 stops other machines; these checks stop other local
// pages: a browser tab on any site that rebinds its DNS name to 127.0.0.1 (Host names that site),
// or posts across origins (Origin names that site).

export type GuardVerdict = { ok: true } | { ok: false; status: number; reason: string };

/** The Host header must name our exact address and port, e.g. `127.0.0.1:4000` (defeats DNS rebinding). */
export function checkHost(host: string | undefined, authority: string): GuardVerdict {
  return host === authority ? { ok: true } : { ok: false, status: 421, reason: 'wrong Host header' };
}

/** A request must come from a page we served ourselves, e.g. `http://127.0.0.1:4000`. */
export function checkOrigin(origin: string | undefined, ownOrigin: string): GuardVerdict {
  return origin === ownOrigin ? { ok: true } : { ok: false, status: 403, reason: 'wrong Origin' };
}

/**
 * For servers programs also call (no Origin sent): Host always, Origin whenever a browser sent one.
 * `ownOrigin` is the server's own `http://host:port`.
 */
export function checkLoopbackRequest(headers: { host?: string; origin?: string }, ownOrigin: string): GuardVerdict {
  const host = checkHost(headers.host, new URL(ownOrigin).host);
  if (!host.ok) return host;
  return headers.origin === undefined ? { ok: true } : checkOrigin(headers.origin, ownOrigin);
}
