import { signingVectors } from '@genauth-groups/contract';
import { describe, expect, it } from 'vitest';
import { encodeQuery } from './query.ts';

describe('encodeQuery', () => {
  // The targets authing-node-sdk 4.0.1 sent, captured on loopback (contract/fixtures/signing).
  const sent = new Map(signingVectors().map((vector) => [vector.description, vector.request.target]));
  const target = (fragment: string) => [...sent].find(([description]) => description.includes(fragment))?.[1];

  it('writes the SDK defaults in the order the official SDK sends them', () => {
    expect(`/api/v3/list-groups?${encodeQuery({ page: 1, limit: 10, flatCustomData: false })}`).toBe(
      target('listGroups({})'),
    );
  });

  it('encodes values byte for byte as the official SDK (axios) does', () => {
    const query = encodeQuery({
      keywords: 'dev ops:é&x',
      page: 2,
      limit: 50,
      withMetadata: true,
      withCustomData: true,
      flatCustomData: false,
    });
    expect(`/api/v3/list-groups?${query}`).toBe(target('keywords'));
    expect(encodeQuery({ userId: 'a@b.com', userIdType: 'email' })).toBe('userId=a%40b.com&userIdType=email');
  });

  it('keeps : $ , [ ] literal, turns spaces into +, drops undefined', () => {
    expect(encodeQuery({ a: 'x:y$z,[0] w', b: undefined, c: '' })).toBe('a=x:y$z,[0]+w&c=');
  });
});
