import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
