import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rgbToI420, writeSpecimenY4m, y4mHeader } from '../../../../../main/demo/simulated-reader/y4m-writer';

describe('Y4M writer for the fake camera', () => {
  it('writes a valid header and whole I420 frames of the specimen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'y4m-'));
    try {
      const file = path.join(dir, 'specimen.y4m');
      const result = await writeSpecimenY4m(file, { specimensDir: path.resolve('resources/specimens'), today: '2026-05-01', width: 320, height: 240, fps: 5, seconds: 1 });
      const bytes = fs.readFileSync(file);
      const headerEnd = bytes.indexOf(0x0a);
      const header = bytes.subarray(0, headerEnd).toString('ascii');
      expect(header).toMatch(/^YUV4MPEG2 W320 H240 F5:1 Ip A1:1 C420jpeg$/);
      const frameSize = 320 * 240 * 1.5;
      expect(result).toEqual({ frames: 5, width: 320, height: 240, bytes: headerEnd + 1 + 5 * (6 + frameSize) });
      expect(bytes.length).toBe(result.bytes);
      const first = headerEnd + 1;
      expect(bytes.subarray(first, first + 6).toString('ascii')).toBe('FRAME\n');
      // The luma plane shows a light document with dark print on a mid-grey desk.
      const luma = bytes.subarray(first + 6, first + 6 + 320 * 240);
      expect(Math.max(...luma)).toBeGreaterThan(200);
      expect(Math.min(...luma)).toBeLessThan(80);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('converts colours with full-range BT.601 (white, black, red)', () => {
    const rgb = Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255]);
    expect([...rgbToI420(rgb, 2, 2)]).toEqual([255, 255, 255, 255, 128, 128]);
    const red = rgbToI420(Uint8Array.from(Array(4).fill([255, 0, 0]).flat()), 2, 2);
    expect([...red]).toEqual([76, 76, 76, 76, 85, 255]);
  });

  it('refuses odd frame sizes, which 4:2:0 cannot hold', async () => {
    await expect(writeSpecimenY4m('/nonexistent/x.y4m', { specimensDir: 'resources/specimens', today: '2026-05-01', width: 321 })).rejects.toThrow(/even/);
    expect(y4mHeader(2, 2, 30)).toBe('YUV4MPEG2 W2 H2 F30:1 Ip A1:1 C420jpeg\n');
  });
});
