import type { IdentityDto, UserDto } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { withoutTokens } from './sanitize.ts';

describe('withoutTokens', () => {
  it('masks identity tokens and keeps everything else', () => {
    const identity = {
      identityId: 'i1',
      extIdpId: 'x',
      provider: 'github',
      type: 'primary',
      userIdInIdp: '42',
      userInfoInIdp: {},
      accessToken: 'gho_secret',
      refreshToken: null,
      originConnIds: [],
    } as IdentityDto;
    const user = { userId: 'u1', identities: [identity] } as unknown as UserDto;
    const clean = withoutTokens(user);
    expect(clean.identities?.[0]).toEqual({ ...identity, accessToken: '***' });
    expect(JSON.stringify(clean)).not.toContain('gho_secret');
    expect(user.identities?.[0]?.accessToken).toBe('gho_secret');
    const plain = { userId: 'u2' } as UserDto;
    expect(withoutTokens(plain)).toBe(plain);
  });
});
