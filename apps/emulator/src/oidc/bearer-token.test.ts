import { describe, expect, it } from 'vitest';
import { bearerToken } from './bearer-token.ts';

const none = { authorization: undefined, query: undefined, form: undefined };

describe('bearerToken', () => {
  it.each([
    ['the header, any case of the scheme', { ...none, authorization: 'bEaReR  abc' }],
    ['the query', { ...none, query: 'abc' }],
    ['the form body', { ...none, form: 'abc' }],
    ['the header beside an empty query', { ...none, authorization: 'Bearer abc', query: '' }],
  ])('takes the token from %s', (_, sources) => {
    expect(bearerToken(sources)).toEqual({ token: 'abc' });
  });

  it.each([
    ['nothing', none],
    ['a scheme with no token', { ...none, authorization: 'Bearer' }],
    ['another scheme', { ...none, authorization: 'Basic YTpi' }],
    ['empty values', { authorization: 'Bearer ', query: '', form: '' }],
  ])('finds none in %s', (_, sources) => {
    expect(bearerToken(sources)).toEqual({ missing: true });
  });

  it('refuses a token sent two ways, even the same token', () => {
    expect(bearerToken({ ...none, authorization: 'Bearer abc', query: 'abc' })).toEqual({ several: true });
    expect(bearerToken({ ...none, query: 'abc', form: 'def' })).toEqual({ several: true });
  });
});
