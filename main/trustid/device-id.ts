// The kiosk's TrustID DeviceId: `kiosk-<uuid v4>`, made once and kept in a file (RAW-API §1.4,
// SUBMISSION-PROTOCOL I10). Runs in main (plain Node).
//
// RAW-API §1.4: a kiosk whose disk image was cloned MUST make a new one, since two devices must
// never share a DeviceId. The file therefore remembers a fingerprint of the machine it was made on
// (a hash of the OS machine id, where the OS has one); on another machine the id is replaced.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { writeFileAtomic } from '../store/atomic-write';

const DEVICE_ID = /^kiosk-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_ID.test(value);
}

/** Where a Linux machine keeps its install-unique id; cloned images should regenerate it (systemd-firstboot). */
const MACHINE_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

/** A short hash of the OS machine id, or undefined where there is none to read. */
export function osMachineFingerprint(): string | undefined {
  for (const file of MACHINE_ID_FILES) {
    try {
      const id = fs.readFileSync(file, 'utf8').trim();
      if (id) return fingerprint(id);
    } catch {
      // Not on this OS; try the next place.
    }
  }
  return undefined;
}

function fingerprint(machineId: string): string {
  return crypto.createHash('sha256').update(`scan-station device ${machineId}`).digest('hex').slice(0, 32);
}

export type DeviceIdOptions = {
  /** A fresh UUID v4 (crypto.randomUUID by default; injected by tests). */
  newUuid?: () => string;
  /** This machine's fingerprint; `undefined` disables clone detection. Default: osMachineFingerprint(). */
  machineFingerprint?: () => string | undefined;
  /** Told why an id was (re)made, for the log; never holds the id itself. */
  onNewId?: (reason: 'first-start' | 'unreadable-file' | 'other-machine') => void;
};

type StoredDeviceId = { deviceId: string; machine?: string };

function readStored(file: string): StoredDeviceId | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  const trimmed = text.trim();
  // A bare id on one line is accepted too, so an administrator can provision the file by hand.
  if (isDeviceId(trimmed)) return { deviceId: trimmed };
  try {
    const json = JSON.parse(trimmed) as Partial<StoredDeviceId>;
    if (isDeviceId(json.deviceId)) {
      return { deviceId: json.deviceId, ...(typeof json.machine === 'string' ? { machine: json.machine } : {}) };
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

/**
 * Returns this kiosk's DeviceId, creating and persisting it (atomically, owner-only) the first
 * time, when the file is unreadable, or when the file was made on another machine.
 */
export function loadOrCreateDeviceId(file: string, opts: DeviceIdOptions = {}): string {
  const machine = (opts.machineFingerprint ?? osMachineFingerprint)();
  const stored = readStored(file);
  if (typeof stored === 'object') {
    if (stored.machine === undefined || machine === undefined || stored.machine === machine) {
      // Remember the machine from now on if the file was provisioned without one.
      if (stored.machine === undefined && machine !== undefined) persist(file, { deviceId: stored.deviceId, machine });
      return stored.deviceId;
    }
  }
  const uuid = (opts.newUuid ?? crypto.randomUUID)().toLowerCase();
  const deviceId = `kiosk-${uuid}`;
  if (!isDeviceId(deviceId)) throw new Error('newUuid must return a version-4 UUID');
  opts.onNewId?.(stored === 'missing' ? 'first-start' : stored === 'unreadable' ? 'unreadable-file' : 'other-machine');
  persist(file, { deviceId, ...(machine !== undefined ? { machine } : {}) });
  return deviceId;
}

function persist(file: string, value: StoredDeviceId): void {
  writeFileAtomic(file, `${JSON.stringify(value)}\n`, 0o600);
}
