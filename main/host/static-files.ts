// Serves the built renderer from one folder, refusing anything outside it. Runs in main (plain Node).
import fs from 'node:fs';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export type StaticFile = { file: string; type: string } | null;

/**
 * Maps a URL path to a file inside `root`, or null. Traversal and dotfiles are refused, and so are
 * source maps (the whole source) unless a development run asks for them.
 */
export function resolveStatic(root: string, urlPath: string, opts: { sourceMaps?: boolean } = {}): StaticFile {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep)) return null;
  if (relative.split('/').some((part) => part.startsWith('.'))) return null;
  if (path.extname(file).toLowerCase() === '.map' && !opts.sourceMaps) return null;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const type = path.extname(file) === '.map' ? 'application/json; charset=utf-8' : types[path.extname(file)];
  return { file, type: type ?? 'application/octet-stream' };
}
