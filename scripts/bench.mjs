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
// Each benchmark appends its headline figures here (test/bench/bench-stats.ts summarise); the table
// at the end puts every figure beside its floor and goal.
const summary = path.resolve('test-results/bench-summary.jsonl');
fs.mkdirSync(path.dirname(summary), { recursive: true });
fs.rmSync(summary, { force: true });
let broken = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('test/bench', file)], { stdio: 'inherit', env: { ...process.env, BENCH_SUMMARY: summary } });
  if (result.status !== 0) {
    broken++;
    console.log(`(${file} did not complete: exit ${result.status})`);
  }
}
printSummary();
console.log(`\n${benches.length} benchmarks run${broken ? `, ${broken} did not complete` : ''}.`);
process.exit(broken ? 1 : 0);

function printSummary() {
  const rows = fs.existsSync(summary) ? fs.readFileSync(summary, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  if (rows.length === 0) return;
  const num = (v, unit) => (v === undefined ? '' : `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${unit}`);
  const table = rows.map((r) => {
    const ratio = r.floor === undefined ? undefined : r.value / r.floor;
    const against = r.floor === undefined ? r.value : ratio;
    const goal = r.goal === undefined ? '' : r.floor === undefined ? `≤ ${num(r.goal, r.unit)}` : `≤ ${r.goal}×`;
    const met = r.goal === undefined ? '' : against <= r.goal ? 'met' : 'NOT met';
    return [r.figure, num(r.value, r.unit), num(r.floor, r.unit), ratio === undefined ? '' : `${ratio.toFixed(2)}×`, goal, met];
  });
  const head = ['figure', 'measured', 'bare floor', 'ratio', 'goal', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n=== summary (every figure of this run; ratios against a floor measured in the same run)`);
  console.log(line(head));
  for (const row of table) console.log(line(row));
}
