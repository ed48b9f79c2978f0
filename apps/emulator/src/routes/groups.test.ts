import {
  createGroup,
  deleteGroupsBatch,
  getAllGroups,
  getGroup,
  getManagementToken,
  listGroups,
} from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { parseResponses, rawExchange } from '../testing/raw-http.ts';
import { TestClient, useEmulator } from '../testing/test-client.ts';

const DEMO_CODES_NEWEST_FIRST = [
  'rd-center',
  'contractors',
  'designer',
  'auditors',
  'ops',
  'developer',
  'all-staff',
];

describe('list-groups', () => {
  const env = useEmulator({ generate: { groups: 120, users: 0 } });

  it('lists groups newest first with the SDK defaults (page 1, limit 10)', async () => {
    const { body } = await env.api.get(listGroups, { page: 1, limit: 10, flatCustomData: false });
    expect(body.statusCode).toBe(200);
    expect(body.data.totalCount).toBe(127);
    expect(body.data.list).toHaveLength(10);
    expect(body.data.list[0]).toMatchObject({
      code: 'team-00120',
      type: 'static',
      members: [],
      metadataSource: [],
    });
  });

  it('reads a raw query as a URL parser does: percent-escapes decoded, a fragment left out', async () => {
    const { accessKeyId, accessKeySecret } = env.emulator.credentials;
    const token = await new TestClient(env.emulator).post(getManagementToken, {
      accessKeyId,
      accessKeySecret,
    });
    const authorization = `Bearer ${token.body.data.access_token}`;
    const { text } = await rawExchange(env.emulator.port, [
      `GET ${listGroups.path}?keywords=%E7%A0%94%E5%8F%91&limit=1#limit=51 HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Authorization: ${authorization}\r\nConnection: close\r\n\r\n`,
    ]);
    const [reply] = parseResponses(text);
    expect(JSON.parse(reply?.body ?? '')).toMatchObject({
      statusCode: 200,
      data: { totalCount: 1, list: [{ code: 'rd-center' }] },
    });
  });

  it('defaults to page 1 and 10 items when the query is empty, as the Python SDK calls it', async () => {
    const { body } = await env.api.get(listGroups);
    expect(body.data.list.map((group) => group.code)).toEqual(
      Array.from({ length: 10 }, (_, index) => `team-${String(120 - index).padStart(5, '0')}`),
    );
  });

  it('pages without overlap, and an empty page beyond the end keeps the total', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => env.api.get(listGroups, { page, limit: 50 })));
    const codes = pages.flatMap(({ body }) => body.data.list.map((group) => group.code));
    expect(codes).toHaveLength(127);
    expect(new Set(codes).size).toBe(127);
    expect(codes.slice(-7)).toEqual(DEMO_CODES_NEWEST_FIRST);
    const beyond = await env.api.get(listGroups, { page: 99, limit: 50 });
    expect(beyond.body.data).toEqual({ totalCount: 127, list: [] });
  });

  it('counts every keyword match in totalCount, across pages', async () => {
    const { body } = await env.api.get(listGroups, { keywords: 'TEAM-001', limit: 5 });
    // team-00100 to team-00120.
    expect(body.data.totalCount).toBe(21);
    expect(body.data.list[0]?.code).toBe('team-00120');
    expect(body.data.list).toHaveLength(5);
  });

  it('finds a group created a moment ago first, by keyword too', async () => {
    await env.api.post(createGroup, {
      code: 'fresh-one',
      name: 'Freshly Made',
      description: '',
      type: 'static',
    });
    const all = await env.api.get(listGroups, { limit: 1 });
    expect(all.body.data.list[0]?.code).toBe('fresh-one');
    const found = await env.api.get(listGroups, { keywords: 'freshly' });
    expect(found.body.data.list.map((group) => group.code)).toEqual(['fresh-one']);
  });

  it('adds custom data nested with withCustomData, or flat with flatCustomData', async () => {
    const nested = await env.api.get(listGroups, { keywords: 'developer', withCustomData: true });
    expect(nested.body.data.list[0]).toMatchObject({
      code: 'developer',
      customData: { slackChannel: '#dev' },
    });
    const flat = await env.api.get(listGroups, { keywords: 'developer', flatCustomData: true });
    expect(flat.body.data.list[0]).toMatchObject({ code: 'developer', slackChannel: '#dev' });
    expect(flat.body.data.list[0]).not.toHaveProperty('customData');
    const plain = await env.api.get(listGroups, { keywords: 'developer' });
    expect(plain.body.data.list[0]).not.toHaveProperty('customData');
  });

  it.each([
    ['page=-1', { page: -1 }, '参数 page 格式错误'],
    ['page=0', { page: 0 }, '参数 page 格式错误'],
    ['page=1.5', { page: 1.5 }, '参数 page 格式错误'],
    ['page=abc', { page: 'abc' }, '参数 page 格式错误'],
    ['limit=100000', { limit: 100000 }, '参数 limit 格式错误'],
    ['limit=51', { limit: 51 }, '参数 limit 格式错误'],
    ['limit=0', { limit: 0 }, '参数 limit 格式错误'],
    ['withCustomData=yes', { withCustomData: 'yes' }, '参数 withCustomData 格式错误'],
    [
      'flatCustomData=TRUE (no official SDK spells it so)',
      { flatCustomData: 'TRUE' },
      '参数 flatCustomData 格式错误',
    ],
  ])('refuses %s with HTTP 200 and a 400 envelope', async (_, query, message) => {
    const { status, body } = await env.api.get(listGroups, query);
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 400, message });
    expect(body).not.toHaveProperty('data');
  });

  it.each(['true', 'False', 'yes', ''])('ignores the deprecated withMetadata=%j', async (withMetadata) => {
    const { body } = await env.api.get(listGroups, { keywords: 'developer', withMetadata });
    expect(body).toMatchObject({ statusCode: 200, data: { totalCount: 1 } });
    expect(body.data.list[0]).not.toHaveProperty('metadata');
  });

  it('accepts limit=50 and ignores parameters it does not know', async () => {
    const { body } = await env.api.get(listGroups, { limit: 50, status: 403 });
    expect(body.statusCode).toBe(200);
    expect(body.data.list).toHaveLength(50);
  });
});

describe('list-groups keyword search', () => {
  const env = useEmulator();

  it.each([
    ['keywords matching the code, any case', 'DEVEL', ['developer']],
    ['keywords matching the name', 'operat', ['ops']],
    ['a short keyword (no trigram index)', 'de', ['designer', 'developer']],
    ['a one-character keyword', 'O', ['contractors', 'auditors', 'ops', 'developer']],
    ['a Chinese keyword', '研发', ['rd-center']],
    ['a Chinese keyword of three characters', '研发中', ['rd-center']],
    ['keywords with a quote', 'dev"', []],
    ['keywords that match nothing', 'no such group', []],
  ])('searches %s', async (_, keywords, codes) => {
    const { body } = await env.api.get(listGroups, { keywords, limit: 50 });
    expect(body.data.list.map((group) => group.code)).toEqual(codes);
  });
});

describe('get-group', () => {
  const env = useEmulator();

  it('returns the group with members: [] and metadataSource: []', async () => {
    const { body } = await env.api.get(getGroup, { code: 'developer' });
    expect(body.data).toEqual({
      id: '65f0c1d2e3f4a5b6c7d8e9f1',
      code: 'developer',
      name: 'Developers',
      description: 'Everyone who ships code',
      type: 'static',
      metadataSource: [],
      members: [],
    });
  });

  it('adds customData with withCustomData=true', async () => {
    const { body } = await env.api.get(getGroup, { code: 'developer', withCustomData: true });
    expect(body.data.customData).toEqual({ slackChannel: '#dev' });
  });

  it('answers 分组不存在 (404) for an unknown code, and 参数 code 格式错误 without one', async () => {
    const missing = await env.api.get(getGroup, { code: 'nope' });
    expect(missing.body).toMatchObject({ statusCode: 404, message: '分组不存在' });
    const empty = await env.api.get(getGroup, { code: '' });
    expect(empty.body).toMatchObject({ statusCode: 400, message: '参数 code 格式错误' });
    const none = await env.api.get(getGroup);
    expect(none.body).toMatchObject({ statusCode: 400, message: '参数 code 格式错误' });
  });
});

describe('get-all-groups', () => {
  const env = useEmulator();

  it.each([
    ['without fetchMembers (as our clients call it)', {}],
    ['with fetchMembers=false (as Node sends it)', { fetchMembers: 'false' }],
    ['with fetchMembers=False (as Python sends it)', { fetchMembers: 'False' }],
  ])('returns every group without members %s', async (_, query) => {
    const { body } = await env.api.get(getAllGroups, query);
    expect(body.data.map((group) => group.code)).toEqual(DEMO_CODES_NEWEST_FIRST);
    expect(body.data.every((group) => group.members?.length === 0)).toBe(true);
  });

  it.each(['true', 'True'])(
    'returns members with fetchMembers=%s, empty groups included (Authing#13 is not reproduced)',
    async (value) => {
      const { body } = await env.api.get(getAllGroups, { fetchMembers: value });
      const sizes = Object.fromEntries(body.data.map((group) => [group.code, group.members?.length]));
      expect(sizes).toEqual({
        'all-staff': 61,
        developer: 3,
        ops: 2,
        auditors: 1,
        designer: 1,
        contractors: 0,
        'rd-center': 2,
      });
      const developer = body.data.find((group) => group.code === 'developer');
      expect(developer?.members?.[0]).toMatchObject({ username: 'alice', email: 'alice@example.com' });
      expect(developer?.members?.[0]).not.toHaveProperty('identities');
    },
  );

  it.each(['1', '', 'yes', 'TRUE'])(
    'refuses fetchMembers=%j, a spelling no official SDK sends',
    async (value) => {
      const { body } = await env.api.get(getAllGroups, { fetchMembers: value });
      expect(body).toMatchObject({ statusCode: 400, message: '参数 fetchMembers 格式错误' });
    },
  );
});

describe('get-all-groups with reproduceGetAllGroupsBugs', () => {
  const env = useEmulator({ reproduceGetAllGroupsBugs: true });

  it.each(['true', 'True', 'false', 'False'])(
    'fails with 500 unknown error with fetchMembers=%s while a group is empty',
    async (value) => {
      const { body } = await env.api.get(getAllGroups, { fetchMembers: value });
      expect(body).toMatchObject({ statusCode: 500, message: 'unknown error' });
    },
  );

  it('returns the groups alone without fetchMembers', async () => {
    const { body } = await env.api.get(getAllGroups);
    expect(body.statusCode).toBe(200);
    expect(body.data.every((group) => group.members?.length === 0)).toBe(true);
  });

  it.each(['true', 'True', 'false', 'False'])(
    'returns members with fetchMembers=%s once no group is empty',
    async (value) => {
      await env.api.post(deleteGroupsBatch, { codeList: ['contractors'] });
      const { body } = await env.api.get(getAllGroups, { fetchMembers: value });
      expect(body.data.find((group) => group.code === 'ops')?.members).toHaveLength(2);
    },
  );
});
