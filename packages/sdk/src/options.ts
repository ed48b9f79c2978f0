import { ValidationError, type ValidationIssue, validationIssue } from '@genauth-groups/models';

// The options are checked by hand rather than with a valibot schema: it is the same check, in the
// words of the reply schemas' errors (`expected >=1`, `missing`, `unknown field`), for about half
// the bytes of the valibot actions it would pull into every app (issue 14).

/** The expectation a value does not meet, or `undefined` when it is fine. */
type Check = (value: unknown) => string | undefined;

/** A value whose `typeof` is `type`, described as `expected`. */
const is =
  (type: string, expected: string): Check =>
  (value) =>
    typeof value === type && value !== null ? undefined : expected;
const string = is('string', 'string');
const object = is('object', 'Object');
const nonEmpty: Check = (value) => string(value) ?? (value ? undefined : 'a non-empty value');
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
  typeof value === 'function' ? undefined : string(value) ? '(string | Function)' : nonEmpty(value);

// Every option of AuthenticationClientOptions, in its order; the first two are required.
const OPTIONS: Readonly<Record<string, Check>> = {
  appId: nonEmpty,
  appHost: string,
  accessToken: token,
  lang: (value) => (LANGS.includes(value as string) ? undefined : '("zh-CN" | "en-US" | "ja-JP" | "zh-TW")'),
  timeout: integer(1),
  retry: (value) => object(value) && (typeof value === 'number' ? integer(0)(value) : '(number | Object)'),
  fetch: is('function', 'Function'),
  hooks: object,
};
const REQUIRED = ['appId', 'appHost'];

/**
 * Checks the options of an `AuthenticationClient` before anything is sent.
 *
 * @throws {ValidationError} naming each option that is missing, unknown or of the wrong kind,
 *   never its value (the access token is one).
 */
export function checkOptions(options: unknown): void {
  const issues: ValidationIssue[] = [];
  const expected = object(options);
  if (expected) issues.push(validationIssue('', expected));
  else {
    for (const [key, check] of Object.entries(OPTIONS)) {
      const value = (options as Record<string, unknown>)[key];
      const problem = value === undefined ? REQUIRED.includes(key) && 'a value' : check(value);
      if (problem) issues.push(validationIssue(key, problem, value === undefined ? 'missing' : undefined));
    }
    for (const key of Object.keys(options as object)) {
      if (!Object.hasOwn(OPTIONS, key)) issues.push(validationIssue(key, 'no such field', 'unknown field'));
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
  if (expected) throw new ValidationError('access token', [validationIssue('', expected)]);
}
