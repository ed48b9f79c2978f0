/**
 * The client fault matrix: the faults a flaky network and a struggling server produce (the
 * emulator's fault types), and the checks every outcome must pass: a typed error of the clients,
 * carrying no secret in its message, stack, `cause` chain or JSON. Each client's suite runs its
 * calls through these.
 *
 * @module
 */

/** One way a reply goes wrong, as the emulator's fault injection spells it. */
export interface FaultCase {
  readonly name: string;
  /** The fault, as `emulator.faults.queue()` takes it. */
  readonly fault: { readonly type: string; readonly [option: string]: unknown };
  /** The error class when the fault persists through every retry. */
  readonly persistent: 'ApiError' | 'NetworkError' | 'ValidationError' | 'TimeoutError';
}

/**
 * The faults of the matrix. Retry-After is 0 s, so that retries do not wait: the one case that
 * waits (1 s, to see it honoured) is each suite's own.
 */
export const FAULT_CASES = [
  { name: 'HTTP 500', fault: { type: 'http-error', status: 500 }, persistent: 'ApiError' },
  { name: 'HTTP 502', fault: { type: 'http-error', status: 502 }, persistent: 'ApiError' },
  { name: 'HTTP 503', fault: { type: 'http-error', status: 503 }, persistent: 'ApiError' },
  { name: 'body statusCode 500', fault: { type: 'envelope-error', statusCode: 500 }, persistent: 'ApiError' },
  { name: 'body statusCode 503', fault: { type: 'envelope-error', statusCode: 503 }, persistent: 'ApiError' },
  {
    name: 'HTTP 429 + Retry-After: 0',
    fault: { type: 'rate-limit', level: 'http', retryAfterSeconds: 0 },
    persistent: 'ApiError',
  },
  {
    name: 'body statusCode 429 + Retry-After: 0',
    fault: { type: 'rate-limit', level: 'body', retryAfterSeconds: 0 },
    persistent: 'ApiError',
  },
  { name: 'body cut off', fault: { type: 'truncated-body' }, persistent: 'NetworkError' },
  { name: 'body not JSON', fault: { type: 'malformed-body' }, persistent: 'ValidationError' },
  { name: 'connection reset', fault: { type: 'drop-connection' }, persistent: 'NetworkError' },
] as const satisfies readonly FaultCase[];

/** The errors a client may throw for a failed call. */
export const TYPED_ERRORS: readonly string[] = [
  'ApiError',
  'NetworkError',
  'TimeoutError',
  'UnknownOutcomeError',
  'ValidationError',
];

/** Whether `error` is one of the clients' typed errors (by name, as their guards check). */
export function isTypedFailure(error: unknown): boolean {
  return error instanceof Error && TYPED_ERRORS.includes(error.name) && !(error instanceof TypeError);
}

/**
 * Where any of `secrets` shows in `error`: its message, stack, JSON and every error of its
 * `cause` chain (message, stack, `String()`, JSON). `[]` when none does.
 */
export function secretLeaks(error: unknown, secrets: readonly string[]): string[] {
  const leaks: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    const texts: Record<string, string> = { string: String(current), json: safeJson(current) };
    if (current instanceof Error) {
      texts.message = current.message;
      texts.stack = current.stack ?? '';
    }
    for (const [where, text] of Object.entries(texts)) {
      for (const secret of secrets) {
        if (secret && text.includes(secret)) leaks.push(`cause[${depth}].${where} holds a secret`);
      }
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return leaks;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/**
 * The credentials a request carried, for {@link secretLeaks}: the value of its `authorization`
 * header with and without its scheme, and a JSON body's `accessKeySecret`.
 */
export async function credentialsOf(request: Request): Promise<string[]> {
  const found: string[] = [];
  const authorization = request.headers.get('authorization');
  if (authorization) found.push(authorization, authorization.replace(/^\S+ /, ''));
  const body = await request.clone().text();
  const secret = /"accessKeySecret":"([^"]+)"/.exec(body)?.[1];
  if (secret) found.push(secret);
  return found;
}
