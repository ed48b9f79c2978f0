import { describe, expect, it } from 'vitest';
import { serverLang } from './client.ts';

describe('serverLang', () => {
  it('maps editor languages to the four server languages', () => {
    expect(serverLang('zh-cn')).toBe('zh-CN');
    expect(serverLang('zh-tw')).toBe('zh-TW');
    expect(serverLang('ja')).toBe('ja-JP');
    expect(serverLang('en')).toBe('en-US');
    expect(serverLang('de')).toBe('en-US');
  });
});
