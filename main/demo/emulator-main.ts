// Runs the TrustID Cloud emulator on its own: `npx tsx main/demo/emulator-main.ts --port N
// [--controls] [--state-file F] [--clock manual] [--seed N] [--flexible-fields FILE]`. Prints ONE
// JSON line on stdout (base URL ending in /VPE/, API key, seeded users) so any script or client can
// drive it; logs go to stderr. Standalone Node process.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { redactedPaths } from '../logging/logger';
import { startEmulator, type EmulatorOptions } from './emulator/index';

/**
 * RAW-API §1.5, §15: every log line, each unknown-property warning included, goes to stderr as one
 * JSON line per event; stdout carries the start line only. Written synchronously, so nothing is
 * lost when the process is stopped.
 */
function stderrLogger(): pino.Logger {
  return pino(
    { level: 'info', base: { module: 'emulator' }, redact: { paths: redactedPaths, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ fd: 2, sync: true }),
  );
}

const USAGE =
  'Usage: emulator-main --port N [--host 127.0.0.1] [--controls] [--state-file FILE] [--clock real|manual] [--seed N] [--flexible-fields FILE]\n' +
  '  --flexible-fields FILE: a JSON array of application flexible field definitions (RAW-API §7.8, §15.1\n' +
  '  flexibleFields: id, flexibleFieldId, name, displayName, dataType, mandatory, helpText, orderIndex)\n' +
  '  replacing the seeded ones; given at start, so a restarted emulator keeps them.';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function wholeNumber(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) fail(`--${name} needs a whole number, not "${text}".`);
  return value;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        controls: { type: 'boolean' },
        'state-file': { type: 'string' },
        clock: { type: 'string' },
        seed: { type: 'string' },
        'flexible-fields': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const clock = values.clock ?? 'real';
  if (clock !== 'real' && clock !== 'manual') fail(`--clock is "real" or "manual", not "${clock}".`);
  const port = wholeNumber(values.port, 'port', 0);
  if (port > 65535) fail(`--port ${port} is not a TCP port.`);
  let flexibleFields: unknown;
  if (values['flexible-fields'] !== undefined) {
    try {
      flexibleFields = JSON.parse(fs.readFileSync(values['flexible-fields'], 'utf8'));
    } catch (error) {
      fail(`--flexible-fields: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!Array.isArray(flexibleFields)) fail('--flexible-fields needs a file holding a JSON array.');
  }

  const emulator = await startEmulator({
    port,
    host: values.host ?? '127.0.0.1',
    controls: values.controls ?? false,
    ...(values['state-file'] ? { stateFile: values['state-file'] } : {}),
    clock,
    logger: stderrLogger(),
    ...(values.seed !== undefined ? { seed: wholeNumber(values.seed, 'seed', 0) } : {}),
    // startEmulator checks each definition against the §15.1 schema and refuses a bad one.
    ...(flexibleFields !== undefined ? { flexibleFields: flexibleFields as EmulatorOptions['flexibleFields'] } : {}),
  });
  const summary = {
    baseUrl: emulator.baseUrl,
    ...(values.controls ? { controlUrl: emulator.controlUrl } : {}),
    apiKey: emulator.apiKey,
    users: emulator.users.map((user) => ({ username: user.username, password: user.password, branch: user.branch, archiveVisibility: user.archiveVisibility })),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);

  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`emulator: ${signal}, stopping\n`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
