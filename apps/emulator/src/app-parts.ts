import type { Tokens } from './auth/tokens.ts';
import type { Faults } from './faults.ts';
import type { Store } from './store/store.ts';

/** The credentials of the emulated user pool and app. */
export interface EmulatorCredentials {
  /** User pool id: the `scoped_userpool_id` of management tokens. */
  readonly userPoolId: string;
  /** Access key id for signatures and `get-management-token`; the pool-wide key is the pool id. */
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** The app that end users sign in to (`x-authing-app-id`). */
  readonly appId: string;
  readonly appSecret: string;
}

/** Everything the app is built from; every endpoint handler receives it. */
export interface AppParts {
  readonly store: Store;
  readonly tokens: Tokens;
  readonly faults: Faults;
  readonly clock: () => number;
  readonly credentials: EmulatorCredentials;
  readonly httpStatus: boolean;
  readonly maxBodyBytes: number;
  readonly signatureWindowMs: number;
  readonly accessTokenTtlSeconds: number;
  /** Lifetime of refresh tokens from the hosted login, in seconds. */
  readonly refreshTokenTtlSeconds: number;
  /** The app's registered login and logout callback URLs (hosted login). */
  readonly callbackUrls: readonly string[];
  /**
   * `get-all-groups` as the service answers it (contract 6.3): any `fetchMembers` present asks
   * for members, and members fail with a 500 "unknown error" when any group is empty.
   */
  readonly reproduceGetAllGroupsBugs: boolean;
}
