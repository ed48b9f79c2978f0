import type * as models from '@genauth-groups/models';
import type { UserSearchField } from '@genauth-groups/models';
import type { EndpointHandler } from '../http/served-endpoint.ts';
import { type UserExtras, userDto } from '../store/dto.ts';
import type { UserRow } from '../store/rows.ts';
import type { Store } from '../store/store.ts';
import { customDataMode, requireUser } from './helpers.ts';

/** Where `keywords` is looked for when `fuzzySearchOn` is left out (contract 6.8). */
const DEFAULT_SEARCH_FIELDS: readonly UserSearchField[] = ['phone', 'email', 'name', 'username', 'nickname'];

/** The server's page size when `pagination` leaves it out (contract 6.8). */
const DEFAULT_LIMIT = 10;

/** What the `with*` flags add to each user of a reply. */
interface UserFlags {
  readonly withCustomData?: boolean | undefined;
  readonly flatCustomData?: boolean | undefined;
  readonly withIdentities?: boolean | undefined;
  readonly withDepartmentIds?: boolean | undefined;
}

/** `GET /api/v3/get-user`: one user named by any of its ids (contract 6.7). */
export const getUser: EndpointHandler<typeof models.getUser> = (params, { store }) =>
  usersDto(store, [requireUser(store, params.userIdType, params.userId)], params)[0] as models.UserDto;

/**
 * `POST /api/v3/list-users`: a page of users, newest first, optionally those with `keywords` in
 * one of the searched fields, ignoring case (contract 6.8; order and matching inferred).
 */
export const listUsers: EndpointHandler<typeof models.listUsers> = (
  { keywords, options = {} },
  { store },
) => {
  const page = store.listUsers(
    keywords || undefined,
    options.fuzzySearchOn ?? DEFAULT_SEARCH_FIELDS,
    options.pagination?.page ?? 1,
    options.pagination?.limit ?? DEFAULT_LIMIT,
  );
  return { totalCount: page.totalCount, list: usersDto(store, page.rows, options) };
};

/** Users as replies show them, with what the flags ask for (withPost: the emulator has no posts). */
function usersDto(store: Store, rows: readonly UserRow[], flags: UserFlags): models.UserDto[] {
  const seqs = rows.map((user) => user.seq);
  const identities = flags.withIdentities ? store.identitiesOf(seqs) : undefined;
  const departments = flags.withDepartmentIds ? store.departmentsOf(seqs) : undefined;
  const customData = customDataMode(flags.withCustomData, flags.flatCustomData);
  return rows.map((user) => {
    const extras: UserExtras = {
      customData,
      identities: identities && (identities.get(user.seq) ?? []),
      departmentIds: departments && (departments.get(user.seq) ?? []),
    };
    return userDto(user, extras);
  });
}
