import { DEFAULT_MAX_REPLY_BYTES, DEFAULT_TIMEOUT, type RetryOptions } from '@genauth-groups/core';
import * as v from 'valibot';

/** Options of {@link ManagementClient}. */
export interface ManagementClientOptions {
  /**
   * Access Key ID: the user pool id (pool-wide key) or a collaborator admin's key id.
   * @example '65f0a0a0a0a0a0a0a0a0a0a0'
   */
  readonly accessKeyId: string;
  /**
   * Access Key Secret. Kept in a private field; never logged, sent in a URL or put in an error.
   * With `auth: 'signature'` it never leaves the process at all.
   */
  readonly accessKeySecret: string;
  /**
   * The management API host: `https://api.genauth.ai` (GenAuth), `https://api.authing.cn`
   * (Authing), your private deployment, or the emulator. A missing scheme means `https://`.
   * @example 'https://api.genauth.ai'
   */
  readonly host: string;
  /**
   * How calls are authenticated (contract section 5):
   * - `'signature'`: every request signed with HMAC-SHA1, as authing-node-sdk 4.x does. No
   *   extra round trip, and the secret never goes over the wire. Needs a clock within the
   *   server's window (apiCode 1305 otherwise).
   * - `'token'`: a management token from `POST /api/v3/get-management-token`, as the Java,
   *   Python and Go SDKs do; fetched once, cached, refreshed before expiry and when refused.
   * @default 'signature'
   */
  readonly auth?: 'signature' | 'token' | undefined;
  /** Tenant id, for multi-tenant user pools. Sent as the official SDK of each scheme sends it. */
  readonly tenantId?: string | undefined;
  /**
   * Language of server messages (`x-authing-lang`).
   * @default 'zh-CN'
   */
  readonly lang?: 'zh-CN' | 'en-US' | 'ja-JP' | 'zh-TW' | undefined;
  /**
   * Per-attempt timeout in milliseconds.
   * @default 10000
   */
  readonly timeout?: number | undefined;
  /**
   * The longest reply body taken, in bytes: a longer one is cancelled once it passes this, and
   * the call fails with a `ValidationError` (not retried; a write's is an `UnknownOutcomeError`).
   * Raise it only for a pool whose unpaged lists (`getAllGroups`) are larger still.
   * @default 67108864 (64 MiB)
   */
  readonly maxReplyBytes?: number | undefined;
  /**
   * Retries of idempotent calls: a limit, or ky retry options. Network errors, HTTP 408/429/5xx
   * and body-level 429/5xx are retried with backoff; `Retry-After` is honoured.
   * @default 2
   */
  readonly retry?: number | RetryOptions | undefined;
  /**
   * Most requests this client has on the wire at once, all calls, retries and iterators together:
   * from the moment a request leaves until its reply's head comes in. The others wait their turn,
   * and their `timeout` starts when they leave.
   * @default 6
   */
  readonly concurrency?: number | undefined;
  /** The `fetch` to use, e.g. one with a proxy agent. @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
}

const text = v.pipe(v.string(), v.nonEmpty());

/** The options, checked at construction; errors name the option, never its value. */
export const ManagementClientOptionsSchema = v.strictObject({
  accessKeyId: text,
  accessKeySecret: text,
  host: text,
  auth: v.optional(v.picklist(['signature', 'token']), 'signature'),
  tenantId: v.optional(text),
  lang: v.optional(v.picklist(['zh-CN', 'en-US', 'ja-JP', 'zh-TW']), 'zh-CN'),
  timeout: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), DEFAULT_TIMEOUT),
  maxReplyBytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), DEFAULT_MAX_REPLY_BYTES),
  retry: v.optional(v.union([v.pipe(v.number(), v.integer(), v.minValue(0)), v.looseObject({})])),
  concurrency: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(64)), 6),
  fetch: v.optional(v.function()),
});
