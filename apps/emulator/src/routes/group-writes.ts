import type * as models from '@genauth-groups/models';
import { ApiError } from '../http/api-error.ts';
import type { EndpointHandler } from '../http/served-endpoint.ts';
import { groupDto } from '../store/dto.ts';
import type { MembershipRefusal } from '../store/store.ts';

// The group write endpoints take the request shapes of authing-node-sdk 4.0.1, so that tests and
// users can set up state through the API. Each is atomic: it changes everything or nothing.
// The status codes and messages of their refusals are inferred from the statusCode classes
// (contract 3.3: 404 not found, 409 conflict); the service documents none for these endpoints.
const codeTaken = () => new ApiError(409, 'groupCodeTaken');

function refuse(refusal: MembershipRefusal): never {
  if (refusal === 'group-not-found') throw new ApiError(404, 'groupNotFound');
  throw new ApiError(404, 'userNotFound', { apiCode: 2004 });
}

/** `POST /api/v3/create-group`. */
export const createGroup: EndpointHandler<typeof models.createGroup> = (body, { store }) => {
  const group = store.createGroup(body);
  if (group === 'code-taken') throw codeTaken();
  return groupDto(group, 'omit');
};

/** `POST /api/v3/update-group`. */
export const updateGroup: EndpointHandler<typeof models.updateGroup> = (body, { store }) => {
  const group = store.updateGroup(body);
  if (group === 'not-found') throw new ApiError(404, 'groupNotFound');
  if (group === 'code-taken') throw codeTaken();
  return groupDto(group, 'omit');
};

/** `POST /api/v3/delete-groups-batch`. */
export const deleteGroupsBatch: EndpointHandler<typeof models.deleteGroupsBatch> = (
  { codeList },
  { store },
) => {
  // Inferred: unknown codes are skipped, so that deleting is idempotent.
  store.deleteGroups(codeList);
  return { success: true };
};

/** `POST /api/v3/add-group-members`. */
export const addGroupMembers: EndpointHandler<typeof models.addGroupMembers> = (
  { code, userIds },
  { store },
) => {
  const refusal = store.addMembers(code, userIds);
  if (refusal) refuse(refusal);
  return { success: true };
};

/** `POST /api/v3/remove-group-members`. */
export const removeGroupMembers: EndpointHandler<typeof models.removeGroupMembers> = (
  { code, userIds },
  { store },
) => {
  const refusal = store.removeMembers(code, userIds);
  if (refusal) refuse(refusal);
  return { success: true };
};
