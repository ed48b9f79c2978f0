import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationClient,
  isApiError,
  isNetworkError,
  isTimeoutError,
  isValidationError,
} from './index.ts';

// Against the emulator on loopback: no fetch mocks. Faults are injected by the emulator itself.
let emulator: Emulator;
let token: string;
const fastRetry = { limit: 2, delay: () => 5, jitter: undefined };

async function signIn(username: string, password: string): Promise<string> {
  const response = await fetch(`${emulator.url}/api/v3/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-authing-app-id': emulator.credentials.appId },
    body: JSON.stringify({ connection: 'PASSWORD', passwordPayload: { username, password } }),
  });
  const reply = (await response.json()) as { data: { access_token: string } };
  return reply.data.access_token;
}

function client(options: Partial<ConstructorParameters<typeof AuthenticationClient>[0]> = {}) {
  return new AuthenticationClient({
    appId: emulator.credentials.appId,
    appHost: emulator.url,
    accessToken: token,
    retry: fastRetry,
    ...options,
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const alice = emulator.demoUsers.find((user) => user.username === 'alice');
  if (!alice) throw new Error('demo user alice missing');
  token = await signIn(alice.username, alice.password);
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

const aliceGroups = () => emulator.demoUsers.find((user) => user.username === 'alice')?.groups ?? [];

describe('getGroupList', () => {
  it("returns the signed-in user's groups, validated", async () => {
    const reply = await client().getGroupList();
    expect(reply.statusCode).toBe(200);
    expect(reply.data.map((group) => group.code).sort()).toEqual([...aliceGroups()].sort());
    expect(reply.data[0]).toMatchObject({ id: expect.any(String), name: expect.any(String) });
  });

  it('sends exactly what the official SDK sends: app id and the raw token, nothing in the URL', async () => {
    const seen: Request[] = [];
    const recording: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      seen.push(request.clone());
      return fetch(request);
    };
    await client({ fetch: recording }).getGroupList();
    const [request] = seen;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(`${emulator.url}/api/v3/get-my-group-list`);
    expect(request?.headers.get('x-authing-app-id')).toBe(emulator.credentials.appId);
    expect(request?.headers.get('authorization')).toBe(token);
    expect(request?.headers.has('x-authing-lang')).toBe(false);
  });

  it('accepts a token set later, and a user in no group gets an empty list', async () => {
    const lonely = emulator.demoUsers.find((user) => user.groups.length === 0);
    if (!lonely) throw new Error('the demo data has a user in no group');
    const anonymous = client({ accessToken: undefined });
    anonymous.setAccessToken(await signIn(lonely.username, lonely.password));
    expect((await anonymous.getGroupList()).data).toEqual([]);
  });
});

describe('errors', () => {
  it('an invalid token is an ApiError with statusCode, apiCode and requestId, and no token in it', async () => {
    const bad = `${token.slice(0, -4)}AAAA`;
    const error = await client({ accessToken: bad })
      .getGroupList()
      .catch((caught: unknown) => caught);
    expect(isApiError(error)).toBe(true);
    if (!isApiError(error)) return;
    expect(error).toMatchObject({
      statusCode: 401,
      apiCode: 2020,
      httpStatus: 200,
      endpoint: 'GET /api/v3/get-my-group-list',
    });
    expect(error.requestId).toEqual(expect.any(String));
    expect(error.message).toContain('尚未登录');
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(bad);
  });

  it('localises server messages with lang', async () => {
    const error = await client({ accessToken: 'x', lang: 'en-US' })
      .getGroupList()
      .catch((caught: unknown) => caught);
    expect(isApiError(error) && error.serverMessage).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a reply of the wrong shape is a ValidationError with the path', async () => {
    const wrongShape = new AuthenticationClient({
      appId: emulator.credentials.appId,
      appHost: emulator.url,
      accessToken: token,
      fetch: async (input, init) => {
        const reply = await fetch(new Request(input, init));
        const body = (await reply.json()) as { data: Record<string, unknown>[] };
        body.data[0] = { ...body.data[0], members: { userId: 'x' } };
        return Response.json(body);
      },
    });
    const error = await wrongShape.getGroupList().catch((caught: unknown) => caught);
    expect(isValidationError(error) && error.issues).toEqual([
      { path: 'data[0].members', expected: 'Array', message: 'data[0].members: expected Array' },
    ]);
  });

  it('a body that is not JSON, every time, is a ValidationError after the retries', async () => {
    emulator.faults.queue(Array.from({ length: 3 }, () => ({ type: 'malformed-body' as const })));
    const error = await client()
      .getGroupList()
      .catch((caught: unknown) => caught);
    expect(isValidationError(error) && error.message).toBe(
      'Invalid GET /api/v3/get-my-group-list reply: expected a JSON body',
    );
    expect(emulator.faults.state.queue).toHaveLength(0);
  });

  it('a refused connection is a NetworkError', async () => {
    const closed = await startEmulator({ port: 0 });
    const url = closed.url;
    await closed.close();
    const error = await client({ appHost: url })
      .getGroupList()
      .catch((caught: unknown) => caught);
    expect(isNetworkError(error)).toBe(true);
  });

  it('a reply slower than timeout is a TimeoutError', async () => {
    emulator.faults.set({ latencyMs: 500 });
    const error = await client({ timeout: 100, retry: 0 })
      .getGroupList()
      .catch((caught: unknown) => caught);
    expect(isTimeoutError(error) && error.timeout).toBe(100);
  });
});

describe('retries', () => {
  it.each([
    [{ type: 'http-error', status: 503 }],
    [{ type: 'http-error', status: 500 }],
    [{ type: 'envelope-error', statusCode: 500 }],
    [{ type: 'rate-limit', level: 'body', retryAfterSeconds: 0 }],
    [{ type: 'rate-limit', level: 'http', retryAfterSeconds: 0 }],
    [{ type: 'drop-connection' }],
    [{ type: 'truncated-body' }],
    [{ type: 'malformed-body' }],
  ] as const)('recovers from two failures in a row: %o', async (fault) => {
    emulator.faults.queue([fault, fault], { paths: ['/api/v3/get-my-group-list'] });
    const reply = await client().getGroupList();
    expect(reply.data.length).toBe(aliceGroups().length);
    expect(emulator.faults.state.queue).toHaveLength(0);
  });

  it('gives up after the limit and reports what the server said', async () => {
    emulator.faults.queue(
      Array.from({ length: 5 }, () => ({ type: 'envelope-error', statusCode: 503 }) as const),
    );
    const error = await client({ retry: { ...fastRetry, limit: 1 } })
      .getGroupList()
      .catch((caught: unknown) => caught);
    expect(isApiError(error) && error.statusCode).toBe(503);
    expect(emulator.faults.state.queue).toHaveLength(3);
  });

  // Waits the real second the server asks for: a budget of its own on a loaded machine.
  it('honours Retry-After', { timeout: 15_000 }, async () => {
    emulator.faults.queue([{ type: 'rate-limit', level: 'http', retryAfterSeconds: 1 }]);
    const started = performance.now();
    await client().getGroupList();
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not retry what the server refused for good', async () => {
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const refused = client({ accessToken: 'not-a-token', fetch: counting });
    const error = await refused.getGroupList().catch((caught: unknown) => caught);
    expect(isApiError(error) && error.apiCode).toBe(2020);
    expect(requests).toBe(1);
  });
});

describe('abort', () => {
  it('rejects with the signal reason, retries included', async () => {
    emulator.faults.set({ latencyMs: 2000 });
    const controller = new AbortController();
    const pending = client().getGroupList({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });
});
