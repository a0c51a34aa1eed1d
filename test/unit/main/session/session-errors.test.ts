import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/app-error';
import { lockedOutError, signInErrorFromTrustId, whenAgain, wrongPinError } from '../../../../main/session/session-errors';
import { TrustIdError, type TrustIdErrorKind } from '../../../../main/trustid';

const err = (kind: TrustIdErrorKind) => new TrustIdError(kind, { operation: 'login', written: false });

describe('session errors', () => {
  it('maps each TrustID sign-in failure to the code the sign-in screen branches on', () => {
    const expected: Array<[TrustIdErrorKind, string]> = [
      ['invalid-credentials', 'session.invalid-credentials'],
      ['locked-account', 'session.locked-account'],
      ['password-change-required', 'session.password-change-required'],
      ['mfa-required', 'session.mfa-required'],
      ['network', 'session.offline'],
      ['timeout', 'session.offline'],
      ['service-unreachable', 'session.offline'],
      ['server-error', 'session.offline'],
      ['too-many-requests', 'session.offline'],
      ['access-denied', 'session.access-denied'],
      ['desktop-client-denied', 'session.access-denied'],
      ['configuration', 'session.trustid-error'],
      ['incompatible-version', 'session.trustid-error'],
      ['protocol', 'session.trustid-error'],
    ];
    for (const [kind, code] of expected) expect([kind, signInErrorFromTrustId(err(kind)).code]).toEqual([kind, code]);
  });

  it('tells an offline person to use the offline PIN', () => {
    expect(signInErrorFromTrustId(err('network')).message).toMatch(/offline PIN/);
  });

  it('speaks to the person at the desk, not of the kiosk account', () => {
    for (const kind of ['invalid-credentials', 'locked-account', 'password-change-required', 'mfa-required'] as const) {
      const message = signInErrorFromTrustId(err(kind)).message;
      expect(message).toMatch(/\byour?\b/i);
      expect(message).not.toMatch(/kiosk account/);
    }
  });

  it('turns anything that is not a TrustID error into a generic failure without its text', () => {
    const e = signInErrorFromTrustId(new Error('password=hunter2 went wrong'));
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('session.sign-in-failed');
    expect(e.message).not.toContain('hunter2');
  });

  it('names when a lockout ends in minutes and on the clock', () => {
    const now = new Date(2026, 10, 25, 9, 0, 30).getTime();
    const until = new Date(2026, 10, 25, 9, 5, 30).getTime();
    expect(whenAgain(until, now)).toBe('in 5 minutes (at 09:05)');
    expect(whenAgain(now + 1000, now)).toBe('in 1 minute (at 09:00)');
    expect(lockedOutError(until, now, 'account').message).toContain('Try again in 5 minutes (at 09:05)');
  });

  it('counts the attempts left in words', () => {
    expect(wrongPinError(1, 5, 'PIN').message).toBe('That PIN is not right. One more wrong attempt and it is locked for 5 minutes.');
    expect(wrongPinError(3, 1, 'admin PIN').message).toBe('That admin PIN is not right. 3 more wrong attempts and it is locked for 1 minute.');
  });
});
