// The session service's typed errors: stable `session.*` codes the renderer branches on and plain
// words for staff (what happened, what to do). Runs in main (plain Node). No message ever holds a
// password, a PIN or a user name.
import { AppError, type ErrorParams } from '../app-error';
import { isTrustIdError, type TrustIdErrorKind } from '../trustid';

/** "in 5 minutes (at 09:05)": the kiosk's local clock, so staff can read it off the wall. */
export function whenAgain(until: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  const at = new Date(until);
  const clock = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return `in ${minutes} minute${minutes === 1 ? '' : 's'} (at ${clock})`;
}

/** The same wait as params, so the renderer words it with plurals: `count` minutes, `at` the clock. */
function againParams(until: number, now: number): { count: number; at: string } {
  const at = new Date(until);
  return { count: Math.max(1, Math.ceil((until - now) / 60_000)), at: `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}` };
}

/**
 * A local lockout (shared-mode PIN, offline PIN): the renderer shows its lockout screen for
 * `session.locked-account`, the same code as a TrustID account lock.
 */
export function lockedOutError(until: number, now: number, what: 'account' | 'offline-pin'): AppError {
  const subject = what === 'account' ? 'this account is locked on this kiosk' : 'the offline PIN is locked on this kiosk';
  const help =
    what === 'account'
      ? 'An administrator can set a new PIN in Settings → Staff to unlock it sooner.'
      : 'If the kiosk is online, you can sign in with your TrustID password instead.';
  return new AppError('session.locked-account', `Too many wrong PINs, so ${subject}. Try again ${whenAgain(until, now)}. ${help}`, {
    params: { context: what, ...againParams(until, now) },
  });
}

export function adminPinLockedError(until: number, now: number): AppError {
  return new AppError('session.admin-pin-locked', `Too many wrong admin PINs, so the admin PIN is locked. Try again ${whenAgain(until, now)}.`, {
    params: againParams(until, now),
  });
}

export function wrongPinError(attemptsLeft: number, lockoutMinutes: number, what: 'PIN' | 'offline PIN' | 'admin PIN' | 'password'): AppError {
  const left = attemptsLeft === 1 ? 'One more wrong attempt' : `${attemptsLeft} more wrong attempts`;
  return new AppError('session.wrong-pin', `That ${what} is not right. ${left} and it is locked for ${lockoutMinutes} minute${lockoutMinutes === 1 ? '' : 's'}.`, {
    params: { what, count: attemptsLeft, minutes: lockoutMinutes },
  });
}

/** Too many wrong PINs from one screen (or from all of them): a growing wait, never a lockout of someone else. */
export function slowDownError(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const wait = seconds < 120 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  // `context: 'minutes'` picks the renderer's minutes wording (i18next context) for long waits.
  const params: ErrorParams = seconds < 120 ? { count: seconds } : { count: Math.ceil(seconds / 60), context: 'minutes' };
  return new AppError('session.slow-down', `Too many wrong PINs have been entered. Wait ${wait}, then try again.`, { params });
}

export function unknownStaffError(): AppError {
  return new AppError('session.unknown-staff', 'This staff account cannot sign in on this kiosk: it does not exist or has been switched off. Ask an administrator.');
}

export function alreadySignedInError(): AppError {
  return new AppError('session.already-signed-in', 'Someone is already signed in on this kiosk. Sign out first, then sign in again.');
}

export function changedMeanwhileError(): AppError {
  return new AppError('session.changed', 'The kiosk was signed out or locked while this was being checked. Try again.');
}

export function wrongModeError(mode: 'shared' | 'personal'): AppError {
  return mode === 'shared'
    ? new AppError('session.wrong-mode', 'This kiosk uses local staff accounts: choose your name and enter your PIN.', { params: { context: 'shared' } })
    : new AppError('session.wrong-mode', 'This kiosk uses personal TrustID accounts: sign in with your TrustID user name and password.', { params: { context: 'personal' } });
}

export function noOfflinePinError(): AppError {
  return new AppError(
    'session.no-offline-pin',
    'There is no offline PIN for this user name on this kiosk. Sign in with your TrustID password while the kiosk is online, then set an offline PIN.',
  );
}

export function offlinePinExpiredError(days: number): AppError {
  return new AppError(
    'session.offline-pin-expired',
    `This offline PIN has expired: it works for ${days} days after your last online sign-in on this kiosk. Sign in with your TrustID password while the kiosk is online.`,
    { params: { count: days } },
  );
}

export function noCredentialsError(): AppError {
  return new AppError('session.no-credentials', 'Your TrustID sign-in is no longer stored on this kiosk. Sign in with your TrustID password while the kiosk is online.');
}

/** Kinds that mean "TrustID could not be asked now", where the offline PIN is the way in. */
const OFFLINE_KINDS: ReadonlySet<TrustIdErrorKind> = new Set(['network', 'timeout', 'request-timeout', 'too-many-requests', 'server-error', 'service-unreachable', 'locked']);

export function isUnreachable(error: unknown): boolean {
  return isTrustIdError(error) && OFFLINE_KINDS.has(error.kind);
}

/**
 * A failed TrustID sign-in of a staff member's own account (personal mode) in the codes the
 * renderer branches on. The client's own texts speak of "the kiosk account", so these are written
 * for the person at the desk.
 */
export function signInErrorFromTrustId(error: unknown): AppError {
  if (!isTrustIdError(error)) {
    return new AppError('session.sign-in-failed', 'Signing in to TrustID failed for an unexpected reason. Try again; if it keeps happening, tell your administrator.');
  }
  if (OFFLINE_KINDS.has(error.kind)) {
    return new AppError('session.offline', 'TrustID cannot be reached right now, so your password cannot be checked. Use your offline PIN for this kiosk, or try again when the kiosk is back online.');
  }
  switch (error.kind) {
    case 'invalid-credentials':
      return new AppError('session.invalid-credentials', 'TrustID did not accept your user name and password. Check them and try again; after several wrong attempts TrustID locks your account.');
    case 'locked-account':
      return new AppError('session.locked-account', 'Your TrustID account is locked. Ask your TrustID administrator to unlock it, then sign in again.');
    case 'password-change-required':
      return new AppError('session.password-change-required', 'TrustID asks you to choose a new password before you sign in. Enter your current password and a new one.');
    case 'mfa-required':
      return new AppError(
        'session.mfa-required',
        'Your TrustID account needs multi-factor sign-in, which this kiosk cannot do. Ask your TrustID administrator for an account without it for the kiosk.',
      );
    case 'access-denied':
      return new AppError(
        'session.access-denied',
        'TrustID refused access from this kiosk. Ask an administrator to check the TrustID API key in Settings and the rights of your TrustID account.',
      );
    case 'desktop-client-denied':
      return new AppError('session.access-denied', 'TrustID does not allow your account to sign in from this kind of client. Ask your TrustID administrator to check the rights of your account.');
    case 'rejected':
      // A refused password change (e.g. the new one breaks the password rules).
      return new AppError('session.rejected', `TrustID refused the sign-in.${error.details.serverMessage ? ` It said: "${error.details.serverMessage}"` : ''} Check the details and try again.`);
    default:
      // Configuration, version and protocol problems are the kiosk's, not the person's: the
      // client's text says what an administrator should check.
      return new AppError('session.trustid-error', error.message);
  }
}
