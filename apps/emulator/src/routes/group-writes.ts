import {
  addGroupMembers,
  createGroup,
  deleteGroupsBatch,
  removeGroupMembers,
  updateGroup,
} from '@genauth-groups/models';
import { Hono } from 'hono';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/context.ts';
import { readJson, validate } from '../http/params.ts';
import { ok } from '../http/reply.ts';
import { groupDto } from '../store/dto.ts';
import type { MembershipRefusal, Store } from '../store/store.ts';

// The status codes and messages of these refusals are inferred from the statusCode classes
// (contract 3.3: 404 not found, 409 conflict); the service documents none for these endpoints.
const codeTaken = () => new ApiError(409, 'groupCodeTaken');

function refuse(refusal: MembershipRefusal): never {
  if (refusal === 'group-not-found') throw new ApiError(404, 'groupNotFound');
  throw new ApiError(404, 'userNotFound', { apiCode: 2004 });
}

/**
 * The group write endpoints, with the request shapes of authing-node-sdk 4.0.1, so that tests and
 * users can set up state through the API. Each is atomic: it changes everything or nothing.
 */
export function groupWriteRoutes(store: Store): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post(createGroup.path, async (c) => {
      const group = store.createGroup(validate(createGroup.params, await readJson(c)));
      if (group === 'code-taken') throw codeTaken();
      return ok(c, groupDto(group, 'omit'));
    })
    .post(updateGroup.path, async (c) => {
      const group = store.updateGroup(validate(updateGroup.params, await readJson(c)));
      if (group === 'not-found') throw new ApiError(404, 'groupNotFound');
      if (group === 'code-taken') throw codeTaken();
      return ok(c, groupDto(group, 'omit'));
    })
    .post(deleteGroupsBatch.path, async (c) => {
      // Inferred: unknown codes are skipped, so that deleting is idempotent.
      store.deleteGroups(validate(deleteGroupsBatch.params, await readJson(c)).codeList);
      return ok(c, { success: true });
    })
    .post(addGroupMembers.path, async (c) => {
      const { code, userIds } = validate(addGroupMembers.params, await readJson(c));
      const refusal = store.addMembers(code, userIds);
      if (refusal) refuse(refusal);
      return ok(c, { success: true });
    })
    .post(removeGroupMembers.path, async (c) => {
      const { code, userIds } = validate(removeGroupMembers.params, await readJson(c));
      const refusal = store.removeMembers(code, userIds);
      if (refusal) refuse(refusal);
      return ok(c, { success: true });
    });
}
