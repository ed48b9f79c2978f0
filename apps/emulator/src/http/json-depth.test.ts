import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, tooDeepField } from './json-depth.ts';

/** `depth` objects nested in one another, the outermost included: `{"a":{"a":1}}` is 2. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

describe('tooDeepField', () => {
  it('accepts scalars and bodies up to the limit', () => {
    expect(tooDeepField('text')).toBeUndefined();
    expect(tooDeepField(null)).toBeUndefined();
    expect(tooDeepField({ code: 'x', customData: nested(MAX_JSON_DEPTH - 1) })).toBeUndefined();
  });

  it('names the top-level field that nests too deep', () => {
    expect(tooDeepField({ code: 'x', customData: nested(MAX_JSON_DEPTH) })).toBe('customData');
  });

  it('says body for an array, or for a field name it should not repeat', () => {
    expect(tooDeepField([nested(MAX_JSON_DEPTH)])).toBe('body');
    expect(tooDeepField({ 'secret value!': nested(MAX_JSON_DEPTH) })).toBe('body');
  });

  it('measures a million levels without recursion', () => {
    const depth = 1_000_000;
    expect(tooDeepField(JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`))).toBe('body');
  });
});
