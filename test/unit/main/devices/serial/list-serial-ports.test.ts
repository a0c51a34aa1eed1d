import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSerialPorts, loadKnownVendors } from '../../../../../main/devices/serial/list-serial-ports';
import { loadReaderPresets } from '../../../../../main/devices/serial/reader-presets';

const vendors = loadKnownVendors(path.resolve('resources/readers/vendors.json'));
const { presets } = loadReaderPresets(path.resolve('resources/readers'));

describe('serial port enumeration', () => {
  it('marks known reader makers and matching presets, known ones first', async () => {
    const ports = await listSerialPorts({
      list: async () => [
        { path: '/dev/ttyS0' },
        { path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI' },
        { path: '/dev/ttyACM0', vendorId: '0DB5', productId: '0139', manufacturer: 'Access IS' },
      ],
      vendors,
      presets,
    });
    expect(ports).toEqual([
      { path: '/dev/ttyACM0', vendorId: '0db5', productId: '0139', manufacturer: 'Access IS', knownReader: 'Access IS OCR MRZ reader (virtual COM port mode)', presetId: 'access-is-ocr' },
      { path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI', knownReader: 'FTDI USB-serial adapter', presetId: null },
      { path: '/dev/ttyS0', vendorId: null, productId: null, manufacturer: null, knownReader: null, presetId: null },
    ]);
  });

  it('adds configured paths the OS list lacks (PTYs) only when they exist', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ports-'));
    try {
      const present = path.join(dir, 'reader');
      fs.writeFileSync(present, '');
      const ports = await listSerialPorts({ list: async () => [], vendors, presets, extraPaths: [present, path.join(dir, 'missing')] });
      expect(ports.map((p) => p.path)).toEqual([present]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has a vendor table whose ids all appear in the udev rule', () => {
    const rule = fs.readFileSync(path.resolve('resources/linux/99-scan-station-readers.rules'), 'utf8');
    for (const v of vendors.vendors) expect(rule).toContain(`ATTRS{idVendor}=="${v.vendorId}"`);
  });
});
