import { ApiError, NetworkError, TimeoutError, ValidationError } from '@genauth-groups/management';
import { describe, expect, it } from 'vitest';
import { errorInfo, errorLogLine, MissingSecretError } from './error-info.ts';
import { RepeatedPageError } from './page-loader.ts';

const api = (statusCode: number, apiCode?: number) =>
  new ApiError({
    endpoint: 'GET /api/v3/list-groups',
    statusCode,
    serverMessage: 'no',
    apiCode,
    requestId: 'r1',
    httpStatus: 200,
  });

describe('errorInfo', () => {
  it('classifies the errors the tree can meet', () => {
    expect(errorInfo(new MissingSecretError('A'))).toEqual({ kind: 'missingSecret' });
    expect(errorInfo(api(403))).toMatchObject({ kind: 'auth', requestId: 'r1' });
    expect(errorInfo(api(400, 1304))).toMatchObject({ kind: 'auth' });
    expect(errorInfo(api(404))).toMatchObject({ kind: 'api', detail: expect.stringContaining('no') });
    expect(errorInfo(new NetworkError('GET /x', new Error('refused')))).toMatchObject({ kind: 'network' });
    expect(errorInfo(new TimeoutError('GET /x', 10))).toMatchObject({ kind: 'timeout' });
    expect(
      errorInfo(new ValidationError('reply', [{ path: 'a', expected: 'b', message: 'a: b' }])),
    ).toMatchObject({
      kind: 'malformed',
    });
    expect(errorInfo(new RepeatedPageError(3))).toEqual({ kind: 'repeatedPage', page: 3 });
    expect(errorInfo('weird')).toEqual({ kind: 'unknown', detail: 'weird' });
  });

  it('writes one log line with the class and request id', () => {
    expect(errorLogLine(api(500))).toBe(
      'ApiError: GET /api/v3/list-groups: no (statusCode 500) (requestId r1)',
    );
    expect(errorLogLine(new TypeError('x'))).toBe('TypeError: x');
    expect(errorLogLine(3)).toBe('3');
  });
});
