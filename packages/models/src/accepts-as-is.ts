import type * as v from 'valibot';

// The fast path of `parse`/`safeParse`. valibot builds a dataset and a copy of every object it
// checks, which made validating a 50-member page take about twice as long as the JSON.parse of
// the same bytes (issue 14). A reply that is valid comes out of valibot equal to what went in
// (loose objects keep every field, nothing has a default or a transform), so for those schemas a
// walk that only reads is enough. It answers `true` only when valibot would accept the value and
// give it back unchanged; anything else (an invalid value, a schema kind it does not know, a pipe,
// a default to fill in) answers `false`, and valibot then runs as before, with its issues scrubbed
// as before: the fast path never produces an issue, so it cannot echo a value.

/** The parts of a valibot schema the walk reads. */
interface SchemaNode {
  readonly type: string;
  readonly async?: boolean;
  readonly pipe?: unknown;
  readonly default?: unknown;
  readonly fallback?: unknown;
  readonly entries?: Readonly<Record<string, SchemaNode>>;
  readonly item?: SchemaNode;
  readonly wrapped?: SchemaNode;
  readonly options?: readonly unknown[];
  readonly literal?: unknown;
}

// Kinds whose "no" is certain, so that a union of them can be decided option by option in
// valibot's order (a union returns the first option that passes).
const LEAVES = new Set(['string', 'number', 'boolean', 'literal', 'picklist']);
const OPTIONAL = new Set(['optional', 'nullish', 'exact_optional']);
// Own keys valibot does not copy into a loose object's output.
const UNCOPIED = ['__proto__', 'prototype', 'constructor'];

/** Whether a value passes as it is. */
type Check = (input: unknown) => boolean;

// One check per schema, built on first use: schemas are module constants, and a closure per kind
// with its keys listed once is several times faster than reading the schema on every value.
const checks = new WeakMap<object, Check>();
const never: Check = () => false;

/**
 * Whether `input` passes `schema` and valibot's output would be equal to `input` itself, so that
 * validation can return the input without building a copy.
 */
export function acceptsAsIs(schema: v.GenericSchema, input: unknown): boolean {
  return checkOf(schema as unknown as SchemaNode)(input);
}

function checkOf(node: SchemaNode): Check {
  let check = checks.get(node);
  if (!check) {
    check = build(node);
    checks.set(node, check);
  }
  return check;
}

function build(node: SchemaNode): Check {
  if (node.async || node.pipe !== undefined || node.fallback !== undefined) return never;
  switch (node.type) {
    case 'string':
      return (input) => typeof input === 'string';
    case 'number':
      return (input) => typeof input === 'number' && !Number.isNaN(input);
    case 'boolean':
      return (input) => typeof input === 'boolean';
    case 'unknown':
      return () => true;
    case 'literal':
      return (input) => input === node.literal;
    case 'picklist': {
      const options = node.options ?? [];
      return (input) => options.includes(input);
    }
    case 'optional':
    case 'nullish': {
      const wrapped = checkOf(node.wrapped as SchemaNode);
      const absent = node.default === undefined;
      return node.type === 'optional'
        ? (input) => (input === undefined ? absent : wrapped(input))
        : (input) => (input === undefined || input === null ? absent : wrapped(input));
    }
    case 'union':
      return unionCheck(node.options as readonly SchemaNode[]);
    case 'array': {
      const item = checkOf(node.item as SchemaNode);
      return (input) => {
        if (!Array.isArray(input)) return false;
        for (const element of input) if (!item(element)) return false;
        return true;
      };
    }
    case 'loose_object':
      return looseObjectCheck(node.entries as Readonly<Record<string, SchemaNode>>);
    default:
      return never;
  }
}

function unionCheck(options: readonly SchemaNode[]): Check {
  if (
    !options.every(
      (option) => LEAVES.has(option.type) && option.pipe === undefined && option.fallback === undefined,
    )
  ) {
    return never;
  }
  const each = options.map(checkOf);
  return (input) => each.some((check) => check(input));
}

function looseObjectCheck(entries: Readonly<Record<string, SchemaNode>>): Check {
  const keys = Object.keys(entries);
  const values = keys.map((key) => checkOf(entries[key] as SchemaNode));
  // A key may be absent when its schema is optional and has nothing to fill in.
  const mayBeAbsent = keys.map((key) => {
    const entry = entries[key] as SchemaNode;
    return OPTIONAL.has(entry.type) && entry.default === undefined && entry.fallback === undefined;
  });
  const uncopied = UNCOPIED.filter((key) => !Object.hasOwn(entries, key));
  return (input) => {
    // valibot also takes arrays and class instances as objects, but copies them into plain ones.
    if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) {
      return false;
    }
    const record = input as Record<string, unknown>;
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] as string;
      if (key in record) {
        if (!(values[index] as Check)(record[key])) return false;
      } else if (!mayBeAbsent[index]) return false;
    }
    for (const key of uncopied) if (Object.hasOwn(record, key)) return false;
    return true;
  };
}
