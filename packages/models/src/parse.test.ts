import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { GetManagementAccessTokenDto } from './management-token.ts';
import { parse, safeParse } from './parse.ts';
import { isValidationError, ValidationError } from './validation-error.ts';

describe('parse', () => {
  it('returns the typed output with defaults and unknown reply fields kept', () => {
    const schema = v.looseObject({ a: v.optional(v.number(), 1) });
    expect(parse(schema, { extra: 'kept' })).toEqual({ a: 1, extra: 'kept' });
  });

  it('throws a ValidationError naming the subject and each problem', () => {
    const schema = v.object({ list: v.array(v.object({ id: v.string() })) });
    const error = captureError(() => parse(schema, { list: [{ id: 1 }, {}] }, 'list-groups reply'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Invalid list-groups reply: list[0].id: expected string; list[1].id: missing');
    expect(error.subject).toBe('list-groups reply');
    expect(error.issues).toEqual([
      { path: 'list[0].id', expected: 'string', message: 'list[0].id: expected string' },
      { path: 'list[1].id', expected: 'a value', message: 'list[1].id: missing' },
    ]);
  });

  it('reports a key set to undefined as missing, like an absent one', () => {
    const schema = v.object({ secret: v.string(), id: v.string() });
    expect(captureError(() => parse(schema, { secret: undefined })).message).toBe(
      'Invalid value: secret: missing; id: missing',
    );
  });

  it('describes a problem with the value itself without a path', () => {
    expect(captureError(() => parse(v.object({}), 'text')).message).toBe('Invalid value: expected Object');
  });

  it('lists five problems in the message and counts the rest', () => {
    const error = captureError(() => parse(v.array(v.string()), [1, 2, 3, 4, 5, 6, 7]));
    expect(error.issues).toHaveLength(7);
    expect(error.message).toMatch(/\[4\]: expected string; and 2 more$/);
  });

  it('brackets keys that are not identifiers', () => {
    const result = safeParse(v.object({ 'a-b': v.object({ 'x y': v.string() }) }), { 'a-b': { 'x y': 0 } });
    expect(result).toMatchObject({ success: false, issues: [{ path: '["a-b"]["x y"]' }] });
  });

  it('never puts the received value in the message or the issues', () => {
    const secret = 'sk-live-3f9a1c77d2e04b5f';
    const error = captureError(() =>
      parse(GetManagementAccessTokenDto, { accessKeyId: 42, accessKeySecret: 7, note: secret }),
    );
    expect(error.message).toBe(
      'Invalid value: accessKeyId: expected string; accessKeySecret: expected string; note: unknown field',
    );
    for (const leaked of [secret, '42', '7']) {
      expect(JSON.stringify({ message: error.message, issues: error.issues })).not.toContain(leaked);
    }
    expect(error).not.toHaveProperty('cause');
  });
});

describe('isValidationError', () => {
  it('recognises the error by name, as across realms or duplicate package copies', () => {
    expect(isValidationError(new ValidationError('x', []))).toBe(true);
    expect(isValidationError(Object.assign(new Error('copy'), { name: 'ValidationError' }))).toBe(true);
    expect(isValidationError(new TypeError('x'))).toBe(false);
    expect(isValidationError({ name: 'ValidationError' })).toBe(false);
  });
});

function captureError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}
