/** One problem found while validating, described without the value that was received. */
export interface ValidationIssue {
  /**
   * Where the problem is, e.g. `data.list[3].status` or `limit`; `""` for the value itself.
   * @example 'data.list[3].identities[0].provider'
   */
  readonly path: string;
  /**
   * What the schema expected there, e.g. `string`, `Array`, `<=50`, `("user_id" | "email")`,
   * `an integer`, `a value` (a required field is missing) or `no such field` (an unknown one).
   */
  readonly expected: string;
  /** The path and the problem in one line, e.g. `limit: expected <=50`, `code: missing`, `limt: unknown field`. */
  readonly message: string;
}

/**
 * An issue at `path` (`""` for the value itself), its message the path and the problem in one
 * line; the problem is `expected <expected>` unless told (`missing`, `unknown field`).
 *
 * @example validationIssue('limit', '<=50'); // { path: 'limit', expected: '<=50', message: 'limit: expected <=50' }
 */
export function validationIssue(
  path: string,
  expected: string,
  problem = `expected ${expected}`,
): ValidationIssue {
  return { path, expected, message: path ? `${path}: ${problem}` : problem };
}

/** How many issues the error message lists before it summarises the rest. */
const LISTED_ISSUES = 5;

/**
 * A value did not match its schema: invalid parameters (thrown before any request is sent) or a
 * reply from the server that does not have the documented shape.
 *
 * The message and {@link ValidationError.issues} say where and what was expected, and never
 * contain the received value: a reply can carry tokens and a request can carry a secret.
 *
 * @example
 * try {
 *   parse(ListGroupsDto, { limit: 51 }, 'listGroups parameters');
 * } catch (error) {
 *   if (isValidationError(error)) console.log(error.message);
 *   // Invalid listGroups parameters: limit: expected <=50
 * }
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';

  /** What was validated, e.g. `listGroups parameters` or `GET /api/v3/list-groups reply`. */
  declare readonly subject: string;

  /** Every problem found, in document order. Never empty. */
  declare readonly issues: readonly ValidationIssue[];

  constructor(subject: string, issues: readonly ValidationIssue[]) {
    const listed = issues
      .slice(0, LISTED_ISSUES)
      .map((issue) => issue.message)
      .join('; ');
    const more = issues.length > LISTED_ISSUES ? `; and ${issues.length - LISTED_ISSUES} more` : '';
    super(`Invalid ${subject}: ${listed}${more}`);
    Object.assign(this, { subject, issues });
  }
}

/**
 * Whether `error` is a {@link ValidationError}. Checks the `name`, so it also works across realms
 * and across duplicate copies of this package.
 */
export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof Error && error.name === 'ValidationError';
}
