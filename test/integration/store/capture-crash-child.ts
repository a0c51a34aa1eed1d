// Child process for the capture crash test: opens the store as the app does (recover first), then
// captures and retakes in a loop, printing what it is about to do and an ack line after each call
// returns. The parent SIGKILLs it at random moments. Run with `node --import tsx`. Test-only.
import crypto from 'node:crypto';
import { fileKeyCustody } from '../../../main/store/key-custody';
import { silentLogger } from '../../../main/logging/logger';
import type { CaptureImage } from '../../../main/store/capture-repo';
import { openStore } from '../../../main/store/open-store';

const [dataDir, keyFile, seedText] = process.argv.slice(2);
if (!dataDir || !keyFile) throw new Error('usage: capture-crash-child <dataDir> <keyFile> <seed>');

// Pipes are synchronous on Linux, so a line written here reaches the parent even if we die next.
const say = (line: string) => process.stdout.write(`${line}\n`);

let state = Number(seedText ?? 1) >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};

function image(i: number): CaptureImage {
  const bytes = crypto.randomBytes(50_000 + Math.floor(random() * 250_000));
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  return { bytes, mime: 'image/jpeg', side: i === 0 ? 'front' : 'back', imageType: i === 0 ? 2 : 3 };
}
const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

const store = openStore({ dataDir, custody: fileKeyCustody(keyFile, true), log: silentLogger() });
store.recover({ verifyAudit: false });
say('ready');

const editable = store.submissions.list({ steps: ['CREATE_CONTAINER'], limit: 10_000 }).map((a) => a.id);

for (let n = 0; ; n++) {
  if (n % 4 === 3 && editable.length > 0) {
    const appId = editable[Math.floor(random() * editable.length)]!;
    const imgIndex = Math.floor(random() * 3);
    const next = image(imgIndex);
    say(`retake ${appId} ${imgIndex} ${sha(next.bytes)}`);
    await store.capture.retakeImage({ appId, position: { docIndex: 0, imgIndex }, image: next, actor: 'crash-test' });
    say(`retake-ack ${appId}`);
  } else {
    const appId = crypto.randomUUID();
    const images = [image(0), image(1), image(2)];
    say(`begin ${appId} ${images.map((i) => sha(i.bytes)).join(',')}`);
    await store.capture.saveCapture({
      appId,
      capturedBy: 'crash-test',
      documents: [{ format: 'TD3', personal: { surname: `CRASH${n}`, mrz: `P<GBRCRASH${n}` }, images }],
    });
    say(`ack ${appId}`);
    editable.push(appId);
  }
}
