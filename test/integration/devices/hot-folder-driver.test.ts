// The hot folder driver on a real temp folder with real image files. Polls are run by hand with a
// test clock (pollNow), except in the one test that checks the driver's own timer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImageEvent, MrzEvent, ReadErrorEvent } from '../../../main/devices/driver';
import { createHotFolderDriver, type HotFolderDriver } from '../../../main/devices/hot-folder/hot-folder-driver';
import { HotFolderOptions } from '../../../main/devices/hot-folder/hot-folder-settings';
import { silentLogger } from '../../../main/logging/logger';
import { nextEvent, recordEvents, statusIn } from '../../fakes/fake-driver';

const td3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

let jpeg: Buffer;
let png: Buffer;
let tiff: Buffer;
beforeAll(async () => {
  const page = sharp({ create: { width: 1016, height: 638, channels: 3, background: '#e0d8c8' } });
  jpeg = await page.clone().jpeg().withMetadata({ density: 300 }).toBuffer();
  png = await page.clone().png().toBuffer();
  tiff = await page.clone().tiff().toBuffer();
});

let dir: string;
let clock: number;
let drivers: HotFolderDriver[];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hot-folder-'));
  clock = 1_800_000_000_000;
  drivers = [];
});
afterEach(async () => {
  await Promise.all(drivers.map((d) => d.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A driver whose timer never fires: the test polls with `poll()` and moves the clock itself. */
function manualDriver(options: Partial<HotFolderOptions> = {}) {
  const d = createHotFolderDriver({
    id: 'vendor-reader',
    options: HotFolderOptions.parse({ folder: dir, stablePolls: 2, settleMs: 1500, ...options }),
    log: silentLogger(),
    now: () => clock,
    schedule: () => () => undefined,
  });
  drivers.push(d);
  return d;
}

/** Polls `times` times, a second apart. */
async function poll(d: HotFolderDriver, times = 1) {
  for (let i = 0; i < times; i += 1) {
    await d.pollNow();
    clock += 1000;
  }
}

const write = (name: string, data: string | Uint8Array) => fs.writeFileSync(path.join(dir, name), data);
const ls = (sub = '') => fs.readdirSync(path.join(dir, sub)).sort();

describe('taking scans from the hot folder', () => {
  it('emits the MRZ and both sides of a scan, in order, then moves the files to done/', async () => {
    const d = manualDriver();
    await d.start();
    write('scan1.back.png', png);
    write('scan1.front.white.jpg', jpeg);
    write('scan1.front.ir.jpg', jpeg);
    write('scan1.json', JSON.stringify({ mrz: td3 }));
    const events = recordEvents(d);
    await poll(d, 4);
    const names = events.map((e) => e.event).filter((e) => e !== 'status');
    expect(names).toEqual(['document-present', 'mrz', 'image', 'image', 'image', 'document-removed']);
    const mrz = events.find((e) => e.event === 'mrz')!.args[0] as MrzEvent;
    expect(mrz).toMatchObject({ lines: td3, partial: false, source: 'hot-folder:vendor-reader' });
    const images = events.filter((e) => e.event === 'image').map((e) => e.args[0] as ImageEvent);
    expect(images.map((i) => [i.side, i.light, i.mime])).toEqual([
      ['front', 'white', 'image/jpeg'],
      ['front', 'ir', 'image/jpeg'],
      ['back', 'white', 'image/png'],
    ]);
    expect(images[0]!.dpi).toBe(300);
    expect(Buffer.from(images[0]!.bytes).equals(jpeg)).toBe(true);
    expect(ls()).toEqual(['done', 'failed']);
    expect(ls('done')).toEqual(['scan1.back.png', 'scan1.front.ir.jpg', 'scan1.front.white.jpg', 'scan1.json']);
  });

  it('takes each scan once, and the next one separately', async () => {
    const d = manualDriver();
    await d.start();
    const images: ImageEvent[] = [];
    d.on('image', (i) => images.push(i));
    write('a.jpg', jpeg);
    await poll(d, 5);
    write('b.jpg', jpeg);
    await poll(d, 5);
    expect(images).toHaveLength(2);
    expect(ls('done')).toEqual(['a.jpg', 'b.jpg']);
  });

  it('takes an image by its bytes, not its name: a PNG saved as .jpg is a PNG', async () => {
    const d = manualDriver();
    await d.start();
    write('scan2.jpg', png);
    const image = nextEvent(d, 'image');
    await poll(d, 3);
    expect((await image)[0]).toMatchObject({ mime: 'image/png', side: 'front' });
  });

  it('turns a TIFF into PNG', async () => {
    const d = manualDriver();
    await d.start();
    write('scan3.tif', tiff);
    const image = nextEvent(d, 'image');
    await poll(d, 3);
    const [event] = await image;
    expect(event.mime).toBe('image/png');
    expect((await sharp(event.bytes).metadata()).format).toBe('png');
  });

  it('reads an XML sidecar with escaped fillers', async () => {
    const d = manualDriver();
    await d.start();
    write('scan4.xml', `<scan><mrz><line>${td3[0]!.replaceAll('<', '&lt;')}</line><line><![CDATA[${td3[1]}]]></line></mrz></scan>`);
    const mrz = nextEvent(d, 'mrz');
    await poll(d, 3);
    expect((await mrz)[0].lines).toEqual(td3);
    expect(ls('done')).toEqual(['scan4.xml']);
  });

  it('uses a free name in done/ when a scan name comes back', async () => {
    const d = manualDriver();
    await d.start();
    write('same.jpg', jpeg);
    await poll(d, 3);
    write('same.jpg', jpeg);
    await poll(d, 3);
    expect(ls('done')).toEqual(['same.jpg', 'same~2.jpg']);
  });
});

describe('files that are not ready or not right', () => {
  it('waits for a half-written image to be finished, then takes it whole', async () => {
    const d = manualDriver();
    await d.start();
    const images: ImageEvent[] = [];
    d.on('image', (i) => images.push(i));
    write('slow.jpg', jpeg.subarray(0, 2000));
    await poll(d, 5);
    // The writer paused longer than the stable polls: the JPEG has no end marker yet, so it waits.
    expect(images).toEqual([]);
    expect(ls()).toContain('slow.jpg');
    fs.appendFileSync(path.join(dir, 'slow.jpg'), jpeg.subarray(2000));
    await poll(d, 4);
    expect(images).toHaveLength(1);
    expect(Buffer.from(images[0]!.bytes).equals(jpeg)).toBe(true);
  });

  it('gives up on an image that stays cut short, moving it to failed/ with the reason', async () => {
    const d = manualDriver({ incompleteGraceMs: 10_000 });
    await d.start();
    const errors: ReadErrorEvent[] = [];
    d.on('read-error', (e) => errors.push(e));
    write('broken.front.jpg', jpeg.subarray(0, 3000));
    write('broken.json', JSON.stringify({ mrz: td3 }));
    await poll(d, 8);
    expect(errors).toEqual([]);
    await poll(d, 4);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'folder.bad-scan', message: expect.stringContaining('cut short') });
    expect(ls('failed')).toEqual(['broken.front.jpg', 'broken.json', 'broken.reason.txt']);
    expect(fs.readFileSync(path.join(dir, 'failed', 'broken.reason.txt'), 'utf8')).toContain('broken.front.jpg: the image is cut short');
  });

  it('does not touch files still under a temporary name, and takes them once renamed into place', async () => {
    const d = manualDriver();
    await d.start();
    write('scan5.jpg.part', jpeg);
    await poll(d, 5);
    expect(ls()).toContain('scan5.jpg.part');
    fs.renameSync(path.join(dir, 'scan5.jpg.part'), path.join(dir, 'scan5.jpg'));
    const image = nextEvent(d, 'image');
    await poll(d, 3);
    await image;
    expect(ls('done')).toEqual(['scan5.jpg']);
  });

  it('moves a file that is not an image to failed/, whatever its name says', async () => {
    const d = manualDriver();
    await d.start();
    write('fake.front.jpg', '%PDF-1.7 not really a picture');
    const error = nextEvent(d, 'read-error');
    await poll(d, 3);
    const [event] = await error;
    expect(event.message).toContain('not a JPEG, PNG or TIFF');
    expect(Buffer.from(event.raw!).toString()).toContain('%PDF');
    expect(ls('failed')).toEqual(['fake.front.jpg', 'fake.reason.txt']);
  });

  it('rejects a scan whose sidecar is malformed, keeping its images together in failed/', async () => {
    const d = manualDriver();
    await d.start();
    write('scan6.front.jpg', jpeg);
    write('scan6.json', '{"mrz": ["P<UTO');
    const images: ImageEvent[] = [];
    d.on('image', (i) => images.push(i));
    const error = nextEvent(d, 'read-error');
    await poll(d, 3);
    expect((await error)[0].message).toContain('not valid JSON');
    expect(images).toEqual([]);
    expect(ls('failed')).toEqual(['scan6.front.jpg', 'scan6.json', 'scan6.reason.txt']);
  });

  it('rejects two images of the same side and light', async () => {
    const d = manualDriver();
    await d.start();
    write('dup.front.jpg', jpeg);
    write('dup.front.png', png);
    const error = nextEvent(d, 'read-error');
    await poll(d, 3);
    expect((await error)[0].message).toContain('two images of the front in white light');
  });

  it('leaves sub-folders and symlinks alone', async () => {
    const d = manualDriver();
    await d.start();
    fs.mkdirSync(path.join(dir, 'archive'));
    fs.symlinkSync('/etc/hostname', path.join(dir, 'link.jpg'));
    const events = recordEvents(d);
    await poll(d, 4);
    expect(events.filter((e) => e.event !== 'status')).toEqual([]);
    expect(ls()).toEqual(['archive', 'done', 'failed', 'link.jpg']);
  });
});

describe('the folder itself', () => {
  it('reports a missing folder as an error and does not create it', async () => {
    const missing = path.join(dir, 'share-not-mounted');
    const d = createHotFolderDriver({ id: 'x', options: HotFolderOptions.parse({ folder: missing }), log: silentLogger() });
    drivers.push(d);
    const status = statusIn(d, ['ready', 'error']);
    await d.start();
    expect(await status).toMatchObject({ state: 'error', code: 'folder.missing', message: expect.stringContaining(missing) });
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('reports the folder vanishing while watched (a network share dropping)', async () => {
    const inner = path.join(dir, 'share');
    fs.mkdirSync(inner);
    const d = createHotFolderDriver({
      id: 'x',
      options: HotFolderOptions.parse({ folder: inner }),
      log: silentLogger(),
      schedule: () => () => undefined,
    });
    drivers.push(d);
    await d.start();
    fs.rmSync(inner, { recursive: true });
    const status = statusIn(d, ['error']);
    await d.pollNow();
    expect(await status).toMatchObject({ code: 'folder.missing' });
  });

  it('deletes scans from done/ once they are older than the retention time', async () => {
    fs.mkdirSync(path.join(dir, 'done'));
    write('done/old.jpg', jpeg);
    write('done/new.jpg', jpeg);
    const hoursAgo = (h: number) => new Date(clock - h * 3600_000);
    fs.utimesSync(path.join(dir, 'done/old.jpg'), hoursAgo(30), hoursAgo(30));
    fs.utimesSync(path.join(dir, 'done/new.jpg'), hoursAgo(2), hoursAgo(2));
    const d = manualDriver({ doneRetentionHours: 24 });
    await d.start();
    await poll(d);
    expect(ls('done')).toEqual(['new.jpg']);
  });

  it('polls on its own timer', async () => {
    const d = createHotFolderDriver({
      id: 'timer',
      options: HotFolderOptions.parse({ folder: dir, pollIntervalMs: 100, stablePolls: 1, settleMs: 0 }),
      log: silentLogger(),
    });
    drivers.push(d);
    await d.start();
    write('auto.jpg', jpeg);
    const [image] = await nextEvent(d, 'image');
    expect(image.side).toBe('front');
  });

  it('stops polling and goes offline on stop()', async () => {
    const d = manualDriver();
    await d.start();
    const offline = statusIn(d, ['offline']);
    await d.stop();
    await offline;
    write('late.jpg', jpeg);
    await poll(d, 4);
    expect(ls()).toContain('late.jpg');
  });
});
