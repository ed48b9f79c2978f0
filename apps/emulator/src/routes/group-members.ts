import type * as models from '@genauth-groups/models';
import { JsonPage } from '../http/reply.ts';
import type { EndpointHandler } from '../http/served-endpoint.ts';
import { userDto } from '../store/dto.ts';
import { customDataMode, requireGroupSeq } from './helpers.ts';

/** `GET /api/v3/list-group-members`: a page of a group's members, in the order they joined (contract 6.5). */
export const listGroupMembers: EndpointHandler<typeof models.listGroupMembers> = (params, { store }) => {
  const groupSeq = requireGroupSeq(store, params.code);
  const customData = customDataMode(params.withCustomData, params.flatCustomData);
  if (customData === 'omit' && !params.withIdentities && !params.withDepartmentIds) {
    const page = store.memberReplies(groupSeq, params.page, params.limit);
    return new JsonPage<models.UserDto>(page.totalCount, page.items, page.bytes);
  }
  const page = store.members(groupSeq, params.page, params.limit);
  const seqs = page.rows.map((user) => user.seq);
  const identities = params.withIdentities ? store.identitiesOf(seqs) : undefined;
  const departments = params.withDepartmentIds ? store.departmentsOf(seqs) : undefined;
  return {
    totalCount: page.totalCount,
    list: page.rows.map((user) =>
      userDto(user, {
        customData,
        identities: identities && (identities.get(user.seq) ?? []),
        departmentIds: departments && (departments.get(user.seq) ?? []),
      }),
    ),
  };
};
