// The undici dispatcher the client talks through: keep-alive, a connect timeout, TLS verification
// always on, and the corporate proxy from HTTPS_PROXY / HTTP_PROXY / NO_PROXY. Runs in main (plain Node).
import { Agent, EnvHttpProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';

export type AgentOptions = {
  connectTimeoutMs: number;
  /** Loopback targets (the emulator) never go through a proxy, whatever NO_PROXY says. */
  loopback: boolean;
  env?: NodeJS.ProcessEnv;
};

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]?.trim()));
}

export function createDispatcher(opts: AgentOptions): Dispatcher {
  const common = {
    // rejectUnauthorized stays at its default (true): TLS is always verified. An inspecting
    // corporate proxy's CA is added the Node way (NODE_EXTRA_CA_CERTS), never by switching this off.
    connect: { timeout: opts.connectTimeoutMs },
    // Below Node's and IIS's usual server-side idle limits, so a kept-alive socket is rarely reused
    // just as the server closes it (that race turns a harmless call into an ambiguous one).
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 30_000,
    pipelining: 1,
  };
  const env = opts.env ?? process.env;
  if (!opts.loopback && proxyConfigured(env)) {
    return new EnvHttpProxyAgent({
      ...common,
      httpProxy: env.http_proxy ?? env.HTTP_PROXY,
      httpsProxy: env.https_proxy ?? env.HTTPS_PROXY,
      noProxy: env.no_proxy ?? env.NO_PROXY,
    });
  }
  return new Agent(common);
}
