// Settings updates are partial, strict patches that never lose the data key or the secrets
// (issue 12 §1): real files in a temporary folder, the real owner-only key file custody.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../../preload/contract';
import { createSettingsService } from '../../../../main/app/settings-service';
import { fileKeyCustody } from '../../../../main/store/key-custody';

function service(initial: object = { security: { acceptFileKey: true } }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-settings-'));
  const settingsFile = path.join(dir, 'settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify(initial));
  const keyFile = path.join(dir, 'data.key');
  return {
    settingsFile,
    svc: createSettingsService({ settingsFile, secretsFile: path.join(dir, 'secrets.sealed'), custodyFor: (s) => fileKeyCustody(keyFile, s.security.acceptFileKey) }),
  };
}

const onDisk = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;

describe('settings service updates', () => {
  it('changes only what a partial update names, on disk and in memory', () => {
    const { svc, settingsFile } = service({ security: { acceptFileKey: true }, kiosk: { idleTimeoutSeconds: 600 }, retention: { resultDays: 90 } });
    svc.secrets().set('trustid.apiKey', 'k-123');
    const view = svc.update({ language: 'cy' });
    expect(view.settings).toMatchObject({ language: 'cy', kiosk: { idleTimeoutSeconds: 600 }, retention: { resultDays: 90 }, security: { acceptFileKey: true } });
    expect(view.secrets['trustid.apiKey'].configured).toBe(true);
    expect(onDisk(settingsFile)).toMatchObject({ language: 'cy', kiosk: { idleTimeoutSeconds: 600 }, security: { acceptFileKey: true } });
  });

  it('merges a nested group key by key: one quality threshold leaves the others and the blocking flags', () => {
    const { svc } = service();
    const before = svc.current().quality;
    svc.update({ quality: { blurMin: 99, blocking: { glare: true } } });
    expect(svc.current().quality).toEqual({ ...before, blurMin: 99, blocking: { ...before.blocking, glare: true } });
  });

  it('replaces a list whole (the readers), so a removed reader is gone', () => {
    const { svc } = service();
    svc.update({ devices: [{ id: 'a', kind: 'simulated', label: 'A', enabled: true, options: {} }, { id: 'b', kind: 'simulated', label: 'B', enabled: true, options: {} }] });
    svc.update({ devices: [{ id: 'b', kind: 'simulated', label: 'B', enabled: true, options: {} }] });
    expect(svc.current().devices.map((d) => d.id)).toEqual(['b']);
  });

  it('refuses to switch off the key file in use, keeping the custody and the secrets', () => {
    const { svc, settingsFile } = service();
    svc.secrets().set('trustid.password', 'p-456');
    expect(() => svc.update({ security: { acceptFileKey: false } })).toThrow(expect.objectContaining({ code: 'settings.custody-in-use' }));
    expect(svc.custody().available).toBe(true);
    expect(svc.secrets().get('trustid.password')).toBe('p-456');
    expect(onDisk(settingsFile).security).toEqual({ acceptFileKey: true });
  });

  it('accepts the key file where none was in use, and the secrets can then be stored', () => {
    const { svc } = service({});
    expect(svc.custody().available).toBe(false);
    svc.update({ security: { acceptFileKey: true } });
    svc.secrets().set('trustid.apiKey', 'k-1');
    expect(svc.view().secrets['trustid.apiKey'].configured).toBe(true);
  });

  it('tells listeners after a change, and gives every role only the public part', () => {
    const { svc } = service();
    let heard = 0;
    svc.onChange(() => heard++);
    svc.update({ kiosk: { fullscreen: true } });
    expect(heard).toBe(1);
    expect(svc.publicView()).toEqual({ language: 'en', kiosk: { fullscreen: true, idleTimeoutSeconds: 180 }, accountMode: 'shared' });
  });
});

describe('settings.update contract', () => {
  const req = invoke['settings.update'].req;

  it('refuses a misspelt key at the top and inside a group, naming where', () => {
    for (const bad of [{ langauge: 'cy' }, { kiosk: { fullScreen: true } }, { quality: { blocking: { blurr: true } } }, { devices: [{ id: 'a', kind: 'simulated', label: 'A', colour: 'red' }] }]) {
      const parsed = req.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error?.issues[0]?.code).toBe('unrecognized_keys');
    }
  });

  it('adds no defaults to a partial update, so absent keys stay absent', () => {
    expect(req.parse({ kiosk: { fullscreen: true } })).toEqual({ kiosk: { fullscreen: true } });
    expect(req.parse({})).toEqual({});
  });

  it('still checks each value it is given', () => {
    expect(req.safeParse({ kiosk: { idleTimeoutSeconds: 5 } }).success).toBe(false);
    expect(req.safeParse({ language: 'fr' }).success).toBe(false);
  });
});
