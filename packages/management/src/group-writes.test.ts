import { capturedRequests } from '@genauth-groups/contract';
import { recordingFetch } from '@genauth-groups/testing/wire';
import { describe, expect, it } from 'vitest';
import { useEmulatorClients, withTimeTravel } from '../test/emulator-clients.ts';
import { isApiError, isUnknownOutcomeError, isValidationError, type ManagementClient } from './index.ts';

// The group writes against the emulator on loopback, in both auth schemes, and on the wire
// against what authing-node-sdk 4.0.1 sent for the same calls.
const env = useEmulatorClients();
const { client } = env;

function userId(username: string): string {
  const user = env.emulator.demoUsers.find((demo) => demo.username === username);
  if (!user) throw new Error(`demo user ${username} missing`);
  return user.userId;
}

const memberIds = async (api: ManagementClient, code: string) =>
  (await api.listGroupMembers({ code, limit: 50 })).data.list.map((user) => user.userId).sort();

describe.each(['signature', 'token'] as const)('with auth: %s', (auth) => {
  it('creates, updates, fills, empties and deletes a group', async () => {
    const api = client({ auth });
    const code = `writes-${auth}`;
    const created = await api.createGroup({ code, name: 'Writes', description: 'first', type: 'static' });
    expect(created.data).toMatchObject({ code, name: 'Writes', description: 'first' });

    const renamed = await api.updateGroup({
      code,
      description: 'second',
      name: 'Renamed',
      newCode: `${code}-2`,
    });
    expect(renamed.data).toMatchObject({ code: `${code}-2`, name: 'Renamed', description: 'second' });
    const moved = `${code}-2`;

    const [alice, bob] = [userId('alice'), userId('bob')];
    expect((await api.addGroupMembers({ code: moved, userIds: [alice, bob] })).data.success).toBe(true);
    expect(await memberIds(api, moved)).toEqual([alice, bob].sort());
    await api.removeGroupMembers({ code: moved, userIds: [bob] });
    expect(await memberIds(api, moved)).toEqual([alice]);

    expect((await api.deleteGroupsBatch({ codeList: [moved] })).data.success).toBe(true);
    const gone = await api.getGroup({ code: moved }).catch((caught: unknown) => caught);
    expect(isApiError(gone) && gone.statusCode).toBe(404);
  });

  it('reports what the server refused as an ApiError', async () => {
    const taken = await client({ auth })
      .createGroup({ code: 'developer', name: 'Again', description: '', type: 'static' })
      .catch((caught: unknown) => caught);
    expect(isApiError(taken) && taken.statusCode).toBe(409);
    const noGroup = await client({ auth })
      .addGroupMembers({ code: 'no-such-group', userIds: [userId('alice')] })
      .catch((caught: unknown) => caught);
    expect(isApiError(noGroup) && noGroup.statusCode).toBe(404);
  });
});

describe('on the wire', () => {
  const captured = capturedRequests('fixtures/requests/authing-node-sdk-4.0.1-writes.http');
  const official = (target: string, body: string) =>
    captured.find((request) => request.target === target && request.body === body);

  it.each([
    [
      'createGroup',
      (api: ManagementClient) =>
        api.createGroup({ code: 'ops', name: 'Ops', description: 'On call', type: 'static' }),
    ],
    [
      'createGroup with custom data, keys in another order',
      (api: ManagementClient) =>
        api.createGroup({
          type: 'static',
          description: '',
          name: 'Dev & ops: é',
          code: 'dev-ops',
          customData: { tier: 2, tags: ['a', 'b'] },
        }),
    ],
    [
      'updateGroup',
      (api: ManagementClient) =>
        api.updateGroup({ code: 'ops', description: 'Ops team', name: 'Operations', newCode: 'operations' }),
    ],
    [
      'updateGroup, description only',
      (api: ManagementClient) => api.updateGroup({ code: 'ops', description: '' }),
    ],
    ['deleteGroupsBatch', (api: ManagementClient) => api.deleteGroupsBatch({ codeList: ['ops', 'dev-ops'] })],
    [
      'addGroupMembers',
      (api: ManagementClient) => api.addGroupMembers({ code: 'ops', userIds: ['u1', 'u2'] }),
    ],
    [
      'removeGroupMembers',
      (api: ManagementClient) => api.removeGroupMembers({ code: 'ops', userIds: ['u2'] }),
    ],
  ])('%s sends the official SDK’s method, path, content type and body, byte for byte', async (_, call) => {
    const wire = recordingFetch();
    // Fake credentials: the emulator refuses the signature, which is checked on its own elsewhere.
    await call(client({ accessKeySecret: 'secret-not-real', fetch: wire.fetch })).catch(() => undefined);
    expect(wire.requests).toHaveLength(1);
    const [request] = wire.requests;
    if (!request) return;
    const url = new URL(request.url);
    const body = await request.text();
    const theirs = official(`${url.pathname}${url.search}`, body);
    expect(theirs, `captured ${request.method} ${url.pathname} ${body}`).toBeDefined();
    expect(request.method).toBe(theirs?.method);
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('authorization')).toMatch(/^authing [^:]+:[A-Za-z0-9+/]{27}=$/);
  });

  it('checks parameters before any request, naming the field', async () => {
    const wire = recordingFetch();
    const api = client({ fetch: wire.fetch });
    const noName = await api
      .createGroup({ code: 'x', description: '', type: 'static' } as never)
      .catch((caught: unknown) => caught);
    expect(isValidationError(noName) && noName.issues.map((issue) => issue.path)).toEqual(['name']);
    expect(String(noName)).toContain('createGroup parameters');
    const emptyId = await api
      .addGroupMembers({ code: 'x', userIds: [''] })
      .catch((caught: unknown) => caught);
    expect(isValidationError(emptyId) && emptyId.issues.map((issue) => issue.path)).toEqual(['userIds[0]']);
    const unknown = await api
      .updateGroup({ code: 'x', description: '', nmae: 'typo' } as never)
      .catch((caught: unknown) => caught);
    expect(isValidationError(unknown) && unknown.issues.map((issue) => issue.path)).toEqual(['nmae']);
    expect(wire.requests).toHaveLength(0);
  });
});

describe('a write with an expired management token', () => {
  it('is sent again once with a fresh token, since the refused one did nothing', async () => {
    await withTimeTravel(async ({ api, wire, passTokenExpiry }) => {
      await api.getGroup({ code: 'developer' });
      passTokenExpiry(); // the server's clock passes the token's expiry; the client's does not
      await api.createGroup({ code: 'after-expiry', name: 'After', description: '', type: 'static' });
      expect(wire.paths().filter((path) => path === '/api/v3/create-group')).toHaveLength(2);
      expect(wire.paths().filter((path) => path === '/api/v3/get-management-token')).toHaveLength(2);
      const all = await api.listGroups({ keywords: 'after-expiry' });
      expect(all.data.totalCount).toBe(1);
    });
  });
});

describe.each(['signature', 'token'] as const)('a write whose reply is lost, with auth: %s', (auth) => {
  const CREATE = '/api/v3/create-group';
  const sent = (wire: ReturnType<typeof recordingFetch>) => wire.paths().filter((path) => path === CREATE);

  it.each([
    [{ type: 'truncated-body' }, 'unreadable-reply', true],
    [{ type: 'malformed-body' }, 'unreadable-reply', false],
    [{ type: 'drop-connection' }, 'network', false],
  ] as const)('(%o) is an UnknownOutcomeError, sent once', async (fault, lost, applied) => {
    const code = `lost-${auth}-${fault.type}`;
    env.emulator.faults.queue([fault, fault, fault], { paths: [CREATE] });
    const wire = recordingFetch();
    const error = await client({ auth, fetch: wire.fetch })
      .createGroup({ code, name: 'Lost', description: '', type: 'static' })
      .catch((caught: unknown) => caught);
    expect(isUnknownOutcomeError(error)).toBe(true);
    expect(error).toMatchObject({ endpoint: `POST ${CREATE}`, lost });
    expect(sent(wire)).toHaveLength(1);
    // The emulator commits a write before cutting its reply off, and drops or replaces the others
    // before they run: "unknown" was the truth either way.
    const found = await client({ auth })
      .getGroup({ code })
      .then(() => true)
      .catch(() => false);
    expect(found).toBe(applied);
  });

  // The timeout also bounds the token request, which a loaded CI machine once took over 100 ms to
  // answer: a timeout well above any loopback reply, and a latency well above the timeout.
  it('no reply within the timeout is an UnknownOutcomeError, sent once', { timeout: 20_000 }, async () => {
    env.emulator.faults.set({ latencyMs: 5_000, paths: [CREATE] });
    const wire = recordingFetch();
    const error = await client({ auth, fetch: wire.fetch, timeout: 1_000 })
      .createGroup({ code: `slow-${auth}`, name: 'Slow', description: '', type: 'static' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'UnknownOutcomeError', lost: 'timeout' });
    expect(sent(wire)).toHaveLength(1);
  });

  it('a server error is not retried either: the ApiError it said', async () => {
    env.emulator.faults.queue([{ type: 'http-error', status: 503 }], { paths: [CREATE] });
    const wire = recordingFetch();
    const error = await client({ auth, fetch: wire.fetch })
      .createGroup({ code: `refused-${auth}`, name: 'Refused', description: '', type: 'static' })
      .catch((caught: unknown) => caught);
    expect(isApiError(error) && error.statusCode).toBe(503);
    expect(sent(wire)).toHaveLength(1);
  });
});
