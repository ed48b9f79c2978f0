import { capturedRequests } from '@genauth-groups/contract';
import { recordingFetch } from '@genauth-groups/testing/wire';
import { describe, expect, it } from 'vitest';
import { useEmulatorClients } from '../test/emulator-clients.ts';
import { isApiError, isValidationError, type ManagementClient } from './index.ts';

// listUsers and getUser against the emulator in both auth schemes, and on the wire against what
// authing-node-sdk 4.0.1 sent for the same calls.
const env = useEmulatorClients();
const { client } = env;

describe.each(['signature', 'token'] as const)('with auth: %s', (auth) => {
  it('finds users by keywords, page by page', async () => {
    const api = client({ auth });
    const found = await api.listUsers({ keywords: 'staff', options: { pagination: { limit: 50 } } });
    expect(found.data.totalCount).toBeGreaterThan(50);
    expect(found.data.list).toHaveLength(50);
    const next = await api.listUsers({ keywords: 'staff', options: { pagination: { page: 2, limit: 50 } } });
    const ids = [...found.data.list, ...next.data.list].map((user) => user.userId);
    expect(new Set(ids).size).toBe(found.data.totalCount);
    expect((await api.listUsers({ keywords: 'ALICE' })).data.list.map((user) => user.username)).toEqual([
      'alice',
    ]);
  });

  it.each(['user_id', 'email', 'username'] as const)('reads a user by %s', async (userIdType) => {
    const alice = env.emulator.demoUsers.find((user) => user.username === 'alice');
    if (!alice) throw new Error('demo user alice missing');
    const userId = { user_id: alice.userId, email: alice.email, username: alice.username }[userIdType];
    const reply = await client({ auth }).getUser({ userId, userIdType, withIdentities: true });
    expect(reply.data).toMatchObject({ userId: alice.userId, username: 'alice' });
    expect(reply.data.identities).toEqual(expect.any(Array));
  });

  it('listUsers is a read: retried after a server error or a cut-off reply', async () => {
    env.emulator.faults.queue([{ type: 'http-error', status: 503 }, { type: 'truncated-body' }], {
      paths: ['/api/v3/list-users'],
    });
    const wire = recordingFetch();
    const reply = await client({ auth, fetch: wire.fetch }).listUsers({ keywords: 'alice' });
    expect(reply.data.totalCount).toBe(1);
    expect(wire.paths().filter((path) => path === '/api/v3/list-users')).toHaveLength(3);
  });

  it('a user that does not exist is an ApiError 404', async () => {
    const error = await client({ auth })
      .getUser({ userId: 'nobody', userIdType: 'username' })
      .catch((caught: unknown) => caught);
    expect(isApiError(error) && error.statusCode).toBe(404);
  });
});

describe('on the wire', () => {
  const captured = capturedRequests('fixtures/requests/authing-node-sdk-4.0.1-writes.http');

  it.each([
    ['listUsers()', (api: ManagementClient) => api.listUsers()],
    [
      'listUsers with keywords and paging',
      (api: ManagementClient) =>
        api.listUsers({ keywords: 'ali', options: { pagination: { page: 2, limit: 20 } } }),
    ],
    ['getUser', (api: ManagementClient) => api.getUser({ userId: 'u1' })],
    [
      'getUser by email, with custom data and identities',
      (api: ManagementClient) =>
        api.getUser({ userId: 'a@b.com', userIdType: 'email', withCustomData: true, withIdentities: true }),
    ],
  ])('%s sends the official SDK’s method, path, query and body, byte for byte', async (_, call) => {
    const wire = recordingFetch();
    // Fake credentials: the emulator refuses the signature, which is checked on its own elsewhere.
    await call(client({ accessKeySecret: 'secret-not-real', fetch: wire.fetch, retry: 0 })).catch(
      () => undefined,
    );
    const [request] = wire.requests;
    if (!request) throw new Error('nothing sent');
    const url = new URL(request.url);
    const body = await request.text();
    const theirs = captured.find(
      (official) => official.target === `${url.pathname}${url.search}` && official.body === body,
    );
    expect(theirs, `captured ${request.method} ${url.pathname}${url.search} ${body}`).toBeDefined();
    expect(request.method).toBe(theirs?.method);
  });

  it('checks parameters before any request, naming the field', async () => {
    const wire = recordingFetch();
    const api = client({ fetch: wire.fetch });
    const tooMany = await api
      .listUsers({ options: { pagination: { limit: 51 } } })
      .catch((caught: unknown) => caught);
    expect(isValidationError(tooMany) && tooMany.issues.map((issue) => issue.path)).toEqual([
      'options.pagination.limit',
    ]);
    const badType = await api
      .getUser({ userId: 'x', userIdType: 'nickname' as never })
      .catch((caught: unknown) => caught);
    expect(isValidationError(badType) && badType.issues.map((issue) => issue.path)).toEqual(['userIdType']);
    expect(wire.requests).toHaveLength(0);
  });
});
