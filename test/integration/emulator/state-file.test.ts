// The optional state file: an emulator restarted on the same file carries on where it stopped —
// containers, images, sessions, accounts, processing timeline and the manual clock — including
// after a publish that was applied and then dropped (the crash tests' case).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Session } from './emulator-client';
import { DEVICE, buildApplication, jpeg, login, post, publish, retrieve, start } from './emulator-client';

describe('emulator state file', () => {
  let dir: string;
  let stateFile: string;
  const running: RunningEmulator[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-state-'));
    stateFile = path.join(dir, 'emulator.json');
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emu) => emu.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function boot(): Promise<RunningEmulator> {
    const emu = await start({ stateFile });
    running.push(emu);
    return emu;
  }

  /** The same session id and device, pointed at a restarted emulator. */
  function reuse(emu: RunningEmulator, session: Session): Session {
    return { emu, deviceId: session.deviceId, sessionId: session.sessionId, call: (op, body = {}) => post(emu, op, { DeviceId: session.deviceId, SessionId: session.sessionId, ...body }) };
  }

  it('keeps containers, images, sessions and the clock across a restart', async () => {
    const first = await boot();
    const session = await login(first);
    const { containerId, imageIds } = await buildApplication(session, { reference: 'survivor' });
    await publish(session, containerId);
    await first.advanceClock(1000);
    const clockBefore = first.now();
    await first.close();
    running.splice(0);

    const second = await boot();
    expect(second.now()).toBe(clockBefore);
    const again = reuse(second, session);
    expect((await retrieve(again, containerId)).DocumentStorageType).toBe(4);
    await second.advanceClock(2000);
    expect((await retrieve(again, containerId)).DocumentStorageType).toBe(3);
    const image = await fetch(`${second.baseUrl}dataAccess/image/?id=${imageIds[0]}&DeviceId=${DEVICE}&SessionId=${session.sessionId}`, { headers: { 'tid-api-key': second.apiKey } });
    expect(Buffer.from(await image.arrayBuffer()).equals(await jpeg())).toBe(true);
    expect(second.publishCounts().survivor).toEqual({ containersCreated: 1, containersPublished: 1, publishRequests: 1 });
  });

  it('has written an applied-then-dropped publish to disk before the connection dropped', async () => {
    const first = await boot();
    const session = await login(first);
    const { containerId } = await buildApplication(session, { reference: 'dropped' });
    first.addFault({ match: { path: 'publishDocumentContainer' }, action: 'applyThenDrop', times: 1 });
    await expect(publish(session, containerId)).rejects.toThrow();
    // Read the file as a crashed process would have left it, without a clean close.
    const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { containers: Record<string, { publishedAt: number | null }> };
    expect(saved.containers[containerId]?.publishedAt).not.toBeNull();
  });

  it('keeps account changes: a lock and a changed password', async () => {
    const first = await boot();
    first.setUser('demo.admin', { locked: true });
    first.setUser('demo.kiosk', { passwordExpired: true });
    await post(first, 'session/login', { DeviceId: DEVICE, Username: 'demo.kiosk', Password: 'Demo-Kiosk-2026!', ChangePassword: true, NewPassword: 'Changed-1' });
    await first.close();
    running.splice(0);
    const second = await boot();
    expect((await post(second, 'session/login', { DeviceId: DEVICE, Username: 'demo.admin', Password: 'Demo-Admin-2026!' })).json.LockedUserAccount).toBe(true);
    expect((await post(second, 'session/login', { DeviceId: DEVICE, Username: 'demo.kiosk', Password: 'Changed-1' })).json.Success).toBe(true);
  });

  it('forgets everything, image files included, on reset', async () => {
    const first = await boot();
    const session = await login(first);
    await buildApplication(session);
    expect(fs.readdirSync(`${stateFile}.images`)).toHaveLength(1);
    first.reset();
    expect(first.containers()).toEqual([]);
    expect(fs.existsSync(`${stateFile}.images`)).toBe(false);
    await first.close();
    running.splice(0);
    expect((await boot()).containers()).toEqual([]);
  });

  it('refuses a state file it does not understand', async () => {
    fs.writeFileSync(stateFile, JSON.stringify({ version: 99 }));
    await expect(start({ stateFile })).rejects.toThrow(/unknown version/);
  });
});
