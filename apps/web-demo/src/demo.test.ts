import { mkdirSync } from 'node:fs';
import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { type Browser, chromiumMissing, launchChromium, type Page } from '@genauth-groups/testing';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The demo as a person sees it: the production build served by `vite preview`, the emulator on
// another origin, and Debian's Chromium clicking through sign-in, groups, empty and error states.
// Screenshots land in test-results/.
const root = new URL('..', import.meta.url).pathname;
const shots = new URL('../test-results/', import.meta.url).pathname;

describe.skipIf(chromiumMissing())('the web demo in Chromium', () => {
  let emulator: Emulator;
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const outDir = `${shots}dist`;
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    [emulator, server, browser] = await Promise.all([
      startEmulator({ port: 0 }),
      preview({ root, logLevel: 'silent', build: { outDir }, preview: { port: 0, host: 'localhost' } }),
      launchChromium(),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close(), emulator?.close()]);
  });

  async function openDemo(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
    const query = new URLSearchParams({ appHost: emulator.url, appId: emulator.credentials.appId });
    await page.goto(`${server.resolvedUrls?.local[0]}?${query}`);
    return page;
  }

  async function signIn(page: Page, account: string, password: string): Promise<void> {
    await page.fill('input[name=account]', account);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
  }

  it("signs in and shows the user's groups with their details", async () => {
    const alice = emulator.demoUsers.find((user) => user.username === 'alice');
    if (!alice) throw new Error('demo user alice missing');
    const page = await openDemo();
    await page.screenshot({ path: `${shots}sign-in.png` });
    await signIn(page, alice.username, alice.password);
    await page.waitForSelector('[data-state=groups]');
    const codes = await page.$$eval('.card', (cards) => cards.map((card) => card.getAttribute('data-code')));
    expect(codes.sort()).toEqual([...alice.groups].sort());
    expect(await page.textContent('[data-state=groups] .muted')).toBe(`${alice.groups.length} groups`);
    expect(await page.textContent('#session')).toContain('alice');
    await page.screenshot({ path: `${shots}groups.png`, fullPage: true });
    await page.close();
  });

  it('shows the empty state for a user in no group', async () => {
    const lonely = emulator.demoUsers.find((user) => user.groups.length === 0);
    if (!lonely) throw new Error('the demo data has a user in no group');
    const page = await openDemo();
    await signIn(page, lonely.email, lonely.password);
    await page.waitForSelector('[data-state=empty]');
    await page.screenshot({ path: `${shots}empty.png` });
    await page.close();
  });

  it('shows a wrong password on the form, and a failing server as an error with a retry', async () => {
    const alice = emulator.demoUsers.find((user) => user.username === 'alice');
    if (!alice) throw new Error('demo user alice missing');
    const page = await openDemo();
    await signIn(page, alice.username, 'wrong password');
    await page.waitForSelector('.form-error');

    // Three failures: the first attempt and the SDK's two retries.
    emulator.faults.queue(
      Array.from({ length: 3 }, () => ({ type: 'envelope-error', statusCode: 503 }) as const),
      {
        paths: ['/api/v3/get-my-group-list'],
      },
    );
    await signIn(page, alice.username, alice.password);
    await page.waitForSelector('[data-state=error]');
    expect(await page.textContent('[data-state=error]')).toContain('statusCode 503');
    await page.screenshot({ path: `${shots}error.png` });
    await page.click('[data-state=error] button');
    await page.waitForSelector('[data-state=groups]');
    await page.close();
  });
});
