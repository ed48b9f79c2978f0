import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** The user settings of every run: a quiet workbench that opens nothing of its own and asks nothing. */
export const WORKBENCH_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Dark Modern',
};

/** A headless Chromium with its profile under `runDir`, and its first page. */
export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
}

/**
 * Starts Debian's headless Chromium with a persistent profile under `runDir` (the workbench keeps
 * the secret storage there across reloads), where nothing but loopback is reachable: the
 * workbench must work with nothing else there.
 */
export async function launchBrowser(runDir: string): Promise<Browser> {
  const context = await chromium.launchPersistentContext(join(runDir, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
    ],
  });
  try {
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const local =
        ['127.0.0.1', 'localhost'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol);
      return local ? route.continue() : route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}
