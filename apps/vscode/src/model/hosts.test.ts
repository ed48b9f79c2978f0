import { describe, expect, it } from 'vitest';
import { cloudOf, defaultLabel, isLoopback, tryNormalizeHost } from './hosts.ts';

describe('hosts', () => {
  it('recognises the public clouds by API host', () => {
    expect(cloudOf('https://api.genauth.ai')?.consoleOrigin).toBe('https://console.genauth.ai');
    expect(cloudOf('https://core.authing.cn')?.consoleOrigin).toBe('https://console.authing.cn');
    expect(cloudOf('https://api.genauth.ai.evil.example')).toBeUndefined();
    expect(cloudOf('https://auth.example.com')).toBeUndefined();
  });

  it('labels clouds, the emulator and private deployments', () => {
    expect(defaultLabel('https://api.authing.cn')).toBe('Authing cloud');
    expect(defaultLabel('http://127.0.0.1:8787')).toBe('Local emulator (127.0.0.1:8787)');
    expect(defaultLabel('https://iam.example.com/base')).toBe('iam.example.com');
    expect(isLoopback('http://localhost:3000')).toBe(true);
    expect(isLoopback('https://example.com')).toBe(false);
  });

  it('normalises hosts the way the client does, or gives up', () => {
    expect(tryNormalizeHost('localhost:8787/')).toBe('http://localhost:8787');
    expect(tryNormalizeHost('api.genauth.ai')).toBe('https://api.genauth.ai');
    expect(tryNormalizeHost('ftp://x')).toBeUndefined();
    expect(tryNormalizeHost('')).toBeUndefined();
  });
});
