import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { type Browser, chromiumMissing, launchChromium, type Page } from '@genauth-groups/testing';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The demo as a person sees it: the production build (host pinned, CSP) served by `vite preview`,
// the emulator on another origin, and Debian's Chromium signing in by redirect to the hosted login.
// Time is the emulator's clock, moved by the test; failures are queued faults. Screenshots land in
// test-results/.
const root = new URL('..', import.meta.url).pathname;
const shots = new URL('../test-results/', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

describe.skipIf(chromiumMissing())('the web demo in Chromium', { timeout: 60_000 }, () => {
  let emulator: Emulator;
  let server: PreviewServer;
  let browser: Browser;
  let origin: string;
  let skew = 0;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    origin = `http://localhost:${port}`;
    [emulator, browser] = await Promise.all([
      startEmulator({
        port: 0,
        clock: () => Date.now() + skew,
        accessTokenTtlSeconds: 3600,
        refreshTokenTtlSeconds: 7200,
        callbackUrls: [`${origin}/`],
      }),
      launchChromium(),
    ]);
    // Pinned at build time, as a deployment would be.
    process.env.VITE_GENAUTH_APP_HOST = emulator.url;
    process.env.VITE_GENAUTH_APP_ID = emulator.credentials.appId;
    const outDir = `${shots}dist`;
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    server = await preview({
      root,
      logLevel: 'silent',
      build: { outDir },
      preview: { port, strictPort: true, host: 'localhost' },
    });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close(), emulator?.close()]);
  });

  function user(predicate: (candidate: Emulator['demoUsers'][number]) => boolean) {
    const found = emulator.demoUsers.find(predicate);
    if (!found) throw new Error('demo user missing');
    return found;
  }

  /** A fresh browser profile (no session anywhere) on the demo. */
  async function openDemo(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('[data-state=signed-out]');
    return page;
  }

  /** Clicks "Sign in", fills the hosted login page, and waits to be back on the demo. */
  async function signIn(page: Page, account: string, password: string, shot?: string): Promise<void> {
    await page.click('[data-action=sign-in]');
    await page.waitForURL(`${emulator.url}/oidc/auth?**`);
    await page.fill('input[name=account]', account);
    await page.fill('input[name=password]', password);
    if (shot) await page.screenshot({ path: `${shots}${shot}` });
    await page.click('button[type=submit]');
  }

  it("signs in by redirect to the hosted login, comes back, and shows the user's groups", async () => {
    const alice = user((candidate) => candidate.username === 'alice');
    const page = await openDemo();
    await page.screenshot({ path: `${shots}sign-in.png` });
    await signIn(page, alice.username, alice.password, 'hosted-login.png');
    await page.waitForSelector('[data-state=groups]');
    // The code and state are gone from the address bar.
    expect(page.url()).toBe(`${origin}/`);
    const codes = await page.$$eval('.card', (cards) => cards.map((card) => card.getAttribute('data-code')));
    expect(codes.sort()).toEqual([...alice.groups].sort());
    expect(await page.textContent('#session')).toContain('alice');
    await page.screenshot({ path: `${shots}groups.png`, fullPage: true });

    // A reload keeps the user signed in, without the hosted login.
    await page.reload();
    await page.waitForSelector('[data-state=groups]');
    expect(page.url()).toBe(`${origin}/`);
    await page.context().close();
  });

  it('renews an expired access token without a visible error', async () => {
    const alice = user((candidate) => candidate.username === 'alice');
    const page = await openDemo();
    await signIn(page, alice.username, alice.password);
    await page.waitForSelector('[data-state=groups]');
    const states: string[] = [];
    await page.exposeFunction('recordState', (state: string) => states.push(state));
    await page.evaluate(() => {
      const app = document.querySelector('#app') as HTMLElement;
      new MutationObserver(() => {
        const state = app.firstElementChild?.getAttribute('data-state');
        if (state) (window as unknown as { recordState: (s: string) => void }).recordState(state);
      }).observe(app, { childList: true });
    });
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/oidc/token'))
        refreshes.push(new URLSearchParams(request.postData() ?? '').get('grant_type') ?? '');
    });

    skew += 3601_000; // an hour later, by the server's clock: the access token has expired
    await page.click('[data-state=groups] .heading button');
    await expect.poll(() => states.at(-1), { timeout: 30_000 }).toBe('groups');
    expect(states).not.toContain('error');
    expect(refreshes).toEqual(['refresh_token']);
    await page.context().close();
  });

  it('asks to sign in again, clearly, once the refresh token has expired too', async () => {
    const alice = user((candidate) => candidate.username === 'alice');
    const page = await openDemo();
    await signIn(page, alice.username, alice.password);
    await page.waitForSelector('[data-state=groups]');
    skew += 7201_000; // past the refresh token's lifetime (7200 s) as well
    await page.click('[data-state=groups] .heading button');
    await page.waitForSelector('[data-state=signed-out] [role=alert]');
    expect(await page.textContent('[role=alert]')).toBe('Your session has ended: sign in again.');
    await page.reload();
    await page.waitForSelector('[data-state=signed-out]');
    await page.context().close();
  });

  it('signs out: the session ends here and at the hosted login', async () => {
    const alice = user((candidate) => candidate.username === 'alice');
    const page = await openDemo();
    await signIn(page, alice.username, alice.password);
    await page.waitForSelector('[data-state=groups]');
    await page.click('[data-action=sign-out]');
    await page.waitForSelector('[data-state=signed-out]');
    expect(page.url()).toBe(`${origin}/`);
    await page.reload();
    await page.waitForSelector('[data-state=signed-out]');
    // The hosted login asks for the password again: its session ended too.
    await page.click('[data-action=sign-in]');
    await page.waitForSelector('input[name=password]');
    await page.context().close();
  });

  it('shows the empty state for a user in no group', async () => {
    const lonely = user((candidate) => candidate.groups.length === 0);
    const page = await openDemo();
    await signIn(page, lonely.email, lonely.password);
    await page.waitForSelector('[data-state=empty]');
    await page.screenshot({ path: `${shots}empty.png` });
    await page.context().close();
  });

  it('shows a wrong password on the hosted page, and a failing server as an error with a retry', async () => {
    const alice = user((candidate) => candidate.username === 'alice');
    const page = await openDemo();
    await signIn(page, alice.username, 'wrong password');
    expect(await page.textContent('[role=alert]')).toBe('Wrong username or password');

    // The first attempt and the SDK's two retries all throttled, with Retry-After: 0, so that
    // nothing waits on a real backoff.
    emulator.faults.queue(
      Array.from({ length: 3 }, () => ({ type: 'rate-limit', retryAfterSeconds: 0, level: 'body' }) as const),
      { paths: ['/api/v3/get-my-group-list'] },
    );
    await page.fill('input[name=account]', alice.username);
    await page.fill('input[name=password]', alice.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-state=error]');
    expect(await page.textContent('[data-state=error]')).toContain('statusCode 429');
    await page.screenshot({ path: `${shots}error.png` });
    await page.click('[data-state=error] button');
    await page.waitForSelector('[data-state=groups]');
    await page.context().close();
  });

  it('reports a tampered state and a replayed callback clearly, and puts no code in the page', async () => {
    const alice = user((candidate) => candidate.username === 'alice');
    const page = await openDemo();
    // The hosted login answered outside the browser, so that the test holds the callback URL.
    await page.click('[data-action=sign-in]');
    await page.waitForURL(`${emulator.url}/oidc/auth?**`);
    const opened = await fetch(page.url());
    const form = await opened.text();
    const interaction = /name="interaction" value="([^"]+)"/.exec(form)?.[1] ?? '';
    // The login page is tied to the browser that opened it (here, this fetch) by a cookie.
    const browser = opened.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
    const answer = await fetch(`${emulator.url}/oidc/auth/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: browser.join('; ') },
      body: new URLSearchParams({ interaction, account: alice.username, password: alice.password }),
    });
    const callback = new URL(answer.headers.get('location') ?? '');
    const code = callback.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    const state = callback.searchParams.get('state') ?? '';

    callback.searchParams.set('state', 'tampered');
    await page.goto(callback.toString());
    await page.waitForSelector('[data-state=signed-out] [role=alert]');
    expect(await page.textContent('[role=alert]')).toBe(
      'Sign-in failed: the response does not belong to this sign-in (state mismatch). Sign in again.',
    );
    expect(await page.content()).not.toContain(code);

    // The genuine callback after that: the sign-in it belonged to is over.
    callback.searchParams.set('state', state);
    await page.goto(callback.toString());
    await page.waitForSelector('[data-state=signed-out] [role=alert]');
    expect(await page.textContent('[role=alert]')).toContain('sign in again');
    expect(await page.content()).not.toContain(code);
    await page.context().close();
  });

  it('is built for one host, under a strict Content Security Policy, with no way to point it elsewhere', async () => {
    const page = await (await browser.newContext()).newPage();
    const hosts: string[] = [];
    page.on('request', (request) => hosts.push(new URL(request.url()).origin));
    const response = await page.goto(`${origin}/?appHost=https://evil.example&appId=x`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src ${emulator.url}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content')).toContain(
      `connect-src ${emulator.url}`,
    );
    expect(await page.textContent('#backend')).toContain(emulator.url);
    await page.click('[data-action=sign-in]');
    await page.waitForSelector('input[name=password]');
    expect(new Set(hosts)).toEqual(new Set([origin, emulator.url]));
    await page.context().close();
  });
});
