import { getGroupAuthorizedResources, getUserGroups, listGroupMembers } from '@genauth-groups/models';
import { Hono } from 'hono';
import { ApiError, invalidParam } from '../http/api-error.ts';
import type { AppEnv } from '../http/context.ts';
import { readQuery } from '../http/params.ts';
import { ok } from '../http/reply.ts';
import { groupDto, resourceDto, userDto } from '../store/dto.ts';
import { DEFAULT_NAMESPACE } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { customDataMode, queryOf, requireGroup } from './helpers.ts';

/** `list-group-members`, `get-user-groups` and `get-group-authorized-resources` (contract 6.4-6.6). */
export function groupDetailRoutes(store: Store): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get(listGroupMembers.path, (c) => {
      const params = readQuery(queryOf(c), listGroupMembers.params);
      const group = requireGroup(store, params.code);
      const page = store.members(group.seq, params.page, params.limit);
      const seqs = page.rows.map((user) => user.seq);
      const identities = params.withIdentities ? store.identitiesOf(seqs) : undefined;
      const departments = params.withDepartmentIds ? store.departmentsOf(seqs) : undefined;
      const customData = customDataMode(params.withCustomData, params.flatCustomData);
      return ok(c, {
        totalCount: page.totalCount,
        list: page.rows.map((user) =>
          userDto(user, {
            customData,
            identities: identities && (identities.get(user.seq) ?? []),
            departmentIds: departments && (departments.get(user.seq) ?? []),
          }),
        ),
      });
    })
    .get(getUserGroups.path, (c) => {
      const { userId, userIdType } = readQuery(queryOf(c), getUserGroups.params);
      if (userIdType === 'custom_field') throw new ApiError(400, 'customFieldUnsupported');
      // identity and sync_relation name a user as `<idp or provider>:<id in the idp>` (contract 6.4).
      const compound = userIdType === 'identity' || userIdType === 'sync_relation';
      if (compound && !/^[^:]+:./.test(userId)) throw invalidParam('userId');
      const user = store.findUser(userIdType, userId);
      if (!user) throw new ApiError(404, 'userNotFound', { apiCode: 2004 });
      const groups = store.groupsOfUser(user.seq);
      return ok(c, { totalCount: groups.length, list: groups.map((group) => groupDto(group, 'omit')) });
    })
    .get(getGroupAuthorizedResources.path, (c) => {
      const params = readQuery(queryOf(c), getGroupAuthorizedResources.params);
      const group = requireGroup(store, params.code);
      const namespace = params.namespace || DEFAULT_NAMESPACE;
      if (!store.namespaceExists(namespace)) throw new ApiError(404, 'namespaceNotFound');
      return ok(c, store.resources(group.seq, namespace, params.resourceType).map(resourceDto));
    });
}
