import { isIP } from 'node:net';

/**
 * Whether an address or host name stays on this machine: `localhost` (and its subdomains, which
 * resolve to loopback by RFC 6761), 127.0.0.0/8, `::1`, and IPv4 loopback mapped into IPv6.
 */
export function isLoopback(address: string): boolean {
  const host = address.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1') return true;
  const ipv4 = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host;
  return isIP(ipv4) === 4 && ipv4.startsWith('127.');
}

/**
 * Whether a `Host` header names this machine (`localhost:8787`, `127.0.0.1`, `[::1]:8787`...).
 * A page that got its domain to resolve to 127.0.0.1 (DNS rebinding) still sends its own name here.
 */
export function isLoopbackHost(header: string | undefined): boolean {
  if (!header) return false;
  const host = /^(\[[^\]]*\]|[^:]*)(?::\d{1,5})?$/.exec(header.trim())?.[1];
  return host !== undefined && isLoopback(host);
}
