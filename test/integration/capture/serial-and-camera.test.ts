// A desk with an MRZ reader on a serial port (a real socat PTY, bytes written by the simulated
// reader's PTY writer) and a webcam whose stills come through `camera.submitStill`: detection,
// "test this reader" kept out of the visitor's capture, hostile camera bytes, and a capture saved
// to a real store. Runs under vitest; needs socat (ENVIRONMENT.md).
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CaptureDraft, DeviceView, Receipt } from '../../../preload/contract';
import { PtyMrzWriter } from '../../../main/demo/simulated-reader/pty-mrz-writer';
import { specimenDocument } from '../../../main/demo/simulated-reader/specimen-documents';
import { renderSpecimenImage } from '../../../main/demo/simulated-reader/specimen-images';
import { hasSocat, openPtyPair, type PtyPair } from '../../fakes/pty';
import { openCaptureRig, resourcesDir, today, type CaptureRig } from './capture-rig';

const saneConfigDir = fileURLToPath(new URL('../../../resources/sane', import.meta.url));
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function desk(): Promise<{ r: CaptureRig; pair: PtyPair; writer: PtyMrzWriter }> {
  const pair = await openPtyPair();
  cleanups.push(() => pair.close());
  const r = await openCaptureRig({
    demo: false,
    settings: {
      devices: [
        { id: 'mrz', label: 'Desk MRZ reader', kind: 'serial', options: { path: pair.a, framing: { lineEnding: 'crlf' } } },
        { id: 'webcam', label: 'Document camera', kind: 'camera', options: {} },
      ],
    },
    device: { sane: { saneConfigDir } },
  });
  cleanups.push(() => r.close());
  await r.untilDevices((l) => l.find((d) => d.id === 'mrz')?.status.state === 'ready');
  const writer = await PtyMrzWriter.open(pair.b);
  cleanups.push(() => writer.close());
  return { r, pair, writer };
}

const passport = specimenDocument({ kind: 'passport' }, today);

describe.skipIf(!hasSocat())('serial MRZ reader on a PTY with a camera', () => {
  it('lists both with their capabilities, finds the PTY and the SANE test scanner, and tests the reader without touching the capture', async () => {
    const { r, pair, writer } = await desk();
    const list = await r.value<DeviceView[]>('devices.list');
    expect(list.map((d) => [d.id, d.kind, d.capabilities])).toEqual([
      ['mrz', 'serial', { mrz: true, sides: [], lights: [], trigger: false }],
      ['webcam', 'camera', { mrz: false, sides: ['front', 'back'], lights: ['white'], trigger: false }],
    ]);
    expect(list[1]!.status).toMatchObject({ state: 'connecting', code: null });

    const found = await r.value<{ serialPorts: Array<{ path: string }>; scanners: Array<{ name: string; label: string }> }>('devices.detect');
    expect(found.serialPorts.map((p) => p.path)).toContain(pair.a);
    expect(found.scanners.map((s) => s.name)).toContain('test:0');

    // A visitor's capture is open while an admin tests the reader: the test read must not land in it.
    await r.value('capture.start', { documentType: 'passport' });
    // devices.test marks the reader as under test before it waits, so this read is the test's.
    const testing = r.value<{ ok: boolean; message: string }>('devices.test', { id: 'mrz' });
    await writer.sendDocument(passport.mrz, { lineEnding: 'crlf' });
    expect(await testing).toEqual({ ok: true, message: expect.stringMatching(/^The reader works: it read an MRZ of 2 lines \(44, 44 characters\)/) });
    await r.capture.settled();
    expect(r.capture.get()!.documents[0]!.mrz).toBeNull();
    // The reader has no trigger string and the camera takes its own pictures: no Scan button here.
    expect(await r.call('devices.trigger', {})).toMatchObject({ ok: false, code: 'device.none' });
  });

  it('refuses hostile camera bytes with a plain error, then captures the MRZ from the PTY and the page from the camera and saves them', async () => {
    const { r, writer } = await desk();
    let draft = await r.value<CaptureDraft>('capture.start', { documentType: 'passport' });
    // The camera is the only reader that makes images, so white light is the only step.
    expect(draft.documents[0]!.steps.map((s) => `${s.side}/${s.light}`)).toEqual(['front/white']);

    await writer.sendDocument(passport.mrz, { lineEnding: 'crlf' });
    draft = (await r.untilDraft((d) => d?.documents[0]!.mrz !== null))!;
    expect(draft.documents[0]!.mrz).toMatchObject({ format: 'TD3', valid: true, lines: passport.mrz });

    const jpeg = Buffer.from((await renderSpecimenImage(passport, 'front', 'white', { specimensDir: `${resourcesDir}/specimens` })).bytes);
    const png = await sharp(jpeg).png().toBuffer();
    const hostile: Array<[string, string]> = [
      ['random bytes', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)).toString('base64')],
      ['a JPEG cut short', jpeg.subarray(0, Math.floor(jpeg.length / 2)).toString('base64')],
      ['a PNG', png.toString('base64')],
      ['a JPEG header on garbage', Buffer.concat([jpeg.subarray(0, 600), Buffer.alloc(4000, 0x41), Buffer.from([0xff, 0xd9])]).toString('base64')],
    ];
    // Not base64 at all: the contract refuses it before main decodes anything.
    expect(await r.call('camera.submitStill', { deviceId: 'webcam', side: 'front', light: 'white', jpegBase64: 'this is <not> base64!!' })).toMatchObject({ ok: false, code: 'contract.invalid-payload' });
    for (const [what, jpegBase64] of hostile) {
      const answer = await r.call('camera.submitStill', { deviceId: 'webcam', side: 'front', light: 'white', jpegBase64 });
      expect(answer, what).toMatchObject({ ok: false, code: 'camera.bad-image', message: expect.stringMatching(/^The camera picture could not be used: .+ Take the picture again\.$/) });
    }
    await r.capture.settled();
    expect(r.capture.get()!.documents[0]!.steps[0]!.image).toBeNull();

    expect(await r.call('camera.submitStill', { deviceId: 'webcam', side: 'front', light: 'white', jpegBase64: jpeg.toString('base64') })).toEqual({ ok: true, value: undefined });
    await r.capture.settled();
    draft = r.capture.get()!;
    expect(draft.documents[0]!.steps[0]!.image).toMatchObject({ side: 'front', light: 'white', width: 1476, height: 1039 });
    await r.untilDevices((l) => l.find((d) => d.id === 'webcam')?.status.state === 'ready');

    draft = await r.value<CaptureDraft>('capture.confirmPerson', { matches: true });
    expect(draft.blockers).toEqual([]);
    const receipt = await r.value<z.infer<typeof Receipt>>('capture.submit');
    expect(r.saves).toEqual([{ appId: receipt.applicationId, committed: true, files: 1 }]);
    expect(Buffer.from(r.store.images.read(receipt.applicationId, 0, 0)).equals(jpeg)).toBe(true);
    expect(r.store.submissions.documentFields(receipt.applicationId, 0)?.mrz).toBe(passport.mrz.join('\n'));
    const text = r.logText();
    for (const secret of ['SPECIMEN', 'ANGELA', 'UP1234567', passport.mrz[0]!.slice(5, 20)]) expect(text).not.toContain(secret);
  });
});
