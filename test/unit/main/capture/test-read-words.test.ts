import { describe, expect, it } from 'vitest';
import { testReadWords } from '../../../../main/capture/test-read-words';

describe('test-read words', () => {
  it('says a whole MRZ read worked, with its shape and time', () => {
    expect(testReadWords({ ok: true, what: 'mrz', elapsedMs: 420, lineLengths: [44, 44], partial: false })).toEqual({
      ok: true,
      message: 'The reader works: it read an MRZ of 2 lines (44, 44 characters) in 0.4 s.',
    });
  });

  it('counts a partial MRZ as a failed test that points at the settings', () => {
    const r = testReadWords({ ok: true, what: 'mrz', elapsedMs: 3000, lineLengths: [30], partial: true });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/only part of an MRZ arrived \(1 line\).*line-ending/);
  });

  it('describes an image by side, light, format, size and resolution', () => {
    expect(testReadWords({ ok: true, what: 'image', elapsedMs: 2100, side: 'back', light: 'ir', mime: 'image/png', bytes: 3 * 1024 * 1024, dpi: 300 }).message).toBe(
      'The reader works: it sent a back image in infrared light (PNG, 3.0 MB, 300 dpi) in 2.1 s.',
    );
  });

  it('passes on the failure message as it is', () => {
    expect(testReadWords({ ok: false, elapsedMs: 0, code: 'device.not-ready', message: 'Not connected.' })).toEqual({ ok: false, message: 'Not connected.' });
  });
});
