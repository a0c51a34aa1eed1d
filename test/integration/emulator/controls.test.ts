// The /__emulator/ control endpoints of RAW-API §15.2 over real HTTP (fault rules, guest, queued
// and webhook views have their own files), and that they do not exist unless switched on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import { startEmulator } from '../../../main/demo/emulator/index';
import type { Json, Session } from './emulator-client';
import { DEVICE, buildApplication, control, login, post, publish, retrieve, start, validPassportMrz } from './emulator-client';

describe('emulator control endpoints (RAW-API §15.2)', () => {
  let emu: RunningEmulator;
  let session: Session;
  beforeEach(async () => {
    emu = await start();
    session = await login(emu);
  });
  afterEach(async () => {
    await emu.close();
  });

  it('reads and changes the configuration, never showing passwords', async () => {
    const read = await control(emu, 'GET', 'config');
    const config = read.json.config as Json;
    expect(config).toMatchObject({ apiKey: 'emulator-key', scenario: { default: 'auto', referSurnames: ['REFER'] }, processing: { workflowDelayMs: 500 } });
    expect(JSON.stringify(config)).not.toContain('Demo-Kiosk-2026!');
    const changed = await control(emu, 'POST', 'config', { processing: { decisionDelayMs: 10 }, vpeName: 'Other Emulator' });
    expect((changed.json.config as Json).processing).toEqual({ workflowDelayMs: 500, decisionDelayMs: 10, reviewDelayMs: 30000 });
    expect((await post(emu, 'session/login', { DeviceId: DEVICE, Username: 'demo.kiosk', Password: 'Demo-Kiosk-2026!' })).json.VpeName).toBe('Other Emulator');
    const invalid = await control(emu, 'POST', 'config', { statusMode: { apiKey: 418 } });
    expect(invalid.status).toBe(400);
  });

  it('replaces the users, accepting the PascalCase keys of §15.1', async () => {
    await control(emu, 'POST', 'config', { users: [{ Username: 'temp.user', Password: 'Temp-1', ArchiveVisibility: 'Branch', branch: 'Back Office' }] });
    expect(emu.users).toEqual([expect.objectContaining({ username: 'temp.user', branch: 'Back Office', archiveVisibility: 'Branch' })]);
    expect((await post(emu, 'session/login', { DeviceId: DEVICE, Username: 'temp.user', Password: 'Temp-1' })).json.Success).toBe(true);
    expect((await post(emu, 'session/login', { DeviceId: DEVICE, Username: 'demo.kiosk', Password: 'Demo-Kiosk-2026!' })).json.Success).toBe(false);
  });

  it('reports and advances the manual clock', async () => {
    const before = Number((await control(emu, 'GET', 'clock')).json.now);
    const advanced = await control(emu, 'POST', 'clock/advance', { ms: 90_000 });
    expect(advanced.json.now).toBe(before + 90_000);
    expect((await control(emu, 'POST', 'clock/advance', {})).status).toBe(400);
  });

  it('refuses to advance the real clock', async () => {
    const real = await startEmulator({ controls: true });
    try {
      const answer = await fetch(`${real.controlUrl}clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ms":1}' });
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as Json).error).toMatch(/manual/);
    } finally {
      await real.close();
    }
  });

  it('chooses scenarios and completes reviews', async () => {
    expect((await control(emu, 'POST', 'scenario', { clientApplicationReference: 'chosen', outcome: 'refer', reviewVerdict: 3 })).json.ok).toBe(true);
    const { containerId } = await buildApplication(session, { reference: 'chosen' });
    await publish(session, containerId);
    await emu.advanceClock(2500);
    expect((await retrieve(session, containerId)).DocumentStorageType).toBe(6);
    expect((await control(emu, 'POST', `review/${containerId}/complete`, {})).json.ok).toBe(true);
    const done = await retrieve(session, containerId);
    expect((done.Documents as Json[])[0]).toMatchObject({ Audited: true, AuditorStatus: 3 });
    expect((await control(emu, 'POST', `review/${containerId}/complete`, { verdict: 1 })).status).toBe(409);
    expect((await control(emu, 'POST', 'scenario', { outcome: 'maybe' })).status).toBe(409);
    expect((await control(emu, 'POST', 'scenario', {})).status).toBe(400);
  });

  it('expires sessions and changes account flags', async () => {
    expect((await control(emu, 'POST', 'sessions/expire', { sessionId: session.sessionId })).json).toEqual({ ok: true, expired: 1 });
    expect((await session.call('dataAccess/queryBranchesX')).json.SessionExpired).toBe(true);
    expect((await control(emu, 'POST', 'users/demo.kiosk', { locked: true })).json.ok).toBe(true);
    expect((await post(emu, 'session/login', { DeviceId: DEVICE, Username: 'demo.kiosk', Password: 'Demo-Kiosk-2026!' })).json.LockedUserAccount).toBe(true);
    expect((await control(emu, 'POST', 'users/nobody', { locked: true })).status).toBe(409);
    expect((await control(emu, 'POST', 'users/demo.kiosk', { locked: 'yes' })).status).toBe(409);
  });

  it('lists containers by reference, publish counters and the request log, and clears the log', async () => {
    const first = await buildApplication(session, { reference: 'listed' });
    await buildApplication(session, { reference: 'listed', mrz: validPassportMrz('OTHER') });
    await publish(session, first.containerId);
    const listed = await control(emu, 'GET', 'containers?clientApplicationReference=listed');
    expect((listed.json.containers as Json[]).map((row) => [row.containerId, row.publishCount])).toEqual([
      [first.containerId, 1],
      [expect.any(String), 0],
    ]);
    expect((await control(emu, 'GET', 'publish-counts')).json.counts).toEqual({ listed: { containersCreated: 2, containersPublished: 1, publishRequests: 1 } });
    const requests = (await control(emu, 'GET', 'requests')).json.requests as Json[];
    expect(requests.map((entry) => entry.operation)).toContain('dataAccess/publishDocumentContainer');
    expect((await control(emu, 'DELETE', 'requests')).json.ok).toBe(true);
    expect(emu.requests()).toEqual([]);
  });

  it('resets everything: state, fault rules and the log', async () => {
    await buildApplication(session);
    emu.addFault({ match: { path: '*' }, action: 'http:500' });
    expect((await control(emu, 'POST', 'reset')).json.ok).toBe(true);
    expect(emu.containers()).toEqual([]);
    expect(emu.faults()).toEqual([]);
    expect((await session.call('dataAccess/queryBranchesX')).json.SessionExpired).toBe(true);
  });

  it('answers unknown control paths with 404 and broken JSON with 400', async () => {
    expect((await control(emu, 'GET', 'nothing-here')).status).toBe(404);
    const broken = await fetch(`${emu.controlUrl}config`, { method: 'POST', body: '{' });
    expect(broken.status).toBe(400);
  });

  it('does not serve the controls unless they are switched on', async () => {
    const plain = await startEmulator();
    try {
      const answer = await fetch(`${plain.controlUrl}containers`);
      expect(answer.status).toBe(404);
      expect(((await answer.json()) as Json).Message).toBe('Endpoint not found.');
    } finally {
      await plain.close();
    }
  });
});
