import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveHome } from '../../../../main/config/app-home';

describe('app home', () => {
  it('honours SCAN_STATION_HOME so tests never touch the real folder', () => {
    expect(resolveHome({ SCAN_STATION_HOME: '/tmp/x' }, 'linux')).toBe(path.resolve('/tmp/x'));
  });
  it('uses XDG on Linux and APPDATA on Windows', () => {
    expect(resolveHome({ XDG_DATA_HOME: '/xdg' }, 'linux')).toBe(path.join('/xdg', 'scan-station'));
    expect(resolveHome({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Scan Station');
  });
});
