import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import {
  credentialsOf,
  FAULT_CASES,
  isTypedFailure,
  secretLeaks,
} from '@genauth-groups/testing/fault-matrix';
import { recordingFetch } from '@genauth-groups/testing/wire';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withTimeTravel } from '../test/emulator-clients.ts';
import { ManagementClient, type ManagementClientOptions } from './index.ts';

// The fault matrix of the management client, in both auth schemes, against the emulator's fault
// injection: each fault once (the call recovers) and on every attempt (the call fails with the
// typed error that fault calls for), on a read, on the token exchange and on a write. Every
// failure must be typed and hold no secret: not the access key secret, not a token, not a
// signature. Retries wait 5 ms and Retry-After is 0 s, so no case waits on real backoff.
let emulator: Emulator;
const LIMIT = 2;
const LIST = '/api/v3/list-groups';
const TOKEN = '/api/v3/get-management-token';
const CREATE = '/api/v3/create-group';

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

function client(auth: 'signature' | 'token', options: Partial<ManagementClientOptions> = {}) {
  const wire = recordingFetch();
  const api = new ManagementClient({
    accessKeyId: emulator.credentials.accessKeyId,
    accessKeySecret: emulator.credentials.accessKeySecret,
    host: emulator.url,
    auth,
    retry: { limit: LIMIT, delay: () => 5 },
    fetch: wire.fetch,
    ...options,
  });
  return { api, wire };
}

/** Checks a failure: typed, and without any credential the client sent or holds. */
async function expectTypedAndClean(error: unknown, wire: ReturnType<typeof recordingFetch>): Promise<void> {
  expect(isTypedFailure(error), String(error)).toBe(true);
  const sent = (await Promise.all(wire.requests.map(credentialsOf))).flat();
  expect(sent.length).toBeGreaterThan(0);
  expect(secretLeaks(error, [emulator.credentials.accessKeySecret, ...sent])).toEqual([]);
}

const count = (wire: ReturnType<typeof recordingFetch>, path: string) =>
  wire.paths().filter((sent) => sent === path).length;

describe.each(['signature', 'token'] as const)('with auth: %s', (auth) => {
  describe('a read', () => {
    it.each(FAULT_CASES)('recovers from one fault: $name', async ({ fault }) => {
      emulator.faults.queue([fault], { paths: [LIST] });
      const { api, wire } = client(auth);
      expect((await api.listGroups()).data.list.length).toBeGreaterThan(0);
      expect(count(wire, LIST)).toBe(2);
    });

    it.each(FAULT_CASES)('fails typed and clean when it persists: $name', async ({ fault, persistent }) => {
      emulator.faults.queue(
        Array.from({ length: LIMIT + 1 }, () => fault),
        { paths: [LIST] },
      );
      const { api, wire } = client(auth);
      const error = await api.listGroups().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: persistent });
      await expectTypedAndClean(error, wire);
      expect(count(wire, LIST)).toBe(LIMIT + 1);
    });

    it('fails typed and clean with a reply slower than the timeout (not retried)', async () => {
      emulator.faults.set({ latencyMs: 400, paths: [LIST] });
      const { api, wire } = client(auth, { timeout: 100 });
      const error = await api.listGroups().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'TimeoutError', timeout: 100 });
      await expectTypedAndClean(error, wire);
    });

    // Each on a path of its own: the emulator runs in this process, and on a loaded machine the
    // request of the time-out case above can reach it only after that case has given up, and
    // take the next fault queued for its path.
    it('fails typed and clean with a body that stalls (not retried)', async () => {
      const path = '/api/v3/get-group';
      emulator.faults.queue([{ type: 'stalled-body' }], { paths: [path] });
      const { api, wire } = client(auth, { timeout: 200 });
      const error = await api.getGroup({ code: 'developer' }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'TimeoutError', timeout: 200 });
      await expectTypedAndClean(error, wire);
      expect(count(wire, path)).toBe(1);
    });

    // The size speaks, not the time: the timeout is the default 10 s, which 1 MiB of loopback
    // takes a small part of even on a loaded machine.
    it('fails typed and clean with a body that never ends (not retried)', async () => {
      const path = '/api/v3/get-all-groups';
      emulator.faults.queue([{ type: 'endless-body' }], { paths: [path] });
      const { api, wire } = client(auth, { maxReplyBytes: 1024 * 1024 });
      const error = await api.getAllGroups().catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        name: 'ValidationError',
        message: `Invalid GET ${path} reply: expected a body of at most 1048576 bytes`,
      });
      await expectTypedAndClean(error, wire);
      expect(count(wire, path)).toBe(1);
    });
  });

  describe('a write', () => {
    it.each(FAULT_CASES)('is sent once and fails typed and clean: $name', async ({ fault, persistent }) => {
      emulator.faults.queue([fault], { paths: [CREATE] });
      const { api, wire } = client(auth);
      const code = `matrix-${auth}-${fault.type}-${Math.random().toString(36).slice(2)}`;
      const error = await api
        .createGroup({ code, name: 'Matrix', description: '', type: 'static' })
        .catch((caught: unknown) => caught);
      // The server said no (ApiError), or the reply was lost: the outcome is unknown.
      expect(error).toMatchObject({ name: persistent === 'ApiError' ? 'ApiError' : 'UnknownOutcomeError' });
      await expectTypedAndClean(error, wire);
      expect(count(wire, CREATE)).toBe(1);
    });
  });
});

describe('the management-token exchange', () => {
  it.each(FAULT_CASES)('recovers from one fault: $name', async ({ fault }) => {
    emulator.faults.queue([fault], { paths: [TOKEN] });
    const { api, wire } = client('token');
    expect((await api.getGroup({ code: 'developer' })).data.code).toBe('developer');
    expect(count(wire, TOKEN)).toBe(2);
  });

  it.each(FAULT_CASES)(
    'fails typed and clean under its own endpoint when it persists: $name',
    async ({ fault, persistent }) => {
      emulator.faults.queue(
        Array.from({ length: LIMIT + 1 }, () => fault),
        { paths: [TOKEN] },
      );
      const { api, wire } = client('token');
      const error = await api.getGroup({ code: 'developer' }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: persistent });
      if (persistent !== 'ValidationError') expect(error).toMatchObject({ endpoint: `POST ${TOKEN}` });
      await expectTypedAndClean(error, wire);
      expect(wire.paths()).toEqual(Array.from({ length: LIMIT + 1 }, () => TOKEN));
    },
  );

  it('honours Retry-After', { timeout: 15_000 }, async () => {
    emulator.faults.queue([{ type: 'rate-limit', level: 'http', retryAfterSeconds: 1 }], { paths: [TOKEN] });
    const { api } = client('token', { retry: LIMIT });
    const started = performance.now();
    await api.getGroup({ code: 'developer' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('a token that expires is fetched again, and one the server keeps refusing fails clean', async () => {
    await withTimeTravel(async ({ emulator, api, wire, travel, passTokenExpiry, client: tokenClient }) => {
      await api.getGroup({ code: 'developer' });
      passTokenExpiry();
      expect((await api.getGroup({ code: 'developer' })).data.code).toBe('developer');
      expect(count(wire, TOKEN)).toBe(2);
      // Every token the server issues is already expired by its own clock.
      emulator.faults.set({ managementTokenTtlSeconds: 1 });
      const ticking = tokenClient({
        fetch: async (input, init) => {
          const reply = await wire.fetch(input, init);
          travel(5_000);
          return reply;
        },
      });
      const error = await ticking.getGroup({ code: 'developer' }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'ApiError', apiCode: 2020 });
      const sent = (await Promise.all(wire.requests.map(credentialsOf))).flat();
      expect(secretLeaks(error, [emulator.credentials.accessKeySecret, ...sent])).toEqual([]);
    });
  });
});
