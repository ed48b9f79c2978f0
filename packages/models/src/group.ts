import * as v from 'valibot';
import { envelope, paged } from './envelope.ts';
import { noEcho } from './no-echo.ts';
import { UserDto } from './user.ts';

/**
 * A user group (contract 7.2).
 *
 * `members` and `metadataSource` are "required" in the types but were added late (2023) and come
 * back `null` or absent in the wild (Java SDK issue #79), so both are nullish. `members` is only
 * filled where the endpoint was asked for members (`get-all-groups?fetchMembers=true`).
 * No `customData` is declared even though `withCustomData` exists: whatever the server adds is kept.
 */
export const GroupDto = noEcho(
  v.looseObject({
    /** 24-hex id, e.g. `60b49eb83fd80adb96f26e68`. */
    id: v.string(),
    /** Unique code, e.g. `developer`. */
    code: v.string(),
    name: v.string(),
    description: v.string(),
    /** Group type, e.g. `static`; no enum is declared. */
    type: v.string(),
    metadataSource: v.nullish(v.array(v.string())),
    members: v.nullish(v.array(UserDto)),
  }),
);
/** @see {@link GroupDto} */
export type GroupDto = v.InferOutput<typeof GroupDto>;

/** The group items of a paged reply: the same fields as {@link GroupDto}, under the official SDKs' own name. */
export const ResGroupDto = GroupDto;
/** @see {@link ResGroupDto} */
export type ResGroupDto = v.InferOutput<typeof ResGroupDto>;

/** A page of groups (contract 7.3). */
export const GroupPagingDto = /* @__PURE__ */ paged(ResGroupDto);
/** @see {@link GroupPagingDto} */
export type GroupPagingDto = v.InferOutput<typeof GroupPagingDto>;

// Marked pure where they are built: esbuild honours the factories' @__NO_SIDE_EFFECTS__ only
// within their own module, and an app that reads only the group list (the browser SDK) would
// otherwise carry the other replies too.

/** Reply of `get-my-group-list` and `get-all-groups`. */
export const GroupListRespDto = envelope(v.array(GroupDto));
/** @see {@link GroupListRespDto} */
export type GroupListRespDto = v.InferOutput<typeof GroupListRespDto>;

/** Reply of `get-group`. */
export const GroupSingleRespDto = /* @__PURE__ */ envelope(GroupDto);
/** @see {@link GroupSingleRespDto} */
export type GroupSingleRespDto = v.InferOutput<typeof GroupSingleRespDto>;

/** Reply of `list-groups` and `get-user-groups`. */
export const GroupPaginatedRespDto = /* @__PURE__ */ envelope(GroupPagingDto);
/** @see {@link GroupPaginatedRespDto} */
export type GroupPaginatedRespDto = v.InferOutput<typeof GroupPaginatedRespDto>;
