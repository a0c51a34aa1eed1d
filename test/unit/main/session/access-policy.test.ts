import { describe, expect, it } from 'vitest';
import { invokeChannels, type InvokeChannel } from '../../../../preload/contract';
import { channelAccess, decideAccess, refusalMessages, type AccessState } from '../../../../main/session/access-policy';

// The table of issue 6 as the brief states it, written out independently of the implementation.
// settings.get is not here: paths and which secrets are set are for administrators (issue 12 §1).
const signedOutOpen: InvokeChannel[] = ['app.info', 'health.get', 'session.get', 'session.signIn', 'session.elevate', 'staff.directory'];
// Calls that only take rights away are harmless in every state (and the renderer retries a lock).
const alwaysHarmless: InvokeChannel[] = ['session.signOut', 'session.lock'];
// The TrustID connection test and revert (issue 11 §3) are the admin PIN's way back when nobody can sign in.
const signedOutWithAdminPin: InvokeChannel[] = [
  'staff.list',
  'staff.save',
  'settings.get',
  'settings.update',
  'settings.setSecret',
  'settings.clearSecret',
  'session.setAdminPin',
  'trustid.testConnection',
  'trustid.previous',
  'trustid.revert',
];
const lockedOpen: InvokeChannel[] = ['app.info', 'health.get', 'session.get', 'session.unlock', 'session.signOut', 'session.lock'];
const adminOnly: InvokeChannel[] = [
  'settings.get',
  'settings.update',
  'settings.setSecret',
  'settings.clearSecret',
  'staff.list',
  'staff.save',
  'queue.discard',
  'devices.detect',
  'devices.test',
  'trustid.testConnection',
  'trustid.previous',
  'trustid.revert',
  'demo.get',
  'demo.set',
];

type Case = { label: string; state: AccessState; expect(channel: InvokeChannel): string | null };

const cases: Case[] = [
  {
    label: 'signed out',
    state: { phase: 'signed-out', admin: false, firstRun: false },
    expect: (c) => (signedOutOpen.includes(c) || alwaysHarmless.includes(c) ? null : signedOutWithAdminPin.includes(c) ? 'session.admin-required' : 'session.signed-out'),
  },
  {
    label: 'signed out at first run',
    state: { phase: 'signed-out', admin: false, firstRun: true },
    expect: (c) =>
      signedOutOpen.includes(c) || alwaysHarmless.includes(c) || c === 'session.setAdminPin' ? null : signedOutWithAdminPin.includes(c) ? 'session.admin-required' : 'session.signed-out',
  },
  {
    label: 'signed out with the admin PIN given',
    state: { phase: 'signed-out', admin: true, firstRun: false },
    expect: (c) => (signedOutOpen.includes(c) || alwaysHarmless.includes(c) || signedOutWithAdminPin.includes(c) ? null : 'session.signed-out'),
  },
  {
    label: 'locked',
    state: { phase: 'locked', admin: false, firstRun: false },
    expect: (c) => (lockedOpen.includes(c) ? null : 'session.locked'),
  },
  {
    label: 'locked (an admin account)',
    state: { phase: 'locked', admin: true, firstRun: true },
    expect: (c) => (lockedOpen.includes(c) ? null : 'session.locked'),
  },
  {
    label: 'signed in as staff',
    state: { phase: 'signed-in', admin: false, firstRun: false },
    expect: (c) => (adminOnly.includes(c) ? 'session.admin-required' : null),
  },
  {
    label: 'signed in with admin rights',
    state: { phase: 'signed-in', admin: true, firstRun: false },
    expect: () => null,
  },
];

describe('access policy', () => {
  it('classifies every channel of the contract and nothing else', () => {
    expect(Object.keys(channelAccess).sort()).toEqual([...invokeChannels].sort());
  });

  for (const c of cases) {
    it(`answers every channel of the contract as the issue's table says when ${c.label}`, () => {
      const wrong = invokeChannels
        .map((channel) => ({ channel, got: decideAccess(channel, c.state), want: c.expect(channel) }))
        .filter((r) => r.got !== r.want);
      expect(wrong).toEqual([]);
    });
  }

  it('lets first run open nothing but setting the admin PIN', () => {
    const plain = { phase: 'signed-out' as const, admin: false, firstRun: false };
    const differ = invokeChannels.filter((c) => decideAccess(c, plain) !== decideAccess(c, { ...plain, firstRun: true }));
    expect(differ).toEqual(['session.setAdminPin']);
  });

  it('has a plain message for every refusal', () => {
    for (const message of Object.values(refusalMessages)) expect(message).toMatch(/^[A-Z].{20,}\.$/);
  });
});
