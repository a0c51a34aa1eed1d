// Hardening of the Electron window: no navigation, no new windows, no webviews, and only the camera
// for our own top frame. Runs in Electron main.
import type { Session, WebContents } from 'electron';
import type { Logger } from '../logging/logger';
import { APP_ORIGIN, isAppUrl, originOf } from './app-protocol';

/** Camera (video only) for pages of our own origin; everything else is refused. */
export function isPermissionAllowed(permission: string, requestingUrl: string, mediaTypes: readonly string[] = []): boolean {
  if (!isAppUrl(requestingUrl)) return false;
  return permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
}

export function lockDownSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const allowed = isPermissionAllowed(permission, details.requestingUrl, mediaTypes) && details.isMainFrame;
    if (!allowed) log.warn({ permission }, 'permission refused');
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaType = (details as { mediaType?: string }).mediaType;
    return permission === 'media' && mediaType === 'video' && requestingOrigin === APP_ORIGIN;
  });
}

export function lockDownContents(contents: WebContents, log: Logger): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log.warn({ origin: originOf(url) }, 'navigation blocked');
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log.warn({ origin: originOf(url) }, 'window.open blocked');
    return { action: 'deny' };
  });
}
