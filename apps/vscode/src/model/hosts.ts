import { normalizeHost } from '@genauth-groups/core';

/** A GenAuth-operated cloud: its management API hosts and its admin console. */
export interface Cloud {
  /** e.g. `GenAuth cloud`. */
  readonly name: string;
  /** The default management API URL, offered when adding a connection. */
  readonly apiUrl: string;
  /** Every API host name that belongs to this cloud (contract section 2). */
  readonly apiHosts: readonly string[];
  /** The admin console's origin, e.g. `https://console.genauth.ai`. */
  readonly consoleOrigin: string;
}

/** The two public clouds, GenAuth first since it is the current brand. */
export const CLOUDS: readonly Cloud[] = [
  {
    name: 'GenAuth cloud',
    apiUrl: 'https://api.genauth.ai',
    apiHosts: ['api.genauth.ai', 'core.genauth.ai'],
    consoleOrigin: 'https://console.genauth.ai',
  },
  {
    name: 'Authing cloud',
    apiUrl: 'https://api.authing.cn',
    apiHosts: ['api.authing.cn', 'core.authing.cn', 'console.authing.cn'],
    consoleOrigin: 'https://console.authing.cn',
  },
];

/** The cloud a (normalised) host URL belongs to, or `undefined` for a private deployment or the emulator. */
export function cloudOf(host: string): Cloud | undefined {
  const hostname = new URL(host).hostname.toLowerCase();
  return CLOUDS.find((cloud) => cloud.apiHosts.includes(hostname));
}

/** Whether a (normalised) host URL points at this machine, as the local emulator does. */
export function isLoopback(host: string): boolean {
  const hostname = new URL(host).hostname;
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** A label for a connection that has none: the cloud's name, `Local emulator (host:port)` or the host name. */
export function defaultLabel(host: string): string {
  const cloud = cloudOf(host);
  if (cloud) return cloud.name;
  const url = new URL(host);
  return isLoopback(host) ? `Local emulator (${url.host})` : url.host;
}

/**
 * The host as the client will call it (`https://` added, trailing slash removed), or `undefined`
 * when it is not a usable URL.
 */
export function tryNormalizeHost(host: string): string | undefined {
  try {
    return normalizeHost(host, 'host');
  } catch {
    return undefined;
  }
}
