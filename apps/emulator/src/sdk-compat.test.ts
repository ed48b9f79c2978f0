// The published authing-node-sdk 4.0.1, unchanged, against the emulator: HMAC-signed management
// calls (GET and POST) and the password sign-in of the authentication client.
import { AuthenticationClient, ManagementClient } from 'authing-node-sdk';
import { describe, expect, it } from 'vitest';
import { startEmulator } from './emulator.ts';
import { checkReply, useEmulator } from './testing/test-client.ts';

const env = useEmulator();

/** A management client for the emulator. The SDK sets `Axios.defaults.baseURL` globally: make one per use. */
function management(
  options: { lang?: 'zh-CN' | 'en-US'; tenantId?: string; url?: string } = {},
): ManagementClient {
  const { accessKeyId, accessKeySecret } = env.emulator.credentials;
  const { url = env.emulator.url, ...rest } = options;
  return new ManagementClient({ accessKeyId, accessKeySecret, host: url, ...rest });
}

/** Checks an SDK reply against the models, as the emulator's own client does. */
function checked<T>(path: string, reply: T): T {
  checkReply(`/api/v3/${path}`, reply);
  return reply;
}

describe('ManagementClient (HMAC-SHA1 signatures)', () => {
  it('lists groups with the SDK defaults and with every parameter', async () => {
    const client = management();
    const first = checked('list-groups', await client.listGroups({}));
    expect(first.statusCode).toBe(200);
    expect(first.data.totalCount).toBe(7);
    expect(first.data.list[0]?.code).toBe('rd-center');
    const tricky = checked(
      'list-groups',
      await client.listGroups({
        keywords: 'dev ops:é&x',
        page: 2,
        limit: 50,
        withMetadata: true,
        withCustomData: true,
      }),
    );
    expect(tricky).toMatchObject({ statusCode: 200, data: { totalCount: 0, list: [] } });
    const found = await client.listGroups({ keywords: 'Develop', withCustomData: true });
    expect(found.data.list).toMatchObject([{ code: 'developer', customData: { slackChannel: '#dev' } }]);
  });

  it('reads a group, all groups, a user’s groups, members and authorized resources', async () => {
    const client = management();
    expect(checked('get-group', await client.getGroup({ code: 'developer' })).data.name).toBe('Developers');
    const all = checked('get-all-groups', await client.getAllGroups({}));
    expect(all.data.map((group) => group.members)).toEqual(all.data.map(() => []));
    const withMembers = checked('get-all-groups', await client.getAllGroups({ fetchMembers: true }));
    expect(withMembers.data.find((group) => group.code === 'all-staff')?.members).toHaveLength(61);
    const userGroups = checked(
      'get-user-groups',
      await client.getUserGroups({ userId: 'alice@example.com', userIdType: 'email' }),
    );
    expect(userGroups.data.list.map((group) => group.code)).toEqual(['rd-center', 'developer', 'all-staff']);
    const members = checked(
      'list-group-members',
      await client.listGroupMembers({
        code: 'all-staff',
        limit: 50,
        page: 2,
        withIdentities: true,
        withDepartmentIds: true,
      }),
    );
    expect(members.data.totalCount).toBe(61);
    expect(members.data.list).toHaveLength(11);
    const resources = checked(
      'get-group-authorized-resources',
      await client.getGroupAuthorizedResources({ code: 'developer', resourceType: 'API' }),
    );
    expect(resources.data.map((resource) => resource.resourceCode)).toEqual(['ecs:1']);
  });

  it('returns error envelopes without throwing, in the client’s language', async () => {
    const client = management();
    expect(checked('list-groups', await client.listGroups({ limit: 100000 }))).toMatchObject({
      statusCode: 400,
      message: '参数 limit 格式错误',
    });
    expect(checked('list-groups', await client.listGroups({ page: -1 }))).toMatchObject({
      message: '参数 page 格式错误',
    });
    expect(checked('get-group', await client.getGroup({ code: 'nope' }))).toMatchObject({
      message: '分组不存在',
    });
    const english = management({ lang: 'en-US', tenantId: 'TENANT1' });
    expect(await english.getGroup({ code: 'nope' })).toMatchObject({
      statusCode: 404,
      message: 'Group not found',
    });
  });

  it('writes groups and members with signed POST bodies (objects and arrays in the signature)', async () => {
    const client = management();
    const created = checked(
      'create-group',
      await client.createGroup({
        code: 'sdk-made',
        name: 'SDK made',
        description: 'by the SDK',
        type: 'static',
        customData: { a: [1, 2] },
      }),
    );
    expect(created).toMatchObject({ statusCode: 200, data: { code: 'sdk-made' } });
    const duplicate = await client.createGroup({
      code: 'sdk-made',
      name: 'Again',
      description: '',
      type: 'static',
    });
    expect(duplicate.statusCode).toBe(409);
    const updated = await client.updateGroup({
      code: 'sdk-made',
      newCode: 'sdk-renamed',
      description: 'renamed',
    });
    expect(checked('update-group', updated).data.code).toBe('sdk-renamed');
    const frank = env.emulator.demoUsers.find((user) => user.username === 'frank')?.userId as string;
    expect(
      checked('add-group-members', await client.addGroupMembers({ code: 'sdk-renamed', userIds: [frank] }))
        .data,
    ).toEqual({
      success: true,
    });
    expect(
      (await client.listGroupMembers({ code: 'sdk-renamed' })).data.list.map((user) => user.username),
    ).toEqual(['frank']);
    await client.removeGroupMembers({ code: 'sdk-renamed', userIds: [frank] });
    expect((await client.listGroupMembers({ code: 'sdk-renamed' })).data.totalCount).toBe(0);
    expect(
      checked('delete-groups-batch', await client.deleteGroupsBatch({ codeList: ['sdk-renamed'] }))
        .statusCode,
    ).toBe(200);
    expect((await client.getGroup({ code: 'sdk-renamed' })).statusCode).toBe(404);
  });

  it('lists users by keywords (a signed POST with an object in its body) and reads one by each id type', async () => {
    const client = management();
    const found = checked(
      'list-users',
      await client.listUsers({ keywords: 'alice', options: { pagination: { page: 1, limit: 5 } } }),
    );
    expect(found.data.list.map((user) => user.username)).toEqual(['alice']);
    const byEmail = checked(
      'get-user',
      await client.getUser({ userId: 'alice@example.com', userIdType: 'email' }),
    );
    expect(byEmail.data.username).toBe('alice');
    expect(
      (await client.getUser({ userId: byEmail.data.userId, withIdentities: true })).data.identities,
    ).toEqual(expect.any(Array));
  });

  it('is refused with a bad secret (1300), and throws on real HTTP statuses with httpStatus: true', async () => {
    const { accessKeyId } = env.emulator.credentials;
    const wrong = new ManagementClient({ accessKeyId, accessKeySecret: 'wrong', host: env.emulator.url });
    expect(await wrong.listGroups({})).toMatchObject({ statusCode: 401, apiCode: 1300 });

    const strict = await startEmulator({ port: 0, httpStatus: true });
    try {
      const client = management({ url: strict.url });
      expect((await client.listGroups({})).statusCode).toBe(200);
      await expect(client.getGroup({ code: 'nope' })).rejects.toThrow(/status code 404/);
    } finally {
      await strict.close();
    }
  });
});

describe('AuthenticationClient', () => {
  function authentication(tokenEndPointAuthMethod: 'none' | 'client_secret_post' | 'client_secret_basic') {
    const { appId, appSecret } = env.emulator.credentials;
    return new AuthenticationClient({ appId, appSecret, appHost: env.emulator.url, tokenEndPointAuthMethod });
  }

  it.each(['client_secret_post', 'client_secret_basic', 'none'] as const)(
    'signs in by username (%s) and lists the user’s groups',
    async (method) => {
      const client = authentication(method);
      const alice = env.emulator.demoUsers[0];
      const signedIn = checked(
        'signin',
        await client.signInByUsernamePassword({ username: 'alice', password: alice?.password as string }),
      );
      expect(signedIn.statusCode).toBe(200);
      client.setAccessToken(signedIn.data.access_token as string);
      const groups = checked('get-my-group-list', await client.getGroupList());
      expect(groups.data.map((group) => group.code)).toEqual(alice?.groups);
    },
  );

  it('signs in by e-mail and by account, and reports a wrong password in the envelope', async () => {
    const client = authentication('client_secret_post');
    const password = env.emulator.demoUsers[0]?.password as string;
    expect((await client.signInByEmailPassword({ email: 'erin@example.com', password })).statusCode).toBe(
      200,
    );
    expect((await client.signInByAccountPassword({ account: '13800000005', password })).statusCode).toBe(200);
    expect(await client.signInByUsernamePassword({ username: 'erin', password: 'nope' })).toMatchObject({
      statusCode: 400,
      apiCode: 2333,
    });
    expect(await client.getGroupList()).toMatchObject({ statusCode: 401, apiCode: 2020 });
  });
});
