import { describe, expect, it } from 'vitest';
import { parseConnections } from './connection-config.ts';
import { consoleUrl, userPoolIdOf } from './console-url.ts';

const connection = (entry: object) => {
  const parsed = parseConnections([entry]).connections[0];
  if (!parsed) throw new Error('bad test entry');
  return parsed;
};
const POOL = '65f0a0a0a0a0a0a0a0a0a0a0';

describe('consoleUrl', () => {
  it('links groups and users on the public clouds', () => {
    const genauth = connection({ host: 'https://api.genauth.ai', accessKeyId: POOL });
    expect(consoleUrl(genauth, { kind: 'group', code: 'dev ops' })).toBe(
      `https://console.genauth.ai/console/${POOL}/permission-management/groups/detail?code=dev%20ops`,
    );
    const authing = connection({ host: 'core.authing.cn', accessKeyId: 'collaborator', userPoolId: 'p1' });
    expect(consoleUrl(authing, { kind: 'user', userId: 'u1' })).toBe(
      'https://console.authing.cn/console/p1/user-management/users/detail?userId=u1',
    );
  });

  it('gives up for private deployments, the emulator, and unknown pools', () => {
    expect(
      consoleUrl(connection({ host: 'https://iam.example.com', accessKeyId: POOL }), {
        kind: 'group',
        code: 'x',
      }),
    ).toBeUndefined();
    expect(
      consoleUrl(connection({ host: 'http://127.0.0.1:8787', accessKeyId: POOL }), {
        kind: 'group',
        code: 'x',
      }),
    ).toBeUndefined();
    const collaborator = connection({ host: 'https://api.genauth.ai', accessKeyId: 'not-a-pool-id' });
    expect(userPoolIdOf(collaborator)).toBeUndefined();
    expect(consoleUrl(collaborator, { kind: 'user', userId: 'u' })).toBeUndefined();
  });
});
