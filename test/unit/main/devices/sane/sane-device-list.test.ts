import { describe, expect, it } from 'vitest';
import { describeDevice, deviceListFormat, parseDeviceList } from '../../../../../main/devices/sane/sane-device-list';

describe('SANE device list', () => {
  it('parses the tab-separated formatted list, names with colons and spaces intact', () => {
    const out = 'test:0\tNoname\tfrontend-tester\tvirtual device\nepson2:net:10.0.0.5\tEpson\tDS-530 II\tsheetfed scanner\n';
    expect(parseDeviceList(out)).toEqual([
      { name: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' },
      { name: 'epson2:net:10.0.0.5', vendor: 'Epson', model: 'DS-530 II', type: 'sheetfed scanner' },
    ]);
  });

  it('ignores blank lines and scanimage chatter without tabs', () => {
    expect(parseDeviceList('\nNo scanners were identified.\r\n\n')).toEqual([]);
  });

  it('asks scanimage for exactly the fields the parser reads', () => {
    expect(deviceListFormat.split('\t')).toHaveLength(4);
  });

  it('names a device for staff without SANE placeholder vendors', () => {
    expect(describeDevice({ name: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' })).toBe('frontend-tester (virtual device)');
    expect(describeDevice({ name: 'x:1', vendor: '', model: '', type: '' })).toBe('x:1');
  });
});
