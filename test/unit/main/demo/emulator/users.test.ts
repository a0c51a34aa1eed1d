// Accounts and archive visibility (RAW-API §7.10, §7.11), as a plain matrix.
import { describe, expect, it } from 'vitest';
import { BRANCHES, DEMO_USERS, ORGANISATION } from '../../../../../main/demo/emulator/seed-data';
import { canSee, isAdmin, mayQueryArchive, resolveAccount, scannedByText } from '../../../../../main/demo/emulator/users';

const [reception, backOffice] = BRANCHES;
const org = () => ORGANISATION.id;

describe('emulator accounts', () => {
  it('resolves the seeded users with their branch, visibility and rights', () => {
    const accounts = DEMO_USERS.map(resolveAccount);
    expect(accounts.map((account) => [account.username, account.branch.name, account.visibility, isAdmin(account), mayQueryArchive(account)])).toEqual([
      ['demo.admin', 'Reception', 3, true, true],
      ['demo.frontdesk', 'Reception', 1, false, true],
      ['demo.kiosk', 'Reception', 0, false, false],
      ['demo.backoffice', 'Back Office', 1, false, true],
    ]);
    expect(scannedByText(accounts[1]!)).toBe('Front Desk, (Reception)');
  });

  it('gives a stable lower-case id to a user configured without one, and refuses an unknown branch', () => {
    const first = resolveAccount({ username: 'New.User', password: 'x' });
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(resolveAccount({ username: 'new.user', password: 'y' }).id).toBe(first.id);
    expect(() => resolveAccount({ username: 'u', password: 'p', branch: 'Moon Base' })).toThrow(/unknown branch/);
  });

  it('applies User, Branch, Organisation and Global visibility', () => {
    const owner = resolveAccount({ username: 'owner', password: 'p', archiveVisibility: 'User' });
    const mine = { userId: owner.id, branchId: reception!.id };
    const colleagues = { userId: 'someone-else', branchId: reception!.id };
    const elsewhere = { userId: 'someone-else', branchId: backOffice!.id };
    const foreign = { userId: 'someone-else', branchId: 'other-organisation-branch' };
    const rows = (visibility: 'User' | 'Branch' | 'Organisation' | 'Global') => {
      const account = { ...resolveAccount({ username: 'owner', password: 'p', archiveVisibility: visibility }), id: owner.id };
      return [mine, colleagues, elsewhere, foreign].map((container) => canSee(account, container, (branchId) => (branchId === 'other-organisation-branch' ? 'x' : org())));
    };
    expect(rows('User')).toEqual([true, false, false, false]);
    expect(rows('Branch')).toEqual([true, true, false, false]);
    expect(rows('Organisation')).toEqual([true, true, true, false]);
    expect(rows('Global')).toEqual([true, true, true, true]);
  });
});
