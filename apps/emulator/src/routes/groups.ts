import type * as models from '@genauth-groups/models';
import { ApiError } from '../http/api-error.ts';
import { JsonPage } from '../http/reply.ts';
import type { EndpointHandler } from '../http/served-endpoint.ts';
import { groupDto, userDto } from '../store/dto.ts';
import { customDataMode, requireGroup } from './helpers.ts';

/** `GET /api/v3/list-groups`: a page of groups, newest first, optionally by keyword (contract 6.1). */
export const listGroups: EndpointHandler<typeof models.listGroups> = (params, { store }) => {
  const mode = customDataMode(params.withCustomData, params.flatCustomData);
  if (mode === 'omit') {
    const page = store.listGroupReplies(params.keywords, params.page, params.limit);
    return new JsonPage<models.GroupDto>(page.totalCount, page.items, page.bytes);
  }
  const page = store.listGroups(params.keywords, params.page, params.limit);
  return { totalCount: page.totalCount, list: page.rows.map((row) => groupDto(row, mode)) };
};

/** `GET /api/v3/get-group`: one group by code (contract 6.2). */
export const getGroup: EndpointHandler<typeof models.getGroup> = (params, { store }) =>
  groupDto(requireGroup(store, params.code), customDataMode(params.withCustomData, false));

/**
 * `GET /api/v3/get-all-groups`: every group, unpaged, with their members when asked (contract 6.3).
 * With `reproduceGetAllGroupsBugs`, as the service: any `fetchMembers` present asks for members
 * (observed for `False` and `True`, authing-py-sdk#21; inferred for lowercase `false`, contract
 * Q10), and members fail with a 500 when a group is empty (observed, Authing/Authing#13).
 */
export const getAllGroups: EndpointHandler<typeof models.getAllGroups> = (
  params,
  { store, reproduceGetAllGroupsBugs },
  c,
) => {
  const mode = customDataMode(params.withCustomData, false);
  const groups = store.allGroups();
  const fetchMembers = reproduceGetAllGroupsBugs
    ? c.req.query('fetchMembers') !== undefined
    : params.fetchMembers === true;
  if (!fetchMembers) return groups.map((group) => groupDto(group, mode));
  const members = store.allMembers();
  if (reproduceGetAllGroupsBugs && groups.some((group) => !members.has(group.seq))) {
    throw new ApiError(500, 'unknownError');
  }
  return groups.map((group) =>
    groupDto(
      group,
      mode,
      (members.get(group.seq) ?? []).map((user) => userDto(user, { customData: 'omit' })),
    ),
  );
};
