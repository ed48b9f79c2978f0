/** A management token and when it stops being usable. */
export interface IssuedToken {
  readonly accessToken: string;
  /** Lifetime in seconds, as the server said (`expires_in`). */
  readonly expiresIn: number;
}

/** What {@link ManagementTokenCache} needs. */
export interface ManagementTokenCacheOptions {
  /** Fetches a new token (`POST /api/v3/get-management-token`). */
  readonly fetchToken: () => Promise<IssuedToken>;
  /** @default Date.now */
  readonly now?: () => number;
}

interface Cached {
  readonly accessToken: string;
  readonly fetchedAt: number;
  /** When to stop using it: shortly before it expires. */
  readonly refreshAt: number;
}

/** Tokens are refreshed this long before they expire (at most a tenth of their lifetime). */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Holds the management token of the token scheme (Java, Python and Go SDKs): fetched on first use,
 * cached until shortly before it expires, one fetch shared by concurrent callers, and dropped when
 * the server says it is no longer valid.
 */
export class ManagementTokenCache {
  readonly #fetchToken: () => Promise<IssuedToken>;
  readonly #now: () => number;
  #cached: Cached | undefined;
  #pending: Promise<Cached> | undefined;

  constructor(options: ManagementTokenCacheOptions) {
    this.#fetchToken = options.fetchToken;
    this.#now = options.now ?? Date.now;
  }

  /** A valid token, fetching one if there is none or it is about to expire. */
  async get(): Promise<string> {
    const cached = this.#cached;
    if (cached && this.#now() < cached.refreshAt) return cached.accessToken;
    this.#pending ??= this.#fetch().finally(() => {
      this.#pending = undefined;
    });
    return (await this.#pending).accessToken;
  }

  /**
   * Drops `refused` if it is still the cached token, so that a token another call has just
   * refreshed is kept. By value, not by time: a token fetched during the refused call (it expired
   * on the way) must go too, or the call's one retry would send it again.
   */
  invalidate(refused: string): void {
    if (this.#cached?.accessToken === refused) this.#cached = undefined;
  }

  async #fetch(): Promise<Cached> {
    const fetchedAt = this.#now();
    const { accessToken, expiresIn } = await this.#fetchToken();
    const lifetime = Math.max(0, expiresIn * 1000);
    const cached = {
      accessToken,
      fetchedAt,
      refreshAt: fetchedAt + lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 10),
    };
    this.#cached = cached;
    return cached;
  }
}

/**
 * The `scoped_userpool_id` claim of a management token, which the token SDKs send as
 * `x-authing-userpool-id`. The payload is read without verifying the signature (the server
 * verifies it); `undefined` when the token is not a readable JWT.
 */
export function userPoolIdOf(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(json);
    if (typeof claims === 'object' && claims !== null && 'scoped_userpool_id' in claims) {
      return typeof claims.scoped_userpool_id === 'string' ? claims.scoped_userpool_id : undefined;
    }
  } catch {
    // Not a JWT: send no pool header and let the server decide.
  }
  return undefined;
}
