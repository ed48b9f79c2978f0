import type * as models from '@genauth-groups/models';
import type { EndpointHandler } from '../http/served-endpoint.ts';
import { groupDto } from '../store/dto.ts';

/** `GET /api/v3/get-my-group-list`: the signed-in user's groups (contract 4.2). */
export const getMyGroupList: EndpointHandler<typeof models.getMyGroupList> = (_, { store }, c) =>
  store.groupsOfUser(c.get('user').seq).map((group) => groupDto(group, 'omit'));
