import { describe, expect, it } from 'vitest';
import { isLoopback, isLoopbackHost } from './loopback.ts';

describe('isLoopback', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1',
    'localhost',
    'LOCALHOST',
    'app.localhost',
  ])('is true for %s', (address) => expect(isLoopback(address)).toBe(true));
  it.each([
    '0.0.0.0',
    '::',
    '192.168.1.10',
    '10.0.0.1',
    '::ffff:10.0.0.1',
    'example.com',
    'localhost.evil.com',
    '127.0.0.1.nip.io',
  ])('is false for %s', (address) => expect(isLoopback(address)).toBe(false));
});

describe('isLoopbackHost', () => {
  it.each(['localhost:8787', '127.0.0.1', '127.0.0.1:8787', '[::1]:8787', '[::1]'])('accepts %s', (host) =>
    expect(isLoopbackHost(host)).toBe(true),
  );
  it.each([
    undefined,
    '',
    'rebind.evil.com:8787',
    'evil.com',
    '127.0.0.1:8787@evil.com',
    '127.0.0.1:x',
    '[::1',
  ])('refuses %s', (host) => expect(isLoopbackHost(host)).toBe(false));
});
