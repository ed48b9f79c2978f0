import { randomBytes } from 'node:crypto';
import { sign, verify } from 'hono/jwt';

/** How many verified tokens are remembered before the cache starts over. */
const VERIFIED_TOKENS = 1000;

/** What a verified management token says. */
export interface ManagementClaims {
  readonly userPoolId: string;
}

/** What a verified end-user access token says. */
export interface UserClaims {
  readonly userId: string;
  readonly appId: string;
}

/** The claims of an id token (OIDC), besides the standard ones. */
export interface IdTokenProfile {
  readonly userId: string;
  readonly username: string | null;
  readonly email: string | null;
  readonly name: string | null;
}

/**
 * Issues and verifies the emulator's JWTs (HS256): management tokens (`scoped_userpool_id`, `iat`,
 * `exp`, contract 5.2) and end-user access tokens (`sub` = user id, `aud` = app id), signed with a
 * key made at start, so tokens do not outlive the process. Expiry follows the injected clock.
 */
export class Tokens {
  readonly #key = randomBytes(32).toString('base64url');
  readonly #clock: () => number;
  readonly #verified = new Map<string, Record<string, unknown>>();

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  /** A management token for a user pool. */
  issueManagementToken(userPoolId: string, ttlSeconds: number): Promise<string> {
    return sign({ scoped_userpool_id: userPoolId, ...this.#lifetime(ttlSeconds) }, this.#key, 'HS256');
  }

  /** The claims of a valid, unexpired management token; `undefined` for anything else. */
  async verifyManagementToken(token: string): Promise<ManagementClaims | undefined> {
    return this.#managementClaims(await this.#verify(token, this.#key));
  }

  #managementClaims(payload: Record<string, unknown> | undefined): ManagementClaims | undefined {
    const userPoolId = payload?.scoped_userpool_id;
    return typeof userPoolId === 'string' ? { userPoolId } : undefined;
  }

  /**
   * {@link verifyManagementToken} without waiting, for a token verified before: its claims while
   * it is unexpired, `undefined` when it is expired or was not verified before (or was invalid).
   */
  rememberedManagementToken(token: string): ManagementClaims | undefined {
    const payload = this.#verified.get(token);
    return payload ? this.#managementClaims(this.#unexpired(payload)) : undefined;
  }

  /** An end user's access token for an app. */
  issueUserToken(claims: UserClaims, scope: string, ttlSeconds: number): Promise<string> {
    return sign(
      { sub: claims.userId, aud: claims.appId, scope, ...this.#lifetime(ttlSeconds) },
      this.#key,
      'HS256',
    );
  }

  /** The claims of a valid, unexpired access token; `undefined` for anything else (a management token included). */
  async verifyUserToken(token: string): Promise<UserClaims | undefined> {
    const payload = await this.#verify(token, this.#key);
    const userId = payload?.sub;
    const appId = payload?.aud;
    return typeof userId === 'string' && typeof appId === 'string' ? { userId, appId } : undefined;
  }

  /**
   * An OIDC id token, signed with the app secret as the service does for HS256 apps (inferred: the
   * app's signing algorithm is a console setting).
   */
  issueIdToken(
    profile: IdTokenProfile,
    appId: string,
    appSecret: string,
    issuer: string,
    ttlSeconds: number,
  ) {
    return sign(
      {
        iss: issuer,
        sub: profile.userId,
        aud: appId,
        username: profile.username,
        email: profile.email,
        name: profile.name,
        ...this.#lifetime(ttlSeconds),
      },
      appSecret,
      'HS256',
    );
  }

  /**
   * `iat` and `exp` in whole seconds, `exp` rounded up: a token is valid for at least the
   * `expires_in` the reply announces. Rounded down as `iat` is, a token issued late in a second
   * lived up to a second less, and a 1-second token could be refused on its first use.
   */
  #lifetime(ttlSeconds: number): { iat: number; exp: number } {
    const now = this.#clock() / 1000;
    return { iat: Math.floor(now), exp: Math.ceil(now) + ttlSeconds };
  }

  async #verify(token: string, key: string): Promise<Record<string, unknown> | undefined> {
    // Clients send the same token on every request: remember valid ones (expiry is still checked).
    let payload = this.#verified.get(token);
    if (!payload) {
      try {
        // hono checks times against the real clock; the emulator's clock may be injected.
        payload = await verify(token, key, { alg: 'HS256', exp: false, iat: false, nbf: false });
      } catch {
        return undefined;
      }
      if (this.#verified.size >= VERIFIED_TOKENS) this.#verified.clear();
      this.#verified.set(token, payload);
    }
    return this.#unexpired(payload);
  }

  #unexpired(payload: Record<string, unknown>): Record<string, unknown> | undefined {
    const exp = payload.exp;
    return typeof exp === 'number' && exp * 1000 > this.#clock() ? payload : undefined;
  }
}
