// Choosing readers: turning a detected port or scanner into a configured device, and removing one.
// Pure; renderer process. Main checks each kind's options when the settings are saved.
import type { Settings } from '../../../../preload/contract';

type Device = Settings['devices'][number];

function freeId(settings: Settings, base: string): string {
  const taken = new Set(settings.devices.map((d) => d.id));
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

function add(settings: Settings, device: Omit<Device, 'id'> & { idBase: string }): Settings {
  const { idBase, ...rest } = device;
  return { ...settings, devices: [...settings.devices, { ...rest, id: freeId(settings, idBase) }] };
}

export function addSerialReader(settings: Settings, port: { path: string; knownReader: string | null }): Settings {
  if (settings.devices.some((d) => d.kind === 'serial' && d.options.path === port.path)) return settings;
  return add(settings, { idBase: 'serial-reader', kind: 'serial', label: port.knownReader ?? `MRZ reader on ${port.path}`, enabled: true, options: { path: port.path } });
}

export function addScanner(settings: Settings, scanner: { name: string; label: string }): Settings {
  if (settings.devices.some((d) => d.kind === 'sane' && d.options.device === scanner.name)) return settings;
  return add(settings, { idBase: 'scanner', kind: 'sane', label: scanner.label, enabled: true, options: { device: scanner.name } });
}

export function removeReader(settings: Settings, id: string): Settings {
  return { ...settings, devices: settings.devices.filter((d) => d.id !== id) };
}

/**
 * Whether a detected serial port shows any sign of a reader: a known reader's ids, or a USB device
 * at all. A computer's own UARTs (ttyS0…) show neither and are offered only through a test read.
 */
export function isLikelyReader(port: { vendorId: string | null; knownReader: string | null }): boolean {
  return port.knownReader !== null || port.vendorId !== null;
}
