import { DEFAULT_CREDENTIALS, type Emulator, startEmulator } from '@genauth-groups/emulator';
import { type Browser, chromiumMissing, launchChromium } from '@genauth-groups/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePage } from '../test/browser/harness.ts';

// The official browser SDK, @authing/web 5.1.21, unchanged, signs in against the emulator's
// hosted login in headless Chromium; our SDK then reads the groups with its token.
// @authing/web refuses any domain with a port (contract section 16.4), so Chromium resolves the
// dotted name `emulator.test` (port 80) to the emulator's loopback port.
const DOMAIN = 'http://emulator.test';

describe.skipIf(chromiumMissing())(
  '@authing/web against the emulator, in Chromium',
  { timeout: 60_000 },
  () => {
    let emulator: Emulator;
    let page: Awaited<ReturnType<typeof servePage>>;
    let browser: Browser;

    beforeAll(async () => {
      const config = {
        domain: DOMAIN,
        appId: DEFAULT_CREDENTIALS.appId,
        userPoolId: DEFAULT_CREDENTIALS.userPoolId,
      };
      page = await servePage(
        './authing-web-page.ts',
        `<!doctype html><meta charset="utf-8"><title>@authing/web test</title>
<script type="application/json" id="config">${JSON.stringify(config)}</script>
<p id="status">loading</p><ul id="groups"></ul>`,
      );
      emulator = await startEmulator({ port: 0, callbackUrls: [`${page.origin}/`] });
      browser = await launchChromium({
        args: [`--host-resolver-rules=MAP emulator.test 127.0.0.1:${emulator.port}`],
      });
    }, 60_000);
    afterAll(async () => {
      await Promise.all([browser?.close(), page?.close(), emulator?.close()]);
    });

    it("signs in by redirect (code + PKCE), and getLoginState()'s access token reads the groups through our SDK", async () => {
      const alice = emulator.demoUsers.find((user) => user.username === 'alice');
      if (!alice) throw new Error('demo user alice missing');
      const tab = await (await browser.newContext()).newPage();
      // What @authing/web sends to the emulator, captured (values of secrets left out).
      const sent: { method: string; path: string; query: string[]; form: string[]; headers: string[] }[] = [];
      tab.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== DOMAIN || request.method() === 'OPTIONS') return;
        sent.push({
          method: request.method(),
          path: url.pathname,
          query: [...url.searchParams.keys()],
          form: [...new URLSearchParams(request.postData() ?? '').keys()],
          headers: Object.keys(request.headers()).filter((name) => name.startsWith('x-authing')),
        });
      });

      await tab.goto(`${page.origin}/`);
      await tab.click('#sign-in');
      await tab.waitForURL(`${DOMAIN}/oidc/auth?**`);
      await tab.fill('input[name=account]', alice.username);
      await tab.fill('input[name=password]', alice.password);
      await tab.click('button[type=submit]');
      await tab.waitForFunction(
        () => document.querySelector('#status')?.textContent?.startsWith('done') ?? false,
      );

      expect(await tab.textContent('#status')).toBe(`done: ${alice.groups.length} groups as alice`);
      const codes = await tab.$$eval('#groups li', (items) =>
        items.map((item) => item.getAttribute('data-code')),
      );
      expect(codes.sort()).toEqual([...alice.groups].sort());
      expect(tab.url()).toBe(`${page.origin}/`);

      // First getLoginState()'s silent attempt in a hidden iframe (prompt=none, answered
      // login_required by web_message), then loginWithRedirect().
      const base = [
        'client_id',
        'code_challenge',
        'code_challenge_method',
        'nonce',
        'redirect_uri',
        'response_mode',
        'response_type',
        'scope',
        'state',
      ];
      const [silent, redirect] = sent.filter((request) => request.path === '/oidc/auth');
      expect(silent?.query.sort()).toEqual([...base, 'prompt'].sort());
      expect(redirect?.query.sort()).toEqual(base.sort());
      const token = sent.find((request) => request.path === '/oidc/token');
      expect(token).toMatchObject({
        method: 'POST',
        headers: ['x-authing-request-from', 'x-authing-sdk-version'],
      });
      expect(token?.form.sort()).toEqual([
        'client_id',
        'code',
        'code_verifier',
        'grant_type',
        'redirect_uri',
      ]);
      const groups = sent.find((request) => request.path === '/api/v3/get-my-group-list');
      expect(groups?.headers).toEqual(['x-authing-app-id']);
      await tab.context().close();
    });
  },
);
