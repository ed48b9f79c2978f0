/**
 * Debian's Chromium, driven by playwright-core, for the workspace's browser tests. Never a
 * downloaded browser: `.ci/run` installs the `chromium` package.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why the browser tests cannot run, or `undefined` when they can. In CI (`CI` set) a missing
 * Chromium throws, so the run fails; elsewhere the caller skips its tests with this reason.
 *
 * @example describe.skipIf(chromiumMissing())('in a browser', () => { ... });
 */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(reason);
  console.warn(`skipping browser tests: ${reason}`);
  return reason;
}

// Headless on a machine whose only network is loopback: without the background-networking
// flags Chromium keeps trying to reach Google's hosts.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches a headless Chromium with a fresh profile, and extra command-line flags when given. */
export function launchChromium(options: { readonly args?: readonly string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, ...(options.args ?? [])],
  });
}

export type { Browser, Page } from 'playwright-core';
