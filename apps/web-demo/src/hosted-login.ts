// Sign-in by redirect to the app's hosted login: OIDC authorization code with PKCE, no client
// secret, through oauth4webapi (a standard, well-kept OIDC client). `@authing/web` cannot be used
// here: it refuses any domain with a port, such as the emulator's http://127.0.0.1:8787
// (contract section 16.4).
import * as oauth from 'oauth4webapi';
import type { DemoConfig } from './config.ts';

/** The signed-in user's tokens, kept in sessionStorage: a reload keeps the user signed in. */
export interface Session {
  readonly accessToken: string;
  readonly idToken: string;
  readonly refreshToken: string | undefined;
  /** When the access token expires, by this browser's clock (ms). */
  readonly expiresAt: number;
  /** What the page shows of the user. */
  readonly name: string;
}

/** A sign-in that failed, with what to tell the user; never a code or a token. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
}

// `offline_access` for a refresh token: an expired access token is renewed without a redirect.
const SCOPE = 'openid profile email offline_access';
const SESSION_KEY = 'genauth-groups-demo:session';
const TRANSACTION_KEY = 'genauth-groups-demo:sign-in';
/** Renew a little before expiry, so that a token does not expire in flight. */
const EXPIRY_MARGIN_MS = 30_000;

/** The hosted login of one app, for a page served at `redirectUri`. */
export class HostedLogin {
  readonly #client: oauth.Client;
  readonly #issuer: URL;
  readonly #redirectUri: string;
  /** Plain http is allowed for the local emulator only. */
  readonly #http: { [oauth.allowInsecureRequests]?: boolean };
  #server: Promise<oauth.AuthorizationServer> | undefined;
  #refreshing: Promise<string | undefined> | undefined;

  constructor(config: DemoConfig, redirectUri: string) {
    this.#client = { client_id: config.appId };
    this.#issuer = new URL(`${config.appHost}/oidc`);
    this.#redirectUri = redirectUri;
    this.#http = this.#issuer.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
  }

  /** The provider's metadata (discovery), fetched once. */
  #as(): Promise<oauth.AuthorizationServer> {
    this.#server ??= oauth
      .discoveryRequest(this.#issuer, { algorithm: 'oidc', ...this.#http })
      .then((response) => oauth.processDiscoveryResponse(this.#issuer, response));
    this.#server.catch(() => {
      this.#server = undefined;
    });
    return this.#server;
  }

  /** The current session, if any. */
  session(): Session | undefined {
    const stored = sessionStorage.getItem(SESSION_KEY);
    return stored ? (JSON.parse(stored) as Session) : undefined;
  }

  #save(tokens: oauth.TokenEndpointResponse, previous?: Session): Session {
    const claims = oauth.getValidatedIdTokenClaims(tokens);
    const name = [claims?.preferred_username, claims?.email, claims?.sub].find(
      (value) => typeof value === 'string',
    );
    const session: Session = {
      accessToken: tokens.access_token,
      idToken: tokens.id_token ?? previous?.idToken ?? '',
      refreshToken: tokens.refresh_token ?? previous?.refreshToken,
      expiresAt: Date.now() + (tokens.expires_in ?? 3600) * 1000,
      name: (name as string | undefined) ?? previous?.name ?? 'signed in',
    };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    return session;
  }

  /** Sends the browser to the hosted login. */
  async signIn(): Promise<void> {
    const as = await this.#as();
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    sessionStorage.setItem(TRANSACTION_KEY, JSON.stringify({ verifier, state, nonce }));
    const url = new URL(as.authorization_endpoint ?? `${this.#issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: this.#client.client_id,
      redirect_uri: this.#redirectUri,
      response_type: 'code',
      scope: SCOPE,
      state,
      nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    location.assign(url);
  }

  /** Whether `url` is the hosted login coming back (with a code or an error). */
  isCallback(url: URL): boolean {
    return url.searchParams.has('code') || url.searchParams.has('error');
  }

  /**
   * Completes the sign-in the hosted login came back from: checks the state, exchanges the code
   * (with the PKCE verifier) and checks the id token's nonce.
   *
   * @throws {SignInError} when the response is not for this sign-in, reports an error, or the
   *   code is refused.
   */
  async completeSignIn(url: URL): Promise<Session> {
    const stored = sessionStorage.getItem(TRANSACTION_KEY);
    sessionStorage.removeItem(TRANSACTION_KEY);
    if (!stored)
      throw new SignInError('This sign-in was not started here (or was already completed): sign in again.');
    const { verifier, state, nonce } = JSON.parse(stored) as {
      verifier: string;
      state: string;
      nonce: string;
    };
    const as = await this.#as();
    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(as, this.#client, url, state);
    } catch (error) {
      throw describe(error);
    }
    try {
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        this.#client,
        oauth.None(),
        params,
        this.#redirectUri,
        verifier,
        this.#http,
      );
      return this.#save(
        await oauth.processAuthorizationCodeResponse(as, this.#client, response, {
          expectedNonce: nonce,
          requireIdToken: true,
        }),
      );
    } catch (error) {
      throw describe(error);
    }
  }

  /**
   * The access token for the SDK's `accessToken` option: the current one, or a renewed one when it
   * is about to expire or the server has just refused it (`refresh`). `undefined` when nobody is
   * signed in, or the session cannot be renewed (then it ends).
   */
  accessToken({ refresh }: { refresh: boolean }): Promise<string | undefined> {
    const session = this.session();
    if (!session) return Promise.resolve(undefined);
    if (!refresh && session.expiresAt - EXPIRY_MARGIN_MS > Date.now())
      return Promise.resolve(session.accessToken);
    // Refresh tokens are single use: concurrent calls share one renewal.
    this.#refreshing ??= this.#renew(session).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #renew(session: Session): Promise<string | undefined> {
    if (!session.refreshToken) {
      this.#end();
      return undefined;
    }
    try {
      const as = await this.#as();
      const response = await oauth.refreshTokenGrantRequest(
        as,
        this.#client,
        oauth.None(),
        session.refreshToken,
        this.#http,
      );
      return this.#save(await oauth.processRefreshTokenResponse(as, this.#client, response), session)
        .accessToken;
    } catch {
      // An expired or revoked refresh token: the user must sign in again.
      this.#end();
      return undefined;
    }
  }

  #end(): void {
    sessionStorage.removeItem(SESSION_KEY);
  }

  /** Ends the session here and at the hosted login, then comes back to the demo signed out. */
  async signOut(): Promise<void> {
    const session = this.session();
    this.#end();
    const as = await this.#as();
    const url = new URL(as.end_session_endpoint ?? `${this.#issuer}/session/end`);
    url.search = new URLSearchParams({
      post_logout_redirect_uri: this.#redirectUri,
      ...(session?.idToken && { id_token_hint: session.idToken }),
    }).toString();
    location.assign(url);
  }
}

/** A clear message for a failed sign-in, from what oauth4webapi or the server said. */
function describe(error: unknown): SignInError {
  if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError) {
    return new SignInError(
      `Sign-in failed: ${error.error}${error.error_description ? `: ${error.error_description}` : ''}`,
    );
  }
  if (error instanceof oauth.OperationProcessingError && /"state"/.test(error.message)) {
    return new SignInError(
      'Sign-in failed: the response does not belong to this sign-in (state mismatch). Sign in again.',
    );
  }
  return new SignInError(`Sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
}
