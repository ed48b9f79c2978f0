// Hosts are written many ways in configs: `example.genauth.ai`, `https://api.genauth.ai/`,
// `localhost:8787`. The official SDKs add `https://` when the scheme is missing and strip trailing
// slashes (authing-node-sdk `domainC14n`, contract section 2); so do we, except that a loopback
// host without a scheme gets `http://`, since local servers rarely speak TLS.

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;

/**
 * Normalises a host option into an absolute `http(s)` base URL without a trailing slash.
 *
 * @param option The option's name, for the error message, e.g. `appHost`.
 * @throws {TypeError} naming the option when the value cannot be used as an HTTP(S) URL.
 *
 * @example
 * normalizeHost('example.genauth.ai', 'appHost'); // 'https://example.genauth.ai'
 * normalizeHost('localhost:8787/', 'host');       // 'http://localhost:8787'
 */
export function normalizeHost(value: unknown, option: string): string {
  const host = typeof value === 'string' ? value.trim() : '';
  let url: URL | undefined;
  try {
    url = new URL(
      /^[a-z][a-z\d+.-]*:\/\//i.test(host) ? host : `${LOOPBACK.test(host) ? 'http' : 'https'}://${host}`,
    );
  } catch {}
  // Never with the value: one that does not parse may still hold a password (`https://me:s3cret@exa mple.com`).
  const problem = !host
    ? 'is required: the server URL, e.g. https://example.genauth.ai'
    : !url
      ? 'is not a valid URL'
      : !/^https?:$/.test(url.protocol)
        ? `must be an http or https URL, not ${url.protocol}`
        : // Anything but the origin and the path: credentials, a query or a hash, even an empty one.
          url.href !== url.origin + url.pathname
          ? 'must be a plain origin (and optional path), without credentials, query or hash'
          : '';
  if (problem || !url) throw new TypeError(`${option} ${problem}`);
  return url.href.replace(/\/+$/, '');
}
