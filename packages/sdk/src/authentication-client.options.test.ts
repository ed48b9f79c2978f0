import { isValidationError } from '@genauth-groups/core';
import { describe, expect, it } from 'vitest';
import { AuthenticationClient } from './authentication-client.ts';

// Option checks happen before any request: a fetch that records calls proves nothing was sent.
function recordingFetch() {
  const calls: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(new Request(input, init));
    return new Response('{}', { status: 500 });
  };
  return { fetch, calls };
}

describe('AuthenticationClient options', () => {
  it.each([
    [{ appHost: 'example.genauth.ai' }, 'appId: missing'],
    [{ appId: '', appHost: 'example.genauth.ai' }, 'appId: expected a non-empty value'],
    [{ appId: 'app', appHost: 'example.genauth.ai', timeout: 0 }, 'timeout: expected >=1'],
    [{ appId: 'app', appHost: 'example.genauth.ai', appSecret: 'x' }, 'appSecret: unknown field'],
    [
      { appId: 'app', appHost: 'example.genauth.ai', lang: 'fr-FR' },
      'lang: expected ("zh-CN" | "en-US" | "ja-JP" | "zh-TW")',
    ],
    [{ appId: 1, appHost: 'example.genauth.ai' }, 'appId: expected string'],
    [{ appId: 'app' }, 'appHost: missing'],
    [{ appId: 'app', appHost: 'example.genauth.ai', retry: 1.5 }, 'retry: expected an integer'],
    [{ appId: 'app', appHost: 'example.genauth.ai', retry: -1 }, 'retry: expected >=0'],
    [{ appId: 'app', appHost: 'example.genauth.ai', retry: '3' }, 'retry: expected (number | Object)'],
    [{ appId: 'app', appHost: 'example.genauth.ai', fetch: 'fetch' }, 'fetch: expected Function'],
    [{ appId: 'app', appHost: 'example.genauth.ai', hooks: null }, 'hooks: expected Object'],
    [
      { appId: 'app', appHost: 'example.genauth.ai', accessToken: 42 },
      'accessToken: expected (string | Function)',
    ],
    [null, 'Invalid AuthenticationClient options: expected Object'],
  ])('refuses %o, naming the option', (options, message) => {
    expect(() => new AuthenticationClient(options as never)).toThrow(message);
  });

  it('accepts ky retry options and hooks', () => {
    const options = { appId: 'app', appHost: 'example.genauth.ai', retry: { limit: 1 }, hooks: {} };
    expect(() => new AuthenticationClient(options)).not.toThrow();
  });

  it('names every problem at once', () => {
    expect(() => new AuthenticationClient({ appHost: 'h', appSecret: 'x', timeout: 0 } as never)).toThrow(
      'Invalid AuthenticationClient options: appId: missing; timeout: expected >=1; appSecret: unknown field',
    );
  });

  it('refuses an unusable appHost with a TypeError naming it', () => {
    expect(() => new AuthenticationClient({ appId: 'app', appHost: 'ftp://example.com' })).toThrow(
      'appHost must be an http or https URL',
    );
  });

  it('never echoes the access token in an options error', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.secret-payload.sig';
    try {
      new AuthenticationClient({ appId: 'app', appHost: 'h', accessToken: token, retry: -1 });
      expect.unreachable();
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
      expect(String(error)).not.toContain(token);
    }
  });
});

describe('getGroupList without a token', () => {
  it('fails clearly before any request', async () => {
    const { fetch, calls } = recordingFetch();
    const client = new AuthenticationClient({ appId: 'app', appHost: 'example.genauth.ai', fetch });
    await expect(client.getGroupList()).rejects.toThrow(
      'Invalid getGroupList call: accessToken: missing; pass it to the constructor or call setAccessToken() after sign-in',
    );
    expect(calls).toHaveLength(0);
  });

  it('refuses an empty token in setAccessToken', () => {
    const client = new AuthenticationClient({ appId: 'app', appHost: 'example.genauth.ai' });
    expect(() => client.setAccessToken('')).toThrow('Invalid access token: expected a non-empty value');
  });
});
