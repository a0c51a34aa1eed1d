import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seal, sealParts, unseal } from '../../../../main/store/seal';
import { defaultFileWriter, startSealedFiles, sweepSealedFiles, writeSealedFiles, type FileWriter } from '../../../../main/store/sealed-files';
import { listFiles, tempDir } from './store-fixture';

describe('sealed files', () => {
  it('writes every file under its final name with owner-only permissions and no temp files left', async () => {
    const dir = path.join(tempDir(), 'images');
    await writeSealedFiles(dir, [
      { name: 'a.sealed', bytes: Buffer.from('aaa') },
      { name: 'b.sealed', bytes: Buffer.from('bbb') },
    ]);
    expect(listFiles(dir)).toEqual(['a.sealed', 'b.sealed']);
    expect(fs.readFileSync(path.join(dir, 'b.sealed'), 'utf8')).toBe('bbb');
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'a.sealed')).mode & 0o777).toBe(0o600);
  });

  it('is all or nothing: one failing file removes the others, renamed or not', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'keep.sealed'), 'earlier capture');
    let calls = 0;
    const writer: FileWriter = async (fd, chunks) => {
      if (++calls === 3) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      await defaultFileWriter(fd, chunks);
    };
    const files = ['x', 'y', 'z', 'w'].map((n) => ({ name: `${n}.sealed`, bytes: Buffer.alloc(1000, n) }));
    await expect(writeSealedFiles(dir, files, writer)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(listFiles(dir)).toEqual(['keep.sealed']);
  });

  it('writes an image sealed in two pieces (header, ciphertext) as one file that opens like seal() output', async () => {
    const dir = tempDir();
    const key = crypto.randomBytes(32);
    const plain = crypto.randomBytes(300_000);
    const { header, body } = sealParts(key, plain, 'image a/b');
    const batch = startSealedFiles(dir);
    batch.add('a.sealed', [header, body]);
    await batch.done();
    const onDisk = fs.readFileSync(path.join(dir, 'a.sealed'));
    expect(onDisk.length).toBe(seal(key, plain, 'image a/b').length);
    expect(unseal(key, onDisk, 'image a/b').equals(plain)).toBe(true);
  });

  it('abandoning a batch waits for the writes in flight and leaves no file', async () => {
    const dir = tempDir();
    const batch = startSealedFiles(dir);
    batch.add('a.sealed', [Buffer.alloc(100_000, 1)]);
    batch.add('b.sealed', [Buffer.alloc(100_000, 2)]);
    await batch.abandon();
    expect(listFiles(dir)).toEqual([]);
  });

  it('sweeps temp files and unreferenced sealed files only', () => {
    const dir = tempDir();
    for (const n of ['a.sealed', 'b.sealed', '.a.sealed.123.tmp', 'notes.txt', '.hidden']) fs.writeFileSync(path.join(dir, n), 'x');
    const report = sweepSealedFiles(dir, new Set(['a.sealed', 'gone.sealed']));
    expect(report).toEqual({ files: 1, tempRemoved: 1, orphansRemoved: 1, missing: ['gone.sealed'], unknown: 2 });
    expect(listFiles(dir)).toEqual(['.hidden', 'a.sealed', 'notes.txt']);
  });

  it('treats a missing images folder as empty', () => {
    expect(sweepSealedFiles(path.join(tempDir(), 'nope'), new Set(['a.sealed']))).toMatchObject({ files: 0, missing: ['a.sealed'] });
  });
});
