import { describe, expect, it } from 'vitest';
import {
  GetAllGroupsDto,
  GetGroupAuthorizedResourcesDto,
  GetGroupDto,
  GetUserGroupsDto,
  ListGroupMembersDto,
  ListGroupsDto,
} from './params.ts';
import { parse, safeParse } from './parse.ts';

describe('defaults', () => {
  // The parsed parameters are what goes on the wire: authing-node-sdk 4.0.1 sends these defaults
  // (contract section 6, captured URLs).
  it.each([
    ['listGroups', ListGroupsDto, {}, { page: 1, limit: 10, flatCustomData: false }],
    ['getGroup', GetGroupDto, { code: 'developer' }, { code: 'developer' }],
    ['getAllGroups', GetAllGroupsDto, {}, {}],
    ['getUserGroups', GetUserGroupsDto, { userId: 'a@b.com' }, { userId: 'a@b.com', userIdType: 'user_id' }],
    [
      'listGroupMembers',
      ListGroupMembersDto,
      { code: 'developer' },
      {
        code: 'developer',
        page: 1,
        limit: 10,
        withCustomData: false,
        withIdentities: false,
        withDepartmentIds: false,
        flatCustomData: false,
      },
    ],
    [
      'getGroupAuthorizedResources',
      GetGroupAuthorizedResourcesDto,
      { code: 'developer' },
      { code: 'developer' },
    ],
  ] as const)('%s fills in what the official SDK sends', (_, schema, input, output) => {
    expect(parse(schema, input)).toStrictEqual(output);
  });

  it('keeps what the caller set', () => {
    const input = {
      keywords: 'dev ops',
      page: 2,
      limit: 50,
      withMetadata: true,
      withCustomData: true,
      flatCustomData: true,
    };
    expect(parse(ListGroupsDto, input)).toStrictEqual(input);
  });
});

describe('getAllGroups fetchMembers', () => {
  // Any value the service receives fetches members, False included (contract 6.3): only `true`
  // may go on the wire.
  it.each([
    [{}, {}],
    [{ fetchMembers: false }, {}],
    [{ fetchMembers: true }, { fetchMembers: true }],
    [{ fetchMembers: false, withCustomData: true }, { withCustomData: true }],
  ])('parses %j as %j', (input, output) => {
    // `toEqual`: a dropped value is `undefined`, which the transport leaves out of the query.
    expect(parse(GetAllGroupsDto, input)).toEqual(output);
  });
});

describe('page and limit', () => {
  it.each([
    [{ limit: 51 }, 'limit: expected <=50'],
    [{ limit: 0 }, 'limit: expected >=1'],
    [{ limit: 100000 }, 'limit: expected <=50'],
    [{ limit: 2.5 }, 'limit: expected an integer'],
    [{ limit: '10' }, 'limit: expected number'],
    [{ page: 0 }, 'page: expected >=1'],
    [{ page: -1 }, 'page: expected >=1'],
    [{ page: Number.NaN }, 'page: expected number'],
  ])('refuses %o, naming the field', (input, message) => {
    for (const [schema, base] of [
      [ListGroupsDto, {}],
      [ListGroupMembersDto, { code: 'developer' }],
    ] as const) {
      const result = safeParse(schema, { ...base, ...input });
      expect(result).toMatchObject({ success: false });
      if (!result.success) expect(result.issues.map((issue) => issue.message)).toEqual([message]);
    }
  });

  it('accepts the bounds', () => {
    expect(parse(ListGroupsDto, { page: 1, limit: 1 })).toMatchObject({ page: 1, limit: 1 });
    expect(parse(ListGroupMembersDto, { code: 'c', page: 9999, limit: 50 })).toMatchObject({
      page: 9999,
      limit: 50,
    });
  });
});

describe('unknown and missing parameters', () => {
  it('refuses a misspelled parameter instead of dropping it', () => {
    expect(safeParse(ListGroupsDto, { limt: 20 })).toMatchObject({
      success: false,
      issues: [{ path: 'limt', message: 'limt: unknown field' }],
    });
  });

  it('refuses a parameter of another method', () => {
    expect(safeParse(GetGroupDto, { code: 'developer', page: 1 })).toMatchObject({
      success: false,
      issues: [{ message: 'page: unknown field' }],
    });
  });

  it.each([
    [GetGroupDto, {}, 'code: missing'],
    [GetGroupDto, { code: '' }, 'code: expected a non-empty value'],
    [ListGroupMembersDto, {}, 'code: missing'],
    [GetGroupAuthorizedResourcesDto, { code: '' }, 'code: expected a non-empty value'],
    [GetUserGroupsDto, {}, 'userId: missing'],
  ] as const)('refuses a missing or empty identifier', (schema, input, message) => {
    const result = safeParse(schema, input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('refuses a value that is not a parameters object', () => {
    expect(safeParse(ListGroupsDto, 'page=2')).toMatchObject({ success: false, issues: [{ path: '' }] });
  });
});

describe('enums in parameters are closed', () => {
  it.each([
    'user_id',
    'external_id',
    'phone',
    'email',
    'username',
    'identity',
    'sync_relation',
    'custom_field',
  ])('accepts userIdType %s', (userIdType) => {
    expect(parse(GetUserGroupsDto, { userId: 'x', userIdType })).toEqual({ userId: 'x', userIdType });
  });

  it('refuses an unknown userIdType, listing the known ones', () => {
    const result = safeParse(GetUserGroupsDto, { userId: 'x', userIdType: 'mobile' });
    expect(result).toMatchObject({ success: false, issues: [{ path: 'userIdType' }] });
    if (!result.success) expect(result.issues[0]?.expected).toContain('"sync_relation"');
  });

  it('accepts the five resource types and refuses others', () => {
    for (const resourceType of ['DATA', 'API', 'MENU', 'BUTTON', 'UI']) {
      expect(parse(GetGroupAuthorizedResourcesDto, { code: 'c', resourceType })).toMatchObject({
        resourceType,
      });
    }
    expect(safeParse(GetGroupAuthorizedResourcesDto, { code: 'c', resourceType: 'api' }).success).toBe(false);
  });
});
