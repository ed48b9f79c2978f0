/**
 * The data model of the GenAuth (formerly Authing) V3 user-group APIs: valibot schemas, the
 * TypeScript types inferred from them under the official SDKs' model names, the parameters of
 * each method, and a validation error that never echoes received values.
 *
 * Each schema and its type share a name, so `GroupDto` is both:
 * `parse(GroupDto, json)` at run time and `const group: GroupDto` in types.
 *
 * @module
 */

export {
  AuthorizedResourceDto,
  AuthorizedResourceListRespDto,
  PolicyCondition,
  PolicyConditionOperator,
  PolicyConditionParam,
  PolicyEffect,
  ResourceType,
  resourceTypes,
} from './authorized-resource.ts';
export {
  addGroupMembers,
  createGroup,
  deleteGroupsBatch,
  type Endpoint,
  getAllGroups,
  getGroup,
  getGroupAuthorizedResources,
  getManagementToken,
  getMyGroupList,
  getUser,
  getUserGroups,
  listGroupMembers,
  listGroups,
  listUsers,
  removeGroupMembers,
  signIn,
  updateGroup,
} from './endpoints.ts';
export { ErrorRespDto, envelope } from './envelope.ts';
export {
  GroupDto,
  GroupListRespDto,
  GroupPaginatedRespDto,
  GroupPagingDto,
  GroupSingleRespDto,
  ResGroupDto,
} from './group.ts';
export {
  AddGroupMembersReqDto,
  CreateGroupReqDto,
  DeleteGroupsReqDto,
  IsSuccessDto,
  IsSuccessRespDto,
  RemoveGroupMembersReqDto,
  UpdateGroupReqDto,
} from './group-write.ts';
export { knownValues } from './known-values.ts';
export {
  AccessTokenResDto,
  GetManagementAccessTokenDto,
  GetManagementTokenRespDto,
} from './management-token.ts';
export { type OpenEnum, openEnum } from './open-enum.ts';
export {
  GetAllGroupsDto,
  GetGroupAuthorizedResourcesDto,
  GetGroupDto,
  GetUserGroupsDto,
  ListGroupMembersDto,
  ListGroupsDto,
  UserIdType,
} from './params.ts';
export { parse, parseFast, type SafeParseResult, safeParse } from './parse.ts';
export {
  LoginTokenRespDto,
  LoginTokenResponseDataDto,
  SignInByPasswordPayloadDto,
  SigninByCredentialsDto,
} from './sign-in.ts';
export {
  Gender,
  IdentityDto,
  IdentityProvider,
  UserDto,
  UserPaginatedRespDto,
  UserPagingDto,
  UserSourceType,
  UserStatus,
  UserWorkStatus,
} from './user.ts';
export {
  GetUserDto,
  ListUsersOptionsDto,
  ListUsersRequestDto,
  PaginationDto,
  UserSearchField,
  UserSingleRespDto,
} from './user-query.ts';
export {
  isValidationError,
  ValidationError,
  type ValidationIssue,
  validationIssue,
} from './validation-error.ts';
