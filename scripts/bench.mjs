#!/usr/bin/env node
// `npm run bench`: builds, then runs every test/bench/*.bench.ts in turn. Benchmarks print figures
// and ratios against their targets; they never fail the build on time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildAll } from './build.mjs';

await buildAll({ quiet: true });
const only = process.argv.slice(2);
const benches = fs
  .readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let broken = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('test/bench', file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    broken++;
    console.log(`(${file} did not complete: exit ${result.status})`);
  }
}
console.log(`\n${benches.length} benchmarks run${broken ? `, ${broken} did not complete` : ''}.`);
process.exit(broken ? 1 : 0);
