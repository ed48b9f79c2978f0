/**
 * Where the model writes its log. The editor's `LogOutputChannel` fits as is; tests pass an array
 * logger. Messages must already be free of secrets: wrap the target in {@link redactingLog}.
 */
export interface Log {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const MASK = '***';

// Credentials that can show up in text even though nothing here logs requests on purpose: a
// management token (a JWT), an Authorization header value (bearer token or request signature), and
// secret-looking JSON or query fields.
const RULES: readonly (readonly [RegExp, string])[] = [
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, MASK],
  [/\b(Bearer)\s+[\w.~+/=-]{8,}/gi, `$1 ${MASK}`],
  [/\b(authing|GenAuth)\s+[\w-]+:[\w+/=]+/gi, `$1 ${MASK}`],
  [
    /\b(access_?key_?secret|access_?token|refresh_?token|secret|password)("?\s*[:=]\s*"?)[^"\s,&}]+/gi,
    `$1$2${MASK}`,
  ],
];

/**
 * Removes secrets from log text: every secret value it was told about, and anything shaped like a
 * token or credential field, whether or not it was told.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Masks `secret` wherever it appears from now on. */
  add(secret: string): void {
    if (secret) this.#secrets.add(secret);
  }

  /** `text` with every known secret and credential-shaped value replaced by `***`. */
  redact(text: string): string {
    let result = text;
    // Longest first, so that a secret containing another is masked whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join(MASK);
    }
    for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
    return result;
  }
}

/** A {@link Log} that passes every message through `redactor` before `target` sees it. */
export function redactingLog(target: Log, redactor: Redactor): Log {
  return {
    debug: (message) => target.debug(redactor.redact(message)),
    info: (message) => target.info(redactor.redact(message)),
    warn: (message) => target.warn(redactor.redact(message)),
    error: (message) => target.error(redactor.redact(message)),
  };
}
