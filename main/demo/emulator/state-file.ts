// The emulator's optional state file, so it survives its own restart (crash tests need that):
// the records as JSON, written durably, and each image's bytes in a folder beside it, written
// before the record that names them. Runs wherever the emulator runs (plain Node).
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../store/atomic-write';
import type { EmulatorState } from './state';
import { emptyState } from './state';

export type StateFile = {
  load(): EmulatorState;
  save(state: EmulatorState): void;
  saveImage(id: string, bytes: Uint8Array): void;
  loadImage(id: string): Buffer | undefined;
  removeImage(id: string): void;
  clearImages(): void;
};

/** Image ids become file names: letters, digits, '-' and '_' only (GUIDs by default). */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function openStateFile(file: string): StateFile {
  const imagesDir = `${file}.images`;
  const imagePath = (id: string) => {
    // Ids come from the emulator's own GUIDs, but a path built from request data is checked anyway.
    if (!SAFE_ID.test(id)) throw new Error(`Not an image id: ${id}`);
    return path.join(imagesDir, id);
  };
  return {
    load() {
      if (!fs.existsSync(file)) return emptyState();
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<EmulatorState>;
      if (parsed.version !== 1) throw new Error(`Emulator state file ${file} has an unknown version.`);
      return { ...emptyState(), ...parsed } as EmulatorState;
    },
    save(state) {
      writeFileAtomic(file, JSON.stringify(state), 0o600);
    },
    saveImage(id, bytes) {
      writeFileAtomic(imagePath(id), bytes, 0o600);
    },
    loadImage(id) {
      try {
        return fs.readFileSync(imagePath(id));
      } catch {
        return undefined;
      }
    },
    removeImage(id) {
      fs.rmSync(imagePath(id), { force: true });
    },
    clearImages() {
      fs.rmSync(imagesDir, { recursive: true, force: true });
    },
  };
}
