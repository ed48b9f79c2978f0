import { describe, expect, it } from 'vitest';
import { type Log, Redactor, redactingLog } from './log.ts';

describe('Redactor', () => {
  it('masks known secrets, longest first', () => {
    const redactor = new Redactor();
    redactor.add('s3cr3t');
    redactor.add('s3cr3t-long');
    expect(redactor.redact('a s3cr3t-long and s3cr3t')).toBe('a *** and ***');
  });

  it('masks tokens and credential fields it was not told about', () => {
    const redactor = new Redactor();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig_nature';
    expect(redactor.redact(`token ${jwt} end`)).toBe('token *** end');
    expect(redactor.redact('Authorization: Bearer abcdefghijkl')).toBe('Authorization: Bearer ***');
    expect(redactor.redact('authorization: authing AKID1234:c2lnbmF0dXJl')).toBe(
      'authorization: authing ***',
    );
    expect(redactor.redact('{"accessKeySecret":"hunter22","access_token":"x1"}')).toBe(
      '{"accessKeySecret":"***","access_token":"***"}',
    );
    expect(redactor.redact('GET /api/v3/list-groups → HTTP 200, 12 ms')).toBe(
      'GET /api/v3/list-groups → HTTP 200, 12 ms',
    );
  });

  it('redacts every level of a wrapped log', () => {
    const lines: string[] = [];
    const target: Log = {
      debug: (m) => lines.push(`debug ${m}`),
      info: (m) => lines.push(`info ${m}`),
      warn: (m) => lines.push(`warn ${m}`),
      error: (m) => lines.push(`error ${m}`),
    };
    const redactor = new Redactor();
    redactor.add('pw');
    const log = redactingLog(target, redactor);
    log.debug('pw');
    log.info('pw');
    log.warn('pw');
    log.error('pw');
    expect(lines).toEqual(['debug ***', 'info ***', 'warn ***', 'error ***']);
  });
});
