import { describe, expect, it } from 'vitest';
import { upsertConnection } from './connection-entry.ts';

const emulator = { label: 'Emulator', host: 'http://127.0.0.1:8787', accessKeyId: 'pool1' } as const;

describe('upsertConnection', () => {
  it('appends a new connection, writing auth only when it is not the default', () => {
    const first = upsertConnection([], { ...emulator, auth: 'signature' });
    expect(first).toEqual({ entries: [emulator], updated: false });
    const second = upsertConnection(first.entries, {
      label: 'Cloud',
      host: 'https://api.genauth.ai',
      accessKeyId: 'k',
      auth: 'token',
    });
    expect(second.entries).toEqual([
      emulator,
      { label: 'Cloud', host: 'https://api.genauth.ai', accessKeyId: 'k', auth: 'token' },
    ]);
  });

  it('adding the same host and key again keeps every setting the user did not change', () => {
    const tokenEntry = {
      label: 'Staging',
      host: 'http://127.0.0.1:8787/',
      accessKeyId: 'pool1',
      auth: 'token',
      userPoolId: 'pool-real',
      lang: 'ja-JP',
      tenantId: 't1',
    };
    const other = { host: 'https://api.genauth.ai', accessKeyId: 'x' };
    const result = upsertConnection([other, tokenEntry, 'junk'], {
      label: 'Staging',
      host: 'http://127.0.0.1:8787',
      accessKeyId: 'pool1',
      auth: 'token',
    });
    expect(result.updated).toBe(true);
    // Same place, same auth scheme, userPoolId, lang and tenant: only the label could change.
    expect(result.entries).toEqual([other, tokenEntry, 'junk']);
  });

  it('takes the label and auth scheme the user chose this time', () => {
    const result = upsertConnection([{ ...emulator, auth: 'token', lang: 'en-US' }], {
      ...emulator,
      label: 'Renamed',
      auth: 'signature',
    });
    expect(result.entries).toEqual([{ ...emulator, label: 'Renamed', lang: 'en-US' }]);
  });
});
