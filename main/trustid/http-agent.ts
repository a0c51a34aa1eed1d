// The undici dispatcher the client talks through: keep-alive, a connect timeout, TLS verification
// always on, and the corporate proxy from HTTPS_PROXY / HTTP_PROXY / NO_PROXY. Runs in main (plain Node).
import tls from 'node:tls';
import { Agent, EnvHttpProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';

export type AgentOptions = {
  connectTimeoutMs: number;
  /** Loopback targets (the emulator) never go through a proxy, whatever NO_PROXY says. */
  loopback: boolean;
  env?: NodeJS.ProcessEnv;
  /**
   * PEM certificates to trust in addition to the system's (an inspecting corporate proxy's CA).
   * They are added to Node's root store, never used to switch verification off.
   */
  extraCaCertificates?: string[];
};

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]?.trim()));
}

export function createHttpDispatcher(opts: AgentOptions): Dispatcher {
  // rejectUnauthorized stays at its default (true): TLS is always verified. An inspecting corporate
  // proxy's CA is added to the trusted roots (here, or with NODE_EXTRA_CA_CERTS), never by
  // switching verification off. Giving `ca` replaces Node's roots, hence the concatenation.
  const ca = opts.extraCaCertificates?.length ? [...tls.rootCertificates, ...opts.extraCaCertificates] : undefined;
  const tlsOptions = { timeout: opts.connectTimeoutMs, ...(ca ? { ca } : {}) };
  const common = {
    connect: tlsOptions,
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
      // Through a tunnel, the target's TLS (and its connect timeout) is set up by these.
      requestTls: tlsOptions,
      proxyTls: tlsOptions,
    });
  }
  return new Agent(common);
}
