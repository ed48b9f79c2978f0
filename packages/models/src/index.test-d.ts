// Type tests: they lock the types inferred from the schemas, so a schema edit that silently widens
// or narrows a public type fails `pnpm typecheck`.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AccessTokenResDto,
  AuthorizedResourceDto,
  ErrorRespDto,
  Gender,
  GetUserDto,
  GetUserGroupsDto,
  GroupDto,
  GroupListRespDto,
  GroupPaginatedRespDto,
  IdentityDto,
  ListGroupMembersDto,
  ListGroupsDto,
  ListUsersRequestDto,
  ResGroupDto,
  UserDto,
  UserIdType,
  UserPaginatedRespDto,
  UserSearchField,
  UserSingleRespDto,
  ValidationIssue,
} from './index.ts';
import { type GetGroupDto, ListGroupsDto as ListGroupsSchema, parse } from './index.ts';

describe('reply types', () => {
  it('GroupDto has the declared fields, nullish members and metadataSource, and keeps unknown fields', () => {
    expectTypeOf<GroupDto['id']>().toEqualTypeOf<string>();
    expectTypeOf<GroupDto['code']>().toEqualTypeOf<string>();
    expectTypeOf<GroupDto['type']>().toEqualTypeOf<string>();
    expectTypeOf<GroupDto['members']>().toEqualTypeOf<UserDto[] | null | undefined>();
    expectTypeOf<GroupDto['metadataSource']>().toEqualTypeOf<string[] | null | undefined>();
    expectTypeOf<GroupDto['customData']>().toEqualTypeOf<unknown>();
    expectTypeOf<ResGroupDto>().toEqualTypeOf<GroupDto>();
  });

  it('envelopes carry the payload and the optional error fields', () => {
    expectTypeOf<GroupListRespDto['data']>().toEqualTypeOf<GroupDto[]>();
    expectTypeOf<GroupPaginatedRespDto['data']['list']>().toEqualTypeOf<GroupDto[]>();
    expectTypeOf<GroupPaginatedRespDto['data']['totalCount']>().toEqualTypeOf<number>();
    expectTypeOf<UserPaginatedRespDto['data']['list']>().toEqualTypeOf<UserDto[]>();
    expectTypeOf<GroupListRespDto['statusCode']>().toEqualTypeOf<number>();
    expectTypeOf<GroupListRespDto['apiCode']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<ErrorRespDto['requestId']>().toEqualTypeOf<string | null | undefined>();
  });

  it('UserDto: required fields are plain, optional ones nullish, enums open but suggest known values', () => {
    expectTypeOf<UserDto['userId']>().toEqualTypeOf<string>();
    expectTypeOf<UserDto['emailVerified']>().toEqualTypeOf<boolean>();
    expectTypeOf<UserDto['email']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<UserDto['loginsCount']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<UserDto['identities']>().toEqualTypeOf<IdentityDto[] | null | undefined>();
    expectTypeOf<UserDto['customData']>().toEqualTypeOf<unknown>();
    expectTypeOf<'M'>().toExtend<Gender>();
    expectTypeOf<'W'>().toExtend<Gender>();
    expectTypeOf<'any new value'>().toExtend<UserDto['userSourceType']>();
    expectTypeOf<Extract<UserDto['status'], 'Activated'>>().toEqualTypeOf<'Activated'>();
  });

  it('AuthorizedResourceDto and AccessTokenResDto', () => {
    expectTypeOf<AuthorizedResourceDto['actions']>().toEqualTypeOf<string[]>();
    expectTypeOf<AuthorizedResourceDto['apiIdentifier']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<AccessTokenResDto['access_token']>().toEqualTypeOf<string>();
    expectTypeOf<AccessTokenResDto['expires_in']>().toEqualTypeOf<number>();
  });
});

describe('parameter types', () => {
  it('callers may omit defaulted parameters; parsing fills them in', () => {
    expectTypeOf({}).toExtend<ListGroupsDto>();
    expectTypeOf<ListGroupsDto['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf(parse(ListGroupsSchema, {})).toEqualTypeOf<{
      keywords?: string | undefined;
      page: number;
      limit: number;
      withMetadata?: boolean | undefined;
      withCustomData?: boolean | undefined;
      flatCustomData: boolean;
    }>();
  });

  it('required identifiers are required, and enums in parameters are closed', () => {
    expectTypeOf({}).not.toExtend<GetGroupDto>();
    expectTypeOf({}).not.toExtend<ListGroupMembersDto>();
    expectTypeOf<GetUserGroupsDto['userIdType']>().toEqualTypeOf<UserIdType | undefined>();
    expectTypeOf<'mobile'>().not.toExtend<UserIdType>();
    expectTypeOf<ListGroupsDto>().not.toHaveProperty('limt');
  });

  it('issues are plain data', () => {
    expectTypeOf<ValidationIssue>().toEqualTypeOf<{
      readonly path: string;
      readonly expected: string;
      readonly message: string;
    }>();
  });
});

describe('user reads', () => {
  it('getUser takes every userIdType and the SDK flags, and answers one UserDto', () => {
    expectTypeOf<GetUserDto['userId']>().toEqualTypeOf<string>();
    expectTypeOf<GetUserDto['userIdType']>().toEqualTypeOf<UserIdType | undefined>();
    expectTypeOf<GetUserDto['withIdentities']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<UserSingleRespDto['data']>().toEqualTypeOf<UserDto>();
  });

  it('listUsers takes keywords, paging and the searched fields', () => {
    expectTypeOf<ListUsersRequestDto['keywords']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<ListUsersRequestDto['options']>['pagination']>().toEqualTypeOf<
      { page?: number | undefined; limit?: number | undefined } | undefined
    >();
    expectTypeOf<NonNullable<ListUsersRequestDto['options']>['fuzzySearchOn']>().toEqualTypeOf<
      UserSearchField[] | undefined
    >();
  });
});
