import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessTokenRequest, AuthenticationClient, isApiError, isValidationError } from './index.ts';

// `accessToken` as a function, against the emulator: the SDK asks it for each call, and once more
// (refresh: true) when the server refuses the token.
let emulator: Emulator;
let aliceToken: string;
let frankToken: string;

async function signIn(username: string): Promise<string> {
  const user = emulator.demoUsers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`demo user ${username} missing`);
  const response = await fetch(`${emulator.url}/api/v3/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-authing-app-id': emulator.credentials.appId },
    body: JSON.stringify({ connection: 'PASSWORD', passwordPayload: { username, password: user.password } }),
  });
  return ((await response.json()) as { data: { access_token: string } }).data.access_token;
}

/** A client whose requests are counted, with the token function given. */
function client(accessToken: ConstructorParameters<typeof AuthenticationClient>[0]['accessToken']) {
  const sent: string[] = [];
  const counting: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    sent.push(request.headers.get('authorization') ?? '');
    return fetch(request);
  };
  const sdk = new AuthenticationClient({
    appId: emulator.credentials.appId,
    appHost: emulator.url,
    accessToken,
    fetch: counting,
    retry: 0,
  });
  return { sdk, sent };
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  [aliceToken, frankToken] = await Promise.all([signIn('alice'), signIn('frank')]);
});
afterAll(() => emulator.close());

describe('accessToken as a function', () => {
  it('is called for each call, sync or async, so the current token is always used', async () => {
    let current = aliceToken;
    const asks: AccessTokenRequest[] = [];
    const { sdk, sent } = client((request) => {
      asks.push(request);
      return current;
    });
    expect((await sdk.getGroupList()).data.length).toBeGreaterThan(0);
    current = frankToken;
    expect((await sdk.getGroupList()).data).toEqual([]);
    expect(asks).toEqual([{ refresh: false }, { refresh: false }]);
    expect(sent).toEqual([aliceToken, frankToken]);

    const async = client(async () => aliceToken);
    expect((await async.sdk.getGroupList()).data.length).toBeGreaterThan(0);
  });

  it('asks once more with refresh: true when the server refuses the token, and retries once', async () => {
    const asks: AccessTokenRequest[] = [];
    const { sdk, sent } = client(async (request) => {
      asks.push(request);
      return request.refresh ? aliceToken : 'expired-token';
    });
    expect((await sdk.getGroupList()).data.length).toBeGreaterThan(0);
    expect(asks).toEqual([{ refresh: false }, { refresh: true }]);
    expect(sent).toEqual(['expired-token', aliceToken]);
  });

  it('fails with the typed error when the refreshed token is refused too, after one retry', async () => {
    const { sdk, sent } = client(() => 'still-expired-token');
    const error = await sdk.getGroupList().catch((caught: unknown) => caught);
    expect(isApiError(error) && error.apiCode).toBe(2020);
    expect(sent).toHaveLength(2);
    expect(String(error)).not.toContain('still-expired-token');
  });

  it('reports the refusal when the refresh gives no token (signed out), without another request', async () => {
    const { sdk, sent } = client(({ refresh }) => (refresh ? undefined : 'expired-token'));
    const error = await sdk.getGroupList().catch((caught: unknown) => caught);
    expect(isApiError(error) && error.apiCode).toBe(2020);
    expect(sent).toHaveLength(1);
  });

  it('fails before any request when the function returns no token', async () => {
    const { sdk, sent } = client(() => null);
    await expect(sdk.getGroupList()).rejects.toThrow(
      'Invalid getGroupList call: accessToken: the function returned no token; is the user signed in?',
    );
    expect(sent).toHaveLength(0);
  });

  it('does not retry a refused fixed token: it could only be refused again', async () => {
    const { sdk, sent } = client('expired-token');
    const error = await sdk.getGroupList().catch((caught: unknown) => caught);
    expect(isApiError(error) && error.apiCode).toBe(2020);
    expect(sent).toHaveLength(1);
  });

  it('lets an error thrown by the function through, without a request', async () => {
    const { sdk, sent } = client(() => {
      throw new Error('login library failed');
    });
    await expect(sdk.getGroupList()).rejects.toThrow('login library failed');
    expect(sent).toHaveLength(0);
  });

  it('is accepted by setAccessToken, and anything else than a string or a function is refused', () => {
    const { sdk } = client(undefined);
    sdk.setAccessToken(() => aliceToken);
    let error: unknown;
    try {
      sdk.setAccessToken(42 as never);
    } catch (caught) {
      error = caught;
    }
    expect(isValidationError(error)).toBe(true);
    expect(String(error)).toContain('access token: expected (string | Function)');
  });
});

describe('a refusal by HTTP status alone', () => {
  it('asks again on an HTTP 401 without an envelope (a gateway in front), and retries once', async () => {
    // A loopback server: 401 with an empty body for any token but the fresh one.
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers.authorization ?? '');
      if (request.headers.authorization !== 'fresh-token') {
        response.writeHead(401).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ statusCode: 200, message: '', data: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const sdk = new AuthenticationClient({
        appId: 'app',
        appHost: `http://127.0.0.1:${port}`,
        accessToken: ({ refresh }) => (refresh ? 'fresh-token' : 'stale-token'),
        retry: 0,
      });
      expect((await sdk.getGroupList()).data).toEqual([]);
      expect(seen).toEqual(['stale-token', 'fresh-token']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
