// Staff sign-in, lock and the local staff accounts of shared mode. Runtime-agnostic.
import { z } from 'zod';

export const AccountMode = z.enum(['personal', 'shared']);
export type AccountMode = z.infer<typeof AccountMode>;
export const StaffRole = z.enum(['staff', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;
export const Pin = z.string().regex(/^\d{4,12}$/, 'A PIN is 4 to 12 digits.');

export const StaffIdentity = z.object({ id: z.string(), displayName: z.string(), role: StaffRole });
export type StaffIdentity = z.infer<typeof StaffIdentity>;

export const SessionView = z.object({
  state: z.enum(['signed-out', 'signed-in', 'locked']),
  accountMode: AccountMode,
  staff: StaffIdentity.nullable(),
  /** Admin rights for this sign-in (settings, discard): an admin account, or the admin PIN given. */
  admin: z.boolean(),
  adminPinSet: z.boolean(),
  idleTimeoutSeconds: z.number().int(),
  /** How long the "Are you still here?" warning stays up before the lock (≥ 20 s). */
  idleWarningSeconds: z.number().int().min(20),
  /** Personal mode, signed in online: whether an offline PIN is set for this account on this kiosk. */
  offlinePinSet: z.boolean(),
  /** Whether TrustID can be reached for an online sign-in right now. */
  online: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

const Username = z.string().trim().min(1).max(256);
const Password = z.string().min(1).max(256);

export const SignInRequest = z.discriminatedUnion('method', [
  /** Personal mode, online: the staff member's own TrustID account. */
  z.strictObject({ method: z.literal('trustid'), username: Username, password: Password }),
  /** Personal mode, "password change required": change it and sign in at once. */
  z.strictObject({ method: z.literal('trustid-change-password'), username: Username, password: Password, newPassword: z.string().min(8).max(256) }),
  /** Personal mode, offline: the PIN set on this kiosk after an earlier online sign-in. */
  z.strictObject({ method: z.literal('offline-pin'), username: Username, pin: Pin }),
  /** Shared mode: a local staff account. */
  z.strictObject({ method: z.literal('local'), staffId: z.string().min(1).max(64), pin: Pin }),
]);
export type SignInRequest = z.infer<typeof SignInRequest>;

export const StaffMember = StaffIdentity.extend({ active: z.boolean(), pinSet: z.boolean() });
export type StaffMember = z.infer<typeof StaffMember>;

export const sessionInvoke = {
  'session.get': { req: z.void(), res: SessionView },
  'session.signIn': { req: SignInRequest, res: SessionView },
  'session.signOut': { req: z.void(), res: SessionView },
  'session.lock': { req: z.void(), res: SessionView },
  'session.unlock': { req: z.strictObject({ pin: Pin.optional(), password: Password.optional() }), res: SessionView },
  'session.setOfflinePin': { req: z.strictObject({ pin: Pin }), res: SessionView },
  'session.elevate': { req: z.strictObject({ pin: Pin }), res: SessionView },
  'session.setAdminPin': { req: z.strictObject({ currentPin: Pin.optional(), newPin: Pin }), res: SessionView },
  /** Names for the sign-in picker (shared mode). Works signed out: names only, no roles. */
  'staff.directory': { req: z.void(), res: z.array(z.object({ id: z.string(), displayName: z.string() })) },
  'staff.list': { req: z.void(), res: z.array(StaffMember) },
  'staff.save': {
    req: z.strictObject({ id: z.string().max(64).optional(), displayName: z.string().trim().min(1).max(80), role: StaffRole, active: z.boolean(), pin: Pin.optional() }),
    res: StaffMember,
  },
} as const;

export const sessionEvents = {
  'session.changed': SessionView,
} as const;
