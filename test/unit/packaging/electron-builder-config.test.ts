// Invariants of the packaging config: what must hold for a safe release build.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Parsed YAML and JSON are untyped; the assertions below are the type check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as Loose;
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as Loose;

describe('electron-builder.yml', () => {
  it('builds Linux deb and AppImage, and a Windows installer', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['deb', 'AppImage']));
    expect(config.win.target).toContain('nsis');
    expect(config.productName).toBe('Scan Station');
    expect(pkg.name).toBe('scan-station');
  });

  it('packs the app in asar with every native module unpacked and rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3/**']));
    const natives = ['better-sqlite3', 'serialport', 'sharp'].filter((n) => n in pkg.dependencies);
    for (const name of natives) {
      const unpacked = (config.asarUnpack as string[]).some((p) => p.includes(name === 'serialport' ? '@serialport/bindings-cpp' : name));
      expect(unpacked, name).toBe(true);
    }
    expect(config.npmRebuild).toBe(true);
  });

  it('sets every fuse that closes a door', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built app without source maps, and points Electron at the built entry', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', '!dist/**/*.map', 'package.json']));
    expect(pkg.main).toBe('dist/main/index.js');
  });

  it('keeps electron and electron-builder out of the shipped dependencies', () => {
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
  });
});
