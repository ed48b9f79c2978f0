/**
 * Test helpers: a client that validates every reply it sees against `@genauth-groups/models`, and a
 * vitest fixture that runs an emulator on a free port. Not exported by the package.
 *
 * @module
 */
import { type Endpoint, ErrorRespDto, getManagementToken, parse } from '@genauth-groups/models';
import type * as v from 'valibot';
import { afterAll, beforeAll } from 'vitest';
import { type Emulator, type EmulatorOptions, startEmulator } from '../emulator.ts';
import { servedEndpoints } from '../served-endpoints.ts';

/** A reply, its body validated: the endpoint's success schema, or the error envelope. */
export interface Reply<TBody> {
  readonly status: number;
  readonly headers: Headers;
  /** The success payload's type; on errors only the envelope fields are there. */
  readonly body: TBody;
}

/** The demo user bob under each `userIdType` the user endpoints take, as the demo data seeds him. */
export const BOB_BY_ID_TYPE = [
  ['user_id', '65f0b3c4d5e6f7a8b9c0d1e2'],
  ['external_id', 'EMP-1002'],
  ['phone', '13800000002'],
  ['email', 'BOB@example.com'],
  ['username', 'bob'],
  ['identity', '6601c2d3e4f5a6b7c8d9e0ac:ou_bob'],
  ['sync_relation', 'lark:ou_bob'],
] as const;

/** Query values, as a caller would pass them. */
export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

const byPath = new Map<string, Endpoint>(servedEndpoints.map(({ endpoint }) => [endpoint.path, endpoint]));

/**
 * Checks a reply body: with `statusCode: 200` it must match the endpoint's `response` schema;
 * otherwise it must be an error envelope (`ErrorRespDto`) with a non-200 `statusCode` and a
 * `requestId`. Throws a `ValidationError` or an `Error` naming what is wrong.
 */
export function checkReply(path: string, body: unknown): void {
  const endpoint = byPath.get(path);
  const statusCode = (body as { statusCode?: unknown } | null)?.statusCode;
  if (statusCode === 200 && endpoint) {
    parse(endpoint.response, body, `${path} reply`);
    return;
  }
  const error = parse(ErrorRespDto, body, `${path} error reply`);
  if (error.statusCode === 200 && !path.startsWith('/__emulator/'))
    throw new Error(`${path}: statusCode 200 without a known endpoint`);
  if (error.statusCode !== 200 && typeof error.requestId !== 'string')
    throw new Error(`${path}: error reply without requestId`);
}

/** Talks to an emulator and validates every reply; tests that need raw bytes use `fetch`. */
export class TestClient {
  readonly #emulator: Emulator;
  readonly #headers: Readonly<Record<string, string>>;

  constructor(emulator: Emulator, headers: Readonly<Record<string, string>> = {}) {
    this.#emulator = emulator;
    this.#headers = headers;
  }

  /** A client authenticated with a fresh management token (`Bearer`). */
  static async withManagementToken(emulator: Emulator): Promise<TestClient> {
    const anonymous = new TestClient(emulator);
    const { accessKeyId, accessKeySecret } = emulator.credentials;
    const reply = await anonymous.post(getManagementToken, { accessKeyId, accessKeySecret });
    return new TestClient(emulator, { authorization: `Bearer ${reply.body.data.access_token}` });
  }

  /** The same client with more headers. */
  with(headers: Readonly<Record<string, string>>): TestClient {
    return new TestClient(this.#emulator, { ...this.#headers, ...headers });
  }

  /** `GET endpoint.path?query`. */
  get<TEndpoint extends Endpoint>(
    endpoint: TEndpoint,
    query: Query = {},
    headers: Readonly<Record<string, string>> = {},
  ): Promise<Reply<v.InferOutput<TEndpoint['response']>>> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) search.set(name, String(value));
    const target = search.size > 0 ? `${endpoint.path}?${search}` : endpoint.path;
    return this.request(target, { headers }) as Promise<Reply<v.InferOutput<TEndpoint['response']>>>;
  }

  /** `POST endpoint.path` with a JSON body. */
  post<TEndpoint extends Endpoint>(
    endpoint: TEndpoint,
    body: unknown,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<Reply<v.InferOutput<TEndpoint['response']>>> {
    return this.request(endpoint.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }) as Promise<Reply<v.InferOutput<TEndpoint['response']>>>;
  }

  /** Any request to the emulator; the JSON reply is validated like the others. */
  async request(target: string, init: RequestInit = {}): Promise<Reply<unknown>> {
    const response = await this.raw(target, init);
    const body: unknown = await response.json();
    checkReply(new URL(response.url).pathname, body);
    return { status: response.status, headers: response.headers, body };
  }

  /** A request with this client's headers, its reply unread and unchecked (for replies that are not JSON). */
  raw(target: string, init: RequestInit = {}): Promise<Response> {
    return fetch(new URL(target, this.#emulator.url), {
      ...init,
      headers: { ...this.#headers, ...(init.headers as Record<string, string> | undefined) },
    });
  }
}

/** What {@link useEmulator} provides to a test file. */
export interface EmulatorFixture {
  readonly emulator: Emulator;
  /** Authenticated with a management token. */
  readonly api: TestClient;
  /** The authentication side: sends the app's `x-authing-app-id`, no credentials. */
  readonly app: TestClient;
}

/** A password sign-in body as the official SDKs send it, with `extra` fields beside it. */
export function passwordSignIn(payload: Record<string, string>, extra: Record<string, unknown> = {}) {
  return { connection: 'PASSWORD', passwordPayload: payload, ...extra };
}

/** Starts an emulator on a free port before the file's tests and closes it after them. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorFixture {
  let emulator: Emulator | undefined;
  let api: TestClient | undefined;
  let app: TestClient | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...options });
    api = await TestClient.withManagementToken(emulator);
    app = new TestClient(emulator, { 'x-authing-app-id': emulator.credentials.appId });
  });
  afterAll(() => emulator?.close());
  return {
    get emulator() {
      if (!emulator) throw new Error('the emulator starts in beforeAll');
      return emulator;
    },
    get api() {
      if (!api) throw new Error('the emulator starts in beforeAll');
      return api;
    },
    get app() {
      if (!app) throw new Error('the emulator starts in beforeAll');
      return app;
    },
  };
}
