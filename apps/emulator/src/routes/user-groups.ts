import type * as models from '@genauth-groups/models';
import type { EndpointHandler } from '../http/served-endpoint.ts';
import { groupDto } from '../store/dto.ts';
import { requireUser } from './helpers.ts';

/** `GET /api/v3/get-user-groups`: the groups of a user named by any of its ids (contract 6.4). */
export const getUserGroups: EndpointHandler<typeof models.getUserGroups> = (
  { userId, userIdType },
  { store },
) => {
  const groups = store.groupsOfUser(requireUser(store, userIdType, userId).seq);
  return { totalCount: groups.length, list: groups.map((group) => groupDto(group, 'omit')) };
};
