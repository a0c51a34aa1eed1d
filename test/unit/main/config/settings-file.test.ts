import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ephemeralCustody } from '../../../../main/store/key-custody';
import { openSecretStore } from '../../../../main/config/secret-store';
import { defaultSettings, loadSettings, saveSettings } from '../../../../main/config/settings-file';

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-settings-')), 'settings.json');

describe('settings file', () => {
  it('gives defaults and no problem when there is no file yet', () => {
    expect(loadSettings(tmpFile())).toEqual({ settings: defaultSettings(), problem: null });
  });

  it('round-trips what it saves, owner-only', () => {
    const file = tmpFile();
    const next = { ...defaultSettings(), language: 'cy' as const };
    saveSettings(file, next, false);
    expect(loadSettings(file).settings.language).toBe('cy');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('fills in fields a partial file leaves out', () => {
    const file = tmpFile();
    fs.writeFileSync(file, JSON.stringify({ kiosk: { fullscreen: true } }));
    const { settings, problem } = loadSettings(file);
    expect(problem).toBeNull();
    expect(settings.kiosk).toEqual({ fullscreen: true, idleTimeoutSeconds: 180 });
    expect(settings.trustid.environment).toBe('demo');
  });

  it('names the file and the field when a value is wrong, uses defaults, and leaves the file alone', () => {
    const file = tmpFile();
    const text = JSON.stringify({ kiosk: { idleTimeoutSeconds: 5 } });
    fs.writeFileSync(file, text);
    const { settings, problem } = loadSettings(file);
    expect(settings).toEqual(defaultSettings());
    expect(problem).toContain(file);
    expect(problem).toContain('kiosk.idleTimeoutSeconds');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('says plainly when the file is not JSON', () => {
    const file = tmpFile();
    fs.writeFileSync(file, '{ "kiosk": ');
    expect(loadSettings(file).problem).toMatch(/not valid JSON/);
  });

  it('says plainly when the file cannot be read', () => {
    const dir = tmpFile(); // a folder where the file should be: EISDIR on read
    fs.mkdirSync(dir);
    expect(loadSettings(dir).problem).toMatch(/could not be read \(EISDIR\)/);
  });

  it('moves a broken file aside before writing good settings over it', () => {
    const file = tmpFile();
    fs.writeFileSync(file, 'garbage');
    saveSettings(file, defaultSettings(), true, 1234);
    expect(fs.readFileSync(`${file}.broken-1234`, 'utf8')).toBe('garbage');
    expect(loadSettings(file).problem).toBeNull();
  });
});

describe('settings and secrets on a full disk (issue 12 §2, injected ENOSPC)', () => {
  afterEach(() => vi.restoreAllMocks());
  const noSpace = () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };

  it('a settings save that meets ENOSPC throws it, leaves the old file whole and no temp file', () => {
    const file = tmpFile();
    saveSettings(file, { ...defaultSettings(), language: 'cy' }, false);
    const before = fs.readFileSync(file);
    vi.spyOn(fs, 'writeFileSync').mockImplementation(noSpace);
    expect(() => saveSettings(file, defaultSettings(), false)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    vi.restoreAllMocks();
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });

  it('a secret that cannot be written on a full disk is not reported as set, and the old ones stay', () => {
    const dir = path.dirname(tmpFile());
    const custody = ephemeralCustody();
    const file = path.join(dir, 'secrets.sealed');
    const secrets = openSecretStore(file, custody);
    secrets.set('trustid.username', 'desk');
    vi.spyOn(fs, 'writeFileSync').mockImplementation(noSpace);
    expect(() => secrets.set('trustid.password', 'pw')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    vi.restoreAllMocks();
    const reopened = openSecretStore(file, custody);
    expect(reopened.get('trustid.username')).toBe('desk');
    expect(reopened.has('trustid.password')).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['secrets.sealed']);
  });
});
