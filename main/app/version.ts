// The app's version (from package.json, bundled at build time) and where its resources are.
// Runs anywhere in main.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };

export const appVersion: string = pkg.version;

/**
 * resources/ beside the app: SCAN_STATION_RESOURCES when set (packaged builds put it under the
 * Electron resources folder), else the repository's, two folders up from dist/main/.
 */
export function resourcesDir(): string {
  return process.env.SCAN_STATION_RESOURCES ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources');
}
