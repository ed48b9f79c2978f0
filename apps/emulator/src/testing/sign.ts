/**
 * Signs requests to an emulator the way authing-node-sdk 4.x does, with the SDK's own signer as
 * an independent oracle (contract 5.3).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { buildAuthorization, buildStringToSign } from 'authing-node-sdk/dist/utils/buildSignature.js';
import type { Emulator } from '../emulator.ts';

/** What to sign besides method and path. */
export interface SignOptions {
  /** The query of a GET, the JSON body of other methods. @default {} */
  readonly params?: Readonly<Record<string, unknown>>;
  /** The nonce; `null` sends none. @default 32 random hex characters */
  readonly nonce?: string | null;
  /** The request's time. @default now */
  readonly date?: Date;
  /** The `date` header as sent, when it is not a time (an impossible date, epoch ms...); wins over `date`. */
  readonly dateHeader?: string | undefined;
}

/** The headers of a signed request, `authorization` and `content-type` included. */
export function signedHeaders(
  emulator: Emulator,
  method: string,
  path: string,
  options: SignOptions = {},
): Record<string, string> {
  const nonce = options.nonce === undefined ? randomBytes(16).toString('hex') : options.nonce;
  const headers: Record<string, string> = {
    date: options.dateHeader ?? (options.date ?? new Date()).toUTCString(),
    'x-authing-lang': 'zh-CN',
    'x-authing-sdk-version': 'authing-node-sdk:4.0.1',
    'x-authing-signature-method': 'HMAC-SHA1',
    ...(nonce === null ? {} : { 'x-authing-signature-nonce': nonce }),
    'x-authing-signature-version': '1.0',
  };
  const { accessKeyId, accessKeySecret } = emulator.credentials;
  const stringToSign = buildStringToSign(method, path, headers, { ...options.params });
  return {
    ...headers,
    'content-type': 'application/json',
    authorization: buildAuthorization(accessKeyId, accessKeySecret, stringToSign),
  };
}
