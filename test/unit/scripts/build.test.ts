// A production build ships no source maps (issue 12 §1). The vitest global setup has just built
// dist/ the way `npm run build` does (scripts/build.mjs, no --dev).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('production build', () => {
  const stamp = JSON.parse(fs.readFileSync('dist/build-stamp.json', 'utf8')) as { sourceMaps?: boolean };

  it.skipIf(process.env.SCAN_STATION_DEV === '1')('has no source maps and no sourceMappingURL comment anywhere in dist/', () => {
    expect(stamp.sourceMaps).toBe(false);
    const all = files('dist');
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of all.filter((x) => /\.(m?js|cjs|css)$/.test(x))) expect(fs.readFileSync(f, 'utf8'), f).not.toContain('sourceMappingURL=');
  });
});
