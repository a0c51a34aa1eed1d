// The TrustID base URL: validation (https, or plain http only for loopback) and endpoint URLs
// (RAW-API §1.1). Runs in main (plain Node).

export type EndpointGroup = 'session' | 'dataAccess' | 'guestLink' | 'kdb';

export class BaseUrlError extends Error {
  override readonly name = 'BaseUrlError';
}

/** Hosts that never leave this computer, where plain http is acceptable (the embedded emulator). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export type ApiRoot = {
  /** Always ends with "/", e.g. https://cloud.trustid.co.uk/VPE/ */
  root: URL;
  loopback: boolean;
};

/**
 * Accepts the server (`https://cloud.trustid.co.uk/`, RAW-API §18) or the API root itself
 * (`http://127.0.0.1:5000/VPE/`, as the emulator reports it, or a white-label `/vpe.svc/`).
 * Refuses anything that is not https unless the host is loopback (RAW-API §1.1), and URLs carrying
 * credentials, a query or a fragment.
 */
export function parseBaseUrl(text: string): ApiRoot {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new BaseUrlError('The TrustID address is not a valid web address. Check the base URL in Settings.');
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new BaseUrlError(
      url.protocol === 'http:'
        ? `The TrustID address must start with https:// (plain http is allowed only for this computer's own emulator). Correct the base URL for ${url.hostname} in Settings.`
        : 'The TrustID address must start with https://. Correct the base URL in Settings.',
    );
  }
  if (url.username || url.password) {
    throw new BaseUrlError('The TrustID address must not contain a user name or password. Remove them from the base URL in Settings.');
  }
  if (url.search || url.hash) {
    throw new BaseUrlError('The TrustID address must not contain "?" or "#". Correct the base URL in Settings.');
  }
  let pathname = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const last = pathname.split('/').filter(Boolean).pop()?.toLowerCase();
  if (last !== 'vpe' && last !== 'vpe.svc') pathname = `${pathname}VPE/`;
  url.pathname = pathname;
  return { root: url, loopback };
}

/** `root + group + "/" + operation + "/"`, with the documented casing and trailing slash (RAW-API §1.1). */
export function endpointUrl(api: ApiRoot, group: EndpointGroup, operation: string, query?: Record<string, string>): URL {
  const url = new URL(`${group}/${operation}/`, api.root);
  if (query) for (const [name, value] of Object.entries(query)) url.searchParams.append(name, value);
  return url;
}
