import { ValidationError, type ValidationIssue } from '@genauth-groups/core';

// The options are checked by hand rather than with a valibot schema: it is the same check, in the
// words of the reply schemas' errors (`expected >=1`, `missing`, `unknown field`), for about half
// the bytes of the valibot actions it would pull into every app (issue 14).

/** The expectation a value does not meet, or `undefined` when it is fine. */
type Check = (value: unknown) => string | undefined;

const string: Check = (value) => (typeof value === 'string' ? undefined : 'string');
const nonEmpty: Check = (value) => string(value) ?? (value ? undefined : 'a non-empty value');
const object: Check = (value) => (typeof value === 'object' && value !== null ? undefined : 'Object');
const fn: Check = (value) => (typeof value === 'function' ? undefined : 'Function');
const integer =
  (min: number): Check =>
  (value) =>
    typeof value !== 'number' || Number.isNaN(value)
      ? 'number'
      : Number.isInteger(value)
        ? value < min
          ? `>=${min}`
          : undefined
        : 'an integer';
const LANGS = ['zh-CN', 'en-US', 'ja-JP', 'zh-TW'];

/** An access token: a non-empty string, or the function that returns one. */
const token: Check = (value) =>
  typeof value === 'function'
    ? undefined
    : typeof value === 'string'
      ? nonEmpty(value)
      : '(string | Function)';

// Every option of AuthenticationClientOptions, in its order; the first two are required.
const OPTIONS: Readonly<Record<string, Check>> = {
  appId: nonEmpty,
  appHost: string,
  accessToken: token,
  lang: (value) => (LANGS.includes(value as string) ? undefined : '("zh-CN" | "en-US" | "ja-JP" | "zh-TW")'),
  timeout: integer(1),
  retry: (value) =>
    object(value) === undefined
      ? undefined
      : typeof value === 'number'
        ? integer(0)(value)
        : '(number | Object)',
  fetch: fn,
  hooks: object,
};
const REQUIRED = ['appId', 'appHost'];

/** A problem with an option, in the words of a `ValidationIssue` (`appId: missing`). */
export function issue(path: string, expected: string, problem = `expected ${expected}`): ValidationIssue {
  return { path, expected, message: path ? `${path}: ${problem}` : problem };
}

/**
 * Checks the options of an `AuthenticationClient` before anything is sent.
 *
 * @throws {ValidationError} naming each option that is missing, unknown or of the wrong kind,
 *   never its value (the access token is one).
 */
export function checkOptions(options: unknown): void {
  const issues: ValidationIssue[] = [];
  if (typeof options !== 'object' || options === null) issues.push(issue('', 'Object'));
  else {
    for (const [key, check] of Object.entries(OPTIONS)) {
      const value = (options as Record<string, unknown>)[key];
      if (value !== undefined) {
        const expected = check(value);
        if (expected) issues.push(issue(key, expected));
      } else if (REQUIRED.includes(key)) issues.push(issue(key, 'a value', 'missing'));
    }
    for (const key of Object.keys(options)) {
      if (!Object.hasOwn(OPTIONS, key)) issues.push(issue(key, 'no such field', 'unknown field'));
    }
  }
  if (issues.length > 0) throw new ValidationError('AuthenticationClient options', issues);
}

/**
 * Checks an access token given to `setAccessToken`.
 *
 * @throws {ValidationError} when it is neither a non-empty string nor a function; never with its value.
 */
export function checkToken(value: unknown): void {
  const expected = token(value);
  if (expected) throw new ValidationError('access token', [issue('', expected)]);
}
