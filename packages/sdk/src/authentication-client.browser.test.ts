import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { type Browser, chromiumMissing, launchChromium } from '@genauth-groups/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePage } from '../test/browser/harness.ts';

// In a real headless Chromium: a page served from another origin (localhost) than the emulator
// (127.0.0.1) signs a demo user in and shows that user's groups through the SDK. This proves the
// browser build and CORS (preflight for authorization and x-authing-app-id) for real.
// A real browser on a loaded 2-core CI machine: each page load and Chromium's start get a budget
// of their own instead of vitest's 5 s default.
const BROWSER_BUDGET = { timeout: 30_000 };

// Chromium on a loaded 2-core machine: a budget, not vitest's 5 s default.
describe.skipIf(chromiumMissing())('in a browser, cross-origin', { timeout: 30_000 }, () => {
  let emulator: Emulator;
  let page: Awaited<ReturnType<typeof servePage>>;
  let browser: Browser;

  beforeAll(async () => {
    [emulator, page, browser] = await Promise.all([
      startEmulator({ port: 0 }),
      servePage(),
      launchChromium(),
    ]);
  }, BROWSER_BUDGET.timeout);
  afterAll(async () => {
    await Promise.all([browser?.close(), page?.close(), emulator?.close()]);
  });

  async function open(params: Record<string, string>): Promise<{ status: string; codes: string[] }> {
    const tab = await browser.newPage();
    const query = new URLSearchParams({
      appHost: emulator.url,
      appId: emulator.credentials.appId,
      ...params,
    });
    await tab.goto(`${page.origin}/?${query}`);
    // The test's own budget bounds the wait, not playwright's 30 s default.
    await tab.waitForFunction(() => document.querySelector('#status')?.textContent !== 'loading', undefined, {
      timeout: 0,
    });
    const status = (await tab.textContent('#status')) ?? '';
    const codes = await tab.$$eval('#groups li', (items) =>
      items.map((item) => item.getAttribute('data-code') ?? ''),
    );
    await tab.close();
    return { status, codes };
  }

  it("signs a demo user in and shows that user's groups", BROWSER_BUDGET, async () => {
    const user = emulator.demoUsers.find((candidate) => candidate.groups.length > 1);
    if (!user) throw new Error('the demo data has a user in several groups');
    const { status, codes } = await open({ username: user.username, password: user.password });
    expect(status).toBe(`done: ${user.groups.length} groups`);
    expect(codes.sort()).toEqual([...user.groups].sort());
  });

  // 64 MiB through a real browser: 6 s on a quiet machine, 23 s in a CI run with another suite
  // beside it. A budget of its own, and a client timeout that leaves the size to speak.
  it('ends a reply whose body stalls, or never ends, with a typed error', { timeout: 240_000 }, async () => {
    const [user] = emulator.demoUsers;
    if (!user) throw new Error('the demo data has users');
    const path = '/api/v3/get-my-group-list';
    const signIn = { username: user.username, password: user.password };
    emulator.faults.queue([{ type: 'stalled-body' }], { paths: [path] });
    expect((await open({ ...signIn, timeout: '1000' })).status).toBe(
      `error: TimeoutError: GET ${path}: no reply within 1000 ms`,
    );
    // Refused at 64 MiB, well within the timeout: the tab does not fill its memory until then.
    emulator.faults.queue([{ type: 'endless-body' }], { paths: [path] });
    expect((await open({ ...signIn, timeout: '180000' })).status).toBe(
      `error: ValidationError: Invalid GET ${path} reply: expected a body of at most 67108864 bytes`,
    );
  });

  it('shows the typed API error for a bad token', BROWSER_BUDGET, async () => {
    const { status, codes } = await open({ token: 'expired-or-forged' });
    expect(status).toMatch(/^ApiError 401 2020: /);
    expect(codes).toEqual([]);
  });
});
