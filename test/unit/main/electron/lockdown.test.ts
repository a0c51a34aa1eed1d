import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../main/logging/logger';
import { FakeSession, FakeWebContents } from '../../../fakes/electron';

vi.mock('electron', async () => (await import('../../../fakes/electron')).createFakeElectron());
const { isPermissionAllowed, lockDownContents, lockDownSession } = await import('../../../../main/electron/lockdown');

describe('permissions', () => {
  it('allows the camera for our own origin only', () => {
    expect(isPermissionAllowed('media', 'app://scan-station/index.html', ['video'])).toBe(true);
    expect(isPermissionAllowed('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(isPermissionAllowed('media', 'file:///etc/passwd', ['video'])).toBe(false);
  });

  it('refuses the microphone, and every other permission, even for our origin', () => {
    expect(isPermissionAllowed('media', 'app://scan-station/', ['audio'])).toBe(false);
    expect(isPermissionAllowed('media', 'app://scan-station/', ['video', 'audio'])).toBe(false);
    expect(isPermissionAllowed('media', 'app://scan-station/', [])).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(isPermissionAllowed(p, 'app://scan-station/', ['video'])).toBe(false);
    }
  });

  it('answers permission requests through the session handlers, main frame only', () => {
    const session = new FakeSession();
    lockDownSession(session as never, silentLogger());
    const answers: boolean[] = [];
    const ask = (details: object) => session.permissionRequestHandler!(null, 'media', (ok: boolean) => answers.push(ok), details);
    ask({ requestingUrl: 'app://scan-station/index.html', mediaTypes: ['video'], isMainFrame: true });
    ask({ requestingUrl: 'app://scan-station/index.html', mediaTypes: ['video'], isMainFrame: false });
    ask({ requestingUrl: 'http://127.0.0.1:9/', mediaTypes: ['video'], isMainFrame: true });
    expect(answers).toEqual([true, false, false]);
    expect(session.permissionCheckHandler!(null, 'media', 'app://scan-station', { mediaType: 'video' })).toBe(true);
    expect(session.permissionCheckHandler!(null, 'media', 'app://scan-station', { mediaType: 'audio' })).toBe(false);
    expect(session.permissionCheckHandler!(null, 'notifications', 'app://scan-station', {})).toBe(false);
  });
});

describe('navigation', () => {
  it('blocks navigation, redirects, webviews and window.open', () => {
    const contents = new FakeWebContents();
    lockDownContents(contents as never, silentLogger());
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
