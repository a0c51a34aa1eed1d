// Document-level custom fields from the store to TrustID (issue 10 §5): the worker sends what staff
// filled in with that document's createDocument (RAW-API §7.9), beside the capture marker, and the
// emulator keeps and returns them. Real store, real client, the emulator.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './sync-rig';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const settled = (r: Rig, appId: string) => () => {
  const a = r.app(appId)?.app;
  return a !== undefined && (a.step === 'COMPLETED' || a.attentionReason !== null);
};

describe('document custom fields through sync', () => {
  it('the published document carries the value staff filled in and the capture marker, each in its slot', async () => {
    rig = await startRig({ markerSlot: true });
    rig.worker.start();
    const appId = await rig.capture({ documentFields: [{ propertyName: 'BadgeNumber', index: 0, value: 'B-2047' }] });
    await rig.drain({ until: settled(rig, appId) });
    const s = rig.app(appId)!;
    expect(s.app.step).toBe('COMPLETED');
    const published = s.containers.find((c) => c.abandonReason === null)!;
    const remote = rig.emu.containers().find((c) => c.containerId === published.containerId)!;
    expect(remote.documents[0]?.customFields).toEqual({ BadgeNumber: 'B-2047', KioskCaptureRef: `${appId}:0` });
  });

  it('a staff value for the marker’s own slot is never sent over the marker', async () => {
    rig = await startRig({ markerSlot: true });
    rig.worker.start();
    const appId = await rig.capture({ documentFields: [{ propertyName: 'KioskCaptureRef', index: 9, value: 'typed-by-hand' }] });
    await rig.drain({ until: settled(rig, appId) });
    const published = rig.app(appId)!.containers.find((c) => c.abandonReason === null)!;
    const remote = rig.emu.containers().find((c) => c.containerId === published.containerId)!;
    expect(remote.documents[0]?.customFields).toMatchObject({ KioskCaptureRef: `${appId}:0` });
  });
});
