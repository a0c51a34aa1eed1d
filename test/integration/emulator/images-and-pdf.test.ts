// Images (RAW-API §5.3, §5.4, §9) and the PDF report (§5.5) over real HTTP: formats, limits,
// appends, bytes served back with their type, empty answers on error, and a PDF whose structure
// (header, xref offsets, trailer) a reader can open.
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Session } from './emulator-client';
import { buildApplication, documents, jpeg, login, publish, retrieve, start, upload } from './emulator-client';

function checkPdfStructure(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const [, first, count] = /xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
  expect(first).toBe('0');
  const entries = text.slice(startxref).split('\n').slice(2, 2 + Number(count));
  entries.slice(1).forEach((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
  });
  expect(text).toMatch(/trailer\n<< \/Size \d+ \/Root 1 0 R/);
  return text;
}

describe('emulator images and PDF report (RAW-API §5, §9)', () => {
  let emu: RunningEmulator;
  let session: Session;
  beforeEach(async () => {
    emu = await start();
    session = await login(emu);
  });
  afterEach(async () => {
    await emu.close();
  });

  const imageUrl = (id: string, s: Session = session) => `${emu.baseUrl}dataAccess/image/?id=${id}&DeviceId=${s.deviceId}&SessionId=${s.sessionId}`;
  const get = (url: string) => fetch(url, { headers: { 'tid-api-key': emu.apiKey } });

  it('accepts JPEG and PNG, records their size and type, and serves the same bytes back', async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#808080' } }).png().toBuffer();
    const { containerId, documentId, imageIds } = await buildApplication(session);
    const second = await upload(session, containerId, documentId, png, 2);
    await publish(session, containerId);
    const images = documents(await retrieve(session, containerId))[0]?.Images as Record<string, unknown>[];
    expect(images.map((image) => [image.ImageType, image.FileType, image.OriginalWidth, image.OriginalHeight, image.CurrentSize])).toEqual([
      [2, 1, 64, 48, (await jpeg()).length],
      [2, 2, 30, 20, png.length],
    ]);
    const first = await get(imageUrl(imageIds[0] ?? ''));
    expect(first.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await first.arrayBuffer()).equals(await jpeg())).toBe(true);
    const pngBack = await get(imageUrl(String(second.json.ImageId)));
    expect(pngBack.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await pngBack.arrayBuffer()).equals(png)).toBe(true);
    const posted = await fetch(`${emu.baseUrl}dataAccess/retrieveImage/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'tid-api-key': emu.apiKey },
      body: JSON.stringify({ DeviceId: session.deviceId, SessionId: session.sessionId, ImageId: second.json.ImageId }),
    });
    expect(Buffer.from(await posted.arrayBuffer()).equals(png)).toBe(true);
  });

  it('appends a second upload of the same type instead of replacing the first', async () => {
    const { containerId, documentId } = await buildApplication(session);
    await upload(session, containerId, documentId, await jpeg(), 2);
    await publish(session, containerId);
    expect(documents(await retrieve(session, containerId))[0]?.Images).toHaveLength(2);
  });

  it('refuses empty, unsupported and oversize uploads', async () => {
    emu.configure({ upload: { maxBytes: 10_000 } });
    const { containerId, documentId } = await buildApplication(session);
    expect((await upload(session, containerId, documentId, new Uint8Array(0))).json).toMatchObject({ Success: false, Message: 'Image data is empty.' });
    expect((await upload(session, containerId, documentId, Buffer.from('GIF89a....'))).json).toMatchObject({ Success: false, Message: 'Image format is not supported.' });
    const big = Buffer.concat([await jpeg(), Buffer.alloc(20_000)]);
    expect((await upload(session, containerId, documentId, big)).json).toMatchObject({ Success: false, Message: 'Image exceeds the maximum size.' });
    expect(emu.containers()[0]?.documents[0]?.images).toBe(1);
  });

  it('requires the container and document query parameters and the session headers on upload', async () => {
    const { containerId } = await buildApplication(session);
    const noDocument = await fetch(`${emu.baseUrl}dataAccess/uploadImage/?__TT_ContainerId=${containerId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'tid-api-key': emu.apiKey, __TT_DeviceId: session.deviceId, __TT_SessionId: session.sessionId },
      body: await jpeg(),
    });
    expect(await noDocument.json()).toMatchObject({ Success: false, Message: '__TT_DocumentId is required.' });
    const noSession = await fetch(`${emu.baseUrl}dataAccess/uploadImage/?__TT_ContainerId=${containerId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'tid-api-key': emu.apiKey, __TT_DeviceId: session.deviceId },
      body: await jpeg(),
    });
    expect(await noSession.json()).toMatchObject({ Success: false, SessionExpired: true });
  });

  it('answers the image GET with an empty 200 body for an unknown image, an expired session or an unpublished container', async () => {
    const { containerId, imageIds } = await buildApplication(session);
    const unpublished = await get(imageUrl(imageIds[0] ?? ''));
    expect(unpublished.status).toBe(200);
    expect((await unpublished.arrayBuffer()).byteLength).toBe(0);
    await publish(session, containerId);
    expect((await (await get(imageUrl('0f3a9c1e-7b24-4d58-a6e1-93c5b2d7e480'))).arrayBuffer()).byteLength).toBe(0);
    emu.expireSessions();
    const expired = await get(imageUrl(imageIds[0] ?? ''));
    expect(expired.status).toBe(200);
    expect((await expired.arrayBuffer()).byteLength).toBe(0);
    const fresh = await login(emu);
    expect((await (await get(imageUrl(imageIds[0] ?? '', fresh))).arrayBuffer()).byteLength).toBe((await jpeg()).length);
  });

  it('exports a PDF that names the application, its status, its fields and why it failed', async () => {
    const { containerId } = await buildApplication(session, { reference: 'pdf-ref', mrz: null });
    emu.setScenario({ containerId, outcome: 'fail' });
    await publish(session, containerId);
    await emu.advanceClock(2500);
    const response = await fetch(`${emu.baseUrl}dataAccess/exportPDF/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/pdf', 'tid-api-key': emu.apiKey },
      body: JSON.stringify({ DeviceId: session.deviceId, SessionId: session.sessionId, ContainerId: containerId }),
    });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = checkPdfStructure(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain(`(Container: ${containerId}) Tj`);
    expect(text).toContain('(Client reference: pdf-ref) Tj');
    expect(text).toContain('(Status: Archive - result final \\(3\\)) Tj');
    expect(text).toContain('(Verdict: Failed) Tj');
    expect(text).toContain('(Surname: SAMPLE) Tj');
    expect(text).toContain('(Check failed: Security features - The security features could not be verified.) Tj');

    const byGet = await get(`${emu.baseUrl}dataAccess/downloadPDF/?id=${containerId}&DeviceId=${session.deviceId}&SessionId=${session.sessionId}`);
    expect(byGet.headers.get('content-type')).toBe('application/pdf');
    checkPdfStructure(Buffer.from(await byGet.arrayBuffer()));
  });

  it('answers exportPDF errors with a JSON envelope', async () => {
    const { containerId } = await buildApplication(session);
    const answer = await session.call('dataAccess/exportPDF', { ContainerId: containerId });
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.json).toMatchObject({ Success: false, Message: 'Document container has not been published.' });
  });
});
