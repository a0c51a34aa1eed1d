// Serves the built renderer under app://scan-station/ so the page has a fixed, private origin
// with our CSP, rather than file:// (which any local file shares). Runs in Electron main.
import fs from 'node:fs';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../app/content-security-policy';
import { resolveStatic } from '../host/static-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://scan-station';
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * The scheme://host of a URL. Not URL.origin: outside Electron, a custom scheme's origin is
 * "null", and this must give the same answer in unit tests as in the app.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

export const isAppUrl = (url: string): boolean => originOf(url) === APP_ORIGIN;

/** Must run before `app.ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const found = url.host === 'scan-station' ? resolveStatic(rendererDir, url.pathname) : null;
    if (!found) return new Response('not found', { status: 404 });
    return new Response(fs.readFileSync(found.file), {
      headers: {
        'Content-Type': found.type,
        'Content-Security-Policy': contentSecurityPolicy("'self'"),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
