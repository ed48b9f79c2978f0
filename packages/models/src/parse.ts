import * as v from 'valibot';
import { acceptsAsIs } from './accepts-as-is.ts';
import { describeIssue } from './no-echo.ts';
import { ValidationError, type ValidationIssue, validationIssue } from './validation-error.ts';

/** The outcome of {@link safeParse}. */
export type SafeParseResult<TSchema extends v.GenericSchema> =
  | { readonly success: true; readonly output: v.InferOutput<TSchema> }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

/**
 * Validates `input` against one of this package's schemas and returns the typed output, with
 * defaults filled in and unknown reply fields kept.
 *
 * @param subject What is validated, for the error message. @default 'value'
 * @throws {ValidationError} listing each problem's path and expectation, never the received value.
 *
 * @example
 * const reply = parse(GroupPaginatedRespDto, await response.json(), 'list-groups reply');
 */
export function parse<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  subject = 'value',
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.issues) throw new ValidationError(subject, result.issues.map(toIssue));
  return result.output;
}

/**
 * {@link parse} for large replies: a valid plain value (as `JSON.parse` gives it) that needs
 * nothing filled in is returned as it is, without valibot's copy, in about a third of the time;
 * anything else goes through {@link parse}, with the same errors. It costs about 0.5 KB
 * min+gzip in a bundle, which is why it is a separate function.
 *
 * @throws {ValidationError} as {@link parse}.
 *
 * @example
 * const page = parseFast(UserPaginatedRespDto, JSON.parse(text), 'list-group-members reply');
 */
export function parseFast<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  subject = 'value',
): v.InferOutput<TSchema> {
  return acceptsAsIs(schema, input) ? (input as v.InferOutput<TSchema>) : parse(schema, input, subject);
}

/**
 * Like {@link parse}, but returns the issues instead of throwing.
 *
 * @example
 * const result = safeParse(ListGroupsDto, { limit: 51 });
 * if (!result.success) result.issues; // [{ path: 'limit', expected: '<=50', message: 'limit: expected <=50' }]
 */
export function safeParse<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): SafeParseResult<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.success) return { success: true, output: result.output };
  return { success: false, issues: result.issues.map(toIssue) };
}

/**
 * Rewrites a valibot issue without what it holds of the input: valibot's own `message` and
 * `received` quote the value, and `input` is the value itself.
 */
function toIssue(issue: v.BaseIssue<unknown>): ValidationIssue {
  return validationIssue(formatPath(issue.path), ...describeIssue(issue));
}

/** `data.list[3].status`: dots between keys, brackets for indexes and keys that are not identifiers. */
function formatPath(path: v.BaseIssue<unknown>['path']): string {
  let text = '';
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}
