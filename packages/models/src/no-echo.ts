import * as v from 'valibot';

// What a validation action expects when valibot gives no `expected` text of its own.
const ACTION_EXPECTATIONS: Readonly<Record<string, string>> = {
  integer: 'an integer',
  non_empty: 'a non-empty value',
};

/**
 * What an issue expected, and its problem in words (`expected <=50`, `missing`, `unknown field`),
 * from the schema alone: nothing of the received value.
 */
export function describeIssue(
  issue: Pick<v.BaseIssue<unknown>, 'kind' | 'type' | 'expected' | 'received'>,
): [expected: string, problem: string] {
  // `object`, `loose_object` and `strict_object`.
  if (issue.type.endsWith('object')) {
    // valibot reports a missing key as expecting the key's quoted name, and a key that a strict
    // object does not allow as expecting `never`; the key itself is in the path.
    if (issue.expected === 'never') return ['no such field', 'unknown field'];
    if (issue.expected?.startsWith('"')) return ['a value', 'missing'];
  }
  const expected = ACTION_EXPECTATIONS[issue.type] ?? issue.expected ?? issue.type;
  // A key present with `undefined` (an unset environment variable, say) is as missing as an absent
  // one. `received`, not `input`: a scrubbed issue no longer holds its input.
  if (issue.kind === 'schema' && issue.received === 'undefined') return [expected, 'missing'];
  return [expected, `expected ${expected}`];
}

/** The kind of a value, never the value: what a scrubbed issue says it received. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  return typeof value === 'object' ? 'Object' : typeof value;
}

/** An issue as {@link scrub} rewrites it. */
type Scrubbed = Omit<v.BaseIssue<unknown>, 'input' | 'received' | 'message'> & {
  input?: unknown;
  received: string;
  message: string;
};

/**
 * Takes out of an issue, in place, anything of the received value: valibot's own `message` and
 * `received` quote it, `input` is the value itself and each path item holds the object and the
 * value it crossed. An issue without `input` is already scrubbed (by an inner schema): an
 * enclosing schema only clears the path items it added.
 */
function scrub(issue: Scrubbed): void {
  if ('input' in issue) {
    issue.received = kindOf(issue.input);
    delete issue.input;
    issue.message = describeIssue(issue)[1];
    (issue.issues as Scrubbed[] | undefined)?.forEach(scrub);
  }
  for (const item of issue.path ?? []) Object.assign(item, { input: undefined, value: undefined });
}

/**
 * The schema, keeping the package's no-echo promise however it is called: `parse`/`safeParse`
 * of this package, valibot's own `v.parse`/`v.safeParse`, or the Standard Schema door
 * (`schema['~standard'].validate`, which ky and other libraries use). Its issues say where and
 * what was expected, never what was received: a reply can carry tokens, a request a secret.
 * Every schema this package exports is wrapped so.
 */
/* @__NO_SIDE_EFFECTS__ */
export function noEcho<const TSchema extends v.GenericSchema>(schema: TSchema): TSchema {
  return v._standardSchema<TSchema>({
    ...schema,
    '~run'(dataset, config) {
      const result = schema['~run'](dataset, config);
      (result.issues as Scrubbed[] | undefined)?.forEach(scrub);
      return result;
    },
  } as Omit<TSchema, '~standard'>);
}
