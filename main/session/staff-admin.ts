// Local staff accounts as the contract shows them (issue 6 §1 shared mode, §8 Settings → Staff):
// the sign-in picker, the administrator's list and edits, and the demo accounts. Runs in main
// (plain Node). PINs go into the store's scrypt verifiers and are never read back.
import type { AccountMode, ParsedReq, StaffMember as StaffView } from '../../preload/contract';
import { AppError } from '../app-error';
import type { Logger } from '../logging/logger';
import type { Store } from '../store/open-store';
import type { StaffRecord } from '../store/staff-repo';
import type { PersonalAccounts } from './personal-accounts';

export type StaffSaveRequest = ParsedReq<'staff.save'>;

/** Demo mode's accounts (the renderer shows these PINs as hints in demo mode only). */
export const DEMO_STAFF = [
  { name: 'Demo Receptionist', pin: '1234', role: 'staff' },
  { name: 'Demo Administrator', pin: '9999', role: 'admin' },
] as const;

export type StaffAdmin = {
  directory(mode: AccountMode): Array<{ id: string; displayName: string }>;
  list(): StaffView[];
  save(req: StaffSaveRequest, actor: string, adminPinSet: boolean): Promise<StaffView>;
  /** Whether an active admin-role account exists (no admin PIN and none of these = first run). */
  hasActiveAdmin(): boolean;
  seedDemo(): Promise<void>;
};

export function createStaffAdmin(deps: { store: Store; personal: PersonalAccounts; log: Logger }): StaffAdmin {
  const { store, personal } = deps;

  const toView = (s: StaffRecord): StaffView => ({ id: s.id, displayName: s.name, role: s.role, active: !s.disabled, pinSet: !personal.isPinless(s.id) });

  function activeAdmins(except?: string): number {
    return store.staff.list().filter((s) => s.role === 'admin' && !s.disabled && s.id !== except).length;
  }

  return {
    directory(mode) {
      // Personal mode signs in by TrustID user name: listing who has used this kiosk would only
      // hand their user names to whoever stands at the desk.
      if (mode !== 'shared') return [];
      return store.staff
        .list()
        .filter((s) => !s.disabled && !personal.isPinless(s.id))
        .map((s) => ({ id: s.id, displayName: s.name }));
    },

    list: () => store.staff.list().map(toView),

    async save(req, actor, adminPinSet) {
      if (!req.id) {
        if (!req.pin) throw new AppError('session.pin-required', 'Choose a PIN for the new staff member (4 to 12 digits).');
        const created = await store.staff.create({ name: req.displayName, pin: req.pin, role: req.role }, actor);
        if (!req.active) store.staff.setDisabled(created.id, true, actor);
        deps.log.info({ staffId: created.id, role: req.role }, 'staff account created');
        return toView(store.staff.get(created.id)!);
      }
      const before = store.staff.get(req.id);
      if (!before) throw new AppError('store.not-found', 'This staff account was not found. Reload the staff list and try again.');
      if (req.displayName.trim() !== before.name) {
        throw new AppError(
          'session.rename-unavailable',
          'A staff account cannot be renamed in this version of Scan Station. Create a new account with the new name and switch this one off.',
        );
      }
      const losesAdmin = before.role === 'admin' && !before.disabled && (req.role !== 'admin' || !req.active);
      if (losesAdmin && !adminPinSet && activeAdmins(before.id) === 0) {
        // Without an admin PIN this is the only way into Settings: nobody could undo the change.
        throw new AppError('session.last-admin', 'This is the only active administrator and no admin PIN is set. Set an admin PIN in Settings → Security first, or make someone else an administrator.');
      }
      if (req.role !== before.role) store.staff.setRole(before.id, req.role, actor);
      if (req.active === before.disabled) store.staff.setDisabled(before.id, !req.active, actor);
      if (req.pin) {
        await store.staff.setPin(before.id, req.pin, actor);
        personal.markPinSet(before.id);
      }
      deps.log.info({ staffId: before.id }, 'staff account updated');
      return toView(store.staff.get(before.id)!);
    },

    hasActiveAdmin: () => activeAdmins() > 0,

    async seedDemo() {
      const existing = new Set(store.staff.list().map((s) => s.name.toLowerCase()));
      for (const demo of DEMO_STAFF) {
        if (existing.has(demo.name.toLowerCase())) continue;
        await store.staff.create({ name: demo.name, pin: demo.pin, role: demo.role }, 'system');
        deps.log.info({ role: demo.role }, 'demo staff account created');
      }
    },
  };
}
