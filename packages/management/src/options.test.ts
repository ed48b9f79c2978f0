import { isValidationError } from '@genauth-groups/core';
import { describe, expect, it } from 'vitest';
import { ManagementClient } from './management-client.ts';

const valid = {
  accessKeyId: 'AKID',
  accessKeySecret: 'sk-live-0123456789abcdef',
  host: 'https://api.genauth.ai',
};

describe('ManagementClient options', () => {
  it.each([
    [{ ...valid, accessKeySecret: undefined }, 'accessKeySecret: missing'],
    [{ ...valid, accessKeyId: '' }, 'accessKeyId: expected a non-empty value'],
    [{ ...valid, host: undefined }, 'host: missing'],
    [{ ...valid, auth: 'basic' }, 'auth: expected ("signature" | "token")'],
    [{ ...valid, concurrency: 0 }, 'concurrency: expected >=1'],
    [{ ...valid, concurrency: 1000 }, 'concurrency: expected <=64'],
    [{ ...valid, maxReplyBytes: 0 }, 'maxReplyBytes: expected >=1'],
    [{ ...valid, userPoolId: 'x' }, 'userPoolId: unknown field'],
  ])('refuses %o, naming the option', (options, message) => {
    expect(() => new ManagementClient(options as never)).toThrow(message);
  });

  it('refuses an unusable host, naming it', () => {
    expect(() => new ManagementClient({ ...valid, host: 'https://user:pw@api.genauth.ai' })).toThrow(
      'host must be a plain origin',
    );
  });

  it('never shows the secret: not in option errors, not when the client is logged', async () => {
    const { inspect } = await import('node:util');
    try {
      new ManagementClient({ ...valid, accessKeyId: 42 } as never);
      expect.unreachable();
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
      expect(String(error)).not.toContain(valid.accessKeySecret);
    }
    const client = new ManagementClient(valid);
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(valid.accessKeySecret);
    expect(JSON.stringify(client)).not.toContain(valid.accessKeySecret);
  });
});
