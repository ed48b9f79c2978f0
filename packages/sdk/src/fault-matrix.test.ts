import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import {
  credentialsOf,
  FAULT_CASES,
  isTypedFailure,
  secretLeaks,
} from '@genauth-groups/testing/fault-matrix';
import { recordingFetch } from '@genauth-groups/testing/wire';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationClient, type AuthenticationClientOptions } from './index.ts';

// The fault matrix of the browser SDK against the emulator's fault injection: each fault once (the
// call recovers) and on every attempt (the call fails with the typed error that fault calls for),
// a reply slower than the timeout, and an expired token. Every failure must be typed and hold no
// token. Retries wait 5 ms and Retry-After is 0 s, so no case waits on real backoff.
const LIMIT = 2;
const PATH = '/api/v3/get-my-group-list';

/** Signs a demo user in, as the web demo does, and returns the access token. */
async function signIn(server: Emulator, username = 'alice'): Promise<string> {
  const user = server.demoUsers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`demo user ${username} missing`);
  const response = await fetch(`${server.url}/api/v3/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-authing-app-id': server.credentials.appId },
    body: JSON.stringify({ connection: 'PASSWORD', passwordPayload: { username, password: user.password } }),
  });
  return ((await response.json()) as { data: { access_token: string } }).data.access_token;
}

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  token = await signIn(emulator);
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

function client(options: Partial<AuthenticationClientOptions> = {}) {
  const wire = recordingFetch();
  const sdk = new AuthenticationClient({
    appId: emulator.credentials.appId,
    appHost: emulator.url,
    accessToken: token,
    retry: { limit: LIMIT, delay: () => 5 },
    fetch: wire.fetch,
    ...options,
  });
  return { sdk, wire };
}

async function expectTypedAndClean(error: unknown, wire: ReturnType<typeof recordingFetch>): Promise<void> {
  expect(isTypedFailure(error), String(error)).toBe(true);
  const sent = (await Promise.all(wire.requests.map(credentialsOf))).flat();
  expect(sent).toContain(token);
  expect(secretLeaks(error, sent)).toEqual([]);
}

describe('getGroupList', () => {
  it.each(FAULT_CASES)('recovers from one fault: $name', async ({ fault }) => {
    emulator.faults.queue([fault], { paths: [PATH] });
    const { sdk, wire } = client();
    expect((await sdk.getGroupList()).data.length).toBeGreaterThan(0);
    expect(wire.paths()).toEqual([PATH, PATH]);
  });

  it.each(FAULT_CASES)('fails typed and clean when it persists: $name', async ({ fault, persistent }) => {
    emulator.faults.queue(
      Array.from({ length: LIMIT + 1 }, () => fault),
      { paths: [PATH] },
    );
    const { sdk, wire } = client();
    const error = await sdk.getGroupList().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: persistent });
    await expectTypedAndClean(error, wire);
    expect(wire.paths()).toHaveLength(LIMIT + 1);
  });

  it('fails typed and clean with a reply slower than the timeout (not retried)', async () => {
    emulator.faults.set({ latencyMs: 400, paths: [PATH] });
    const { sdk, wire } = client({ timeout: 100 });
    const error = await sdk.getGroupList().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'TimeoutError', timeout: 100 });
    await expectTypedAndClean(error, wire);
  });
});

describe('an expired token', () => {
  it('fails typed and clean, and a token function that refreshes recovers', async () => {
    let now = Date.now();
    const timeTravel = await startEmulator({ port: 0, clock: () => now });
    try {
      const stale = await signIn(timeTravel);
      now += 365 * 24 * 3600 * 1000;
      const wire = recordingFetch();
      const options = { appId: timeTravel.credentials.appId, appHost: timeTravel.url, fetch: wire.fetch };
      const error = await new AuthenticationClient({ ...options, accessToken: stale })
        .getGroupList()
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'ApiError', apiCode: 2020 });
      expect(isTypedFailure(error)).toBe(true);
      expect(secretLeaks(error, [stale])).toEqual([]);

      const fresh = await signIn(timeTravel);
      const refreshing = new AuthenticationClient({
        ...options,
        accessToken: ({ refresh }) => (refresh ? fresh : stale),
      });
      expect((await refreshing.getGroupList()).data.length).toBeGreaterThan(0);
    } finally {
      await timeTravel.close();
    }
  });
});
