// Sessions and login over real HTTP (RAW-API §2): every login outcome, failure counting and
// locking, change-password-and-login, DeviceId binding, idle and absolute expiry on the manual
// clock, the 401 switch, single-session-per-device, and idempotent logout.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Json } from './emulator-client';
import { DEVICE, login, post, start } from './emulator-client';

describe('emulator sessions and login (RAW-API §2)', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await start();
  });
  afterEach(async () => {
    await emu.close();
  });

  const attempt = (username: string, password: string, extra: Json = {}) => post(emu, 'session/login', { DeviceId: DEVICE, Username: username, Password: password, DesktopClient: false, ...extra });
  const passwordOf = (username: string) => emu.users.find((user) => user.username === username)?.password ?? '';

  it('answers bad credentials with no flag and no session, for a wrong password or an unknown user', async () => {
    for (const answer of [await attempt('demo.kiosk', 'wrong'), await attempt('nobody', 'wrong')]) {
      expect(answer.json).toMatchObject({ Success: false, Message: 'Invalid username or password.', SessionId: null, LockedUserAccount: false, AccessDenied: false });
    }
  });

  it('locks the account on the fifth consecutive failure, and the right password then gets LockedUserAccount', async () => {
    for (let index = 1; index <= 4; index += 1) expect((await attempt('demo.kiosk', `wrong-${index}`)).json.LockedUserAccount).toBe(false);
    expect((await attempt('demo.kiosk', 'wrong-5')).json).toMatchObject({ Success: false, LockedUserAccount: true, Message: 'User account is locked.' });
    expect((await attempt('demo.kiosk', passwordOf('demo.kiosk'))).json).toMatchObject({ Success: false, LockedUserAccount: true });
    emu.setUser('demo.kiosk', { locked: false });
    expect((await attempt('demo.kiosk', passwordOf('demo.kiosk'))).json.Success).toBe(true);
  });

  it('resets the failure count after a successful login', async () => {
    for (let index = 0; index < 4; index += 1) await attempt('demo.kiosk', 'wrong');
    expect((await attempt('demo.kiosk', passwordOf('demo.kiosk'))).json.Success).toBe(true);
    for (let index = 0; index < 4; index += 1) expect((await attempt('demo.kiosk', 'wrong')).json.LockedUserAccount).toBe(false);
  });

  it('asks for a new password, then changes it and logs in with ChangePassword', async () => {
    emu.setUser('demo.kiosk', { passwordExpired: true });
    expect((await attempt('demo.kiosk', passwordOf('demo.kiosk'))).json).toMatchObject({ Success: false, NewPasswordRequired: true, Message: 'Password change required.' });
    const changed = await attempt('demo.kiosk', passwordOf('demo.kiosk'), { ChangePassword: true, NewPassword: 'Fresh-Password-1' });
    expect(changed.json.Success).toBe(true);
    expect((await attempt('demo.kiosk', 'Fresh-Password-1')).json.Success).toBe(true);
    expect((await attempt('demo.kiosk', 'Demo-Kiosk-2026!')).json.Success).toBe(false);
    expect(emu.users.find((user) => user.username === 'demo.kiosk')?.password).toBe('Fresh-Password-1');
  });

  it('refuses ChangePassword for an account that is not flagged for a change', async () => {
    const answer = await attempt('demo.kiosk', passwordOf('demo.kiosk'), { ChangePassword: true, NewPassword: 'Other-1' });
    expect(answer.json.Success).toBe(false);
    expect((await attempt('demo.kiosk', passwordOf('demo.kiosk'))).json.Success).toBe(true);
  });

  it('reports MFA, desktop-client refusal, an old client version and a non-admin RequireAdmin by their flags', async () => {
    emu.setUser('demo.frontdesk', { mfa: true });
    expect((await attempt('demo.frontdesk', passwordOf('demo.frontdesk'))).json).toMatchObject({ Success: false, MfaCodeRequired: true });
    expect((await attempt('demo.kiosk', passwordOf('demo.kiosk'), { DesktopClient: true })).json).toMatchObject({ Success: false, DesktopClientDenied: true });
    expect((await attempt('demo.kiosk', passwordOf('demo.kiosk'), { RequireAdmin: true })).json).toMatchObject({ Success: false, AccessDenied: true });
    expect((await attempt('demo.admin', passwordOf('demo.admin'), { RequireAdmin: true })).json.Success).toBe(true);
    emu.configure({ login: { minApiVersion: 3 } });
    expect((await attempt('demo.kiosk', passwordOf('demo.kiosk'), { ApiVersionNumber: '2.5' })).json).toMatchObject({ Success: false, IncompatibleServiceVersion: true });
    expect((await attempt('demo.kiosk', passwordOf('demo.kiosk'), { ApiVersionNumber: 3 })).json.Success).toBe(true);
  });

  it('binds a session to its DeviceId: another device gets AccessDenied', async () => {
    const session = await login(emu);
    const answer = await post(emu, 'dataAccess/queryBranchesX', { DeviceId: 'kiosk-other', SessionId: session.sessionId });
    expect(answer.json).toMatchObject({ Success: false, AccessDenied: true, SessionExpired: false });
  });

  it('expires a session after the idle timeout, and use keeps it alive', async () => {
    const session = await login(emu);
    await emu.advanceClock(1199_000);
    expect((await session.call('dataAccess/queryBranchesX')).json.Success).toBe(true);
    await emu.advanceClock(1199_000);
    expect((await session.call('dataAccess/queryBranchesX')).json.Success).toBe(true);
    await emu.advanceClock(1200_000);
    expect((await session.call('dataAccess/queryBranchesX')).json).toMatchObject({ Success: false, SessionExpired: true, Message: 'Session has expired.' });
  });

  it('expires a session at the absolute limit however busy it is', async () => {
    emu.configure({ session: { idleTimeoutS: 600, absoluteTimeoutS: 1800 } });
    const session = await login(emu);
    for (let minutes = 0; minutes < 29; minutes += 5) {
      await emu.advanceClock(5 * 60_000);
      expect((await session.call('dataAccess/queryBranchesX')).json.Success, `${minutes + 5} min`).toBe(minutes + 5 < 30);
    }
  });

  it('answers an unknown session with SessionExpired, on HTTP 401 when switched', async () => {
    const unknown = await post(emu, 'dataAccess/queryBranchesX', { DeviceId: DEVICE, SessionId: 'b6e0c2a4-5f1d-4c7e-8a93-0d4e6f2b1c85' });
    expect(unknown.status).toBe(200);
    expect(unknown.json.SessionExpired).toBe(true);
    emu.configure({ statusMode: { sessionExpired: 401 } });
    const switched = await post(emu, 'dataAccess/queryBranchesX', { DeviceId: DEVICE });
    expect(switched.status).toBe(401);
    expect(switched.json).toMatchObject({ Success: false, SessionExpired: true });
  });

  it('keeps older sessions alive on a new login unless singlePerDevice is on', async () => {
    const first = await login(emu);
    const second = await login(emu);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect((await first.call('dataAccess/queryBranchesX')).json.Success).toBe(true);
    emu.configure({ session: { singlePerDevice: true } });
    const third = await login(emu);
    expect((await first.call('dataAccess/queryBranchesX')).json.SessionExpired).toBe(true);
    expect((await second.call('dataAccess/queryBranchesX')).json.SessionExpired).toBe(true);
    expect((await third.call('dataAccess/queryBranchesX')).json.Success).toBe(true);
  });

  it('logs out idempotently: unknown and already ended sessions still succeed', async () => {
    const session = await login(emu);
    expect((await session.call('session/logout')).json.Success).toBe(true);
    expect((await session.call('session/logout')).json.Success).toBe(true);
    expect((await post(emu, 'session/logout', { DeviceId: DEVICE, SessionId: 'not-a-session' })).json.Success).toBe(true);
    expect((await session.call('dataAccess/queryBranchesX')).json.SessionExpired).toBe(true);
  });

  it('expires one session or all of them through the control', async () => {
    const first = await login(emu);
    const second = await login(emu, 'demo.admin');
    expect(emu.expireSessions(first.sessionId)).toBe(1);
    expect((await first.call('dataAccess/queryBranchesX')).json.SessionExpired).toBe(true);
    expect((await second.call('dataAccess/queryBranchesX')).json.Success).toBe(true);
    expect(emu.expireSessions()).toBe(1);
    expect((await second.call('dataAccess/queryBranchesX')).json.SessionExpired).toBe(true);
  });
});
