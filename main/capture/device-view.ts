// Readers as the contract shows them (preload/contract/devices.ts DeviceView): the manager's status
// in plain words, and what each kind of reader can do, from its settings. Pure; runs in main.
import type { DeviceView, ImageLight, ImageSide } from '../../preload/contract';
import type { ManagerDeviceView } from '../devices/manager-view';
import type { DeviceConfig } from '../devices/device-settings';
import type { Capabilities, ReaderPlugin } from '../devices/driver-registry';

const noImages = { sides: [] as ImageSide[], lights: [] as ImageLight[] };

/**
 * What a configured reader can deliver. Settings the driver would refuse fall back to the
 * schema's defaults here; the device's status then says what is wrong.
 *
 * - serial: MRZ lines only; a Scan button only when a trigger string is set.
 * - simulated: what its plug-in says (the demo's reader: front and back in white, IR and UV); no
 *   plug-in, nothing (its device then shows `device.unsupported`).
 * - sane: images in its one configured light; a flatbed scans one side at a time and cannot tell
 *   which, so it reports `front` only (the capture then fills the next side in order); a duplex
 *   feeder reports both.
 * - hot-folder: front and back, white light only, and no promise of an MRZ: vendor software may
 *   drop IR/UV files and MRZ sidecars too (both are taken when they come), but nothing in its
 *   settings says it will, and a step or an MRZ nobody can deliver would block Submit.
 * - camera: front and back in white light; the renderer takes the picture (no trigger from main).
 */
export function capabilitiesOf(config: DeviceConfig, simulated?: ReaderPlugin<'simulated'>): Capabilities {
  switch (config.kind) {
    case 'serial': {
      const trigger = config.options.triggerString;
      return { mrz: true, ...noImages, trigger: typeof trigger === 'string' && trigger !== '' };
    }
    case 'simulated':
      return simulated ? simulated.capabilities(config) : { mrz: false, ...noImages, trigger: false };
    case 'sane':
      return { mrz: false, sides: config.options.source === 'adf-duplex' ? ['front', 'back'] : ['front'], lights: [config.options.light], trigger: true };
    case 'hot-folder':
      return { mrz: false, sides: ['front', 'back'], lights: ['white'], trigger: false };
    case 'camera':
      return { mrz: false, sides: ['front', 'back'], lights: ['white'], trigger: false };
  }
}

const stateWords: Record<Exclude<ManagerDeviceView['status']['state'], 'error'>, string> = {
  offline: 'Not connected.',
  connecting: 'Connecting…',
  ready: 'Ready.',
  reading: 'Reading a document…',
};

export function contractDeviceView(view: ManagerDeviceView, config: DeviceConfig | undefined, simulated?: ReaderPlugin<'simulated'>): DeviceView {
  const s = view.status;
  const status =
    s.state === 'error'
      ? { state: s.state, code: s.code, message: s.message }
      : { state: s.state, code: null, message: s.detail && s.detail.length > 0 ? withStop(s.detail) : stateWords[s.state] };
  return {
    id: view.id,
    kind: view.kind,
    label: view.label,
    status,
    capabilities: config ? capabilitiesOf(config, simulated) : { mrz: false, ...noImages, trigger: view.canTrigger },
  };
}

function withStop(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t.charAt(0).toUpperCase()}${t.slice(1)}.`;
}

const preference: Record<DeviceView['status']['state'], number> = { reading: 0, ready: 1, connecting: 2, error: 3, offline: 4 };

/** The reader a capture uses: one reading or ready before one that is not (as the renderer picks). */
export function preferredDevice<T extends Pick<DeviceView, 'status'>>(devices: readonly T[]): T | null {
  return [...devices].sort((a, b) => preference[a.status.state] - preference[b.status.state])[0] ?? null;
}
