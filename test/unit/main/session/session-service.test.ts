import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionView } from '../../../../preload/contract';
import { SESSION_STATE_FILE } from '../../../../main/session/session-state-file';
import { TrustIdError } from '../../../../main/trustid';
import { addStaff, failure, sessionHarness } from './session-fixture';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const JANE = { username: 'jane.doe', password: 'Correct-Horse-1' };

function auditActions(h: ReturnType<typeof sessionHarness>): string[] {
  return h.store.audit.list().map((r) => r.action);
}

describe('session service: shared mode', () => {
  it('signs a staff member in with their PIN, under the kiosk account, and tells the app', async () => {
    const h = sessionHarness();
    const id = await addStaff(h, 'Ada Front', '2468');
    const view = await h.session.signIn({ method: 'local', staffId: id, pin: '2468' });
    expect(view).toMatchObject({ state: 'signed-in', accountMode: 'shared', staff: { id, displayName: 'Ada Front', role: 'staff' }, admin: false });
    expect(SessionView.parse(view)).toEqual(view);
    expect(h.session.current()).toEqual({ staffId: id, displayName: 'Ada Front', accountId: 'kiosk', admin: false });
    expect(h.views.at(-1)).toEqual(view);
    expect(auditActions(h)).toContain('staff.sign-in');
  });

  it('counts wrong PINs, locks the account naming when to try again, and lets the right PIN in once the lock ends', async () => {
    const h = sessionHarness();
    h.store.settings.update({ staff: { maxPinAttempts: 3, lockoutMinutes: 10 } }, 'system');
    const id = await addStaff(h, 'Ada Front', '2468');
    const first = await failure(h.session.signIn({ method: 'local', staffId: id, pin: '1111' }));
    expect(first).toMatchObject({ code: 'session.wrong-pin', message: expect.stringContaining('2 more wrong attempts') });
    await failure(h.session.signIn({ method: 'local', staffId: id, pin: '1111' }));
    const locked = await failure(h.session.signIn({ method: 'local', staffId: id, pin: '1111' }));
    expect(locked).toMatchObject({ code: 'session.locked-account', message: expect.stringContaining('in 10 minutes') });
    const stillLocked = await failure(h.session.signIn({ method: 'local', staffId: id, pin: '2468' }));
    expect(stillLocked.code).toBe('session.locked-account');
    h.clock.advance(10 * MIN);
    expect((await h.session.signIn({ method: 'local', staffId: id, pin: '2468' })).state).toBe('signed-in');
    expect(auditActions(h)).toContain('staff.locked-out');
  });

  it('never locks a person out for wrong PINs from many sources, and slows each source down instead', async () => {
    const h = sessionHarness();
    h.store.settings.update({ staff: { maxPinAttempts: 3, lockoutMinutes: 10 } }, 'system');
    const id = await addStaff(h, 'Ada Front', '2468');
    const [listed] = h.session.staffDirectory();
    // A stranger guesses from a fresh socket each time, twice per socket (under the per-person limit).
    for (let socket = 0; socket < 10; socket++) {
      for (let i = 0; i < 2; i++) expect((await failure(h.session.signIn({ method: 'local', staffId: listed!.id, pin: '1111' }, `ws:${socket}`))).code).toBe('session.wrong-pin');
    }
    expect(h.store.staff.get(id)?.lockedUntil).toBeNull();
    // Ada, at the desk in her own window, still gets in.
    expect((await h.session.signIn({ method: 'local', staffId: listed!.id, pin: '2468' }, 'electron:window-1')).state).toBe('signed-in');
  });

  it('locks the person for repeated wrong PINs from one source, and delays that source after its free tries', async () => {
    const h = sessionHarness();
    h.store.settings.update({ staff: { maxPinAttempts: 3, lockoutMinutes: 10 } }, 'system');
    const ada = await addStaff(h, 'Ada Front', '2468');
    const bea = await addStaff(h, 'Bea Desk', '1357');
    const handle = (name: string) => h.session.staffDirectory().find((s) => s.displayName === name)!.id;
    for (let i = 0; i < 2; i++) await failure(h.session.signIn({ method: 'local', staffId: handle('Ada Front'), pin: '1111' }, 'ws:1'));
    const locked = await failure(h.session.signIn({ method: 'local', staffId: handle('Ada Front'), pin: '1111' }, 'ws:1'));
    expect(locked.code).toBe('session.locked-account');
    expect(h.store.staff.get(ada)?.lockedUntil).toBe(h.clock.now() + 10 * MIN);
    // Three wrong tries were free; the next wrong one (another person) costs this source 2 s …
    expect((await failure(h.session.signIn({ method: 'local', staffId: handle('Bea Desk'), pin: '0000' }, 'ws:1'))).code).toBe('session.wrong-pin');
    const slow = await failure(h.session.signIn({ method: 'local', staffId: handle('Bea Desk'), pin: '1357' }, 'ws:1'));
    expect(slow).toMatchObject({ code: 'session.slow-down', message: expect.stringContaining('2 seconds') });
    // … even for the right PIN, while another source is not held up; after the wait it works.
    h.clock.advance(2_000);
    expect((await h.session.signIn({ method: 'local', staffId: handle('Bea Desk'), pin: '1357' }, 'ws:1')).staff?.id).toBe(bea);
    expect(h.store.staff.get(bea)?.lockedUntil).toBeNull();
  });

  it('slows every source together after many wrong PINs, without locking anyone', async () => {
    const h = sessionHarness();
    h.store.settings.update({ staff: { maxPinAttempts: 5, lockoutMinutes: 10 } }, 'system');
    const id = await addStaff(h, 'Ada Front', '2468');
    const [listed] = h.session.staffDirectory();
    for (let socket = 0; socket < 30; socket++) await failure(h.session.signIn({ method: 'local', staffId: listed!.id, pin: '1111' }, `ws:${socket}`));
    await failure(h.session.signIn({ method: 'local', staffId: listed!.id, pin: '1111' }, 'ws:30'));
    expect((await failure(h.session.signIn({ method: 'local', staffId: listed!.id, pin: '2468' }, 'ws:31'))).code).toBe('session.slow-down');
    h.clock.advance(1_000);
    expect((await h.session.signIn({ method: 'local', staffId: listed!.id, pin: '2468' }, 'ws:31')).staff?.id).toBe(id);
  });

  it('never locks the admin PIN for wrong guesses spread over many sources; one source still locks it', async () => {
    const h = sessionHarness();
    await h.session.setAdminPin({ newPin: '7294' });
    h.store.settings.update({ staff: { maxPinAttempts: 3, lockoutMinutes: 10 } }, 'system');
    for (let socket = 0; socket < 8; socket++) {
      for (let i = 0; i < 2; i++) expect((await failure(h.session.elevate('1111', `ws:${socket}`))).code).toBe('session.wrong-pin');
    }
    expect((await h.session.elevate('7294', 'ws:admin')).admin).toBe(true);
    h.session.signOut();
    for (let i = 0; i < 2; i++) await failure(h.session.elevate('1111', 'ws:x'));
    expect((await failure(h.session.elevate('1111', 'ws:x'))).code).toBe('session.admin-pin-locked');
    expect((await failure(h.session.elevate('7294', 'ws:other'))).code).toBe('session.admin-pin-locked');
    h.clock.advance(10 * MIN);
    expect((await h.session.elevate('7294', 'ws:other')).admin).toBe(true);
  });

  it('slows down admin PIN guesses from one source', async () => {
    const h = sessionHarness();
    await h.session.setAdminPin({ newPin: '7294' });
    h.store.settings.update({ staff: { maxPinAttempts: 10, lockoutMinutes: 10 } }, 'system');
    for (let i = 0; i < 4; i++) expect((await failure(h.session.elevate('1111', 'ws:9'))).code).toBe('session.wrong-pin');
    expect((await failure(h.session.elevate('7294', 'ws:9'))).code).toBe('session.slow-down');
    expect((await h.session.elevate('7294', 'ws:10')).admin).toBe(true);
  });

  it('refuses an unknown and a switched-off account in the same words', async () => {
    const h = sessionHarness();
    const id = await addStaff(h, 'Ada Front', '2468');
    h.store.staff.setDisabled(id, true, 'system');
    const off = await failure(h.session.signIn({ method: 'local', staffId: id, pin: '2468' }));
    const unknown = await failure(h.session.signIn({ method: 'local', staffId: 'no-such-id', pin: '2468' }));
    expect(off).toEqual(unknown);
    expect(off.code).toBe('session.unknown-staff');
    expect(h.session.view().state).toBe('signed-out');
  });

  it('refuses a second sign-in while someone is signed in', async () => {
    const h = sessionHarness();
    const a = await addStaff(h, 'Ada Front', '2468');
    const b = await addStaff(h, 'Bea Desk', '1357');
    await h.session.signIn({ method: 'local', staffId: a, pin: '2468' });
    expect((await failure(h.session.signIn({ method: 'local', staffId: b, pin: '1357' }))).code).toBe('session.already-signed-in');
    expect(h.session.current()?.staffId).toBe(a);
  });

  it('refuses the other mode’s way of signing in', async () => {
    const shared = sessionHarness();
    expect((await failure(shared.session.signIn({ method: 'trustid', ...JANE }))).code).toBe('session.wrong-mode');
    expect(shared.trustid.calls).toEqual([]);
    const personal = sessionHarness({ mode: 'personal' });
    const id = await addStaff(personal, 'Ada Front', '2468');
    expect((await failure(personal.session.signIn({ method: 'local', staffId: id, pin: '2468' }))).code).toBe('session.wrong-mode');
  });

  it('lists active local accounts for the name picker, and no names at all in personal mode', async () => {
    const h = sessionHarness();
    const a = await addStaff(h, 'Ada Front', '2468');
    const b = await addStaff(h, 'Bea Desk', '1357');
    h.store.staff.setDisabled(b, true, 'system');
    // Names only, under an opaque handle rather than the staff id (signed-out clients see this).
    const listed = h.session.staffDirectory();
    expect(listed).toEqual([{ id: expect.any(String), displayName: 'Ada Front' }]);
    expect(listed[0]!.id).not.toBe(a);
    expect((await h.session.signIn({ method: 'local', staffId: listed[0]!.id, pin: '2468' })).staff?.id).toBe(a);
    h.session.signOut();
    h.store.settings.update({ staff: { accountMode: 'personal' } }, 'system');
    expect(h.session.staffDirectory()).toEqual([]);
  });
});

describe('session service: personal mode', () => {
  it('checks the password with TrustID and keeps it sealed as the person’s own account, which their captures sync under', async () => {
    const h = sessionHarness({ mode: 'personal' });
    const view = await h.session.signIn({ method: 'trustid', ...JANE });
    expect(view).toMatchObject({ state: 'signed-in', accountMode: 'personal', staff: { displayName: 'jane.doe', role: 'staff' }, offlinePinSet: false });
    const current = h.session.current()!;
    const account = h.store.accounts.forStaff(current.staffId!)!;
    expect(current.accountId).toBe(account.id);
    expect(current.accountId).not.toBe('kiosk');
    expect(h.store.accounts.credentials(account.id)).toEqual({ username: 'jane.doe', password: JANE.password });
    expect(h.store.staff.get(current.staffId!)?.name).toBe('TrustID: jane.doe');
    expect(h.trustid.calls).toEqual([{ username: 'jane.doe', hasNewPassword: false }]);
  });

  it('signs the same person in as the same staff member and account whatever the case of the user name', async () => {
    const h = sessionHarness({ mode: 'personal' });
    await h.session.signIn({ method: 'trustid', ...JANE });
    const first = h.session.current()!;
    h.session.signOut();
    await h.session.signIn({ method: 'trustid', username: '  Jane.Doe ', password: JANE.password });
    expect(h.session.current()).toMatchObject({ staffId: first.staffId, accountId: first.accountId });
    expect(h.store.staff.list()).toHaveLength(1);
  });

  it('turns each TrustID refusal into its own code and keeps nothing when TrustID says no', async () => {
    const h = sessionHarness({ mode: 'personal' });
    expect((await failure(h.session.signIn({ method: 'trustid', username: 'jane.doe', password: 'wrong-one' }))).code).toBe('session.invalid-credentials');
    for (const [kind, code] of [
      ['locked-account', 'session.locked-account'],
      ['mfa-required', 'session.mfa-required'],
      ['network', 'session.offline'],
      ['timeout', 'session.offline'],
    ] as const) {
      h.trustid.failWith = kind;
      expect((await failure(h.session.signIn({ method: 'trustid', ...JANE }))).code).toBe(code);
    }
    expect(h.store.staff.list()).toEqual([]);
    expect(h.store.accounts.list().filter((a) => a.kind === 'personal')).toEqual([]);
    expect(h.session.view().state).toBe('signed-out');
    expect(h.store.audit.list().filter((r) => r.action === 'staff.sign-in-failed').map((r) => r.detail.reason)).toEqual([
      'session.invalid-credentials',
      'session.locked-account',
      'session.mfa-required',
      'session.offline',
      'session.offline',
    ]);
  });

  it('asks for a new password when TrustID requires one, and keeps the new one for sync', async () => {
    const h = sessionHarness({ mode: 'personal' });
    h.trustid.mustChange.add('jane.doe');
    expect((await failure(h.session.signIn({ method: 'trustid', ...JANE }))).code).toBe('session.password-change-required');
    const view = await h.session.signIn({ method: 'trustid-change-password', ...JANE, newPassword: 'Battery-Staple-2' });
    expect(view.state).toBe('signed-in');
    expect(h.store.accounts.credentials(h.session.current()!.accountId)?.password).toBe('Battery-Staple-2');
    expect(h.trustid.calls.at(-1)).toEqual({ username: 'jane.doe', hasNewPassword: true });
  });

  it('refuses a switched-off person without asking TrustID', async () => {
    const h = sessionHarness({ mode: 'personal' });
    await h.session.signIn({ method: 'trustid', ...JANE });
    const id = h.session.current()!.staffId!;
    h.session.signOut();
    h.store.staff.setDisabled(id, true, 'system');
    const calls = h.trustid.calls.length;
    expect((await failure(h.session.signIn({ method: 'trustid', ...JANE }))).code).toBe('session.unknown-staff');
    expect(h.trustid.calls).toHaveLength(calls);
  });

  it('signs in with the offline PIN after an online sign-in set it, under the same account', async () => {
    const h = sessionHarness({ mode: 'personal' });
    expect((await failure(h.session.signIn({ method: 'offline-pin', username: 'jane.doe', pin: '4826' }))).code).toBe('session.no-offline-pin');
    await h.session.signIn({ method: 'trustid', ...JANE });
    const online = h.session.current()!;
    expect((await h.session.setOfflinePin('4826')).offlinePinSet).toBe(true);
    h.session.signOut();
    h.trustid.failWith = 'network';
    h.setOnline(false);
    const view = await h.session.signIn({ method: 'offline-pin', username: 'JANE.DOE', pin: '4826' });
    expect(view).toMatchObject({ state: 'signed-in', online: false, offlinePinSet: true, staff: { id: online.staffId } });
    expect(h.session.current()?.accountId).toBe(online.accountId);
    expect(auditActions(h)).toContain('session.offline-pin-set');
  });

  it('never locks an offline PIN for wrong guesses spread over many sources; one source still locks it', async () => {
    const h = sessionHarness({ mode: 'personal' });
    h.store.settings.update({ staff: { maxPinAttempts: 3, lockoutMinutes: 10 } }, 'system');
    await h.session.signIn({ method: 'trustid', ...JANE });
    await h.session.setOfflinePin('4826');
    h.session.signOut();
    const guess = (pin: string, source: string) => h.session.signIn({ method: 'offline-pin', username: 'jane.doe', pin }, source);
    for (let socket = 0; socket < 6; socket++) {
      for (let i = 0; i < 2; i++) expect((await failure(guess('1111', `ws:${socket}`))).code).toBe('session.wrong-pin');
    }
    expect((await guess('4826', 'ws:jane')).state).toBe('signed-in');
    h.session.signOut();
    for (let i = 0; i < 2; i++) await failure(guess('1111', 'ws:x'));
    expect((await failure(guess('1111', 'ws:x'))).code).toBe('session.locked-account');
    expect((await failure(guess('4826', 'ws:jane'))).code).toBe('session.locked-account');
    expect(auditActions(h)).toContain('staff.locked-out');
  });

  it('lets the offline PIN expire 14 days after the last online sign-in, and an online sign-in renews it', async () => {
    const h = sessionHarness({ mode: 'personal' });
    await h.session.signIn({ method: 'trustid', ...JANE });
    await h.session.setOfflinePin('4826');
    h.session.signOut();
    h.clock.advance(14 * DAY);
    expect((await h.session.signIn({ method: 'offline-pin', username: 'jane.doe', pin: '4826' })).state).toBe('signed-in');
    h.session.signOut();
    h.clock.advance(1);
    const expired = await failure(h.session.signIn({ method: 'offline-pin', username: 'jane.doe', pin: '4826' }));
    expect(expired).toMatchObject({ code: 'session.offline-pin-expired', message: expect.stringContaining('14 days') });
    await h.session.signIn({ method: 'trustid', ...JANE });
    h.session.signOut();
    expect((await h.session.signIn({ method: 'offline-pin', username: 'jane.doe', pin: '4826' })).state).toBe('signed-in');
  });

  it('honours a shorter offline PIN lifetime when configured', async () => {
    const h = sessionHarness({ mode: 'personal', deps: { offlinePinDays: 2 } });
    await h.session.signIn({ method: 'trustid', ...JANE });
    await h.session.setOfflinePin('4826');
    h.session.signOut();
    h.clock.advance(2 * DAY + 1);
    expect((await failure(h.session.signIn({ method: 'offline-pin', username: 'jane.doe', pin: '4826' }))).code).toBe('session.offline-pin-expired');
  });

  it('locks the offline PIN after too many wrong tries, across a restart, until the lockout ends', async () => {
    const h = sessionHarness({ mode: 'personal' });
    h.store.settings.update({ staff: { maxPinAttempts: 3, lockoutMinutes: 5 } }, 'system');
    await h.session.signIn({ method: 'trustid', ...JANE });
    await h.session.setOfflinePin('4826');
    h.session.signOut();
    const tries = [];
    for (let i = 0; i < 3; i++) tries.push((await failure(h.session.signIn({ method: 'offline-pin', username: 'jane.doe', pin: '0000' }))).code);
    expect(tries).toEqual(['session.wrong-pin', 'session.wrong-pin', 'session.locked-account']);
    const restarted = h.restart();
    expect((await failure(restarted.signIn({ method: 'offline-pin', username: 'jane.doe', pin: '4826' }))).code).toBe('session.locked-account');
    h.clock.advance(5 * MIN);
    expect((await restarted.signIn({ method: 'offline-pin', username: 'jane.doe', pin: '4826' })).state).toBe('signed-in');
    expect(auditActions(h)).toContain('staff.locked-out');
  });

  it('offers the offline PIN to personal accounts only', async () => {
    const h = sessionHarness();
    const id = await addStaff(h, 'Ada Front', '2468');
    await h.session.signIn({ method: 'local', staffId: id, pin: '2468' });
    expect((await failure(h.session.setOfflinePin('4826'))).code).toBe('session.offline-pin-personal-only');
  });

  it('keeps personal sign-in rows out of the shared name picker until an administrator gives them a PIN', async () => {
    const h = sessionHarness({ mode: 'personal' });
    await h.session.signIn({ method: 'trustid', ...JANE });
    const id = h.session.current()!.staffId!;
    h.session.signOut();
    h.store.settings.update({ staff: { accountMode: 'shared' } }, 'system');
    expect(h.session.staffDirectory()).toEqual([]);
    expect((await failure(h.session.signIn({ method: 'local', staffId: id, pin: '123456789012' }))).code).toBe('session.unknown-staff');
    await h.session.setAdminPin({ newPin: '7350' });
    await h.session.elevate('7350');
    expect(h.session.staffList()).toEqual([{ id, displayName: 'TrustID: jane.doe', role: 'staff', active: true, pinSet: false }]);
    await h.session.staffSave({ id, displayName: 'TrustID: jane.doe', role: 'staff', active: true, pin: '5083' });
    expect(h.session.staffDirectory()).toEqual([{ id: expect.any(String), displayName: 'TrustID: jane.doe' }]);
  });
});

describe('session service: lock', () => {
  it('keeps who is signed in while locked, hides them from current(), and the same PIN unlocks', async () => {
    const h = sessionHarness();
    const id = await addStaff(h, 'Ada Front', '2468');
    await h.session.signIn({ method: 'local', staffId: id, pin: '2468' });
    const locked = h.session.lock();
    expect(locked).toMatchObject({ state: 'locked', staff: { id, displayName: 'Ada Front' }, admin: false });
    expect(h.session.current()).toBeNull();
    expect((await failure(h.session.unlock({ pin: '9999' }))).code).toBe('session.wrong-pin');
    const unlocked = await h.session.unlock({ pin: '2468' });
    expect(unlocked.state).toBe('signed-in');
    expect(h.session.current()).toMatchObject({ staffId: id, accountId: 'kiosk' });
    expect(auditActions(h)).toEqual(expect.arrayContaining(['kiosk.locked', 'kiosk.unlocked']));
  });

  it('makes anyone else sign the locked session out first, and then the screen belongs to nobody', async () => {
    const h = sessionHarness();
    const a = await addStaff(h, 'Ada Front', '2468');
    const b = await addStaff(h, 'Bea Desk', '1357');
    await h.session.signIn({ method: 'local', staffId: a, pin: '2468' });
    h.session.lock();
    expect((await failure(h.session.unlock({ pin: '1357' }))).code).toBe('session.wrong-pin');
    expect(h.session.authorize('session.signIn')?.code).toBe('session.locked');
    const out = h.session.signOut();
    expect(out).toMatchObject({ state: 'signed-out', staff: null });
    expect(h.store.audit.list().filter((r) => r.action === 'staff.sign-out').map((r) => [r.actor, r.detail.fromLock])).toEqual([[a, true]]);
    await h.session.signIn({ method: 'local', staffId: b, pin: '1357' });
    expect(h.session.current()?.staffId).toBe(b);
  });

  it('counts wrong PINs at the lock screen toward the account lockout', async () => {
    const h = sessionHarness();
    h.store.settings.update({ staff: { maxPinAttempts: 2, lockoutMinutes: 5 } }, 'system');
    const a = await addStaff(h, 'Ada Front', '2468');
    await h.session.signIn({ method: 'local', staffId: a, pin: '2468' });
    h.session.lock();
    await failure(h.session.unlock({ pin: '0000' }));
    expect((await failure(h.session.unlock({ pin: '0000' }))).code).toBe('session.locked-account');
    expect((await failure(h.session.unlock({ pin: '2468' }))).code).toBe('session.locked-account');
    expect(h.session.view().state).toBe('locked');
  });

  it('unlocks a personal session with the offline PIN, or the password checked with TrustID', async () => {
    const h = sessionHarness({ mode: 'personal' });
    await h.session.signIn({ method: 'trustid', ...JANE });
    await h.session.setOfflinePin('4826');
    h.session.lock();
    expect((await h.session.unlock({ pin: '4826' })).state).toBe('signed-in');
    h.session.lock();
    const calls = h.trustid.calls.length;
    expect((await failure(h.session.unlock({ password: 'not-it' }))).code).toBe('session.wrong-pin');
    expect((await h.session.unlock({ password: JANE.password })).state).toBe('signed-in');
    expect(h.trustid.calls.length).toBe(calls + 2);
  });

  it('unlocks with the password kept for sync when TrustID cannot be reached', async () => {
    const h = sessionHarness({ mode: 'personal' });
    await h.session.signIn({ method: 'trustid', ...JANE });
    h.session.lock();
    h.trustid.failWith = 'network';
    expect((await failure(h.session.unlock({ password: 'not-it' }))).code).toBe('session.wrong-pin');
    expect((await h.session.unlock({ password: JANE.password })).state).toBe('signed-in');
    h.session.lock();
    h.setOnline(false);
    const calls = h.trustid.calls.length;
    expect((await h.session.unlock({ password: JANE.password })).state).toBe('signed-in');
    expect(h.trustid.calls.length).toBe(calls);
  });

  it('lets TrustID’s answer unlock past a local lockout, while offline the lockout holds for the password too', async () => {
    const h = sessionHarness({ mode: 'personal' });
    h.store.settings.update({ staff: { maxPinAttempts: 2, lockoutMinutes: 5 } }, 'system');
    await h.session.signIn({ method: 'trustid', ...JANE });
    await h.session.setOfflinePin('4826');
    h.session.lock();
    await failure(h.session.unlock({ pin: '0000' }));
    const locked = await failure(h.session.unlock({ pin: '0000' }));
    expect(locked).toMatchObject({ code: 'session.locked-account', message: expect.stringContaining('TrustID password') });
    h.setOnline(false);
    expect((await failure(h.session.unlock({ password: JANE.password }))).code).toBe('session.locked-account');
    h.setOnline(true);
    expect((await h.session.unlock({ password: JANE.password })).state).toBe('signed-in');
    h.session.lock();
    expect((await h.session.unlock({ pin: '4826' })).state).toBe('signed-in');
  });

  it('follows a password changed elsewhere: TrustID’s answer wins and the kept copy is updated', async () => {
    const h = sessionHarness({ mode: 'personal' });
    await h.session.signIn({ method: 'trustid', ...JANE });
    h.session.lock();
    h.trustid.passwords.set('jane.doe', 'Changed-Elsewhere-3');
    expect((await failure(h.session.unlock({ password: JANE.password }))).code).toBe('session.wrong-pin');
    expect((await h.session.unlock({ password: 'Changed-Elsewhere-3' })).state).toBe('signed-in');
    expect(h.store.accounts.credentials(h.session.current()!.accountId)?.password).toBe('Changed-Elsewhere-3');
  });

  it('does not unlock a session that was signed out while the password was being checked', async () => {
    let release!: () => void;
    const h = sessionHarness({ mode: 'personal' });
    await h.session.signIn({ method: 'trustid', ...JANE });
    h.session.lock();
    let reached!: () => void;
    const atTrustId = new Promise<void>((resolve) => (reached = resolve));
    h.trustid.verify = () => {
      reached();
      return new Promise<void>((resolve) => (release = resolve));
    };
    const pending = h.session.unlock({ password: JANE.password });
    await atTrustId;
    h.session.signOut();
    release();
    expect((await failure(pending)).code).toBe('session.changed');
    expect(h.session.view().state).toBe('signed-out');
  });

  it('ends admin rights from the admin PIN at lock, but not those of an admin account', async () => {
    const h = sessionHarness();
    const admin = await addStaff(h, 'Ada Admin', '2468', 'admin');
    const staff = await addStaff(h, 'Bea Desk', '1357');
    // An admin account exists, so this is not a first run: the admin account sets the PIN.
    await h.session.signIn({ method: 'local', staffId: admin, pin: '2468' });
    await h.session.setAdminPin({ newPin: '7350' });
    h.session.lock();
    expect((await h.session.unlock({ pin: '2468' })).admin).toBe(true);
    h.session.signOut();
    await h.session.signIn({ method: 'local', staffId: staff, pin: '1357' });
    expect((await h.session.elevate('7350')).admin).toBe(true);
    h.session.lock();
    expect((await h.session.unlock({ pin: '1357' })).admin).toBe(false);
  });
});

describe('session service: admin', () => {
  it('lets the first administrator set the admin PIN once, signed out, then create staff with it', async () => {
    const h = sessionHarness();
    expect(h.session.view()).toMatchObject({ adminPinSet: false, admin: false });
    expect(h.session.authorize('session.setAdminPin')).toBeNull();
    expect(h.session.authorize('staff.save')?.code).toBe('session.admin-required');
    expect((await h.session.setAdminPin({ newPin: '7350' })).adminPinSet).toBe(true);
    expect(h.session.authorize('session.setAdminPin')?.code).toBe('session.admin-required');
    expect((await failure(h.session.setAdminPin({ newPin: '2580' }))).code).toBe('session.current-pin-required');
    expect((await h.session.elevate('7350')).admin).toBe(true);
    expect(h.session.authorize('staff.save')).toBeNull();
    expect(h.session.authorize('capture.start')?.code).toBe('session.signed-out');
    const saved = await h.session.staffSave({ displayName: 'Ada Front', role: 'admin', active: true, pin: '2468' });
    expect(saved).toMatchObject({ displayName: 'Ada Front', role: 'admin', active: true, pinSet: true });
    expect(h.store.audit.list().find((r) => r.action === 'staff.created')?.actor).toBe('admin-pin');
    expect(h.store.audit.list().find((r) => r.action === 'session.admin-pin-set')?.detail).toEqual({ first: true });
  });

  it('is no first run once an administrator account exists: only that account may set the PIN without the old one', async () => {
    const h = sessionHarness();
    const admin = await addStaff(h, 'Ada Admin', '2468', 'admin');
    const staff = await addStaff(h, 'Bea Desk', '1357');
    expect(h.session.authorize('session.setAdminPin')?.code).toBe('session.admin-required');
    expect((await failure(h.session.setAdminPin({ newPin: '7350' }))).code).toBe('session.admin-required');
    await h.session.signIn({ method: 'local', staffId: staff, pin: '1357' });
    expect((await failure(h.session.setAdminPin({ newPin: '7350' }))).code).toBe('session.admin-required');
    h.session.signOut();
    await h.session.signIn({ method: 'local', staffId: admin, pin: '2468' });
    expect((await h.session.setAdminPin({ newPin: '7350' })).adminPinSet).toBe(true);
    // A forgotten admin PIN: the administrator's own account resets it.
    expect((await h.session.setAdminPin({ newPin: '8642' })).adminPinSet).toBe(true);
    h.session.signOut();
    await h.session.signIn({ method: 'local', staffId: staff, pin: '1357' });
    expect((await failure(h.session.elevate('7350'))).code).toBe('session.wrong-pin');
    expect((await h.session.elevate('8642')).admin).toBe(true);
  });

  it('changes the admin PIN with the current one, counting wrong ones', async () => {
    const h = sessionHarness();
    await h.session.setAdminPin({ newPin: '7350' });
    await h.session.elevate('7350');
    expect((await failure(h.session.setAdminPin({ currentPin: '1234', newPin: '5083' }))).code).toBe('session.wrong-pin');
    await h.session.setAdminPin({ currentPin: '7350', newPin: '5083' });
    h.session.signOut();
    expect((await failure(h.session.elevate('7350'))).code).toBe('session.wrong-pin');
    expect((await h.session.elevate('5083')).admin).toBe(true);
  });

  it('locks the admin PIN after too many wrong tries, across a restart, until the lockout ends', async () => {
    const h = sessionHarness();
    h.store.settings.update({ staff: { maxPinAttempts: 3, lockoutMinutes: 15 } }, 'system');
    await h.session.setAdminPin({ newPin: '7350' });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await failure(h.session.elevate('0000'))).code);
    expect(codes).toEqual(['session.wrong-pin', 'session.wrong-pin', 'session.admin-pin-locked']);
    const restarted = h.restart();
    expect(await failure(restarted.elevate('7350'))).toMatchObject({ code: 'session.admin-pin-locked', message: expect.stringContaining('in 15 minutes') });
    h.clock.advance(15 * MIN);
    expect((await restarted.elevate('7350')).admin).toBe(true);
    expect(auditActions(h)).toContain('session.admin-pin-locked-out');
  });

  it('refuses elevation before any admin PIN exists', async () => {
    const h = sessionHarness();
    expect((await failure(h.session.elevate('7350'))).code).toBe('session.no-admin-pin');
  });

  it('keeps admin rights from the PIN for this sign-in only', async () => {
    const h = sessionHarness();
    await h.session.setAdminPin({ newPin: '7350' });
    const id = await addStaff(h, 'Bea Desk', '1357');
    await h.session.signIn({ method: 'local', staffId: id, pin: '1357' });
    expect(h.session.authorize('settings.update')?.code).toBe('session.admin-required');
    await h.session.elevate('7350');
    expect(h.session.authorize('settings.update')).toBeNull();
    expect(h.session.current()?.admin).toBe(true);
    h.session.signOut();
    await h.session.signIn({ method: 'local', staffId: id, pin: '1357' });
    expect(h.session.current()?.admin).toBe(false);
  });

  it('closes an admin PIN session on a signed-out screen after the idle time without use, and keeps it open while used', async () => {
    const h = sessionHarness();
    await h.session.setAdminPin({ newPin: '7350' });
    await h.session.elevate('7350');
    h.clock.advance(170_000);
    expect(h.session.authorize('settings.update')).toBeNull();
    h.clock.advance(170_000);
    expect(h.session.authorize('settings.update')).toBeNull();
    h.clock.advance(180_000);
    expect(h.session.authorize('settings.update')?.code).toBe('session.admin-required');
    expect(h.session.view().admin).toBe(false);
  });

  it('drops a signed-out admin PIN session at lock, sign-out or a sign-in', async () => {
    const h = sessionHarness();
    await h.session.setAdminPin({ newPin: '7350' });
    const id = await addStaff(h, 'Bea Desk', '1357');
    await h.session.elevate('7350');
    expect(h.session.lock().admin).toBe(false);
    await h.session.elevate('7350');
    expect(h.session.signOut().admin).toBe(false);
    await h.session.elevate('7350');
    expect((await h.session.signIn({ method: 'local', staffId: id, pin: '1357' })).admin).toBe(false);
  });

  it('edits staff: role, switched off, new PIN; refuses a rename and leaving nobody able to administer', async () => {
    const h = sessionHarness();
    const admin = await addStaff(h, 'Ada Admin', '2468', 'admin');
    const staff = await addStaff(h, 'Bea Desk', '1357');
    await h.session.signIn({ method: 'local', staffId: admin, pin: '2468' });
    expect(await h.session.staffSave({ id: staff, displayName: 'Bea Desk', role: 'admin', active: false })).toMatchObject({ role: 'admin', active: false });
    expect((await failure(h.session.staffSave({ id: staff, displayName: 'Bea Front', role: 'admin', active: false }))).code).toBe('session.rename-unavailable');
    expect((await failure(h.session.staffSave({ id: admin, displayName: 'Ada Admin', role: 'staff', active: true }))).code).toBe('session.last-admin');
    expect((await failure(h.session.staffSave({ displayName: 'Cy New', role: 'staff', active: true }))).code).toBe('session.pin-required');
    await h.session.staffSave({ id: staff, displayName: 'Bea Desk', role: 'staff', active: true, pin: '9753' });
    h.session.signOut();
    expect((await h.session.signIn({ method: 'local', staffId: staff, pin: '9753' })).state).toBe('signed-in');
  });

  it('tells the app when the signed-in person’s own role changes', async () => {
    const h = sessionHarness();
    await h.session.setAdminPin({ newPin: '7350' });
    const id = await addStaff(h, 'Bea Desk', '1357');
    await h.session.signIn({ method: 'local', staffId: id, pin: '1357' });
    await h.session.elevate('7350');
    await h.session.staffSave({ id, displayName: 'Bea Desk', role: 'admin', active: true });
    expect(h.views.at(-1)?.staff?.role).toBe('admin');
  });

  it('refuses staff administration to anyone without admin rights, even when called inside main', async () => {
    const h = sessionHarness();
    await h.session.setAdminPin({ newPin: '7350' });
    expect(() => h.session.staffList()).toThrow(expect.objectContaining({ code: 'session.admin-required' }));
    expect((await failure(h.session.staffSave({ displayName: 'Cy New', role: 'admin', active: true, pin: '1111' }))).code).toBe('session.admin-required');
  });
});

describe('session service: demo and the view', () => {
  it('seeds the demo receptionist and administrator once, and they sign in with the demo PINs', async () => {
    const h = sessionHarness({ demo: true });
    await h.session.ready();
    await h.restart().ready();
    const names = h.store.staff.list().map((s) => [s.name, s.role]);
    expect(names).toEqual([
      ['Demo Administrator', 'admin'],
      ['Demo Receptionist', 'staff'],
    ]);
    const [admin, receptionist] = h.session.staffDirectory();
    expect((await h.session.signIn({ method: 'local', staffId: receptionist!.id, pin: '1234' })).admin).toBe(false);
    h.session.signOut();
    expect((await h.session.signIn({ method: 'local', staffId: admin!.id, pin: '9999' })).admin).toBe(true);
  });

  it('reports the idle times, with at least 20 seconds to answer the warning, and whether TrustID is reachable', () => {
    const h = sessionHarness({ deps: { idle: () => ({ timeoutSeconds: 300, warningSeconds: 5 }) } });
    expect(h.session.view()).toMatchObject({ idleTimeoutSeconds: 300, idleWarningSeconds: 20, online: true });
    h.setOnline(false);
    h.session.refresh();
    expect(h.views.at(-1)?.online).toBe(false);
  });

  it('refuses to keep an admin PIN without a key, saying why', async () => {
    const { noCustody } = await import('../../../../main/store/key-custody');
    const h = sessionHarness({ deps: { custody: () => noCustody('This computer offers no key store.') } });
    expect(await failure(h.session.setAdminPin({ newPin: '7350' }))).toMatchObject({ code: 'session.no-key', message: expect.stringContaining('no key store') });
    expect(h.session.view().adminPinSet).toBe(false);
  });

  it('answers the guard from the session state', async () => {
    const h = sessionHarness();
    const id = await addStaff(h, 'Bea Desk', '1357');
    expect(h.session.authorize('capture.start')?.code).toBe('session.signed-out');
    expect(h.session.authorize('staff.directory')).toBeNull();
    await h.session.signIn({ method: 'local', staffId: id, pin: '1357' });
    expect(h.session.authorize('capture.start')).toBeNull();
    expect(h.session.authorize('queue.discard')?.code).toBe('session.admin-required');
    h.session.lock();
    expect(h.session.authorize('capture.get')?.code).toBe('session.locked');
    expect(h.session.authorize('session.unlock')).toBeNull();
  });
});

describe('session service: secrets', () => {
  it('never puts a password or PIN into logs, views, audit rows or the session state file', async () => {
    const password = 'Zq7-Unmistakable-Passw0rd';
    const newPassword = 'Xv9-Another-Unmistakable';
    const pins = ['918273645546', '827364554619', '736455461928', '645546192837'];
    const h = sessionHarness({ mode: 'personal', users: { 'jane.doe': password } });
    await h.session.setAdminPin({ newPin: pins[0]! });
    h.trustid.mustChange.add('jane.doe');
    await failure(h.session.signIn({ method: 'trustid', username: 'jane.doe', password }));
    await h.session.signIn({ method: 'trustid-change-password', username: 'jane.doe', password, newPassword });
    await h.session.setOfflinePin(pins[1]!);
    await failure(h.session.elevate(pins[2]!));
    await h.session.elevate(pins[0]!);
    h.session.lock();
    await failure(h.session.unlock({ password: 'wrong-' + password }));
    await failure(h.session.unlock({ pin: pins[3]! }));
    await h.session.unlock({ pin: pins[1]! });
    h.session.signOut();
    h.trustid.failWith = 'network';
    await failure(h.session.signIn({ method: 'trustid', username: 'jane.doe', password: newPassword }));
    await failure(h.session.signIn({ method: 'offline-pin', username: 'jane.doe', pin: pins[3]! }));
    await h.session.signIn({ method: 'offline-pin', username: 'jane.doe', pin: pins[1]! });

    const places = {
      logs: h.logs.text(),
      views: JSON.stringify(h.views),
      audit: JSON.stringify(h.store.audit.list()),
      stateFile: fs.readFileSync(path.join(h.stateDir, SESSION_STATE_FILE)).toString('latin1'),
    };
    expect(h.logs.lines.length).toBeGreaterThan(5);
    for (const [where, text] of Object.entries(places)) {
      for (const secret of [password, newPassword, ...pins]) expect({ where, leaked: text.includes(secret) }).toEqual({ where, leaked: false });
      // The user name is personal too: it stays out of logs and the audit log.
      if (where === 'logs' || where === 'audit') expect({ where, leaked: text.includes('jane.doe') }).toEqual({ where, leaked: false });
    }
    expect(h.store.audit.verify().ok).toBe(true);
  });

  it('passes on TrustID’s reason for refusing a new password', async () => {
    const h = sessionHarness({ mode: 'personal' });
    h.trustid.verify = async () => {
      throw new TrustIdError('rejected', { operation: 'login', serverMessage: 'New password does not meet the rules' });
    };
    const e = await failure(h.session.signIn({ method: 'trustid-change-password', ...JANE, newPassword: 'short-but-8' }));
    expect(e).toMatchObject({ code: 'session.rejected', message: expect.stringContaining('does not meet the rules') });
  });
});
