import { createHmac } from 'node:crypto';
import { ApiError } from '../http/api-error.ts';
import type { MessageKey } from '../http/messages.ts';
import type { NonceCache } from './nonce-cache.ts';
import { sameSecret } from './same-secret.ts';

/** The parts of a request that its signature covers. */
export interface SignedRequest {
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  /** The query, decoded. */
  readonly query: URLSearchParams;
  /** The parsed JSON body of a request other than GET; `undefined` when there is none. */
  readonly body: unknown;
  readonly headers: Headers;
}

/** The key pair a signature must be made with. */
export interface AccessKey {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** The checks around the signature itself. */
export interface SignatureCheck {
  /** The server's time, ms since the epoch. */
  readonly now: number;
  /** How far a request's timestamp may be from `now`, either way, in ms. */
  readonly windowMs: number;
  readonly nonces: NonceCache;
}

const AUTHORIZATION = /^authing\s+([^:\s]+):(\S+)$/i;
const RFC_1123 =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Whether an `authorization` header is an HMAC signature (`authing <AK>:<signature>`) rather than a token. */
export function isSignature(authorization: string): boolean {
  return /^authing\s/i.test(authorization);
}

/**
 * Verifies the HMAC-SHA1 signature of authing-node-sdk 3.x-4.x exactly as contract 5.3 describes,
 * and records its nonce.
 *
 * @throws {ApiError} 401 with apiCode 1300 (bad signature, unknown key or no nonce), 1301 (method), 1302
 *   (version), 1303 (unreadable timestamp), 1304 (no timestamp), 1305 (timestamp outside the
 *   window) or 1306 (nonce already used).
 */
export function verifySignature(
  request: SignedRequest,
  authorization: string,
  key: AccessKey,
  check: SignatureCheck,
): void {
  const [, accessKeyId, signature] = AUTHORIZATION.exec(authorization.trim()) ?? [];
  if (!signature || accessKeyId !== key.accessKeyId) throw refusal(1300, 'signatureInvalid');
  const { headers } = request;
  if (headers.get('x-authing-signature-method') !== 'HMAC-SHA1') throw refusal(1301, 'signatureMethod');
  if (headers.get('x-authing-signature-version') !== '1.0') throw refusal(1302, 'signatureVersion');
  const timestamp = timestampOf(headers);
  if (Math.abs(check.now - timestamp) > check.windowMs) throw refusal(1305, 'signatureExpired');
  // Every signing SDK sends a nonce (Node 0.0.20+, Java 3.0-3.1.3, C#; contract 5.3): without
  // one, the replay check could not work and a captured request would stay valid for the whole window.
  const nonce = headers.get('x-authing-signature-nonce');
  if (!nonce) throw refusal(1300, 'signatureNonceMissing');
  const nonceKey = `${accessKeyId}:${nonce}`;
  if (check.nonces.has(nonceKey, check.now)) throw refusal(1306, 'signatureReplayed');

  const expected = createHmac('sha1', key.accessKeySecret)
    .update(stringToSign(request), 'utf8')
    .digest('base64');
  if (!sameSecret(signature, expected)) throw refusal(1300, 'signatureInvalid');
  check.nonces.add(nonceKey, timestamp + check.windowMs);
}

/**
 * The string the SDK signs: method, canonical headers (every `x-authing-*` header and `date`,
 * sorted), and the path with its parameters sorted and **decoded** (contract 5.3, finding 4).
 */
export function stringToSign(request: SignedRequest): string {
  const headers = [...request.headers]
    .filter(([name]) => name.startsWith('x-authing-') || name === 'date')
    .sort(([a], [b]) => compare(a, b))
    .map(([name, value]) => `${name}:${value.replace(/[\t\n\r\f]/g, ' ').trim()}\n`)
    .join('');
  return `${request.method}\n${headers}${canonicalResource(request)}`;
}

/**
 * The path and its parameters: the query of a GET, the top-level body fields of other methods, as
 * the SDK passes `config.params` or `config.data`. Objects and arrays are JSON, the rest as text.
 * (When every parameter is `undefined` the SDK signs `path?`; no group method does that.)
 */
function canonicalResource({ method, path, query, body }: SignedRequest): string {
  const params: [string, string][] =
    method === 'GET'
      ? [...query]
      : isObject(body)
        ? Object.entries(body).map(([name, value]) => [
            name,
            typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
          ])
        : [];
  if (params.length === 0) return path;
  params.sort(([a], [b]) => compare(a, b));
  return `${path}?${params.map(([name, value]) => `${name}=${value}`).join('&')}`;
}

/** The request time: RFC 1123 (Node SDK) or epoch ms (Java <= 3.1.3, C#) in `date`, or epoch ms in `x-authing-date`. */
function timestampOf(headers: Headers): number {
  const value = headers.get('date') ?? headers.get('x-authing-date');
  if (value === null) throw refusal(1304, 'signatureDateMissing');
  if (/^\d{1,16}$/.test(value)) return Number(value);
  // The pattern admits impossible dates (day 99, hour 99): Date.parse gives NaN, which every window
  // comparison would let through, and a nonce remembered until NaN would be forgotten at once.
  const parsed = RFC_1123.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed)) throw refusal(1303, 'signatureDateFormat');
  return parsed;
}

function refusal(apiCode: number, key: MessageKey): ApiError {
  return new ApiError(401, key, { apiCode });
}

/** JavaScript's default sort order (UTF-16 code units), which the SDK uses. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
