// Parses `scanimage --formatted-device-list` output into scanner descriptions. Pure. Runs in main.

export type SaneDevice = {
  /** SANE device name to pass to `scanimage -d`, e.g. `epson2:libusb:001:004` or `test:0`. */
  name: string;
  vendor: string;
  model: string;
  /** SANE's device type, e.g. `flatbed scanner`, `sheetfed scanner`, `virtual device`. */
  type: string;
};

/**
 * The `--formatted-device-list` format we ask for: tab-separated fields, one device a line. A tab
 * cannot appear in a SANE device name or vendor/model string, so splitting on it is unambiguous.
 */
export const deviceListFormat = '%d\t%v\t%m\t%t%n';

export function parseDeviceList(stdout: string): SaneDevice[] {
  const devices: SaneDevice[] = [];
  for (const line of stdout.split('\n')) {
    const [name, vendor = '', model = '', type = ''] = line.replace(/\r$/, '').split('\t');
    if (!name || !line.includes('\t')) continue;
    devices.push({ name, vendor, model, type });
  }
  return devices;
}

/** "Noname frontend-tester (virtual device)" — how the UI names a scanner. */
export function describeDevice(device: SaneDevice): string {
  const what = [device.vendor, device.model].filter((s) => s && s.toLowerCase() !== 'noname').join(' ') || device.name;
  return device.type ? `${what} (${device.type})` : what;
}
