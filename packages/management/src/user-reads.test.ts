import { capturedRequests } from '@genauth-groups/contract';
import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { recordingFetch } from '@genauth-groups/testing/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidationError, ManagementClient, type ManagementClientOptions } from './index.ts';

// listUsers and getUser on the wire, against what authing-node-sdk 4.0.1 sent for the same calls.
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

function client(options: Partial<ManagementClientOptions> = {}): ManagementClient {
  return new ManagementClient({
    accessKeyId: emulator.credentials.accessKeyId,
    accessKeySecret: emulator.credentials.accessKeySecret,
    host: emulator.url,
    retry: { limit: 2, delay: () => 5 },
    ...options,
  });
}

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
