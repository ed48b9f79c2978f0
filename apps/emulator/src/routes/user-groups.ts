import type * as models from '@genauth-groups/models';
import { ApiError, invalidParam } from '../http/api-error.ts';
import type { EndpointHandler } from '../http/served-endpoint.ts';
import { groupDto } from '../store/dto.ts';

/** `GET /api/v3/get-user-groups`: the groups of a user named by any of its ids (contract 6.4). */
export const getUserGroups: EndpointHandler<typeof models.getUserGroups> = (
  { userId, userIdType },
  { store },
) => {
  if (userIdType === 'custom_field') throw new ApiError(400, 'customFieldUnsupported');
  // identity and sync_relation name a user as `<idp or provider>:<id in the idp>` (contract 6.4).
  const compound = userIdType === 'identity' || userIdType === 'sync_relation';
  if (compound && !/^[^:]+:./.test(userId)) throw invalidParam('userId');
  const user = store.findUser(userIdType, userId);
  if (!user) throw new ApiError(404, 'userNotFound', { apiCode: 2004 });
  const groups = store.groupsOfUser(user.seq);
  return { totalCount: groups.length, list: groups.map((group) => groupDto(group, 'omit')) };
};
