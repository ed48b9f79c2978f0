import {
  createTransport,
  type Hooks,
  normalizeHost,
  type RetryOptions,
  type Transport,
} from '@genauth-groups/core';
import { type GroupListRespDto, getMyGroupList, parse, ValidationError } from '@genauth-groups/models';
import * as v from 'valibot';

/** Options of {@link AuthenticationClient}. */
export interface AuthenticationClientOptions {
  /**
   * The application's App ID (console: Applications → your app), sent as `x-authing-app-id`.
   * @example '65f0a1b2c3d4e5f6a7b8c9d0'
   */
  readonly appId: string;
  /**
   * The application's authentication address (console: App Configuration → Authentication
   * Address). A missing scheme means `https://` (`http://` for localhost); trailing slashes are
   * removed.
   * @example 'https://example.genauth.ai'
   */
  readonly appHost: string;
  /**
   * The signed-in user's access token (from your sign-in flow). Can be set later with
   * {@link AuthenticationClient.setAccessToken}. Sent in the `authorization` header only: never in
   * a URL, a log or an error.
   */
  readonly accessToken?: string | undefined;
  /**
   * Language of server messages, sent as `x-authing-lang`. Not sent unless set: whether the
   * server's CORS policy allows this header is not documented.
   * @example 'en-US'
   */
  readonly lang?: 'zh-CN' | 'en-US' | 'ja-JP' | 'zh-TW' | undefined;
  /**
   * Per-attempt timeout in milliseconds.
   * @default 10000
   */
  readonly timeout?: number | undefined;
  /**
   * Retries: a limit, or ky retry options. Network errors, HTTP 408/429/5xx and replies whose
   * body says 429/5xx are retried with exponential backoff and jitter; `Retry-After` is honoured.
   * @default 2
   * @example { limit: 4, backoffLimit: 2000 }
   */
  readonly retry?: number | RetryOptions | undefined;
  /**
   * The `fetch` to use.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof fetch | undefined;
  /**
   * ky hooks, run after the client's own (for logging or metrics). They see the request, and so
   * the token: do not log its headers.
   */
  readonly hooks?: Hooks | undefined;
}

/** Options of one call. */
export interface RequestOptions {
  /** Cancels the call, retries included. */
  readonly signal?: AbortSignal | undefined;
}

const token = v.pipe(v.string(), v.nonEmpty());

// Checked at construction; errors name the option and never echo a value (the token is one).
const OptionsSchema = v.strictObject({
  appId: v.pipe(v.string(), v.nonEmpty()),
  appHost: v.string(),
  accessToken: v.optional(token),
  lang: v.optional(v.picklist(['zh-CN', 'en-US', 'ja-JP', 'zh-TW'])),
  timeout: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  retry: v.optional(v.union([v.pipe(v.number(), v.integer(), v.minValue(0)), v.looseObject({})])),
  fetch: v.optional(v.function()),
  hooks: v.optional(v.looseObject({})),
});

/**
 * The authentication side of GenAuth, for browsers: what the signed-in user may see of
 * themselves. Runs in browsers, web workers, Deno and Node.js >= 22.
 *
 * @example
 * const client = new AuthenticationClient({ appId: 'APP_ID', appHost: 'https://example.genauth.ai' });
 * client.setAccessToken(tokenFromSignIn);
 * const { data: groups } = await client.getGroupList();
 */
export class AuthenticationClient {
  readonly #api: Transport;
  #accessToken: string | undefined;

  constructor(options: AuthenticationClientOptions) {
    const config = parse(OptionsSchema, options, 'AuthenticationClient options');
    this.#accessToken = config.accessToken;
    this.#api = createTransport({
      baseUrl: normalizeHost(config.appHost, 'appHost'),
      headers: { 'x-authing-app-id': config.appId, ...(config.lang && { 'x-authing-lang': config.lang }) },
      // Raw, as authing-node-sdk sends it (contract section 4.1); read on every attempt, so a
      // token set while a call is retrying is used for the next attempt.
      authorize: (request) => {
        if (this.#accessToken) request.headers.set('authorization', this.#accessToken);
      },
      timeout: config.timeout,
      retry: config.retry as number | RetryOptions | undefined,
      fetch: config.fetch as typeof fetch | undefined,
      hooks: config.hooks as Hooks | undefined,
    });
  }

  /** Sets the access token of the signed-in user, e.g. after sign-in or a token refresh. */
  setAccessToken(accessToken: string): void {
    this.#accessToken = parse(token, accessToken, 'access token');
  }

  /**
   * The groups the signed-in user is in (`GET /api/v3/get-my-group-list`).
   *
   * @throws {ValidationError} before any request when no access token is set; or when the reply
   *   is not the documented `GroupListRespDto`.
   * @throws {ApiError} when the server refuses, e.g. `apiCode` 2020 for an expired token.
   * @throws {NetworkError} / {TimeoutError} when no reply arrives, after retries.
   */
  getGroupList(options: RequestOptions = {}): Promise<GroupListRespDto> {
    if (!this.#accessToken) {
      return Promise.reject(
        new ValidationError('getGroupList call', [
          {
            path: 'accessToken',
            expected: 'an access token',
            message:
              'accessToken: missing; pass it to the constructor or call setAccessToken() after sign-in',
          },
        ]),
      );
    }
    return this.#api.call(getMyGroupList, undefined, { name: 'getGroupList', signal: options.signal });
  }
}
