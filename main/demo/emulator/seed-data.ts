// Demo data the emulator starts with: one organisation, two branches and users at each archive
// visibility level. Every name is clearly fake. Runs wherever the emulator runs. Pure data.
import type { UserConfig } from './config';
import { PRIVILEGE_ADMIN, PRIVILEGE_ARCHIVE } from './config';

export type Branch = { id: string; name: string };
export type Organisation = { id: string; name: string };

// Fixed ids keep demo data and saved state stable across restarts and runs.
export const ORGANISATION: Organisation = { id: 'c47a2e90-1b5d-4e38-9f06-7d3b1a8c5e24', name: 'Example Ltd (Demo)' };

export const BRANCHES: Branch[] = [
  { id: '3e6b0d1a-9c42-4f7e-8a15-c2d9e4b70f63', name: 'Reception' },
  { id: '5a8c2f3b-0d41-4e6a-9b27-d3e0f5c81a74', name: 'Back Office' },
];

/** The identity TrustID's experts act under when a referral completes (ReferralHistory). */
export const EXPERT = { id: '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a', displayName: 'TrustID Expert (Demo)' };

export const DEMO_USERS: UserConfig[] = [
  {
    id: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
    username: 'demo.admin',
    password: 'Demo-Admin-2026!',
    firstname: 'Ada',
    lastname: 'Admin',
    email: 'demo.admin@example.invalid',
    branch: 'Reception',
    archiveVisibility: 'Organisation',
    privileges: PRIVILEGE_ADMIN | PRIVILEGE_ARCHIVE,
  },
  {
    id: 'b1c2d3e4-f5a6-4b7c-9d8e-0f1a2b3c4d5e',
    username: 'demo.frontdesk',
    password: 'Demo-Desk-2026!',
    firstname: 'Front',
    lastname: 'Desk',
    email: 'demo.frontdesk@example.invalid',
    branch: 'Reception',
    archiveVisibility: 'Branch',
    privileges: PRIVILEGE_ARCHIVE,
  },
  {
    id: 'c2d3e4f5-a6b7-4c8d-8e9f-1a2b3c4d5e6f',
    username: 'demo.kiosk',
    password: 'Demo-Kiosk-2026!',
    firstname: 'Kiosk',
    lastname: 'One',
    email: 'demo.kiosk@example.invalid',
    branch: 'Reception',
    archiveVisibility: 'User',
    privileges: 0,
    desktopClient: false,
  },
  {
    id: 'd3e4f5a6-b7c8-4d9e-9f0a-2b3c4d5e6f7a',
    username: 'demo.backoffice',
    password: 'Demo-Back-2026!',
    firstname: 'Back',
    lastname: 'Office',
    email: 'demo.backoffice@example.invalid',
    branch: 'Back Office',
    archiveVisibility: 'Branch',
    privileges: PRIVILEGE_ARCHIVE,
  },
];

export function findBranch(nameOrId: string | undefined): Branch | undefined {
  if (nameOrId === undefined) return BRANCHES[0];
  const key = nameOrId.toLowerCase();
  return BRANCHES.find((branch) => branch.id === key || branch.name.toLowerCase() === key);
}
