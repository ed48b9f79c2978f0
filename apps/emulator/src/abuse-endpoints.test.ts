/**
 * The abuse suite, endpoint side: every row of the endpoint table gets property-based hostile
 * requests (parameters and bodies from `testing/hostile-inputs.ts`, each way to authenticate or
 * not), and every reply must be a well-formed envelope in time: never a 500, never a secret, never
 * a log line, and the emulator keeps serving.
 */
import { getManagementToken, listGroups, signIn } from '@genauth-groups/models';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { servedEndpoints } from './served-endpoints.ts';
import {
  type HostileRequest,
  hostileRequest,
  knownKillerRequests,
  toJson,
} from './testing/hostile-inputs.ts';
import { signedHeaders } from './testing/sign.ts';
import { checkReply, TestClient, useEmulator } from './testing/test-client.ts';

/** Generated requests per endpoint; each run of CI draws new ones (the seed is printed on failure). */
const RUNS = 40;
/** A reply slower than this is a hang, on a loaded 2-core machine too. */
const REPLY_BUDGET_MS = 10_000;

const env = useEmulator();
let managementToken: string;
let userToken: string;
let logged: MockInstance<typeof console.error>;
beforeAll(async () => {
  const anonymous = new TestClient(env.emulator);
  const { accessKeyId, accessKeySecret } = env.emulator.credentials;
  const token = await anonymous.post(getManagementToken, { accessKeyId, accessKeySecret });
  managementToken = token.body.data.access_token;
  const alice = env.emulator.demoUsers[0];
  const reply = await anonymous.post(
    signIn,
    { connection: 'PASSWORD', passwordPayload: { username: alice?.username, password: alice?.password } },
    { 'x-authing-app-id': env.emulator.credentials.appId },
  );
  userToken = reply.body.data.access_token as string;
  logged = vi.spyOn(console, 'error');
});
afterAll(() => logged.mockRestore());

function secrets(): string[] {
  const { accessKeySecret, appSecret } = env.emulator.credentials;
  return [accessKeySecret, appSecret, env.emulator.demoUsers[0]?.password ?? ''];
}

function authorization(request: HostileRequest, side: string, signed: () => Record<string, string>) {
  switch (request.auth) {
    case 'valid':
      return side === 'management'
        ? { authorization: `Bearer ${managementToken}` }
        : { authorization: `Bearer ${userToken}`, 'x-authing-app-id': env.emulator.credentials.appId };
    case 'signature':
      return signed();
    case 'garbage':
      return { authorization: request.garbage };
    case 'none':
      return {};
  }
}

async function send(method: string, path: string, side: string, request: HostileRequest): Promise<Response> {
  const query = new URLSearchParams(request.query);
  const target = method === 'GET' && query.size > 0 ? `${path}?${query}` : path;
  const body = 'raw' in request.body ? request.body.raw : toJson(request.body.json);
  const signedParams =
    method === 'GET'
      ? Object.fromEntries(query)
      : 'json' in request.body && typeof request.body.json === 'object' && request.body.json !== null
        ? (request.body.json as Record<string, unknown>)
        : {};
  const headers: Record<string, string> = {
    ...(request.contentType ? { 'content-type': request.contentType } : {}),
    ...(request.lang ? { 'x-authing-lang': request.lang } : {}),
    ...authorization(request, side, () =>
      signedHeaders(env.emulator, method, path, { params: signedParams, dateHeader: request.signatureDate }),
    ),
  };
  return fetch(new URL(target, env.emulator.url), {
    method,
    headers,
    ...(method === 'GET' ? {} : { body }),
    signal: AbortSignal.timeout(REPLY_BUDGET_MS),
  });
}

describe('abuse: hostile requests to every served endpoint', () => {
  it.each(
    servedEndpoints.map(
      ({ endpoint, anonymous }) => [`${endpoint.method} ${endpoint.path}`, endpoint, anonymous] as const,
    ),
  )(
    '%s answers each with a well-formed envelope, never a 500, a secret or a log line',
    { timeout: 180_000 },
    async (_, endpoint, anonymous) => {
      await fc.assert(
        fc.asyncProperty(hostileRequest(endpoint), async (request) => {
          const response = await send(endpoint.method, endpoint.path, endpoint.side, request);
          const text = await response.text();
          expect(response.status).toBe(200);
          const body = JSON.parse(text) as { statusCode: number };
          checkReply(endpoint.path, body);
          expect(body.statusCode).not.toBe(500);
          if (request.auth === 'signature' && request.signatureDate !== undefined && !anonymous) {
            expect(body.statusCode).not.toBe(200);
          }
          // A secret the request itself carried may come back as data (a group named like the password).
          const sent = toJson(request);
          for (const secret of secrets()) if (!sent.includes(secret)) expect(text).not.toContain(secret);
          expect(logged).not.toHaveBeenCalled();
        }),
        { numRuns: RUNS, examples: knownKillerRequests(endpoint).map((request) => [request]) },
      );
      // Still serving, and quickly: nothing it was sent wedged it.
      const started = performance.now();
      expect((await env.api.get(listGroups, { keywords: 'dev' })).body.statusCode).toBe(200);
      expect((await env.api.post(getManagementToken, {})).body.statusCode).toBe(400);
      expect(performance.now() - started).toBeLessThan(REPLY_BUDGET_MS);
    },
  );
});
