// Application custom fields from the store to TrustID: the worker sends them with
// createDocumentContainer (API §4.1, §7.8), the published container carries them, and a container
// rebuilt after abandon-and-restart (§7.3) carries them again. Real store, real client, the emulator.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions, RequestLogEntry } from '../../../main/demo/emulator';
import type { ApplicationFieldValue } from '../../../main/store/application-fields';
import { createTrustIdClient, type TrustIdClient } from '../../../main/trustid';
import { KIOSK_USER, startRig, type Rig } from './sync-rig';

const HOST = { id: '11111111-2222-4333-8444-000000000001', flexibleFieldId: '11111111-2222-4333-8444-0000000000a1', name: 'HostName', displayName: 'Host', dataType: 1, mandatory: true, helpText: null, orderIndex: 1 };
const PASS = { id: '11111111-2222-4333-8444-000000000002', flexibleFieldId: '11111111-2222-4333-8444-0000000000a2', name: 'PassNumber', displayName: 'Pass number', dataType: 2, mandatory: false, helpText: null, orderIndex: 2 };
const VISIT = { id: '11111111-2222-4333-8444-000000000003', flexibleFieldId: '11111111-2222-4333-8444-0000000000a3', name: 'VisitDate', displayName: 'Visit date', dataType: 3, mandatory: false, helpText: null, orderIndex: 3 };
const FEE = { id: '11111111-2222-4333-8444-000000000004', flexibleFieldId: '11111111-2222-4333-8444-0000000000a4', name: 'Fee', displayName: 'Fee', dataType: 4, mandatory: false, helpText: null, orderIndex: 4 };
const flexibleFields: NonNullable<EmulatorOptions['flexibleFields']> = [HOST, PASS, VISIT, FEE];

const values: ApplicationFieldValue[] = [
  { fieldId: HOST.flexibleFieldId, versionId: HOST.id, kind: 'string', value: 'Dr Okonkwo-Lindqvist' },
  { fieldId: PASS.flexibleFieldId, versionId: PASS.id, kind: 'int', value: '4711' },
  { fieldId: VISIT.flexibleFieldId, versionId: VISIT.id, kind: 'date', value: '2026-11-02' },
  { fieldId: FEE.flexibleFieldId, versionId: FEE.id, kind: 'decimal', value: '12.5' },
];

let rig: Rig | undefined;
let reader: TrustIdClient | undefined;
afterEach(async () => {
  await reader?.close();
  reader = undefined;
  await rig?.close();
  rig = undefined;
});

async function run(emulator: EmulatorOptions = {}): Promise<Rig> {
  rig = await startRig({ emulator: { flexibleFields, ...emulator } });
  rig.worker.start();
  return rig;
}

function settled(r: Rig, appId: string) {
  return () => {
    const a = r.app(appId)?.app;
    return a !== undefined && (a.step === 'COMPLETED' || a.attentionReason !== null);
  };
}

/** The published container as anyone reading it from TrustID sees it: its flexible field values by version id. */
async function publishedValues(r: Rig, containerId: string): Promise<Record<string, unknown>> {
  const user = r.emu.users.find((u) => u.username === KIOSK_USER)!;
  reader = createTrustIdClient({
    baseUrl: r.emu.origin,
    apiKey: r.emu.apiKey,
    credentials: () => ({ username: user.username, password: user.password }),
    deviceIdFile: path.join(r.dir, 'reader-device-id'),
    now: () => r.time.now(),
  });
  const container = await reader.retrieveDocumentContainer({ containerId });
  const out: Record<string, unknown> = {};
  for (const tuple of container.ApplicationFlexibleFieldList ?? []) {
    const v = tuple.m_Item2;
    if (!v?.FlexibleFieldVersionId) continue;
    out[v.FlexibleFieldVersionId] = v.FieldValueString ?? v.FieldValueInt ?? v.FieldValueDecimal ?? v.FieldValueDate?.toISOString() ?? null;
  }
  return out;
}

const creates = (log: RequestLogEntry[]) => log.filter((e) => e.operation === 'dataAccess/createDocumentContainer');

describe('application custom fields through sync', () => {
  it('the published container carries every captured value, each in the member its data type takes', async () => {
    const r = await run();
    const appId = await r.capture({ applicationFields: values });
    await r.drain({ until: settled(r, appId) });
    const s = r.app(appId)!;
    expect(s.app.step).toBe('COMPLETED');
    const published = s.containers.find((c) => c.abandonReason === null)!;
    expect(await publishedValues(r, published.containerId)).toEqual({
      [HOST.id]: 'Dr Okonkwo-Lindqvist',
      [PASS.id]: 4711,
      [VISIT.id]: '2026-11-02T00:00:00.000Z',
      [FEE.id]: 12.5,
    });
    expect(r.warnings.filter((w) => w.level >= 50)).toEqual([]);
  });

  it('a container rebuilt after abandon-and-restart is created with the values again', async () => {
    // The first upload is held back 120 s by a 429, long enough for the 60 s purge of the unpublished container.
    const r = await run({ temp: { purgeAfterS: 60 } });
    r.emu.addFault({ match: { path: 'dataAccess/uploadImage' }, action: 'http:429', retryAfter: 120, times: 1 });
    const appId = await r.capture({ applicationFields: values });
    await r.drain({ until: settled(r, appId) });

    const s = r.app(appId)!;
    expect(s.app.step).toBe('COMPLETED');
    expect(s.containers.map((c) => c.abandonReason)).toEqual(['rejected', null]);
    // Both creates carried the values, and TrustID took both (the field is mandatory there).
    const sent = creates(r.emu.requests());
    expect(sent).toHaveLength(2);
    for (const e of sent) {
      expect(e.success).toBe(true);
      expect(e.body.kind === 'json' && e.body.fields).toContain('ApplicationFlexibleFieldValues');
    }
    expect(await publishedValues(r, s.containers[1]!.containerId)).toMatchObject({ [HOST.id]: 'Dr Okonkwo-Lindqvist', [PASS.id]: 4711 });
  });

  it('a capture without values sends none, and its container carries none', async () => {
    const r = await run({ flexibleFields: [{ ...HOST, mandatory: false }, PASS] });
    const appId = await r.capture();
    await r.drain({ until: settled(r, appId) });
    const s = r.app(appId)!;
    expect(s.app.step).toBe('COMPLETED');
    expect(creates(r.emu.requests()).map((e) => e.body.kind === 'json' && e.body.fields.includes('ApplicationFlexibleFieldValues'))).toEqual([false]);
    expect(await publishedValues(r, s.containers[0]!.containerId)).toEqual({});
  });

  it('without the value of a mandatory field TrustID refuses the container, and nothing is published', async () => {
    const r = await run();
    const appId = await r.capture();
    await r.drain({ until: settled(r, appId), maxMs: 24 * 3600_000 });
    const s = r.app(appId)!;
    expect(s.app.step).toBe('CREATE_CONTAINER');
    expect(s.app.attentionReason).not.toBeNull();
    expect(r.emu.containers(appId)).toEqual([]);
    expect(creates(r.emu.requests()).every((e) => e.success === false)).toBe(true);
  });
});
