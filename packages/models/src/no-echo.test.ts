import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as models from './index.ts';
import { noEcho } from './no-echo.ts';
import { safeParse } from './parse.ts';

// Every schema the package exports, called through every door (valibot's own functions, the
// Standard Schema interface, this package's parse), with wrong values that hold a secret at each
// level: no issue, message or error may hold the secret.
const SECRET = 'gho_NoEchoSecret4f9a';
const SECRET_NUMBER = 917346285301;
const leaks = (value: unknown) => {
  const text = JSON.stringify(value) ?? '';
  return text.includes(SECRET) || text.includes(String(SECRET_NUMBER));
};

const schemas = Object.entries(models as Record<string, unknown>).filter(
  (entry): entry is [string, v.GenericSchema] =>
    typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as { kind?: unknown }).kind === 'schema',
);

/** A value of the schema's shape where every leaf has the wrong type and holds the secret. */
function wrongEverywhere(schema: v.GenericSchema, depth = 0): unknown {
  const node = schema as v.GenericSchema & {
    wrapped?: v.GenericSchema;
    entries?: Record<string, v.GenericSchema>;
    item?: v.GenericSchema;
    options?: readonly unknown[];
  };
  if (depth > 6) return SECRET_NUMBER;
  if (node.wrapped) return wrongEverywhere(node.wrapped, depth + 1);
  if (node.entries) {
    return Object.fromEntries(
      Object.entries(node.entries).map(([key, entry]) => [key, wrongEverywhere(entry, depth + 1)]),
    );
  }
  if (node.item) return [wrongEverywhere(node.item, depth + 1), SECRET_NUMBER];
  // A string where a number, boolean or closed set of strings is expected; a number elsewhere.
  return node.type === 'string' || node.type === 'union' ? SECRET_NUMBER : SECRET;
}

function wrongValues(schema: v.GenericSchema): unknown[] {
  const entries = (schema as { entries?: Record<string, unknown> }).entries ?? {};
  return [
    SECRET,
    SECRET_NUMBER,
    [SECRET],
    Object.fromEntries(Object.keys(entries).map((key) => [key, SECRET])),
    Object.fromEntries(Object.keys(entries).map((key) => [key, SECRET_NUMBER])),
    wrongEverywhere(schema),
  ];
}

it('finds the exported schemas', () => {
  expect(schemas.map(([name]) => name)).toEqual(expect.arrayContaining(['UserDto', 'GroupListRespDto']));
  expect(schemas.length).toBeGreaterThan(40);
});

describe.each(schemas)('%s', (_, schema) => {
  const values = wrongValues(schema);

  it('fails on wrong values (so that the checks below check something)', () => {
    expect(values.some((value) => !v.safeParse(schema, value).success)).toBe(true);
  });

  it.each(values.map((value, index) => [index, value] as const))(
    'echoes nothing of wrong value %i through any door',
    async (_index, value) => {
      const standard = await schema['~standard'].validate(value);
      expect(leaks(standard.issues), JSON.stringify(standard.issues)).toBe(false);
      const valibot = v.safeParse(schema, value);
      expect(leaks(valibot.issues), JSON.stringify(valibot.issues)).toBe(false);
      if (valibot.issues) expect(leaks(v.summarize(valibot.issues))).toBe(false);
      const ours = safeParse(schema, value);
      expect(leaks(ours.success ? [] : ours.issues)).toBe(false);
      try {
        v.parse(schema, value);
      } catch (error) {
        expect(leaks((error as Error).message)).toBe(false);
        expect(leaks((error as v.ValiError<typeof schema>).issues)).toBe(false);
      }
    },
  );
});

describe('noEcho', () => {
  it('says where and what was expected, in words', () => {
    const schema = noEcho(v.object({ limit: v.pipe(v.number(), v.maxValue(50)), code: v.string() }));
    const result = v.safeParse(schema, { limit: 51 });
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.message, issue.received])).toEqual([
      ['limit', 'expected <=50', 'number'],
      ['code', 'missing', 'undefined'],
    ]);
  });

  it('scrubs an issue once, however many wrapped schemas it crosses', () => {
    const schema = noEcho(
      v.object({ inner: noEcho(v.object({ n: v.number() })), list: v.array(v.string()) }),
    );
    const result = v.safeParse(schema, { inner: { n: SECRET }, list: [SECRET_NUMBER] });
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.message, issue.received])).toEqual([
      ['inner.n', 'expected number', 'string'],
      ['list.0', 'expected string', 'number'],
    ]);
    expect(leaks(result.issues)).toBe(false);
  });

  it('keeps the schema as it was otherwise: type, entries, output', () => {
    const inner = v.object({ page: v.optional(v.number(), 1) });
    const schema = noEcho(inner);
    expect(schema.type).toBe('object');
    expect(schema.entries).toBe(inner.entries);
    expect(v.parse(schema, {})).toEqual({ page: 1 });
  });
});
