import * as v from 'valibot';
import { envelope } from './envelope.ts';
import { noEcho } from './no-echo.ts';
import { UserIdType } from './params.ts';
import { UserDto } from './user.ts';

// The parameters of the user reads a member picker needs, as authing-node-sdk 4.0.1 declares them
// (`ManagementClient.getUser()`, `listUsers()` and `src/models/ListUsers*Dto.ts`).

/** A required identifier: a non-empty string. */
const identifier = v.pipe(v.string(), v.nonEmpty());

/** Parameters of `getUser` (`GET /api/v3/get-user`), with the defaults the official SDK sends. */
export const GetUserDto = noEcho(
  v.strictObject({
    /** The user, as `userIdType` says (see {@link GetUserGroupsDto}). */
    userId: identifier,
    /** @default 'user_id' */
    userIdType: v.optional(UserIdType, 'user_id'),
    /** Whether to flatten extension fields into the user. @default false */
    flatCustomData: v.optional(v.boolean(), false),
    /** Whether to include `customData`. @default false */
    withCustomData: v.optional(v.boolean(), false),
    /** Whether to include the user's posts. @default false */
    withPost: v.optional(v.boolean(), false),
    /** Whether to include `identities`. @default false */
    withIdentities: v.optional(v.boolean(), false),
    /** Whether to include `departmentIds`. @default false */
    withDepartmentIds: v.optional(v.boolean(), false),
  }),
);
/** What a caller passes to `getUser`. */
export type GetUserDto = v.InferInput<typeof GetUserDto>;

/** The user fields a `listUsers` keyword search can look in (`options.fuzzySearchOn`). */
export const UserSearchField = noEcho(
  v.picklist([
    'id',
    'phone',
    'email',
    'name',
    'username',
    'externalId',
    'nickname',
    'company',
    'givenName',
    'familyName',
    'middleName',
    'profile',
    'preferredUsername',
    'website',
    'address',
    'formatted',
    'streetAddress',
    'postalCode',
    'identityNumber',
  ]),
);
/** @see {@link UserSearchField} */
export type UserSearchField = v.InferOutput<typeof UserSearchField>;

/** Paging of `listUsers` (`PaginationDto`); the server's defaults apply to what is left out. */
export const PaginationDto = noEcho(
  v.strictObject({
    /** Page number, from 1. Server default 1. */
    page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    /** Users per page, 1 to 50. Server default 10. */
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
);
/** @see {@link PaginationDto} */
export type PaginationDto = v.InferInput<typeof PaginationDto>;

/** `options` of `listUsers` (`ListUsersOptionsDto`), without `sort`. */
export const ListUsersOptionsDto = noEcho(
  v.strictObject({
    pagination: v.optional(PaginationDto),
    /**
     * Where `keywords` is looked for. Server default: phone, email, name, username and nickname
     * (the SDK's documentation of this field).
     */
    fuzzySearchOn: v.optional(v.pipe(v.array(UserSearchField), v.nonEmpty())),
    /** Whether to include each user's `customData`. */
    withCustomData: v.optional(v.boolean()),
    /** Whether to include each user's posts. */
    withPost: v.optional(v.boolean()),
    /** Whether to include each user's `identities`. */
    withIdentities: v.optional(v.boolean()),
    /** Whether to include each user's `departmentIds`. */
    withDepartmentIds: v.optional(v.boolean()),
    /** Whether to flatten extension fields into each user. */
    flatCustomData: v.optional(v.boolean()),
  }),
);
/** @see {@link ListUsersOptionsDto} */
export type ListUsersOptionsDto = v.InferInput<typeof ListUsersOptionsDto>;

/**
 * Body of `listUsers` (`POST /api/v3/list-users`, `ListUsersRequestDto`). The official SDK sends
 * it as given, without defaults. Its `advancedFilter`, `searchQuery` (an Elasticsearch query) and
 * `options.sort` are not offered here: the toolkit finds users by keywords, and the emulator could
 * not answer the others faithfully, so they are refused by name instead of silently ignored.
 */
export const ListUsersRequestDto = noEcho(
  v.strictObject({
    /** Searched for in the fields of `options.fuzzySearchOn`. */
    keywords: v.optional(v.string()),
    options: v.optional(ListUsersOptionsDto),
  }),
);
/** What a caller passes to `listUsers`. */
export type ListUsersRequestDto = v.InferInput<typeof ListUsersRequestDto>;

/** Reply of `get-user`. */
export const UserSingleRespDto = envelope(UserDto);
/** @see {@link UserSingleRespDto} */
export type UserSingleRespDto = v.InferOutput<typeof UserSingleRespDto>;
