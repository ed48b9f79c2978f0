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

  // 200 000 levels is far past any call stack (V8 overflows near 10 000 frames) and fits the body
  // limit; parsing it still allocates much, so it states its budget for a loaded CI machine.
  it('measures 200 000 levels without recursion', { timeout: 30_000 }, () => {
    const depth = 200_000;
    expect(tooDeepField(JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`))).toBe('body');
  });
});
