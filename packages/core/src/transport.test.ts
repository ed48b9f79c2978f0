import { createServer, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Emulator, type Fault, startEmulator } from '@genauth-groups/emulator';
import { getManagementToken, listUsers } from '@genauth-groups/models';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from './create-transport.ts';
import { isApiError } from './errors/api-error.ts';
import { isGenAuthError } from './errors/genauth-error.ts';
import { isNetworkError } from './errors/network-error.ts';
import { isUnknownOutcomeError } from './errors/unknown-outcome-error.ts';
import { createBaseTransport } from './transport.ts';

// Against the emulator on loopback, whose fault injection breaks replies. The token exchange is
// the POST that needs no credentials, so it stands for both kinds of call: repeatable (as the
// management client sends it) and not (as a write is sent).
let emulator: Emulator;
const TOKEN_PATH = '/api/v3/get-management-token';
const where = `POST ${TOKEN_PATH}`;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

/** Counts what reaches the network edge. */
function counting() {
  const sent: string[] = [];
  const fetcher: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    sent.push(request.method);
    return fetch(request);
  };
  return { fetch: fetcher, sent };
}

function exchange(options: {
  limit: number;
  repeatable: boolean;
  fetch?: typeof fetch;
  baseUrl?: string;
  signal?: AbortSignal;
  timeout?: number;
  maxReplyBytes?: number;
}) {
  const api = createTransport({
    baseUrl: options.baseUrl ?? emulator.url,
    retry: { limit: options.limit, delay: () => 1 },
    timeout: options.timeout,
    maxReplyBytes: options.maxReplyBytes,
    ...(options.fetch && { fetch: options.fetch }),
  });
  const { accessKeyId, accessKeySecret } = emulator.credentials;
  return api
    .call(
      getManagementToken,
      { accessKeyId, accessKeySecret },
      {
        name: 'getManagementToken',
        repeatable: options.repeatable,
        signal: options.signal,
      },
    )
    .catch((caught: unknown) => caught);
}

function queue(fault: Fault, times: number): void {
  emulator.faults.queue(
    Array.from({ length: times }, () => fault),
    { paths: [TOKEN_PATH] },
  );
}

describe('a reply cut off on the last attempt', () => {
  it.each([0, 2])('is a NetworkError naming the endpoint, with %i retries', async (limit) => {
    queue({ type: 'truncated-body' }, limit + 1);
    const error = await exchange({ limit, repeatable: true });
    expect(isNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ endpoint: where });
  });
});

describe('a repeatable POST', () => {
  it.each([
    { type: 'http-error', status: 503 },
    { type: 'envelope-error', statusCode: 500 },
    { type: 'rate-limit', level: 'http', retryAfterSeconds: 0 },
    { type: 'rate-limit', level: 'body', retryAfterSeconds: 0 },
    { type: 'drop-connection' },
    { type: 'truncated-body' },
    { type: 'malformed-body' },
  ] as const)('is retried like a GET: %o', async (fault) => {
    queue(fault, 2);
    const wire = counting();
    const reply = await exchange({ limit: 2, repeatable: true, fetch: wire.fetch });
    expect(reply).toMatchObject({ statusCode: 200 });
    expect(wire.sent).toEqual(['POST', 'POST', 'POST']);
  });
});

describe('an HTTP error reply that was retried', () => {
  // A paging walk aborts its signal when it ends, long after its calls resolved. The error
  // replies retried on the way must not be left half-read: Node 22's fetch rejects such a body
  // with no handler when the signal aborts, which fails a test run and can end a Node process.
  it('leaves no unhandled rejection when the call’s signal aborts afterwards', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      queue({ type: 'http-error', status: 503 }, 2);
      const controller = new AbortController();
      const reply = await exchange({ limit: 2, repeatable: true, signal: controller.signal });
      expect(reply).toMatchObject({ statusCode: 200 });
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

describe('a POST that is not repeatable', () => {
  it.each([
    [{ type: 'truncated-body' }, 'unreadable-reply'],
    [{ type: 'malformed-body' }, 'unreadable-reply'],
    [{ type: 'drop-connection' }, 'network'],
  ] as const)('is sent once, and a lost reply (%o) is an UnknownOutcomeError', async (fault, lost) => {
    queue(fault, 3);
    const wire = counting();
    const error = await exchange({ limit: 2, repeatable: false, fetch: wire.fetch });
    expect(isUnknownOutcomeError(error) && isGenAuthError(error)).toBe(true);
    expect(error).toMatchObject({ endpoint: where, lost });
    expect(wire.sent).toHaveLength(1);
  });

  it('is an UnknownOutcomeError when no reply comes within the timeout', async () => {
    emulator.faults.set({ latencyMs: 300, paths: [TOKEN_PATH] });
    const api = createTransport({ baseUrl: emulator.url, timeout: 50, retry: 2 });
    const { accessKeyId, accessKeySecret } = emulator.credentials;
    const error = await api
      .call(getManagementToken, { accessKeyId, accessKeySecret }, { name: 'x', repeatable: false })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'UnknownOutcomeError', lost: 'timeout' });
    expect((error as Error).cause).toMatchObject({ name: 'TimeoutError', timeout: 50 });
  });

  it('is sent once, and a server error is the ApiError it said', async () => {
    queue({ type: 'http-error', status: 503 }, 3);
    const wire = counting();
    const error = await exchange({ limit: 2, repeatable: false, fetch: wire.fetch });
    expect(isApiError(error) && error.statusCode).toBe(503);
    expect(wire.sent).toHaveLength(1);
  });

  it('is a NetworkError when the connection was refused (nothing was sent)', async () => {
    const closed = await startEmulator({ port: 0 });
    await closed.close();
    const error = await exchange({ limit: 2, repeatable: false, baseUrl: closed.url });
    expect(isNetworkError(error)).toBe(true);
  });
});

// fetch's timeout ends when the head arrives: the transport bounds each body itself, in time and
// in size, the body of an HTTP error as that of a success. A timeout of 1 s, as the heads of the
// retries must come within it on a loaded machine; each case has the budget of its waits.
const STALL_TIMEOUT = 1_000;
const STALL_BUDGET = { timeout: 20_000 };

describe('a reply body that stalls after its head', () => {
  it.each([
    ['a TimeoutError, not retried', true, { name: 'TimeoutError', timeout: STALL_TIMEOUT }],
    ['an UnknownOutcomeError of a write', false, { name: 'UnknownOutcomeError', lost: 'timeout' }],
  ])('is %s, within the timeout', STALL_BUDGET, async (_, repeatable, expected) => {
    queue({ type: 'stalled-body' }, 3);
    const wire = counting();
    const error = await exchange({ limit: 2, repeatable, timeout: STALL_TIMEOUT, fetch: wire.fetch });
    expect(error).toMatchObject({ ...expected, endpoint: where });
    expect(wire.sent).toEqual(['POST']);
  });

  it(
    'of an HTTP error is dropped at the timeout, and the status is retried as it says',
    STALL_BUDGET,
    async () => {
      queue({ type: 'stalled-body', status: 503 }, 1);
      const wire = counting();
      const reply = await exchange({ limit: 2, repeatable: true, timeout: STALL_TIMEOUT, fetch: wire.fetch });
      expect(reply).toMatchObject({ statusCode: 200 });
      expect(wire.sent).toEqual(['POST', 'POST']);
    },
  );

  it(
    'of an HTTP error on every attempt ends as the ApiError of its status, not a hang',
    STALL_BUDGET,
    async () => {
      queue({ type: 'stalled-body', status: 502 }, 3);
      const wire = counting();
      const error = await exchange({ limit: 2, repeatable: true, timeout: STALL_TIMEOUT, fetch: wire.fetch });
      expect(error).toMatchObject({
        name: 'ApiError',
        statusCode: 502,
        httpStatus: 502,
        serverMessage: 'HTTP 502 Bad Gateway',
        endpoint: where,
      });
      expect(wire.sent).toHaveLength(3);
    },
  );
});

describe('a reply body that never ends', () => {
  it.each([
    [
      'a ValidationError naming the most taken, not retried',
      true,
      {
        name: 'ValidationError',
        message: `Invalid ${where} reply: expected a body of at most 1048576 bytes`,
      },
    ],
    ['an UnknownOutcomeError of a write', false, { name: 'UnknownOutcomeError', lost: 'unreadable-reply' }],
  ])('is %s, once it passes maxReplyBytes', async (_, repeatable, expected) => {
    queue({ type: 'endless-body' }, 3);
    const wire = counting();
    const error = await exchange({ limit: 2, repeatable, maxReplyBytes: 1024 * 1024, fetch: wire.fetch });
    expect(error).toMatchObject(expected);
    expect(wire.sent).toEqual(['POST']);
  });
});

// Another server's doing, not GenAuth's (the API does not redirect): a loopback server that
// redirects every request to a second one, which records what reaches it.
describe('a redirect', () => {
  /** A loopback server, and how to stop it with its connections (a stalled one included). */
  async function listen(handler: RequestListener): Promise<{ url: string; close: () => void }> {
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => {
        server.closeAllConnections();
        server.close();
      },
    };
  }

  it.each([301, 302, 307, 308])(
    'is not followed: HTTP %i is the ApiError of its status, and the secret goes nowhere else',
    async (status) => {
      const reached: string[] = [];
      const elsewhere = await listen((request, response) => {
        reached.push(`${request.method} ${request.url}`);
        response.end('{}');
      });
      const redirecting = await listen((request, response) => {
        response.writeHead(status, { location: `${elsewhere.url}/collect${request.url}` }).end();
      });
      try {
        const wire = counting();
        const error = await exchange({
          limit: 2,
          repeatable: true,
          baseUrl: redirecting.url,
          fetch: wire.fetch,
        });
        expect(error).toMatchObject({
          name: 'ApiError',
          statusCode: status,
          httpStatus: status,
          endpoint: where,
        });
        expect(reached).toEqual([]);
        // A redirect is not retried: it would say the same again.
        expect(wire.sent).toEqual(['POST']);
      } finally {
        elsewhere.close();
        redirecting.close();
      }
    },
  );

  it.each([
    ['a 304, which has no body', 304, (response: ServerResponse) => response.end()],
    [
      'a 302 whose body stalls',
      302,
      (response: ServerResponse) => response.writeHead(302, { 'content-length': '100' }).write('{'),
    ],
  ] as const)('reads %s within the bounds, as an error reply', STALL_BUDGET, async (_, status, reply) => {
    const redirecting = await listen((_request, response) => {
      response.statusCode = status;
      reply(response);
    });
    try {
      const error = await exchange({
        limit: 0,
        repeatable: true,
        baseUrl: redirecting.url,
        timeout: STALL_TIMEOUT,
      });
      expect(error).toMatchObject({ name: 'ApiError', statusCode: status, httpStatus: status });
    } finally {
      redirecting.close();
    }
  });
});

describe('a JSON body', () => {
  it('keeps the caller’s key order at every level, as the official SDK sends the object it is given', async () => {
    const bodies: string[] = [];
    const api = createTransport({
      baseUrl: emulator.url,
      retry: 0,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        bodies.push(await request.clone().text());
        return fetch(request);
      },
    });
    const params = { options: { withIdentities: true, pagination: { limit: 5, page: 2 } }, keywords: 'a' };
    // Refused (no credentials): what matters is what was sent.
    await api.call(listUsers, params, { name: 'listUsers' }).catch(() => undefined);
    expect(bodies).toEqual([JSON.stringify(params)]);
  });
});

// The base transport leaves parameter encoding out (the browser SDK's bundle does not carry it):
// an endpoint with parameters must not go out without them.
describe('the base transport', () => {
  it('refuses an endpoint that takes parameters, before any request', async () => {
    const wire = counting();
    const api = createBaseTransport({ baseUrl: emulator.url, fetch: wire.fetch });
    await expect(api.call(listUsers, {}, { name: 'listUsers' })).rejects.toThrow(
      'listUsers: this transport has no encodeParams',
    );
    expect(wire.sent).toEqual([]);
  });
});
