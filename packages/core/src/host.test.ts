import { describe, expect, it } from 'vitest';
import { normalizeHost } from './host.ts';

describe('normalizeHost', () => {
  it.each([
    ['example.genauth.ai', 'https://example.genauth.ai'],
    ['https://api.genauth.ai/', 'https://api.genauth.ai'],
    ['http://core.authing.cn///', 'http://core.authing.cn'],
    ['  https://example.authing.cn  ', 'https://example.authing.cn'],
    ['https://authing-api.example.com/base/', 'https://authing-api.example.com/base'],
    ['localhost:8787', 'http://localhost:8787'],
    ['127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['HTTPS://Example.GenAuth.ai', 'https://example.genauth.ai'],
  ])('%s → %s', (input, output) => {
    expect(normalizeHost(input, 'appHost')).toBe(output);
  });

  it.each([
    [undefined, 'appHost is required'],
    ['', 'appHost is required'],
    ['https://exa mple.com', 'appHost is not a valid URL'],
    ['ftp://example.com', 'appHost must be an http or https URL'],
    ['https://user:pw@example.com', 'without credentials'],
    ['https://example.com/?token=x', 'without credentials, query or hash'],
    ['https://example.com/?', 'without credentials, query or hash'],
    ['https://example.com/base#', 'without credentials, query or hash'],
  ])('refuses %o, naming the option', (input, message) => {
    expect(() => normalizeHost(input, 'appHost')).toThrow(TypeError);
    expect(() => normalizeHost(input, 'appHost')).toThrow(message);
  });

  it('never echoes a value it cannot parse: it may hold a password', () => {
    expect(() => normalizeHost('https://me:s3cret@exa mple.com', 'appHost')).toThrow(
      'appHost is not a valid URL',
    );
    expect(() => normalizeHost('https://me:s3cret@exa mple.com', 'appHost')).not.toThrow('s3cret');
  });
});
