import { readContractJson } from '@genauth-groups/contract';
import { describe, expect, it } from 'vitest';
import { ManagementTokenCache, userPoolIdOf } from './management-token.ts';

function setup(expiresIn = 7200) {
  let clock = 1_000_000;
  let fetches = 0;
  const cache = new ManagementTokenCache({
    now: () => clock,
    fetchToken: async () => {
      fetches += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { accessToken: `token-${fetches}`, expiresIn };
    },
  });
  return { cache, fetches: () => fetches, advance: (ms: number) => (clock += ms), now: () => clock };
}

describe('ManagementTokenCache', () => {
  it('fetches once for concurrent first calls', async () => {
    const { cache, fetches } = setup();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(fetches()).toBe(1);
  });

  it('reuses the token until a minute before it expires, then refreshes', async () => {
    const { cache, fetches, advance } = setup(7200);
    await cache.get();
    advance(7200_000 - 60_001);
    expect(await cache.get()).toBe('token-1');
    advance(2);
    expect(await cache.get()).toBe('token-2');
    expect(fetches()).toBe(2);
  });

  it('keeps short-lived tokens for nine tenths of their life', async () => {
    const { cache, advance } = setup(10);
    await cache.get();
    advance(8_999);
    expect(await cache.get()).toBe('token-1');
    advance(2);
    expect(await cache.get()).toBe('token-2');
  });

  it('drops a refused token, even one fetched moments ago, but not the one that replaced it', async () => {
    const { cache } = setup();
    const refused = await cache.get();
    cache.invalidate(refused);
    expect(await cache.get()).toBe('token-2');
    cache.invalidate(refused);
    expect(await cache.get()).toBe('token-2');
  });

  it('does not cache a failed fetch', async () => {
    let attempts = 0;
    const cache = new ManagementTokenCache({
      fetchToken: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('refused');
        return { accessToken: 'ok', expiresIn: 7200 };
      },
    });
    await expect(cache.get()).rejects.toThrow('refused');
    expect(await cache.get()).toBe('ok');
  });
});

describe('userPoolIdOf', () => {
  it('reads scoped_userpool_id from the contract fixture token', () => {
    const reply = readContractJson('fixtures/get-management-token/ok.json') as {
      data: { access_token: string };
    };
    expect(userPoolIdOf(reply.data.access_token)).toBe('65f0a0a0a0a0a0a0a0a0a0a0');
  });

  it('gives undefined for what is not a JWT', () => {
    expect(userPoolIdOf('opaque')).toBeUndefined();
    expect(userPoolIdOf('a.!!!.c')).toBeUndefined();
    expect(userPoolIdOf(`a.${btoa('{"other":1}')}.c`)).toBeUndefined();
  });
});
