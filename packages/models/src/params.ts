import * as v from 'valibot';
import { resourceTypes } from './authorized-resource.ts';
import { noEcho } from './no-echo.ts';

// Parameters are strict objects: a misspelled or unknown parameter is an error, never silently
// dropped. Defaults are those of authing-node-sdk 4.0.1, which sends them on the wire even when the
// caller omits them (contract section 6), so the parsed output is exactly what goes in the query.

/** A required identifier (group code, user id): a non-empty string. */
const identifier = v.pipe(v.string(), v.nonEmpty());

/** Page number, from 1. The server answers `参数 page 格式错误` to anything else. */
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1);

/** Page size, 1 to 50. The server answers `参数 limit 格式错误` above 50. */
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 10);

/** Parameters of `listGroups` (`GET /api/v3/list-groups`). */
export const ListGroupsDto = noEcho(
  v.strictObject({
    /** Searches group code and name. */
    keywords: v.optional(v.string()),
    /** Page number, from 1. @default 1 */
    page,
    /** Groups per page, 1 to 50. @default 10 */
    limit,
    /**
     * Whether to include metadata. Not sent unless set.
     * @deprecated Deprecated by the service's spec (OAS `deprecated: true`, contract 6.1); it may ignore it.
     */
    withMetadata: v.optional(v.pipe(v.boolean(), v.metadata({ deprecated: true }))),
    /** Whether to include custom data. Not sent unless set. */
    withCustomData: v.optional(v.boolean()),
    /** Whether to flatten extension fields into each item. @default false */
    flatCustomData: v.optional(v.boolean(), false),
  }),
);
/** What a caller passes to `listGroups`. */
export type ListGroupsDto = v.InferInput<typeof ListGroupsDto>;

/** Parameters of `getGroup` (`GET /api/v3/get-group`). */
export const GetGroupDto = noEcho(
  v.strictObject({
    /** Group code. */
    code: identifier,
    /** Whether to include custom data. Not sent unless set. */
    withCustomData: v.optional(v.boolean()),
  }),
);
/** What a caller passes to `getGroup`. */
export type GetGroupDto = v.InferInput<typeof GetGroupDto>;

/** Parameters of `getAllGroups` (`GET /api/v3/get-all-groups`). */
export const GetAllGroupsDto = noEcho(
  v.strictObject({
    /**
     * Whether to include each group's members. Sent only when `true`: the service returns members
     * for any value of `fetchMembers` it receives, `False` included (authing-py-sdk#21), so leaving
     * it out is the only proven way to get groups alone; and with members it fails (500 "unknown
     * error") when any group is empty (Authing/Authing#13). Contract 6.3. @default false
     */
    fetchMembers: v.optional(
      v.pipe(
        v.boolean(),
        v.transform((fetch) => fetch || undefined),
      ),
    ),
    /** Whether to include custom data. Not sent unless set. */
    withCustomData: v.optional(v.boolean()),
  }),
);
/** What a caller passes to `getAllGroups`. */
export type GetAllGroupsDto = v.InferInput<typeof GetAllGroupsDto>;

/** How `getUserGroups` interprets `userId` (contract 6.4). */
export const UserIdType = noEcho(
  v.picklist([
    'user_id',
    'external_id',
    'phone',
    'email',
    'username',
    'identity',
    'sync_relation',
    'custom_field',
  ]),
);
/** @see {@link UserIdType} */
export type UserIdType = v.InferOutput<typeof UserIdType>;

/** Parameters of `getUserGroups` (`GET /api/v3/get-user-groups`). */
export const GetUserGroupsDto = noEcho(
  v.strictObject({
    /**
     * The user, as `userIdType` says: an id, phone, email, username, external id,
     * `<extIdpId>:<userIdInIdp>` (identity) or `<provider>:<userIdInIdp>` (sync_relation).
     */
    userId: identifier,
    /** @default 'user_id' */
    userIdType: v.optional(UserIdType, 'user_id'),
  }),
);
/** What a caller passes to `getUserGroups`. */
export type GetUserGroupsDto = v.InferInput<typeof GetUserGroupsDto>;

/** Parameters of `listGroupMembers` (`GET /api/v3/list-group-members`). */
export const ListGroupMembersDto = noEcho(
  v.strictObject({
    /** Group code. */
    code: identifier,
    /** Page number, from 1. @default 1 */
    page,
    /** Members per page, 1 to 50. @default 10 */
    limit,
    /** Whether to include each user's `customData`. @default false */
    withCustomData: v.optional(v.boolean(), false),
    /** Whether to include each user's `identities`. @default false */
    withIdentities: v.optional(v.boolean(), false),
    /** Whether to include each user's `departmentIds`. @default false */
    withDepartmentIds: v.optional(v.boolean(), false),
    /** Whether to flatten extension fields into each user. @default false */
    flatCustomData: v.optional(v.boolean(), false),
  }),
);
/** What a caller passes to `listGroupMembers`. */
export type ListGroupMembersDto = v.InferInput<typeof ListGroupMembersDto>;

/** Parameters of `getGroupAuthorizedResources` (`GET /api/v3/get-group-authorized-resources`). */
export const GetGroupAuthorizedResourcesDto = noEcho(
  v.strictObject({
    /** Group code. */
    code: identifier,
    /** Permission namespace code; the default namespace when omitted. */
    namespace: v.optional(v.string()),
    /** Only resources of this type. */
    resourceType: v.optional(v.picklist(resourceTypes)),
  }),
);
/** What a caller passes to `getGroupAuthorizedResources`. */
export type GetGroupAuthorizedResourcesDto = v.InferInput<typeof GetGroupAuthorizedResourcesDto>;
