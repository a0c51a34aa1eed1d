import { describe, expect, it } from 'vitest';
import { classifyScanFile } from '../../../../../main/devices/hot-folder/scan-names';

describe('hot folder file names', () => {
  it('reads scan name, side and light from dot-separated words', () => {
    expect(classifyScanFile('20260412-103012.back.ir.jpg')).toEqual({ role: 'image', scan: '20260412-103012', side: 'back', light: 'ir' });
    expect(classifyScanFile('card-0042.verso.UV.png')).toEqual({ role: 'image', scan: 'card-0042', side: 'back', light: 'uv' });
  });

  it('defaults to the front in white light', () => {
    expect(classifyScanFile('scan7.jpg')).toEqual({ role: 'image', scan: 'scan7', side: 'front', light: 'white' });
    expect(classifyScanFile('scan7')).toEqual({ role: 'image', scan: 'scan7', side: 'front', light: 'white' });
  });

  it('treats any other extension as a candidate image, to be judged by its bytes', () => {
    expect(classifyScanFile('scan7.front.pdf')).toMatchObject({ role: 'image', scan: 'scan7' });
  });

  it('recognises JSON and XML sidecars, whatever words come between', () => {
    expect(classifyScanFile('scan7.json')).toEqual({ role: 'sidecar', scan: 'scan7', format: 'json' });
    expect(classifyScanFile('scan7.mrz.XML')).toEqual({ role: 'sidecar', scan: 'scan7', format: 'xml' });
  });

  it.each(['.scan7.jpg', 'scan7.jpg.part', 'scan7.jpg.tmp', 'scan7.jpg~', 'scan7.jpg.crdownload', 'Thumbs.db', '.DS_Store', 'desktop.ini'])(
    'leaves %s alone (temporary or clutter)',
    (name) => {
      expect(classifyScanFile(name)).toEqual({ role: 'ignored' });
    },
  );
});
