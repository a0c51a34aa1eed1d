import { describe, expect, it } from 'vitest';
import { browserArgs, browserCandidates, findBrowser } from '../../../../main/host/browser-launcher';

describe('browser launcher', () => {
  it('prefers SCAN_STATION_BROWSER, then Debian chromium', () => {
    expect(browserCandidates({ SCAN_STATION_BROWSER: '/opt/c' }, 'linux').slice(0, 2)).toEqual(['/opt/c', '/usr/bin/chromium']);
    expect(findBrowser({}, 'linux', (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    expect(findBrowser({}, 'linux', () => false)).toBeNull();
  });

  it('finds Chrome or Edge on Windows', () => {
    const list = browserCandidates({ PROGRAMFILES: 'C:\\Program Files' }, 'win32');
    expect(list.some((p) => p.endsWith('msedge.exe'))).toBe(true);
    expect(list.some((p) => p.endsWith('chrome.exe'))).toBe(true);
  });

  it('opens an app window with its own profile, kiosk only when asked, no sandbox only as root', () => {
    const args = browserArgs({ url: 'http://127.0.0.1:1/#t=x', profileDir: '/p', kiosk: false, runningAsRoot: false });
    expect(args).toContain('--app=http://127.0.0.1:1/#t=x');
    expect(args).toContain('--user-data-dir=/p');
    expect(args).toContain('--disable-background-networking');
    expect(args).not.toContain('--kiosk');
    expect(args).not.toContain('--no-sandbox');
    const kiosk = browserArgs({ url: 'u', profileDir: '/p', kiosk: true, runningAsRoot: true });
    expect(kiosk).toContain('--kiosk');
    expect(kiosk).toContain('--no-sandbox');
  });
});
