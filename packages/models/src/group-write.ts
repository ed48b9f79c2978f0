import * as v from 'valibot';
import { envelope } from './envelope.ts';
import { noEcho } from './no-echo.ts';

// Bodies and replies of the group write endpoints, as authing-node-sdk 4.0.1 declares them
// (`src/models/*ReqDto.ts`). The toolkit reads groups; these exist so that tests, the emulator and
// users can set up state through the API itself.

/** A group code: a non-empty string. */
const code = v.pipe(v.string(), v.nonEmpty());

/** Body of `POST /api/v3/create-group`. */
export const CreateGroupReqDto = noEcho(
  v.strictObject({
    /** Unique group code. */
    code,
    name: v.pipe(v.string(), v.nonEmpty()),
    description: v.string(),
    /** Group type, e.g. `static`. */
    type: v.string(),
    /** Extension fields. */
    customData: v.optional(v.record(v.string(), v.unknown())),
  }),
);
/** @see {@link CreateGroupReqDto} */
export type CreateGroupReqDto = v.InferInput<typeof CreateGroupReqDto>;

/** Body of `POST /api/v3/update-group`. */
export const UpdateGroupReqDto = noEcho(
  v.strictObject({
    /** Code of the group to update. */
    code,
    description: v.string(),
    name: v.optional(v.pipe(v.string(), v.nonEmpty())),
    /** A new code for the group. */
    newCode: v.optional(code),
    customData: v.optional(v.record(v.string(), v.unknown())),
  }),
);
/** @see {@link UpdateGroupReqDto} */
export type UpdateGroupReqDto = v.InferInput<typeof UpdateGroupReqDto>;

/** Body of `POST /api/v3/delete-groups-batch`. */
export const DeleteGroupsReqDto = noEcho(
  v.strictObject({
    codeList: v.array(code),
  }),
);
/** @see {@link DeleteGroupsReqDto} */
export type DeleteGroupsReqDto = v.InferInput<typeof DeleteGroupsReqDto>;

/** Body of `POST /api/v3/add-group-members`. */
export const AddGroupMembersReqDto = noEcho(
  v.strictObject({
    code,
    userIds: v.array(v.pipe(v.string(), v.nonEmpty())),
  }),
);
/** @see {@link AddGroupMembersReqDto} */
export type AddGroupMembersReqDto = v.InferInput<typeof AddGroupMembersReqDto>;

/** Body of `POST /api/v3/remove-group-members`. */
export const RemoveGroupMembersReqDto = AddGroupMembersReqDto;
/** @see {@link RemoveGroupMembersReqDto} */
export type RemoveGroupMembersReqDto = v.InferInput<typeof RemoveGroupMembersReqDto>;

/** Payload of a reply that only says whether it worked. */
export const IsSuccessDto = noEcho(v.looseObject({ success: v.boolean() }));
/** @see {@link IsSuccessDto} */
export type IsSuccessDto = v.InferOutput<typeof IsSuccessDto>;

/** Reply of `delete-groups-batch`, `add-group-members` and `remove-group-members`. */
export const IsSuccessRespDto = envelope(IsSuccessDto);
/** @see {@link IsSuccessRespDto} */
export type IsSuccessRespDto = v.InferOutput<typeof IsSuccessRespDto>;
