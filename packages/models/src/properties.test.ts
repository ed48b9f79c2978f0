import { contractJsonFiles, fixtureFolderOf, readContractJson } from '@genauth-groups/contract';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { exportedSchemas } from '../scripts/json-schema.ts';
import { acceptsAsIs } from './accepts-as-is.ts';
import * as endpoints from './endpoints.ts';
import { parse, safeParse } from './parse.ts';
import { ValidationError } from './validation-error.ts';

// Property-based checks over every exported schema: no input crashes a validator, and no input
// value ever reaches an error message (replies carry tokens, parameters carry secrets).

const schemas = Object.entries(exportedSchemas());

// Every string value in generated inputs carries this marker, and every number is a large,
// distinctive integer, so a leak is unambiguous in an error's text. Keys are not marked: an
// unknown parameter is reported by its name, which is the caller's field name, not a value.
const CANARY = 'Ω-leak-';
const markedNumber = fc.integer({ min: 0, max: 999_999 }).map((n) => 7_000_000_001 + n);
const markedString = fc.string({ maxLength: 12 }).map((s) => `${CANARY}${s}`);

const markedJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    markedNumber,
    markedString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

function expectNoLeak(text: string): void {
  expect(text).not.toContain(CANARY);
  expect(text).not.toMatch(/7\d{9}/);
}

/** The fast path may only say yes where valibot says yes and gives the input back unchanged. */
function expectFastPathAgrees(schema: v.GenericSchema, input: unknown): void {
  if (!acceptsAsIs(schema, input)) return;
  const result = v.safeParse(schema, input);
  expect(result.success).toBe(true);
  expect(result.output).toStrictEqual(input);
}

function describeFailure(schema: v.GenericSchema, input: unknown): string {
  try {
    parse(schema, input, 'input');
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const { message, issues } = error as ValidationError;
    return JSON.stringify({ message, issues, error });
  }
}

describe.each(schemas)('%s', (_, schema) => {
  it('never throws on arbitrary JSON, and reports issues without the values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expectFastPathAgrees(schema, input);
        const result = safeParse(schema, input);
        if (!result.success) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(typeof issue.message).toBe('string');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never puts a received string or number in its error', () => {
    fc.assert(
      fc.property(markedJson, (input) => expectNoLeak(describeFailure(schema, input))),
      { numRuns: 200 },
    );
  });
});

// Random JSON mostly fails at the top. Damaging valid replies in random places reaches the deep
// paths too: every leaf and subtree of a fixture can be replaced by a marked value.
const replies = Object.values(endpoints).flatMap((endpoint) => {
  const folder = fixtureFolderOf(endpoint.path);
  return contractJsonFiles(folder)
    .filter((file) => file.startsWith('ok'))
    .map((file) => ({
      name: `${endpoint.path} ${file}`,
      schema: endpoint.response,
      body: readContractJson(`${folder}/${file}`),
    }));
});

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const children = Object.entries(value).flatMap(([key, child]) =>
    pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key]),
  );
  return [prefix, ...children];
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  // An earlier damage may have replaced an ancestor already: nothing left to reach.
  if (typeof value !== 'object' || value === null) return value;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

describe.each(replies)('damaged $name', ({ schema, body }) => {
  const paths = pathsOf(body).filter((path) => path.length > 0);

  it('fails with the damaged paths and without the values, or passes (the fast path agreeing)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), markedJson), { minLength: 1, maxLength: 3 }), (damages) => {
        const damaged = damages.reduce<unknown>(
          (current, [index, replacement]) =>
            replaceAt(current, paths[index % paths.length] ?? [], replacement),
          body,
        );
        expectFastPathAgrees(schema, damaged);
        expectNoLeak(describeFailure(schema, damaged));
      }),
      { numRuns: 150 },
    );
  });
});
