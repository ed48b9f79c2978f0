import { getAllGroups, getGroup, listGroups } from '@genauth-groups/models';
import { Hono } from 'hono';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/context.ts';
import { readQuery } from '../http/params.ts';
import { ok } from '../http/reply.ts';
import { groupDto, userDto } from '../store/dto.ts';
import type { Store } from '../store/store.ts';
import { customDataMode, queryOf, requireGroup } from './helpers.ts';

/** What the group routes need. */
export interface GroupRoutesOptions {
  readonly store: Store;
  /**
   * Reproduce Authing/Authing#13: `get-all-groups` with members fails with a 500 "unknown error"
   * when any group is empty (contract 6.3). @default false
   */
  readonly reproduceEmptyGroupBug: boolean;
}

/** `list-groups`, `get-group` and `get-all-groups` (contract 6.1-6.3). */
export function groupRoutes({ store, reproduceEmptyGroupBug }: GroupRoutesOptions): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get(listGroups.path, (c) => {
      const params = readQuery(queryOf(c), listGroups.params);
      const page = store.listGroups(params.keywords, params.page, params.limit);
      const mode = customDataMode(params.withCustomData, params.flatCustomData);
      return ok(c, { totalCount: page.totalCount, list: page.rows.map((row) => groupDto(row, mode)) });
    })
    .get(getGroup.path, (c) => {
      const params = readQuery(queryOf(c), getGroup.params);
      return ok(c, groupDto(requireGroup(store, params.code), customDataMode(params.withCustomData, false)));
    })
    .get(getAllGroups.path, (c) => {
      const params = readQuery(queryOf(c), getAllGroups.params, { looseBooleans: ['fetchMembers'] });
      const mode = customDataMode(params.withCustomData, false);
      const groups = store.allGroups();
      if (!params.fetchMembers)
        return ok(
          c,
          groups.map((group) => groupDto(group, mode)),
        );
      const members = store.allMembers();
      if (reproduceEmptyGroupBug && groups.some((group) => !members.has(group.seq))) {
        throw new ApiError(500, 'unknownError');
      }
      return ok(
        c,
        groups.map((group) =>
          groupDto(
            group,
            mode,
            (members.get(group.seq) ?? []).map((user) => userDto(user, { customData: 'omit' })),
          ),
        ),
      );
    });
}
