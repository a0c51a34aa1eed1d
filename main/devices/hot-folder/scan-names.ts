// What a file in the hot folder is, from its name: part of a scan (which one, which side and light),
// a sidecar with the MRZ, or something to leave alone. Pure. Runs in main.
// Convention (resources/hot-folder/README.md): `<scan>.<side>.<light>.<ext>` and `<scan>.json|xml`.
import type { ImageLight, ImageSide } from '../driver';

export type ScanFile =
  | { role: 'ignored' }
  | { role: 'sidecar'; scan: string; format: 'json' | 'xml' }
  /** Extensions are not trusted: every other file is a candidate image, checked by its bytes. */
  | { role: 'image'; scan: string; side: ImageSide; light: ImageLight };

// Files still being written under a temporary name, then renamed into place, and OS clutter.
const inProgress = /(\.(tmp|temp|part|partial|crdownload|download|filepart|lock)|~)$/i;
const clutter = /^(thumbs\.db|desktop\.ini|\.ds_store)$/i;

const sideWords: Record<string, ImageSide> = { front: 'front', recto: 'front', back: 'back', rear: 'back', verso: 'back' };
const lightWords: Record<string, ImageLight> = {
  white: 'white',
  vis: 'white',
  visible: 'white',
  ir: 'ir',
  infrared: 'ir',
  uv: 'uv',
  ultraviolet: 'uv',
};

export function classifyScanFile(name: string): ScanFile {
  if (name.startsWith('.') || inProgress.test(name) || clutter.test(name)) return { role: 'ignored' };
  const parts = name.split('.');
  const scan = parts[0] ?? '';
  if (!scan) return { role: 'ignored' };
  const ext = parts.length > 1 ? parts.at(-1)!.toLowerCase() : '';
  if (ext === 'json' || ext === 'xml') return { role: 'sidecar', scan, format: ext };
  let side: ImageSide = 'front';
  let light: ImageLight = 'white';
  for (const word of parts.slice(1).map((p) => p.toLowerCase())) {
    side = sideWords[word] ?? side;
    light = lightWords[word] ?? light;
  }
  return { role: 'image', scan, side, light };
}
