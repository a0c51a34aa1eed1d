// Loads the reader presets shipped in resources/readers/*.json, validated by the ReaderPreset schema.
// A broken preset is reported and skipped, never fatal. Runs in main (plain Node).
import fs from 'node:fs';
import path from 'node:path';
import { ReaderPreset } from './serial-reader-settings';

export type LoadedPresets = { presets: ReaderPreset[]; problems: string[] };

/** Reads every `*.json` in `dir` except vendors.json (the vendor table, see list-serial-ports). */
export function loadReaderPresets(dir: string): LoadedPresets {
  const presets: ReaderPreset[] = [];
  const problems: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'vendors.json').sort();
  } catch (error) {
    return { presets, problems: [`The reader presets folder ${dir} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`] };
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const parsed = ReaderPreset.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        problems.push(`Reader preset ${name} was skipped: ${first ? `${first.path.join('.') || 'top level'}: ${first.message}` : 'invalid'}.`);
        continue;
      }
      if (presets.some((p) => p.id === parsed.data.id)) {
        problems.push(`Reader preset ${name} was skipped: the id ${parsed.data.id} is already used.`);
        continue;
      }
      presets.push(parsed.data);
    } catch (error) {
      problems.push(`Reader preset ${name} was skipped: ${(error as Error).message}.`);
    }
  }
  return { presets, problems };
}
