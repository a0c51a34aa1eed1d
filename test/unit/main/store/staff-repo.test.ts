import { describe, expect, it } from 'vitest';
import { checkPin, createPinVerifier } from '../../../../main/store/pin-verifier';
import { fastScrypt, openTestStore } from './store-fixture';

describe('PIN verifier', () => {
  it('checks the right PIN, refuses others, and never contains the PIN', async () => {
    const v = await createPinVerifier('482913', fastScrypt);
    expect(v).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(v).not.toContain('482913');
    expect(await checkPin('482913', v)).toBe(true);
    expect(await checkPin('482914', v)).toBe(false);
    expect(await checkPin('482913', 'md5$whatever')).toBe(false);
    expect(await createPinVerifier('482913', fastScrypt)).not.toBe(v);
  });
});

describe('staff accounts', () => {
  it('signs in with the right PIN and audits by id, never by name', async () => {
    const { store } = openTestStore();
    const ada = await store.staff.create({ name: 'Ada Lovelace', pin: '1234', role: 'admin' }, 'system');
    expect(await store.staff.signIn(ada.id, '1234')).toMatchObject({ ok: true, staff: { name: 'Ada Lovelace', role: 'admin' } });
    store.staff.signOut(ada.id);
    const actions = store.audit.list();
    expect(actions.map((r) => r.action)).toEqual(['staff.created', 'staff.sign-in', 'staff.sign-out']);
    expect(JSON.stringify(actions)).not.toContain('Lovelace');
  });

  it('locks after too many wrong PINs, refuses even the right one while locked, and starts afresh after', async () => {
    const { store, clock } = openTestStore();
    store.settings.update({ staff: { maxPinAttempts: 3, lockoutMinutes: 5 } }, 'admin');
    const s = await store.staff.create({ name: 'Bob', pin: '1111', role: 'staff' }, 'admin');
    expect(await store.staff.signIn(s.id, '0000')).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 2 });
    expect(await store.staff.signIn(s.id, 'abc')).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 1 });
    expect(await store.staff.signIn(s.id, '0000')).toEqual({ ok: false, reason: 'locked', lockedUntil: clock.now() + 5 * 60_000 });
    expect(await store.staff.signIn(s.id, '1111')).toMatchObject({ ok: false, reason: 'locked' });
    clock.advance(5 * 60_000);
    expect(await store.staff.signIn(s.id, '0000')).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: 2 });
    expect(await store.staff.signIn(s.id, '1111')).toMatchObject({ ok: true });
    expect(store.staff.get(s.id)).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect(store.audit.list().map((r) => r.action)).toContain('staff.locked-out');
  });

  it('an admin can unlock, change the PIN, the role, or disable the account', async () => {
    const { store } = openTestStore();
    const s = await store.staff.create({ name: 'Cy', pin: '2222', role: 'staff' }, 'admin');
    for (let i = 0; i < 5; i++) await store.staff.signIn(s.id, '9999');
    store.staff.unlock(s.id, 'admin');
    expect(await store.staff.signIn(s.id, '2222')).toMatchObject({ ok: true });
    await store.staff.setPin(s.id, '3333', 'admin');
    expect(await store.staff.signIn(s.id, '2222')).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect(await store.staff.signIn(s.id, '3333')).toMatchObject({ ok: true });
    store.staff.setRole(s.id, 'admin', 'admin');
    store.staff.setDisabled(s.id, true, 'admin');
    expect(await store.staff.signIn(s.id, '3333')).toEqual({ ok: false, reason: 'disabled' });
    expect(await store.staff.signIn('no-such-id', '3333')).toEqual({ ok: false, reason: 'unknown' });
    expect(store.staff.get(s.id)).toMatchObject({ role: 'admin', disabled: true });
  });

  it('refuses short PINs and duplicate names (case-insensitively)', async () => {
    const { store } = openTestStore();
    await expect(store.staff.create({ name: 'Dee', pin: '12', role: 'staff' }, 'a')).rejects.toMatchObject({ code: 'store.pin-invalid' });
    await store.staff.create({ name: 'Dee', pin: '1234', role: 'staff' }, 'a');
    await expect(store.staff.create({ name: 'dee', pin: '1234', role: 'staff' }, 'a')).rejects.toMatchObject({ code: 'store.staff-name-taken' });
    expect(store.staff.list().map((s) => s.name)).toEqual(['Dee']);
  });
});
