import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  getGroupAuthorizedResources,
  getMyGroupList,
  listGroupMembers,
  signIn,
} from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator.ts';
import { TestClient } from '../testing/test-client.ts';

const directory = mkdtempSync(join(tmpdir(), 'genauth-emulator-load-'));

function file(name: string, content: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const dataset = {
  namespaces: ['shop'],
  groups: [
    {
      code: 'buyers',
      name: 'Buyers',
      customData: { budget: 1000 },
      authorizedResources: [
        { namespace: 'shop', resourceCode: 'orders', resourceType: 'DATA', actions: ['orders:read'] },
      ],
    },
    { code: 'sellers', name: 'Sellers', description: 'People who sell' },
  ],
  users: [
    {
      username: 'zoe',
      email: 'zoe@example.net',
      password: 'zoe-secret',
      name: 'Zoe',
      loginsCount: 3,
      emailVerified: true,
      customData: { tier: 'gold' },
      identities: [{ extIdpId: 'idp-1', provider: 'github', userIdInIdp: 'zoe-gh' }],
      groups: ['buyers', 'sellers'],
    },
    { username: 'yan', groups: ['buyers'] },
  ],
};

describe('--load', () => {
  it('loads groups, users, memberships and resources from a JSON file, beside the demo data', async () => {
    const emulator = await startEmulator({ port: 0, load: file('ok.json', dataset) });
    try {
      expect(emulator.data).toMatchObject({ groups: 9, users: 64 });
      const api = await TestClient.withManagementToken(emulator);
      const members = await api.get(listGroupMembers, { code: 'buyers', withCustomData: true });
      expect(members.body.data.list).toMatchObject([
        { username: 'zoe', loginsCount: 3, customData: { tier: 'gold' } },
        { username: 'yan', email: null, emailVerified: false, status: 'Activated' },
      ]);
      const resources = await api.get(getGroupAuthorizedResources, { code: 'buyers', namespace: 'shop' });
      expect(resources.body.data).toMatchObject([
        { resourceCode: 'orders', effect: 'ALLOW', apiIdentifier: null },
      ]);

      const app = new TestClient(emulator, { 'x-authing-app-id': emulator.credentials.appId });
      const token = await app.post(signIn, {
        connection: 'PASSWORD',
        passwordPayload: { email: 'zoe@example.net', password: 'zoe-secret' },
      });
      const mine = await app.get(
        getMyGroupList,
        {},
        { authorization: token.body.data.access_token as string },
      );
      expect(mine.body.data.map((group) => group.code)).toEqual(['sellers', 'buyers']);
    } finally {
      await emulator.close();
    }
  });

  it('accepts a data set given in code', async () => {
    const emulator = await startEmulator({
      port: 0,
      demo: false,
      load: { groups: [{ code: 'solo', name: 'Solo' }] },
    });
    expect(emulator.data).toMatchObject({ groups: 1, users: 0 });
    await emulator.close();
  });

  it.each([
    ['a missing file', join(directory, 'missing.json'), /Cannot read load file .*missing\.json/],
    [
      'a file that is not JSON',
      file('bad.json', '{"groups": [ password123'),
      /is not valid JSON: Unexpected token 'p'$/,
    ],
    [
      'a group without a name',
      file('no-name.json', { groups: [{ code: 'x' }] }),
      /Invalid load file .*: groups\[0\]\.name: missing/,
    ],
    [
      'an unknown field',
      file('extra.json', { users: [{ username: 'x', nickName: 'y' }] }),
      /users\[0\]\.nickName: unknown field/,
    ],
    [
      'a wrong type',
      file('type.json', { users: [{ username: 'x', loginsCount: 'many' }] }),
      /users\[0\]\.loginsCount: expected number/,
    ],
    [
      'an unknown group',
      file('group.json', { users: [{ username: 'x', groups: ['nope'] }] }),
      /users\[0\]\.groups\[0\]: no group has the code "nope"/,
    ],
    [
      'a duplicate username',
      file('dup.json', { users: [{ username: 'alice' }] }),
      /users\[0\]: UNIQUE constraint failed: users\.username/,
    ],
  ])('fails with a clear message on %s', async (_, path, message) => {
    await expect(startEmulator({ port: 0, load: path })).rejects.toThrow(message);
  });

  it('never quotes the file’s content in its errors', async () => {
    const path = file('secret.json', '{"users": [{"username": "x", "password": "hunter2" oops');
    const error = await startEmulator({ port: 0, load: path }).catch((reason: unknown) => reason);
    expect(String(error)).toMatch(
      /is not valid JSON: Expected ',' or '}' after property value at position \d+/,
    );
    expect(String(error)).not.toContain('hunter2');
  });
});
