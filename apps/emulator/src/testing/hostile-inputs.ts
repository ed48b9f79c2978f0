/**
 * fast-check arbitraries for hostile requests, built from an endpoint's parameter schema so that
 * every row of the endpoint table gets them, a new one included. Values mix what a real client
 * sends (codes and users of the demo data, in-range numbers) with what an attacker or a broken
 * client sends (NUL, lone surrogates, FTS and SQL syntax, texts around and far past the bounds,
 * wrong types, nesting a hundred thousand levels deep, unknown fields).
 *
 * @module
 */
import type { Endpoint } from '@genauth-groups/models';
import fc from 'fast-check';
import type * as v from 'valibot';

/** Arrays nested `depth` levels deep, written out by {@link toJson} without recursion. */
export class Deep {
  readonly depth: number;

  constructor(depth: number) {
    this.depth = depth;
  }
}

/** Texts that have broken, or could break, a parser, a query or a store. */
const TRICKY_TEXTS = [
  '',
  ' ',
  '\0',
  'dev\0ops',
  '\ud800',
  '\udfff\ud800',
  '"',
  '""',
  '\\',
  '%',
  '%00',
  '%zz',
  '&page=0',
  '+',
  '*',
  'NEAR(dev ops)',
  'dev OR ops',
  '" OR 1=1 --',
  "'; DROP TABLE groups; --",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '\t\r\n',
  '😀'.repeat(100),
  'İı',
  'ß',
];

/** What real clients send, so that many requests get past validation to the handlers and the store. */
const PLAUSIBLE_TEXTS = [
  'ops',
  'developer',
  'all-staff',
  'contractors',
  'rd-center',
  'dev',
  'default',
  'billing',
  'DATA',
  'static',
  'alice',
  'alice@example.com',
  'Passw0rd!',
  'username',
  'user_id',
  '65f0b3c4d5e6f7a8b9c0d1e1',
];

/** `date` headers that must never authenticate a signature, however well it is signed. */
const BAD_SIGNATURE_DATES = [
  'Mon, 99 Jan 2026 99:99:99 GMT',
  'Thu, 01 Jan 1970 00:00:00 GMT',
  'Fri, 31 Dec 9999 23:59:59 GMT',
  '0',
  '-1',
  '9999999999999999',
  'yesterday',
  '',
];

/** Characters that parsers, query languages and stores treat specially. */
const SPECIAL_CHARACTERS = [
  '\0',
  '"',
  "'",
  '\\',
  '%',
  '*',
  '&',
  '=',
  '+',
  '\ud800',
  '\udc00',
  '\n',
  'é',
  '😀',
  ' ',
  'a',
];

/** Any text, hostile or not. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.constantFrom(...SPECIAL_CHARACTERS), minLength: 1, maxLength: 12 }),
  },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY_TEXTS) },
  // Around the emulator's bounds (256, 1024, 2048) and well past them.
  fc.integer({ min: 200, max: 20_000 }).map((length) => 'x'.repeat(length)),
  fc.constant('y'.repeat(600_000)),
);

/** Any JSON value, hostile or not. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 5 }),
  fc.dictionary(hostileText, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  fc.integer({ min: 30, max: 100_000 }).map((depth) => new Deep(depth)),
);

type Schema = v.GenericSchema & {
  readonly wrapped?: Schema;
  readonly entries?: Readonly<Record<string, Schema>>;
  readonly options?: readonly unknown[];
  readonly literal?: unknown;
  readonly item?: Schema;
};

/** A value for a field of this schema: what it expects, most of the time, or anything at all. */
function fieldValue(schema: Schema): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: plausible(schema) }, { weight: 2, arbitrary: hostileValue });
}

function plausible(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.wrapped) return plausible(schema.wrapped);
  if (schema.entries) return objectFor(schema);
  switch (schema.type) {
    case 'number':
      return fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom(0, -1, 51, 1e9, 1.5));
    case 'boolean':
      return fc.boolean();
    case 'picklist':
      return fc.constantFrom(...(schema.options ?? []));
    case 'literal':
      return fc.constant(schema.literal);
    case 'array':
      return fc.array(schema.item ? plausible(schema.item) : hostileText, { maxLength: 4 });
    case 'record':
      return fc.dictionary(fc.constantFrom('tier', 'budget', 'note'), fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: 3,
      });
    default:
      return fc.oneof(fc.constantFrom(...PLAUSIBLE_TEXTS), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/));
  }
}

/** An object for an object schema: any subset of its fields, now and then with unknown ones. */
function objectFor(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    Object.entries(schema.entries ?? {}).map(([name, entry]) => [name, fieldValue(entry)]),
  );
  const unknownFields = fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 }),
  );
  return fc
    .tuple(fc.record(model, { requiredKeys: [] }), unknownFields)
    .map(([known, unknown]) => ({ ...unknown, ...known }));
}

/** How a generated request authenticates. */
export type AuthMode = 'valid' | 'signature' | 'none' | 'garbage';

/** One generated request to an endpoint. */
export interface HostileRequest {
  readonly auth: AuthMode;
  /** A printable `authorization` header, for `garbage`. */
  readonly garbage: string;
  /**
   * With `signature`: a `date` header that is not a time within the window (impossible, far off,
   * not a date), signed as it is; `undefined` signs the current time.
   */
  readonly signatureDate: string | undefined;
  /** The query of a GET: each value is a text, as on the wire. */
  readonly query: Readonly<Record<string, string>>;
  /** The body of a POST: a parsed value written with {@link toJson}, or raw text that may not be JSON. */
  readonly body: { readonly json: unknown } | { readonly raw: string };
  readonly contentType: string | undefined;
  readonly lang: string | undefined;
}

/** Requests to `endpoint`: its parameters and body, how it authenticates, and a few headers. */
export function hostileRequest(endpoint: Endpoint): fc.Arbitrary<HostileRequest> {
  const params: fc.Arbitrary<Record<string, unknown>> = endpoint.params
    ? objectFor(endpoint.params as Schema)
    : fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 3 });
  return fc.record({
    auth: fc.constantFrom<AuthMode>('valid', 'valid', 'valid', 'signature', 'none', 'garbage'),
    garbage: fc.stringMatching(/^[\x20-\x7e]{0,80}$/),
    signatureDate: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      fc.constantFrom(...BAD_SIGNATURE_DATES),
    ),
    query: params.map((fields) =>
      Object.fromEntries(
        Object.entries(fields).map(([name, value]) => [
          name,
          typeof value === 'string' ? value : toJson(value),
        ]),
      ),
    ),
    body: fc.oneof(
      { weight: 4, arbitrary: params.map((json) => ({ json })) },
      hostileValue.map((json) => ({ json })),
      hostileText.map((raw) => ({ raw })),
    ),
    contentType: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      undefined,
    ),
    lang: fc.constantFrom(undefined, 'en-US', 'zh-CN', 'xx'),
  });
}

/**
 * Values that wedged or crashed the emulator once (issue 11): NUL, 15 000 and 600 000 characters,
 * nesting 100 000 levels deep.
 */
const KNOWN_KILLERS: readonly unknown[] = [
  'dev\0ops',
  'k'.repeat(15_000),
  'n'.repeat(600_000),
  new Deep(100_000),
];

/**
 * For each field of the endpoint's parameters and each known killer value, an authenticated
 * request whose other fields are valid, so that the killer reaches as far as it can. Run before
 * the random ones (fast-check `examples`): what was found once stays found on every endpoint.
 */
export function knownKillerRequests(endpoint: Endpoint): HostileRequest[] {
  const schema = endpoint.params as Schema | undefined;
  const base = schema ? validParams(schema) : {};
  const fields = schema?.entries ? Object.keys(schema.entries) : ['anything'];
  return fields.flatMap((field) =>
    KNOWN_KILLERS.map((killer) => {
      const params = { ...base, [field]: killer };
      return {
        auth: 'valid' as const,
        garbage: '',
        signatureDate: undefined,
        query: Object.fromEntries(
          Object.entries(params).map(([name, value]) => [
            name,
            typeof value === 'string' ? value : toJson(value),
          ]),
        ),
        body: { json: params },
        contentType: 'application/json',
        lang: undefined,
      };
    }),
  );
}

/** Parameters the schema accepts: every field, with a value of its type. */
function validParams(schema: Schema): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema.entries ?? {}).map(([name, entry]) => [name, validValue(entry)]),
  );
}

function validValue(schema: Schema): unknown {
  if (schema.wrapped) return validValue(schema.wrapped);
  if (schema.entries) return validParams(schema);
  switch (schema.type) {
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'picklist':
      return schema.options?.[0];
    case 'literal':
      return schema.literal;
    case 'array':
      return [];
    case 'record':
      return {};
    default:
      return 'abuse-killer';
  }
}

/** JSON text of a generated value; {@link Deep} values are written out iteratively. */
export function toJson(value: unknown): string {
  if (value instanceof Deep) return `${'['.repeat(value.depth)}${']'.repeat(value.depth)}`;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value).map(([name, item]) => `${JSON.stringify(name)}:${toJson(item)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
