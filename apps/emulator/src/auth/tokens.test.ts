import { describe, expect, it } from 'vitest';
import { Tokens } from './tokens.ts';

describe('Tokens', () => {
  it('keeps a token valid for the whole lifetime it announces, late in a second too', async () => {
    let now = Date.parse('2026-11-30T03:00:00.999Z');
    const tokens = new Tokens(() => now);
    const management = await tokens.issueManagementToken('pool', 1);
    const user = await tokens.issueUserToken({ userId: 'user', appId: 'app' }, 'openid', 1);
    now += 999;
    expect(await tokens.verifyManagementToken(management)).toEqual({ userPoolId: 'pool' });
    expect(await tokens.verifyUserToken(user)).toEqual({ userId: 'user', appId: 'app' });
    now += 1_001;
    expect(await tokens.verifyManagementToken(management)).toBeUndefined();
    expect(await tokens.verifyUserToken(user)).toBeUndefined();
  });

  it('remembers a verified management token until it expires, and nothing it has not verified', async () => {
    let now = Date.parse('2026-11-30T03:00:00.000Z');
    const tokens = new Tokens(() => now);
    const management = await tokens.issueManagementToken('pool', 10);
    const user = await tokens.issueUserToken({ userId: 'user', appId: 'app' }, 'openid', 10);
    expect(tokens.rememberedManagementToken(management)).toBeUndefined();
    expect(await tokens.verifyManagementToken(management)).toEqual({ userPoolId: 'pool' });
    expect(tokens.rememberedManagementToken(management)).toEqual({ userPoolId: 'pool' });
    // A verified user token is remembered too, but it is no management token.
    expect(await tokens.verifyUserToken(user)).toBeDefined();
    expect(tokens.rememberedManagementToken(user)).toBeUndefined();
    expect(tokens.rememberedManagementToken(`${management}x`)).toBeUndefined();
    now += 10_000;
    expect(tokens.rememberedManagementToken(management)).toBeUndefined();
  });
});
