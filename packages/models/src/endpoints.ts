import type * as v from 'valibot';
import { AuthorizedResourceListRespDto } from './authorized-resource.ts';
import { GroupListRespDto, GroupPaginatedRespDto, GroupSingleRespDto } from './group.ts';
import {
  AddGroupMembersReqDto,
  CreateGroupReqDto,
  DeleteGroupsReqDto,
  IsSuccessRespDto,
  RemoveGroupMembersReqDto,
  UpdateGroupReqDto,
} from './group-write.ts';
import { GetManagementAccessTokenDto, GetManagementTokenRespDto } from './management-token.ts';
import {
  GetAllGroupsDto,
  GetGroupAuthorizedResourcesDto,
  GetGroupDto,
  GetUserGroupsDto,
  ListGroupMembersDto,
  ListGroupsDto,
} from './params.ts';
import { LoginTokenRespDto, SigninByCredentialsDto } from './sign-in.ts';
import { UserPaginatedRespDto } from './user.ts';
import { GetUserDto, ListUsersRequestDto, UserSingleRespDto } from './user-query.ts';

/**
 * One V3 endpoint: where it is, what it takes and what it answers. Clients and the emulator read
 * paths and schemas from here, so they cannot drift apart.
 */
export interface Endpoint<
  TParams extends v.GenericSchema | undefined = v.GenericSchema | undefined,
  TResponse extends v.GenericSchema = v.GenericSchema,
> {
  /** HTTP method. */
  readonly method: 'GET' | 'POST';
  /** Path under the host, e.g. `/api/v3/list-groups`. */
  readonly path: `/api/v3/${string}`;
  /** `authentication`: called with an end user's token on the app host; `management`: with management credentials. */
  readonly side: 'authentication' | 'management';
  /** Query parameters (GET) or JSON body (POST); `undefined` when the endpoint takes none. */
  readonly params: TParams;
  /** The successful reply. Failures are an {@link ErrorRespDto}. */
  readonly response: TResponse;
}

/** `AuthenticationClient.getGroupList()`: the signed-in user's groups (contract 4.2). */
export const getMyGroupList = {
  method: 'GET',
  path: '/api/v3/get-my-group-list',
  side: 'authentication',
  params: undefined,
  response: GroupListRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.listGroups()` (contract 6.1). */
export const listGroups = {
  method: 'GET',
  path: '/api/v3/list-groups',
  side: 'management',
  params: ListGroupsDto,
  response: GroupPaginatedRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.getGroup()` (contract 6.2). */
export const getGroup = {
  method: 'GET',
  path: '/api/v3/get-group',
  side: 'management',
  params: GetGroupDto,
  response: GroupSingleRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.getAllGroups()` (contract 6.3). */
export const getAllGroups = {
  method: 'GET',
  path: '/api/v3/get-all-groups',
  side: 'management',
  params: GetAllGroupsDto,
  response: GroupListRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.getUserGroups()` (contract 6.4). */
export const getUserGroups = {
  method: 'GET',
  path: '/api/v3/get-user-groups',
  side: 'management',
  params: GetUserGroupsDto,
  response: GroupPaginatedRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.listGroupMembers()` (contract 6.5). */
export const listGroupMembers = {
  method: 'GET',
  path: '/api/v3/list-group-members',
  side: 'management',
  params: ListGroupMembersDto,
  response: UserPaginatedRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.getGroupAuthorizedResources()` (contract 6.6). */
export const getGroupAuthorizedResources = {
  method: 'GET',
  path: '/api/v3/get-group-authorized-resources',
  side: 'management',
  params: GetGroupAuthorizedResourcesDto,
  response: AuthorizedResourceListRespDto,
} as const satisfies Endpoint;

/**
 * The management token exchange of the Java, Python and Go SDKs (contract 5.2); `ManagementClient`
 * calls it with `auth: 'token'`. Served without credentials: it is how they are obtained.
 */
export const getManagementToken = {
  method: 'POST',
  path: '/api/v3/get-management-token',
  side: 'management',
  params: GetManagementAccessTokenDto,
  response: GetManagementTokenRespDto,
} as const satisfies Endpoint;

/**
 * Password sign-in, as the official `authing-node-sdk`'s `AuthenticationClient.signInBy*Password()`
 * calls it: how an end user gets a token. No client of this repository calls it; the emulator
 * serves it, and tests sign in through it.
 */
export const signIn = {
  method: 'POST',
  path: '/api/v3/signin',
  side: 'authentication',
  params: SigninByCredentialsDto,
  response: LoginTokenRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.createGroup()`. */
export const createGroup = {
  method: 'POST',
  path: '/api/v3/create-group',
  side: 'management',
  params: CreateGroupReqDto,
  response: GroupSingleRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.updateGroup()`. */
export const updateGroup = {
  method: 'POST',
  path: '/api/v3/update-group',
  side: 'management',
  params: UpdateGroupReqDto,
  response: GroupSingleRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.deleteGroupsBatch()`. */
export const deleteGroupsBatch = {
  method: 'POST',
  path: '/api/v3/delete-groups-batch',
  side: 'management',
  params: DeleteGroupsReqDto,
  response: IsSuccessRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.addGroupMembers()`. */
export const addGroupMembers = {
  method: 'POST',
  path: '/api/v3/add-group-members',
  side: 'management',
  params: AddGroupMembersReqDto,
  response: IsSuccessRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.removeGroupMembers()`. */
export const removeGroupMembers = {
  method: 'POST',
  path: '/api/v3/remove-group-members',
  side: 'management',
  params: RemoveGroupMembersReqDto,
  response: IsSuccessRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.listUsers()`: a page of the pool's users, searched by keywords. */
export const listUsers = {
  method: 'POST',
  path: '/api/v3/list-users',
  side: 'management',
  params: ListUsersRequestDto,
  response: UserPaginatedRespDto,
} as const satisfies Endpoint;

/** `ManagementClient.getUser()`: one user, by any of the `userIdType`s. */
export const getUser = {
  method: 'GET',
  path: '/api/v3/get-user',
  side: 'management',
  params: GetUserDto,
  response: UserSingleRespDto,
} as const satisfies Endpoint;
