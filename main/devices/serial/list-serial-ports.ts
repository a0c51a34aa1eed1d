// Serial port enumeration for the device manager: every port with its USB vendor/product ids, marked
// when a known reader maker (resources/readers/vendors.json) or a preset's USB id matches. Runs in
// main (plain Node). PTYs (socat pairs, the demo) never show up in the OS list, so configured paths
// that exist on disk are added.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ReaderPreset } from './serial-reader-settings';

export const KnownVendors = z.object({
  verification: z.string(),
  vendors: z.array(
    z.object({
      vendorId: z.string().regex(/^[0-9a-f]{4}$/),
      name: z.string().min(1),
      /** 'reader': the maker builds readers; 'usb-serial': an adapter chip readers are often sold with. */
      role: z.enum(['reader', 'usb-serial']),
    }),
  ),
});
export type KnownVendors = z.infer<typeof KnownVendors>;

export type DetectedSerialPort = {
  path: string;
  vendorId: string | null;
  productId: string | null;
  manufacturer: string | null;
  /** What we know it to be ("Access IS", a preset's name, "FTDI USB-serial adapter"), or null. */
  knownReader: string | null;
  /** The preset whose USB id matches, to suggest when configuring it. */
  presetId: string | null;
};

/** The shape of serialport's PortInfo we use (SerialPort.list()). */
export type ListedPort = { path: string; vendorId?: string | undefined; productId?: string | undefined; manufacturer?: string | undefined };

export function loadKnownVendors(file: string): KnownVendors {
  return KnownVendors.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

function hexId(id: string | undefined): string | null {
  if (!id) return null;
  const clean = id.toLowerCase().replace(/^0x/, '');
  return /^[0-9a-f]{1,4}$/.test(clean) ? clean.padStart(4, '0') : null;
}

export async function listSerialPorts(options: {
  /** SerialPort.list, injected so tests need no hardware. */
  list: () => Promise<ListedPort[]>;
  vendors: KnownVendors;
  presets: readonly ReaderPreset[];
  /** Configured paths to add when they exist but the OS list lacks them (PTYs, odd drivers). */
  extraPaths?: readonly string[];
}): Promise<DetectedSerialPort[]> {
  const listed = await options.list();
  const out: DetectedSerialPort[] = listed.map((p) => {
    const vendorId = hexId(p.vendorId);
    const productId = hexId(p.productId);
    const preset = vendorId ? options.presets.find((pr) => pr.usb.some((u) => u.vendorId === vendorId && (u.productId === undefined || u.productId === productId))) : undefined;
    const vendor = vendorId ? options.vendors.vendors.find((v) => v.vendorId === vendorId) : undefined;
    return {
      path: p.path,
      vendorId,
      productId,
      manufacturer: p.manufacturer ?? null,
      knownReader: preset?.name ?? vendor?.name ?? null,
      presetId: preset?.id ?? null,
    };
  });
  for (const extra of options.extraPaths ?? []) {
    if (out.some((p) => p.path === extra || path.resolve(p.path) === path.resolve(extra))) continue;
    if (!fs.existsSync(extra)) continue;
    out.push({ path: extra, vendorId: null, productId: null, manufacturer: null, knownReader: null, presetId: null });
  }
  // Known readers first, then by path, so the likeliest choice tops the list.
  return out.sort((a, b) => Number(b.knownReader !== null) - Number(a.knownReader !== null) || a.path.localeCompare(b.path));
}
