import {
  ApiError,
  createBaseTransport,
  type Hooks,
  normalizeHost,
  type RetryOptions,
  type Transport,
} from '@genauth-groups/core';
import {
  type GroupListRespDto,
  getMyGroupList,
  ValidationError,
  validationIssue,
} from '@genauth-groups/models';
import { checkOptions, checkToken } from './options.ts';

/** What the SDK tells an access-token function when it calls it. */
export interface AccessTokenRequest {
  /**
   * `true` when the server has just refused the token the function gave last (apiCode 2020 or
   * HTTP 401): refresh it rather than return a cached copy.
   */
  readonly refresh: boolean;
}

/**
 * The signed-in user's access token, or a function that returns the current one (sync or async),
 * called for each request so that the SDK always uses what the login library holds now.
 * `undefined`, `null` or `''` from the function means nobody is signed in.
 *
 * @example async ({ refresh }) => (refresh ? await auth.refreshToken() : await auth.getLoginState())?.accessToken
 */
export type AccessToken =
  | string
  | ((request: AccessTokenRequest) => string | null | undefined | Promise<string | null | undefined>);

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
   * The signed-in user's access token (from your sign-in flow), or a function the SDK calls for
   * each request to get the current one from your login library. When the server refuses the
   * token (apiCode 2020 or HTTP 401), a function is asked once more with `{ refresh: true }` and
   * the call is sent once more with what it returns. Can be set later with
   * {@link AuthenticationClient.setAccessToken}. Sent in the `authorization` header only: never in
   * a URL, a log or an error.
   * @example accessToken: async () => (await auth.getLoginState())?.accessToken
   */
  readonly accessToken?: AccessToken | undefined;
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
  #accessToken: AccessToken | undefined;

  constructor(options: AuthenticationClientOptions) {
    // Errors name the option and never echo a value (the token is one).
    checkOptions(options);
    const { appId, appHost, accessToken, lang, ...transport } = options;
    this.#accessToken = accessToken;
    this.#api = createBaseTransport({
      ...transport,
      baseUrl: normalizeHost(appHost, 'appHost'),
      headers: { 'x-authing-app-id': appId, ...(lang && { 'x-authing-lang': lang }) },
    });
  }

  /**
   * Sets the access token of the signed-in user (e.g. after sign-in or a token refresh), or the
   * function that returns it (see {@link AuthenticationClientOptions.accessToken}).
   */
  setAccessToken(accessToken: AccessToken): void {
    checkToken(accessToken);
    this.#accessToken = accessToken;
  }

  /**
   * The groups the signed-in user is in (`GET /api/v3/get-my-group-list`).
   *
   * @throws {ValidationError} before any request when no access token is set (or the function
   *   returns none); or when the reply
   *   is not the documented `GroupListRespDto`.
   * @throws {ApiError} when the server refuses, e.g. `apiCode` 2020 for an expired token.
   * @throws {NetworkError} / {TimeoutError} when no reply arrives, after retries.
   */
  async getGroupList({ signal }: RequestOptions = {}): Promise<GroupListRespDto> {
    const source = this.#accessToken;
    // `refused`: the error of a refused token, which stands when the refreshed token is missing.
    const send = async (refresh: boolean, refused?: unknown) => {
      const token = typeof source === 'function' ? await source({ refresh }) : source;
      if (typeof token !== 'string' || !token) throw refused ?? missingToken(source);
      return this.#api.call(getMyGroupList, undefined, {
        name: 'getGroupList',
        signal,
        // Raw, as authing-node-sdk sends it (contract section 4.1).
        headers: { authorization: token },
      });
    };
    try {
      return await send(false);
    } catch (error) {
      // Only a function can give another token; with none (signed out), the refusal stands.
      if (typeof source !== 'function' || !refused(error)) throw error;
      return send(true, error);
    }
  }
}

function missingToken(source: AccessToken | undefined): ValidationError {
  const problem =
    typeof source === 'function'
      ? 'the function returned no token; is the user signed in?'
      : 'missing; pass it to the constructor or call setAccessToken() after sign-in';
  return new ValidationError('getGroupList call', [
    validationIssue('accessToken', 'an access token', problem),
  ]);
}

/** Whether the server refused the token: expired, revoked or forged (contract 3.4). */
function refused(error: unknown): boolean {
  // Our transport's own error: `instanceof` rather than the name check, which `isApiError` needs
  // only across realms and package copies.
  return error instanceof ApiError && (error.apiCode === 2020 || error.httpStatus === 401);
}
