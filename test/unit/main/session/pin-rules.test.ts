// The trivial-PIN rule (issue 11 §3) and where the session service applies it.
import { describe, expect, it } from 'vitest';
import { assertPinAllowed, isTrivialPin } from '../../../../main/session/pin-rules';
import { failure, sessionHarness } from './session-fixture';

describe('isTrivialPin', () => {
  it('refuses one digit repeated and straight runs up or down, across the 9→0 wrap too', () => {
    for (const pin of ['0000', '1111', '999999', '1234', '0123', '4321', '9876', '7890', '0987', '123456789012']) expect(isTrivialPin(pin), pin).toBe(true);
  });
  it('accepts PINs with any change of step', () => {
    for (const pin of ['2580', '1357', '1235', '1122', '9753', '4826', '12341234']) expect(isTrivialPin(pin), pin).toBe(false);
  });
  it('lets trivial PINs through in demo mode only', () => {
    expect(() => assertPinAllowed('1234', true)).not.toThrow();
    expect(() => assertPinAllowed('1234', false)).toThrow(expect.objectContaining({ code: 'session.pin-too-simple' }));
  });
});

describe('session service outside demo', () => {
  it('refuses a trivial first admin PIN with a plain message, and accepts a good one', async () => {
    const h = sessionHarness({ mode: 'shared', demo: false });
    const refused = await failure(h.session.setAdminPin({ newPin: '1111' }));
    expect(refused.code).toBe('session.pin-too-simple');
    expect(refused.message).toMatch(/too easy to guess/);
    expect((await h.session.setAdminPin({ newPin: '2580' })).adminPinSet).toBe(true);
  });

  it('refuses a trivial PIN for a new staff member', async () => {
    const h = sessionHarness({ mode: 'shared', demo: false });
    await h.session.setAdminPin({ newPin: '2580' });
    await h.session.elevate('2580');
    expect((await failure(h.session.staffSave({ displayName: 'Rhian', role: 'staff', active: true, pin: '4321' }))).code).toBe('session.pin-too-simple');
    expect((await h.session.staffSave({ displayName: 'Rhian', role: 'staff', active: true, pin: '4826' })).pinSet).toBe(true);
  });

  it('accepts the same trivial PIN in demo mode', async () => {
    const h = sessionHarness({ mode: 'shared', demo: true });
    await h.session.ready();
    const admin = h.store.staff.list().find((s) => s.role === 'admin')!;
    await h.session.signIn({ method: 'local', staffId: admin.id, pin: '9999' });
    expect((await h.session.setAdminPin({ newPin: '1111' })).adminPinSet).toBe(true);
  });
});
