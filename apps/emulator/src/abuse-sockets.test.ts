/**
 * The abuse suite, socket side: raw HTTP/1.1 over `node:net` for what `fetch` cannot send or
 * hides (preflights and body-less methods on every served path, hand-framed chunked bodies,
 * smuggling-shaped heads, bodies cut off, pipelining, garbage bytes), on the API's paths and
 * the hosted login's (OIDC) routes. No reply may be a 500, the emulator may log nothing, and it
 * keeps serving after each.
 */
import { listGroups } from '@genauth-groups/models';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { servedEndpoints } from './served-endpoints.ts';
import { oidcRoutes } from './testing/hosted-login.ts';
import { parseResponses, type RawResponse, rawExchange } from './testing/raw-http.ts';
import { signedHeaders } from './testing/sign.ts';
import { useEmulator } from './testing/test-client.ts';

const env = useEmulator();
let logged: MockInstance<typeof console.error>;
beforeAll(() => {
  logged = vi.spyOn(console, 'error');
});
afterEach(async () => {
  expect(logged).not.toHaveBeenCalled();
  expect((await env.api.get(listGroups)).body.statusCode).toBe(200);
});
afterAll(() => logged.mockRestore());

const HOST = 'host: 127.0.0.1\r\n';

async function exchange(...parts: string[]): Promise<{ replies: RawResponse[]; closedByServer: boolean }> {
  const { text, closedByServer } = await rawExchange(env.emulator.port, parts);
  return { replies: parseResponses(text), closedByServer };
}

/** The envelope's statusCode of a reply, or the HTTP status when the body is not an envelope. */
function statusCodeOf(reply: RawResponse): number {
  try {
    return (JSON.parse(reply.body) as { statusCode: number }).statusCode;
  } catch {
    return reply.status;
  }
}

function expectNo500(replies: readonly RawResponse[]): void {
  for (const reply of replies) {
    expect(reply.status).not.toBe(500);
    expect(statusCodeOf(reply)).not.toBe(500);
  }
}

const paths = servedEndpoints.map(({ endpoint }) => [endpoint.path, endpoint] as const);
const oidcPaths = [...new Set(oidcRoutes().map(({ path }) => path))];

describe('abuse: raw sockets', () => {
  it.each(paths)(
    'answers a browser preflight to %s without a 500, with CORS on the authentication side only',
    async (path, endpoint) => {
      const { replies } = await exchange(
        `OPTIONS ${path} HTTP/1.1\r\n${HOST}origin: https://page.example\r\naccess-control-request-method: ${endpoint.method}\r\n` +
          'access-control-request-headers: authorization,content-type\r\nconnection: close\r\n\r\n',
      );
      expectNo500(replies);
      expect(replies).toHaveLength(1);
      const allowed = replies[0]?.headers['access-control-allow-origin'];
      expect(allowed).toBe(endpoint.side === 'authentication' ? '*' : undefined);
    },
  );

  it.each(paths.flatMap(([path]) => ['DELETE', 'PATCH', 'PUT'].map((method) => [method, path] as const)))(
    'answers a body-less %s %s without a 500',
    async (method, path) => {
      const { replies } = await exchange(`${method} ${path} HTTP/1.1\r\n${HOST}connection: close\r\n\r\n`);
      expect(replies).toHaveLength(1);
      expectNo500(replies);
    },
  );

  // `nc -N`, fuzzers and some proxies half-close their side once the request is written; a reply
  // that takes an async step (a token's signature check) came back empty.
  it.each([
    ...paths.map(([path, endpoint]) => [endpoint.method, path] as const),
    ...oidcRoutes().map(({ method, path }) => [method, path] as const),
  ])('answers %s %s when the client half-closes after its request', async (method, path) => {
    const { text, closedByServer } = await rawExchange(
      env.emulator.port,
      [
        `${method} ${path} HTTP/1.1\r\n${HOST}authorization: Bearer a.b.c\r\n` +
          `x-authing-app-id: ${env.emulator.credentials.appId}\r\ncontent-length: 0\r\n\r\n`,
      ],
      { halfClose: true },
    );
    const replies = parseResponses(text);
    expect(replies).toHaveLength(1);
    expectNo500(replies);
    expect(closedByServer).toBe(true);
  });

  it.each(
    oidcPaths.flatMap((path) => ['DELETE', 'PATCH', 'PUT', 'HEAD'].map((method) => [method, path] as const)),
  )('answers a body-less %s %s of the hosted login without a 500', async (method, path) => {
    const { replies } = await exchange(`${method} ${path} HTTP/1.1\r\n${HOST}connection: close\r\n\r\n`);
    expect(replies).toHaveLength(1);
    expectNo500(replies);
  });

  it.each(oidcPaths)('answers a preflight to %s, with CORS where a browser SDK calls it', async (path) => {
    const { replies } = await exchange(
      `OPTIONS ${path} HTTP/1.1\r\n${HOST}origin: https://page.example\r\naccess-control-request-method: POST\r\n` +
        'access-control-request-headers: authorization,content-type,x-authing-app-id\r\nconnection: close\r\n\r\n',
    );
    expect(replies).toHaveLength(1);
    expectNo500(replies);
    // Pages are navigated to, never fetched across origins.
    const cors = ['/oidc/token', '/oidc/me'].includes(path) || path.startsWith('/oidc/.well-known/');
    expect(replies[0]?.headers['access-control-allow-origin']).toBe(cors ? '*' : undefined);
  });

  it('survives garbage after a valid request line to each route of the hosted login', {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...oidcRoutes()),
        fc.string({ unit: 'binary', maxLength: 300 }),
        async ({ method, path }, garbage) => {
          const { text } = await rawExchange(
            env.emulator.port,
            [`${method} ${path} HTTP/1.1\r\n`, garbage, '\r\n\r\n'],
            { budgetMs: 300 },
          );
          expectNo500(parseResponses(text));
          expect(logged).not.toHaveBeenCalled();
        },
      ),
      { numRuns: 30 },
    );
  });

  it.each(
    servedEndpoints
      .filter(({ endpoint }) => endpoint.method === 'POST')
      .map(({ endpoint }) => [endpoint.path] as const),
  )('reads a signed, hand-chunked body to %s', async (path) => {
    const body = {
      code: `chunked${path.replaceAll(/[^a-z]/g, '')}`,
      name: 'Chunked',
      description: '',
      type: 'static',
    };
    const text = JSON.stringify(body);
    const head = Object.entries(signedHeaders(env.emulator, 'POST', path, { params: body }))
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const chunk = (part: string) => `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`;
    const { replies } = await exchange(
      `POST ${path} HTTP/1.1\r\n${HOST}${head}transfer-encoding: chunked\r\nconnection: close\r\n\r\n`,
      chunk(text.slice(0, 7)),
      chunk(text.slice(7)),
      '0\r\n\r\n',
    );
    expect(replies).toHaveLength(1);
    expectNo500(replies);
    // Read and authenticated: any refusal is about the fields, never about the framing or the signature.
    expect(JSON.parse(replies[0]?.body ?? '{}')).not.toMatchObject({ statusCode: 401 });
  });

  it('answers a head over 16 KiB with a 413 envelope and closes', async () => {
    const { replies, closedByServer } = await exchange(
      `GET ${listGroups.path}?keywords=${'k'.repeat(20_000)} HTTP/1.1\r\n${HOST}\r\n`,
    );
    expect(replies.map(statusCodeOf)).toEqual([413]);
    expect(closedByServer).toBe(true);
  });

  it('answers a body declared over the cap with 413, says close, and closes', async () => {
    const { replies, closedByServer } = await exchange(
      `POST ${listGroups.path} HTTP/1.1\r\n${HOST}content-length: ${2 * 1024 * 1024}\r\n\r\n`,
      'x'.repeat(64 * 1024),
    );
    expect(replies.map(statusCodeOf)).toEqual([413]);
    expect(replies[0]?.headers.connection).toBe('close');
    expect(closedByServer).toBe(true);
  });

  it.each([
    ['a malformed request line', 'GARBAGE\r\n\r\n'],
    [
      'content-length and chunked together',
      `POST ${listGroups.path} HTTP/1.1\r\n${HOST}content-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n`,
    ],
    [
      'a bad chunk size',
      `POST ${listGroups.path} HTTP/1.1\r\n${HOST}transfer-encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n`,
    ],
    ['a NUL in the path', `GET /api/v3/list-groups\0 HTTP/1.1\r\n${HOST}\r\n`],
    [
      'two content-lengths',
      `POST ${listGroups.path} HTTP/1.1\r\n${HOST}content-length: 2\r\ncontent-length: 3\r\n\r\n{}`,
    ],
  ])('refuses %s with a 400 and closes', async (_, request) => {
    const { replies, closedByServer } = await exchange(request);
    expect(replies.map((reply) => reply.status)).toEqual([400]);
    expect(closedByServer).toBe(true);
  });

  it('logs nothing when a client sends half its body and goes away', async () => {
    await rawExchange(
      env.emulator.port,
      [
        `POST ${listGroups.path} HTTP/1.1\r\n${HOST}content-type: application/json\r\ncontent-length: 100\r\n\r\n{"code":`,
      ],
      { budgetMs: 200 },
    );
  });

  it('answers pipelined requests in order on one connection', async () => {
    const get = (keywords: string, last = false) =>
      `GET ${listGroups.path}?keywords=${keywords} HTTP/1.1\r\n${HOST}authorization: nope\r\n${last ? 'connection: close\r\n' : ''}\r\n`;
    const { replies } = await exchange(get('a') + get('b') + get('c', true));
    expect(replies.map(statusCodeOf)).toEqual([401, 401, 401]);
  });

  it('survives garbage after a valid request line', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (garbage) => {
        const { text } = await rawExchange(
          env.emulator.port,
          [`POST ${listGroups.path} HTTP/1.1\r\n`, garbage, '\r\n\r\n'],
          { budgetMs: 300 },
        );
        expectNo500(parseResponses(text));
        expect(logged).not.toHaveBeenCalled();
      }),
      { numRuns: 30 },
    );
  });
});
