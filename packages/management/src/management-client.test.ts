import { signingVectors } from '@genauth-groups/contract';
import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { recordingFetch as recorder } from '@genauth-groups/testing/wire';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withTimeTravel } from '../test/emulator-clients.ts';
import {
  isApiError,
  isNetworkError,
  isTimeoutError,
  isValidationError,
  ManagementClient,
  type ManagementClientOptions,
} from './index.ts';

// Against the emulator on loopback, with both auth schemes; faults come from the emulator.
let emulator: Emulator;
const fastRetry = { limit: 2, delay: () => 5 };

function client(options: Partial<ManagementClientOptions> = {}): ManagementClient {
  return new ManagementClient({
    accessKeyId: emulator.credentials.accessKeyId,
    accessKeySecret: emulator.credentials.accessKeySecret,
    host: emulator.url,
    retry: fastRetry,
    ...options,
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

describe.each(['signature', 'token'] as const)('with auth: %s', (auth) => {
  it('lists, reads and searches groups', async () => {
    const api = client({ auth });
    const page = await api.listGroups({ limit: 50 });
    expect(page.data.totalCount).toBeGreaterThan(3);
    const codes = page.data.list.map((group) => group.code);
    expect(codes).toContain('developer');
    expect((await api.getGroup({ code: 'developer' })).data).toMatchObject({
      code: 'developer',
      name: 'Developers',
    });
    const found = await api.listGroups({ keywords: 'DEVELOP' });
    expect(found.data.list.map((group) => group.code)).toContain('developer');
    expect((await api.getAllGroups()).data.length).toBe(page.data.totalCount);
  });

  it("reads a user's groups, a group's members and its authorized resources", async () => {
    const api = client({ auth });
    const alice = emulator.demoUsers.find((user) => user.username === 'alice');
    if (!alice) throw new Error('demo user alice missing');
    const byEmail = await api.getUserGroups({ userId: alice.email, userIdType: 'email' });
    expect(byEmail.data.list.map((group) => group.code).sort()).toEqual([...alice.groups].sort());
    const members = await api.listGroupMembers({ code: 'developer', withIdentities: true, limit: 50 });
    expect(members.data.list.some((user) => user.userId === alice.userId)).toBe(true);
    const resources = await api.getGroupAuthorizedResources({ code: 'developer' });
    expect(Array.isArray(resources.data)).toBe(true);
  });

  it('retries a failed GET with fresh credentials (no replayed nonce, no stale token)', async () => {
    emulator.faults.queue([{ type: 'http-error', status: 503 }, { type: 'drop-connection' }], {
      paths: ['/api/v3/list-groups'],
    });
    expect((await client({ auth }).listGroups()).data.list.length).toBeGreaterThan(0);
    expect(emulator.faults.state.queue).toHaveLength(0);
  });
});

describe('on the wire', () => {
  // The URLs authing-node-sdk 4.0.1 sent for the same calls (captured, contract/fixtures/signing).
  const captured = signingVectors().map((vector) => vector.request.target);

  it.each([
    ['listGroups', (api: ManagementClient) => api.listGroups()],
    [
      'listGroups with keywords that need encoding',
      (api: ManagementClient) =>
        api.listGroups({
          keywords: 'dev ops:é&x',
          page: 2,
          limit: 50,
          withMetadata: true,
          withCustomData: true,
        }),
    ],
    ['getGroup', (api: ManagementClient) => api.getGroup({ code: 'developer' })],
    [
      'getUserGroups',
      (api: ManagementClient) => api.getUserGroups({ userId: 'a@b.com', userIdType: 'email' }),
    ],
    ['listGroupMembers', (api: ManagementClient) => api.listGroupMembers({ code: 'developer' })],
    [
      'getGroupAuthorizedResources',
      (api: ManagementClient) => api.getGroupAuthorizedResources({ code: 'developer', resourceType: 'API' }),
    ],
  ])('%s puts the same path and query on the wire as the official SDK', async (_, call) => {
    const wire = recorder();
    await call(client({ fetch: wire.fetch })).catch(() => undefined);
    const [request] = wire.requests;
    const url = new URL(request?.url ?? '');
    expect(captured).toContain(`${url.pathname}${url.search}`);
    expect(request?.headers.get('authorization')).toMatch(/^authing [^:]+:[A-Za-z0-9+/]+=*$/);
  });

  // Unlike the official SDK's `?fetchMembers=false`: the service returns members for any value it
  // receives, so getAllGroups leaves it out unless members are asked for (contract 6.3).
  it.each([
    [{}, ''],
    [{ fetchMembers: false }, ''],
    [{ fetchMembers: true }, '?fetchMembers=true'],
    [{ fetchMembers: false, withCustomData: true }, '?withCustomData=true'],
  ])('getAllGroups(%j) sends fetchMembers only when true', async (params, search) => {
    const wire = recorder();
    await client({ fetch: wire.fetch }).getAllGroups(params);
    expect(wire.requests.map((request) => new URL(request.url).search)).toEqual([search]);
  });

  it('refuses limit: 51 before any request, naming the field', async () => {
    const wire = recorder();
    const error = await client({ fetch: wire.fetch })
      .listGroups({ limit: 51 })
      .catch((caught: unknown) => caught);
    expect(isValidationError(error) && error.message).toBe(
      'Invalid listGroups parameters: limit: expected <=50',
    );
    expect(wire.requests).toHaveLength(0);
  });

  it('never puts the secret on the wire with the signature scheme, nor in a URL with the token scheme', async () => {
    const secret = emulator.credentials.accessKeySecret;
    for (const auth of ['signature', 'token'] as const) {
      const wire = recorder();
      await client({ auth, fetch: wire.fetch }).listGroups();
      for (const request of wire.requests) {
        expect(request.url).not.toContain(secret);
        expect(JSON.stringify([...request.headers])).not.toContain(secret);
        const body = await request.text();
        if (auth === 'signature') expect(body).not.toContain(secret);
      }
    }
  });
});

describe('management token', () => {
  it('is fetched once for concurrent first calls, sent as Bearer with the pool id', async () => {
    const wire = recorder();
    const api = client({ auth: 'token', fetch: wire.fetch });
    await Promise.all(Array.from({ length: 12 }, () => api.getGroup({ code: 'developer' })));
    expect(wire.paths().filter((path) => path === '/api/v3/get-management-token')).toHaveLength(1);
    const call = wire.requests.find((request) => request.url.includes('get-group'));
    expect(call?.headers.get('authorization')).toMatch(/^Bearer /);
    expect(call?.headers.get('x-authing-userpool-id')).toBe(emulator.credentials.userPoolId);
  });

  it('is refreshed once and the calls retried when the server says it expired', async () => {
    await withTimeTravel(async ({ api, wire, passTokenExpiry }) => {
      await api.getGroup({ code: 'developer' });
      passTokenExpiry(); // the server's clock passes the token's expiry; the client's does not
      const replies = await Promise.all(Array.from({ length: 8 }, () => api.getGroup({ code: 'developer' })));
      expect(replies.every((reply) => reply.data.code === 'developer')).toBe(true);
      expect(wire.paths().filter((path) => path === '/api/v3/get-management-token')).toHaveLength(2);
    });
  });

  it('drops a token that expired on its way, though it was fetched during the call, and retries with a fresh one', async () => {
    await withTimeTravel(async ({ wire, passTokenExpiry, client: tokenClient }) => {
      let tokens = 0;
      const api = tokenClient({
        fetch: async (input, init) => {
          const reply = await wire.fetch(input, init);
          // The first token expires by the server's clock before the call it was fetched for arrives.
          if (
            String(input instanceof Request ? input.url : input).endsWith('/get-management-token') &&
            ++tokens === 1
          )
            passTokenExpiry();
          return reply;
        },
      });
      expect((await api.getGroup({ code: 'developer' })).data.code).toBe('developer');
      expect(wire.paths()).toEqual([
        '/api/v3/get-management-token',
        '/api/v3/get-group',
        '/api/v3/get-management-token',
        '/api/v3/get-group',
      ]);
    });
  });

  // Waits a real second for the client's clock to pass the refresh point: a budget of its own.
  it('refreshes before expiry when tokens are short-lived', { timeout: 15_000 }, async () => {
    emulator.faults.set({ managementTokenTtlSeconds: 1 });
    const wire = recorder();
    const api = client({ auth: 'token', fetch: wire.fetch });
    await api.getGroup({ code: 'developer' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await api.getGroup({ code: 'developer' });
    expect(wire.paths().filter((path) => path === '/api/v3/get-management-token')).toHaveLength(2);
  });

  it.each([
    { type: 'http-error', status: 503 },
    { type: 'rate-limit', level: 'http', retryAfterSeconds: 0 },
    { type: 'rate-limit', level: 'body', retryAfterSeconds: 0 },
    { type: 'drop-connection' },
    { type: 'truncated-body' },
  ] as const)('is retried like a read when its request fails: %o', async (fault) => {
    emulator.faults.queue([fault, fault], { paths: ['/api/v3/get-management-token'] });
    const wire = recorder();
    const reply = await client({ auth: 'token', fetch: wire.fetch }).getGroup({ code: 'developer' });
    expect(reply.data.code).toBe('developer');
    expect(wire.paths().filter((path) => path === '/api/v3/get-management-token')).toHaveLength(3);
  });

  it('a token reply cut off every time is a NetworkError of the token endpoint', async () => {
    emulator.faults.queue(
      Array.from({ length: 3 }, () => ({ type: 'truncated-body' }) as const),
      { paths: ['/api/v3/get-management-token'] },
    );
    const error = await client({ auth: 'token' })
      .getGroup({ code: 'developer' })
      .catch((caught: unknown) => caught);
    expect(isNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ endpoint: 'POST /api/v3/get-management-token' });
  });

  it('is fetched ahead by authenticate() and used by the first call; the signature scheme fetches nothing', async () => {
    const wire = recorder();
    const api = client({ auth: 'token', fetch: wire.fetch });
    await api.authenticate();
    expect(wire.paths()).toEqual(['/api/v3/get-management-token']);
    await Promise.all([api.authenticate(), api.getGroup({ code: 'developer' })]);
    expect(wire.paths()).toEqual(['/api/v3/get-management-token', '/api/v3/get-group']);
    const signed = recorder();
    await client({ auth: 'signature', fetch: signed.fetch }).authenticate();
    expect(signed.paths()).toEqual([]);
  });

  it('authenticate() reports wrong credentials as the first call would, and asks again next time', async () => {
    const wire = recorder();
    const api = client({ auth: 'token', accessKeySecret: 'wrong-secret-0123456789', fetch: wire.fetch });
    const error = await api.authenticate().catch((caught: unknown) => caught);
    expect(isApiError(error) && error.endpoint).toBe('POST /api/v3/get-management-token');
    await expect(api.listGroups()).rejects.toThrow(/get-management-token/);
    expect(wire.paths()).toEqual(['/api/v3/get-management-token', '/api/v3/get-management-token']);
  });

  it('reports wrong credentials once, as an ApiError without the secret', async () => {
    const wire = recorder();
    const secret = 'wrong-secret-0123456789';
    const error = await client({ auth: 'token', accessKeySecret: secret, fetch: wire.fetch })
      .listGroups()
      .catch((caught: unknown) => caught);
    expect(isApiError(error) && error.endpoint).toBe('POST /api/v3/get-management-token');
    expect(String(error)).not.toContain(secret);
    expect(wire.paths()).toEqual(['/api/v3/get-management-token']);
  });
});

describe('errors', () => {
  it('not found is an ApiError with the server message', async () => {
    const error = await client()
      .getGroup({ code: 'no-such-group' })
      .catch((caught: unknown) => caught);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 404, serverMessage: '分组不存在', httpStatus: 200 });
  });

  it('keeps the HTTP status when the server uses real status codes', async () => {
    const strict = await startEmulator({ port: 0, httpStatus: true });
    try {
      const { accessKeyId, accessKeySecret } = strict.credentials;
      const api = new ManagementClient({ accessKeyId, accessKeySecret, host: strict.url, retry: 0 });
      const error = await api.getGroup({ code: 'no-such-group' }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        name: 'ApiError',
        statusCode: 404,
        httpStatus: 404,
        serverMessage: '分组不存在',
      });
    } finally {
      await strict.close();
    }
  });

  it('a bad signature is an ApiError 1300', async () => {
    const error = await client({ accessKeySecret: 'not-the-secret' })
      .listGroups()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ApiError', statusCode: 401, apiCode: 1300 });
  });

  it('network failures and timeouts keep their classes', async () => {
    emulator.faults.set({ latencyMs: 400 });
    const slow = await client({ timeout: 100, retry: 0 })
      .listGroups()
      .catch((caught: unknown) => caught);
    expect(isTimeoutError(slow)).toBe(true);
    emulator.faults.clear();
    emulator.faults.queue(Array.from({ length: 3 }, () => ({ type: 'drop-connection' }) as const));
    const dropped = await client()
      .listGroups()
      .catch((caught: unknown) => caught);
    expect(isNetworkError(dropped)).toBe(true);
  });
});

describe('getAllGroups against the service as observed', () => {
  // The emulator as the service is known to answer (contract 6.3): any fetchMembers value fetches
  // members, and members fail with a 500 while a group is empty (the demo's `contractors` is).
  let observed: Emulator;
  beforeAll(async () => {
    observed = await startEmulator({ port: 0, reproduceGetAllGroupsBugs: true });
  });
  afterAll(() => observed.close());

  it.each(['signature', 'token'] as const)('gets the groups alone by default (auth: %s)', async (auth) => {
    const api = client({ auth, host: observed.url, retry: 0 });
    for (const params of [{}, { fetchMembers: false }]) {
      const groups = (await api.getAllGroups(params)).data;
      expect(groups.map((group) => group.code)).toContain('contractors');
      expect(groups.every((group) => group.members?.length === 0)).toBe(true);
    }
    const members = await api.getAllGroups({ fetchMembers: true }).catch((caught: unknown) => caught);
    expect(isApiError(members) && members.statusCode).toBe(500);
  });
});
