// Accounts the emulator knows: configured users resolved against the seeded branches, and who may
// see which application (RAW-API §7.10, §7.11 UserArchiveVisibility). Runs wherever the emulator
// runs. Pure.
import crypto from 'node:crypto';
import type { UserConfig } from './config';
import { PRIVILEGE_ADMIN, PRIVILEGE_ARCHIVE, VISIBILITY, visibilityOf } from './config';
import type { Branch, Organisation } from './seed-data';
import { ORGANISATION, findBranch } from './seed-data';
import type { ContainerRecord } from './state';

export type Account = {
  id: string;
  username: string;
  password: string;
  firstname: string;
  lastname: string;
  email: string;
  branch: Branch;
  organisation: Organisation;
  visibility: number;
  privileges: number;
  desktopClient: boolean;
  config: UserConfig;
};

/** A stable GUID-shaped id from the username, for configured users that bring none. */
function idFromUsername(username: string): string {
  const hex = crypto.createHash('sha256').update(`emulator-user:${username.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function resolveAccount(user: UserConfig): Account {
  const branch = findBranch(user.branch);
  if (!branch) throw new Error(`Emulator user ${user.username}: unknown branch "${user.branch ?? ''}".`);
  return {
    id: (user.id ?? idFromUsername(user.username)).toLowerCase(),
    username: user.username,
    password: user.password,
    firstname: user.firstname ?? user.username,
    lastname: user.lastname ?? '',
    email: user.email ?? `${user.username}@example.invalid`,
    branch,
    organisation: ORGANISATION,
    visibility: visibilityOf(user),
    privileges: user.privileges ?? 0,
    desktopClient: user.desktopClient ?? true,
    config: user,
  };
}

export function isAdmin(account: Account): boolean {
  return (account.privileges & PRIVILEGE_ADMIN) !== 0;
}

export function mayQueryArchive(account: Account): boolean {
  return (account.privileges & (PRIVILEGE_ADMIN | PRIVILEGE_ARCHIVE)) !== 0;
}

/** §7.11: User sees own, Branch its branch, Organisation its organisation, Global everything. */
export function canSee(account: Account, container: Pick<ContainerRecord, 'userId' | 'branchId'>, organisationOfBranch: (branchId: string) => string): boolean {
  switch (account.visibility) {
    case VISIBILITY.User:
      return container.userId === account.id;
    case VISIBILITY.Branch:
      return container.branchId === account.branch.id;
    case VISIBILITY.Organisation:
      return organisationOfBranch(container.branchId) === account.organisation.id;
    default:
      return true;
  }
}

/** "Front Desk, (Reception)": Container.ScannedByUser (§7.1). */
export function scannedByText(account: Account): string {
  return `${`${account.firstname} ${account.lastname}`.trim()}, (${account.branch.name})`;
}
