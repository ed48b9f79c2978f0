import { readContractJson } from '@genauth-groups/contract';
import { describe, expect, it } from 'vitest';
import { parse, safeParse } from './parse.ts';
import { UserDto, UserPaginatedRespDto } from './user.ts';

const fixture = readContractJson('fixtures/list-group-members/ok.json') as {
  data: { list: Record<string, unknown>[] };
};
const alice = fixture.data.list[0] as Record<string, unknown> & { identities: Record<string, unknown>[] };

describe('UserDto', () => {
  it('accepts enum values the docs do not list, as the live server sends them', () => {
    const user = parse(UserDto, {
      ...alice,
      gender: 'W',
      userSourceType: 'workflow',
      status: 'Locked',
      identities: [
        { ...alice.identities[0], provider: 'zjzwfw' },
        { ...alice.identities[0], provider: 'brand-new-idp' },
      ],
    });
    expect(user.gender).toBe('W');
    expect(user.userSourceType).toBe('workflow');
    expect(user.status).toBe('Locked');
    expect(user.identities?.map((identity) => identity.provider)).toEqual(['zjzwfw', 'brand-new-idp']);
  });

  it('accepts both spellings of the sync source', () => {
    expect(parse(UserDto, { ...alice, userSourceType: 'sync' }).userSourceType).toBe('sync');
    expect(parse(UserDto, { ...alice, userSourceType: 'syncTask' }).userSourceType).toBe('syncTask');
  });

  it('keeps fields it does not know, on the user and on nested identities', () => {
    const user = parse(UserDto, {
      ...alice,
      employeeLevel: 'P6',
      identities: [{ ...alice.identities[0], unionid: 'u-1' }],
    });
    expect(user).toMatchObject({ employeeLevel: 'P6', identities: [{ unionid: 'u-1' }] });
  });

  it('accepts every optional field as null or absent', () => {
    const required = [
      'userId',
      'createdAt',
      'updatedAt',
      'status',
      'workStatus',
      'gender',
      'emailVerified',
      'phoneVerified',
      'userSourceType',
    ];
    const minimal = Object.fromEntries(required.map((key) => [key, alice[key]]));
    const nulls = Object.fromEntries(
      Object.keys(alice).map((key) => [key, required.includes(key) ? alice[key] : null]),
    );
    expect(safeParse(UserDto, minimal).success).toBe(true);
    expect(safeParse(UserDto, nulls).success).toBe(true);
  });

  it('accepts identities with null userInfoInIdp, type and originConnIds, as the Java SDK does', () => {
    const identity = { ...alice.identities[0], userInfoInIdp: null, type: null, originConnIds: null };
    const page = { ...fixture, data: { totalCount: 2, list: [alice, { ...alice, identities: [identity] }] } };
    const result = safeParse(UserPaginatedRespDto, page);
    expect(result).toMatchObject({
      success: true,
      output: { data: { list: [{}, { identities: [identity] }] } },
    });
    for (const userInfoInIdp of ['{"a":1}', 42, [1], true]) {
      expect(safeParse(UserDto, { ...alice, identities: [{ ...identity, userInfoInIdp }] }).success).toBe(
        true,
      );
    }
  });

  it('accepts any JSON value as customData, as the Node (any) and Java (Object) SDKs do', () => {
    for (const customData of [{ level: 'P6' }, 'text', 7, [1, 2], false, null]) {
      expect(safeParse(UserDto, { ...alice, customData })).toMatchObject({
        success: true,
        output: { customData },
      });
    }
  });

  it('still requires the required fields, and typed enum values', () => {
    const { status: _status, ...withoutStatus } = alice;
    expect(safeParse(UserDto, withoutStatus)).toMatchObject({
      success: false,
      issues: [{ message: 'status: missing' }],
    });
    expect(safeParse(UserDto, { ...alice, gender: 1 })).toMatchObject({
      success: false,
      issues: [{ path: 'gender' }],
    });
    expect(safeParse(UserDto, { ...alice, emailVerified: null })).toMatchObject({
      success: false,
      issues: [{ message: 'emailVerified: expected boolean' }],
    });
  });

  it('rejects the docs generator artefacts: a JSON string for an array, an object for a list', () => {
    const result = safeParse(UserDto, {
      ...alice,
      departmentIds: '["624d930c3xxxx5c08dd4986e"]',
      identities: alice.identities[0],
    });
    expect(result).toMatchObject({
      success: false,
      issues: [
        { path: 'departmentIds', expected: 'Array' },
        { path: 'identities', expected: 'Array' },
      ],
    });
  });

  it('never echoes identity tokens in errors', () => {
    const accessToken = '57_fK0xgSL_NwVlS-gmUwlMQ2N6AONNIOAY-real';
    const result = safeParse(UserPaginatedRespDto, {
      ...fixture,
      data: {
        totalCount: 1,
        list: [{ ...alice, identities: [{ ...alice.identities[0], accessToken, type: 5 }] }],
      },
    });
    expect(result).toMatchObject({ success: false, issues: [{ path: 'data.list[0].identities[0].type' }] });
    expect(JSON.stringify(result)).not.toContain(accessToken);
  });
});
