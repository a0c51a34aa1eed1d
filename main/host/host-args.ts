// Command-line flags of the Chromium shell's host. Pure.
export type HostArgs = { headless: boolean; port: number };

export function parseHostArgs(argv: string[]): HostArgs {
  const portAt = argv.indexOf('--port');
  const port = portAt >= 0 ? Number(argv[portAt + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${argv[portAt + 1]}"`);
  return { headless: argv.includes('--headless'), port };
}
