// The application form service against the real emulator over HTTP, the real TrustID client and a
// real store: fetched when online, cached per account in memory and in the store, and served from the
// store after a restart while offline, or while TrustID is down or slow.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFieldDefinitions, type FieldDefinitionsService } from '../../../main/app/services/field-definitions';
import { ephemeralCustody } from '../../../main/store/key-custody';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../main/demo/emulator';
import { silentLogger } from '../../../main/logging/logger';
import { openStore, type Store } from '../../../main/store/open-store';
import { createTrustIdClient, type TrustIdClient } from '../../../main/trustid';

const HOST = { id: '22222222-0000-4000-8000-000000000001', flexibleFieldId: '22222222-0000-4000-8000-0000000000a1', name: 'HostName', displayName: 'Host', dataType: 1, mandatory: true, helpText: null, orderIndex: 2 };
const PASS = { id: '22222222-0000-4000-8000-000000000002', flexibleFieldId: '22222222-0000-4000-8000-0000000000a2', name: 'PassNumber', displayName: 'Pass number', dataType: 2, mandatory: false, helpText: null, orderIndex: 1 };
const GUEST = { id: '22222222-0000-4000-8000-000000000003', flexibleFieldId: '22222222-0000-4000-8000-0000000000a3', name: '__SYS_GuestName', displayName: 'Guest Name', dataType: 1, mandatory: false, helpText: null, orderIndex: 0 };
const VISIT = { id: '22222222-0000-4000-8000-000000000004', flexibleFieldId: '22222222-0000-4000-8000-0000000000a4', name: 'VisitDate', displayName: 'Visit date', dataType: 3, mandatory: false, helpText: null, orderIndex: 3 };

type World = {
  emu: RunningEmulator;
  store: Store;
  dir: string;
  clock: { t: number };
  online: { value: boolean };
  service(opts?: { waitMs?: number; freshMs?: number }): FieldDefinitionsService;
  /** Form requests the emulator has seen. */
  fetches(): number;
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function world(emulator: EmulatorOptions = {}): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-fields-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const emu = await startEmulator({ controls: true, flexibleFields: [HOST, PASS, GUEST, VISIT], ...emulator });
  let emuOpen = true;
  cleanups.push(async () => {
    if (emuOpen) await emu.close();
  });
  const store = openStore({ dataDir: path.join(dir, 'data'), custody: ephemeralCustody(), log: silentLogger() });
  cleanups.push(() => store.close());
  const clock = { t: Date.UTC(2026, 10, 2, 8) };
  const online = { value: true };
  const clients = new Map<string, TrustIdClient>();
  const user = emu.users.find((u) => u.username === 'demo.kiosk')!;
  cleanups.push(async () => {
    for (const c of clients.values()) await c.close();
  });
  const clientFor = (accountId: string) => {
    let client = clients.get(accountId);
    if (!client) {
      client = createTrustIdClient({
        baseUrl: emu.origin,
        apiKey: emu.apiKey,
        credentials: () => ({ username: user.username, password: user.password }),
        deviceIdFile: path.join(dir, 'device-id'),
        timeouts: { connectMs: 1_000, jsonMs: 5_000 },
      });
      clients.set(accountId, client);
    }
    return client;
  };
  const w: World = {
    emu,
    store,
    dir,
    clock,
    online,
    service: (opts = {}) => createFieldDefinitions({ clientFor, cache: store.fieldDefinitions, online: () => online.value, now: () => clock.t, log: silentLogger(), ...opts }),
    fetches: () => emu.requests().filter((e) => e.operation === 'dataAccess/applicationFlexibleFieldAttributes').length,
  };
  const close = emu.close.bind(emu);
  emu.close = async () => {
    emuOpen = false;
    await close();
  };
  return w;
}

describe('application form service', () => {
  it('online, fetches the account’s form: system fields left out, in TrustID’s order, each with its version id', async () => {
    const w = await world();
    const form = await w.service().forAccount('kiosk');
    expect(form).toEqual([
      { id: PASS.flexibleFieldId, versionId: PASS.id, label: 'Pass number', kind: 'number', valueType: 'int', required: false, choices: [] },
      { id: HOST.flexibleFieldId, versionId: HOST.id, label: 'Host', kind: 'text', valueType: 'string', required: true, choices: [] },
      { id: VISIT.flexibleFieldId, versionId: VISIT.id, label: 'Visit date', kind: 'date', valueType: 'date', required: false, choices: [] },
    ]);
    expect(w.fetches()).toBe(1);
    expect(w.store.fieldDefinitions.get('kiosk')?.definitions).toEqual(form);
  });

  it('after a restart while offline, shows the form saved in the store without asking TrustID', async () => {
    const w = await world();
    const before = await w.service().forAccount('kiosk');
    w.clock.t += 24 * 3600_000;
    w.online.value = false;
    const restarted = w.service();
    expect(await restarted.forAccount('kiosk')).toEqual(before);
    expect(w.fetches()).toBe(1);
  });

  it('falls back to the saved form when TrustID cannot be reached although the queue thinks it can', async () => {
    const w = await world();
    const before = await w.service().forAccount('kiosk');
    await w.emu.close();
    w.clock.t += 3600_000;
    expect(await w.service().forAccount('kiosk')).toEqual(before);
  });

  it('says so in plain words when there is neither TrustID nor a saved form', async () => {
    const w = await world();
    await w.emu.close();
    await expect(w.service().forAccount('kiosk')).rejects.toMatchObject({ code: 'capture.fields-unavailable', message: expect.stringMatching(/press Retry/) });
    expect(w.store.fieldDefinitions.get('kiosk')).toBeNull();
  });

  it('reuses a fresh form, fetches again once it is older, and keeps each account’s form apart', async () => {
    const w = await world();
    const service = w.service({ freshMs: 60_000 });
    expect((await service.forAccount('kiosk')).map((f) => f.label)).toEqual(['Pass number', 'Host', 'Visit date']);
    w.emu.configure({ flexibleFields: [VISIT] });
    w.clock.t += 30_000;
    expect((await service.forAccount('kiosk')).map((f) => f.label)).toEqual(['Pass number', 'Host', 'Visit date']);
    expect(w.fetches()).toBe(1);
    // Another account asks TrustID for its own form; the first keeps its cache meanwhile.
    expect((await service.forAccount('personal-7')).map((f) => f.label)).toEqual(['Visit date']);
    expect(w.store.fieldDefinitions.get('kiosk')?.definitions).toHaveLength(3);
    w.clock.t += 31_000;
    expect((await service.forAccount('kiosk')).map((f) => f.label)).toEqual(['Visit date']);
    expect(w.fetches()).toBe(3);
  });

  it('when TrustID is slow, shows the saved form at once and saves the new one when it arrives', async () => {
    const w = await world();
    await w.service().forAccount('kiosk');
    w.emu.configure({ flexibleFields: [HOST] });
    w.emu.addFault({ match: { path: 'dataAccess/applicationFlexibleFieldAttributes' }, action: 'delay:1500', times: 1 });
    w.clock.t += 3600_000;
    const fetchedAt = w.clock.t;
    const service = w.service({ waitMs: 50 });
    expect(await service.forAccount('kiosk')).toHaveLength(3);
    // The late answer lands in the store (and the service's memory) for the next visitor.
    await expect.poll(() => w.store.fieldDefinitions.get('kiosk')?.fetchedAt, { timeout: 20_000 }).toBe(fetchedAt);
    expect(w.store.fieldDefinitions.get('kiosk')?.definitions).toEqual([expect.objectContaining({ label: 'Host' })]);
    expect((await service.forAccount('kiosk')).map((f) => f.label)).toEqual(['Host']);
  });
});
