#!/usr/bin/env node
// `npm test`: typecheck, lint, build, unit + integration (vitest), end-to-end (Playwright), then one
// closing line `N passed, N failed, N skipped` counting everything it ran (CI reads that line).
// Typecheck, lint and build count as one test each.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
fs.mkdirSync('test-results', { recursive: true });

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  return result.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) console.log(`✗ ${label} failed`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
const built = check('build', 'node', ['scripts/build.mjs', '--quiet']);

fs.rmSync('test-results/vitest.json', { force: true });
const vitestOk = run('unit and integration (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that fails to load has no tests to count; count the suite as failed.
  totals.failed += vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else if (!vitestOk) totals.failed += 1;

if (built) {
  fs.rmSync('test-results/e2e-report.json', { force: true });
  const e2eOk = run('end-to-end (Playwright + Debian Chromium)', 'npx', ['playwright', 'test']);
  const e2e = readJson('test-results/e2e-report.json');
  if (e2e) {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped;
  } else if (!e2eOk) totals.failed += 1;
} else {
  console.log('✗ end-to-end tests not run: the build failed');
  totals.failed += 1;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
