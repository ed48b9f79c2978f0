import type { UserIdType } from '@genauth-groups/models';
import { ApiError, invalidParam } from '../http/api-error.ts';
import type { CustomDataMode } from '../store/dto.ts';
import type { GroupRow, UserRow } from '../store/rows.ts';
import type { Store } from '../store/store.ts';

/** Where custom data goes, from the `withCustomData` and `flatCustomData` flags. */
export function customDataMode(
  withCustomData: boolean | undefined,
  flat: boolean | undefined,
): CustomDataMode {
  return flat ? 'flat' : withCustomData ? 'nested' : 'omit';
}

/** The group a request names, or 404 `分组不存在`. */
export function requireGroup(store: Store, code: string): GroupRow {
  const group = store.groupByCode(code);
  if (!group) throw new ApiError(404, 'groupNotFound');
  return group;
}

/** {@link requireGroup} for a request that needs only the group's seq. */
export function requireGroupSeq(store: Store, code: string): number {
  const seq = store.groupSeqByCode(code);
  if (seq === undefined) throw new ApiError(404, 'groupNotFound');
  return seq;
}

/** The user a request names by `userId` and `userIdType` (contract 6.4), or 404 `用户不存在` (apiCode 2004). */
export function requireUser(store: Store, userIdType: UserIdType, userId: string): UserRow {
  if (userIdType === 'custom_field') throw new ApiError(400, 'customFieldUnsupported');
  // identity and sync_relation name a user as `<idp or provider>:<id in the idp>` (contract 6.4).
  const compound = userIdType === 'identity' || userIdType === 'sync_relation';
  if (compound && !/^[^:]+:./.test(userId)) throw invalidParam('userId');
  const user = store.findUser(userIdType, userId);
  if (!user) throw new ApiError(404, 'userNotFound', { apiCode: 2004 });
  return user;
}
