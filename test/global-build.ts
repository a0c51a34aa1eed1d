// Vitest global setup: some integration tests start the built host (dist/), so build first when
// any source is newer than the last build (npm test has usually just built; this is a no-op then).
import { buildAll, needsBuild } from '../scripts/build.mjs';

export default async function buildIfNeeded(): Promise<void> {
  if (needsBuild()) await buildAll({ quiet: true });
}
