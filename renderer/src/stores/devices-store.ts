// Readers as main reports them (renderer mirror of `devices.list` + `devices.changed`). Main is
// the source of truth; nothing personal is held here.
import { create } from 'zustand';
import type { DeviceView } from '../../../preload/contract';
import { getBridge, type Bridge } from '../bridge';

type DevicesState = {
  devices: DeviceView[];
  loaded: boolean;
  error: string | null;
};

export const useDevicesStore = create<DevicesState>(() => ({ devices: [], loaded: false, error: null }));

export async function refreshDevices(bridge: Bridge = getBridge()): Promise<void> {
  try {
    const devices = await bridge.invoke('devices.list');
    useDevicesStore.setState({ devices, loaded: true, error: null });
  } catch (error) {
    useDevicesStore.setState({ loaded: true, error: (error as Error).message });
  }
}

/** Loads the list and follows changes; returns the function that stops listening. */
export function startDevicesSync(bridge: Bridge = getBridge()): () => void {
  const stop = bridge.on('devices.changed', (devices) => useDevicesStore.setState({ devices, loaded: true, error: null }));
  void refreshDevices(bridge);
  return stop;
}

const preference: Record<DeviceView['status']['state'], number> = { reading: 0, ready: 1, connecting: 2, error: 3, offline: 4 };

/**
 * The device the scan panel is about: one that takes images (a desk may pair an MRZ-only reader
 * with a scanner), then one that is reading or ready before one that is not.
 */
export function activeDevice(devices: DeviceView[]): DeviceView | null {
  const images = (d: DeviceView) => (d.capabilities.sides.length > 0 ? 0 : 1);
  return [...devices].sort((a, b) => images(a) - images(b) || preference[a.status.state] - preference[b.status.state])[0] ?? null;
}

/** Whether any device reads MRZs (else TrustID reads them from the images). */
export function anyMrzReader(devices: DeviceView[]): boolean {
  return devices.some((d) => d.capabilities.mrz);
}
