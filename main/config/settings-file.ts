// Loads and saves settings.json. A broken file never stops the app and is never overwritten
// silently: the app runs on defaults and says which file and which field. Runs in main (plain Node).
import fs from 'node:fs';
import { Settings } from '../../preload/contract';
import { writeFileAtomic } from '../store/atomic-write';

export type LoadedSettings = { settings: Settings; problem: string | null };

export const defaultSettings = (): Settings => Settings.parse({});

export function loadSettings(file: string): LoadedSettings {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { settings: defaultSettings(), problem: null };
    return { settings: defaultSettings(), problem: unusable(file, `it could not be read (${code ?? 'unknown error'})`) };
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { settings: defaultSettings(), problem: unusable(file, `it is not valid JSON (${(error as Error).message})`) };
  }

  const parsed = Settings.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'the top level'}: ${i.message}`)
      .join('; ');
    return { settings: defaultSettings(), problem: unusable(file, `a field is wrong (${fields})`) };
  }
  return { settings: parsed.data, problem: null };
}

/**
 * Writes the settings durably. When the file on disk could not be used, it is first moved aside
 * (settings.json.broken-<time>) so an administrator can still see what was in it.
 */
export function saveSettings(file: string, settings: Settings, replacesBrokenFile: boolean, now = Date.now()): void {
  if (replacesBrokenFile && fs.existsSync(file)) fs.renameSync(file, `${file}.broken-${now}`);
  writeFileAtomic(file, `${JSON.stringify(Settings.parse(settings), null, 2)}\n`);
}

function unusable(file: string, why: string): string {
  return `The settings file ${file} could not be used: ${why}. Scan Station started with default settings and left the file as it was.`;
}
