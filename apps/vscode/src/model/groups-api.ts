import { isValidationError, type ManagementClient } from '@genauth-groups/management';
import {
  type AuthorizedResourceDto,
  type GroupDto,
  ResGroupDto,
  UserDto,
  type UserIdType,
} from '@genauth-groups/models';
import type * as v from 'valibot';
import { errorLogLine } from './error-info.ts';
import type { Log } from './log.ts';
import { type PageData, pageOf } from './page-data.ts';
import { withReplyCapture } from './reply-capture.ts';
import { salvagePage } from './salvage.ts';

/** Who a "Find a user's groups" search is about. */
export interface UserQuery {
  readonly userId: string;
  readonly userIdType: UserIdType;
}

/** The calls the tree makes, on one connection. Paged calls salvage malformed pages item by item. */
export interface GroupsApi {
  /** Gets ready for calls: with the token scheme, fetches the management token (see `ManagementClient.authenticate`). */
  authenticate(): Promise<void>;
  /** One page of groups, filtered server-side by `keywords` (code and name). */
  listGroups(
    params: { readonly keywords: string | undefined; readonly page: number; readonly limit: number },
    signal?: AbortSignal,
  ): Promise<PageData<GroupDto>>;
  /** One page of a group's members, with custom data, identities and department ids for the details panel. */
  listMembers(
    params: { readonly code: string; readonly page: number; readonly limit: number },
    signal?: AbortSignal,
  ): Promise<PageData<UserDto>>;
  /** Every group a user is in (the endpoint is not paged). */
  userGroups(query: UserQuery, signal?: AbortSignal): Promise<PageData<GroupDto>>;
  /** One group, with custom data. */
  group(code: string, signal?: AbortSignal): Promise<GroupDto>;
  /** The resources a group is authorized on, in the default namespace. */
  groupResources(code: string, signal?: AbortSignal): Promise<readonly AuthorizedResourceDto[]>;
  /** Every member of a group, page after page (`listAllGroupMembers`), for exports. */
  allMembers(code: string, signal: AbortSignal): AsyncIterable<UserDto>;
  /** Every group of the pool, filtered by `keywords` if given (`listAllGroups`), for exports. */
  allGroups(keywords: string | undefined, signal: AbortSignal): AsyncIterable<GroupDto>;
  /** The first users whose phone, email, name, username or nickname match `keywords` (`listUsers`). */
  searchUsers(keywords: string, limit: number, signal?: AbortSignal): Promise<readonly UserDto[]>;
  /** Creates a static group; the reply is the group as created. */
  createGroup(group: GroupInput, signal?: AbortSignal): Promise<GroupDto>;
  /** Changes a group found by `code`: name, description and, where given, its code (`newCode`). */
  updateGroup(code: string, changes: GroupChanges, signal?: AbortSignal): Promise<GroupDto>;
  /** Deletes a group (`deleteGroupsBatch` with one code). */
  deleteGroup(code: string, signal?: AbortSignal): Promise<void>;
  /** Adds users, by user id, to a group. */
  addMembers(code: string, userIds: readonly string[], signal?: AbortSignal): Promise<void>;
  /** Removes users, by user id, from a group. */
  removeMembers(code: string, userIds: readonly string[], signal?: AbortSignal): Promise<void>;
}

/** A new group, as New Group… asks for it. */
export interface GroupInput {
  readonly code: string;
  readonly name: string;
  readonly description: string;
}

/** What Edit Group changes. */
export interface GroupChanges {
  readonly name: string;
  readonly description: string;
  /** A new code, when it changes. */
  readonly newCode?: string | undefined;
}

/** Who the log says made a write: the connection's name and the access key that signed it. */
export interface Writer {
  readonly label: string;
  readonly accessKeyId: string;
}

/** A write the server answered with `success: false`: it says it did not happen. */
export class WriteRefusedError extends Error {
  override readonly name = 'WriteRefusedError';
  constructor(what: string) {
    super(`The server answered that ${what} did not succeed.`);
  }
}

/**
 * The {@link GroupsApi} of one connection's client. Each call is logged once with its outcome and
 * duration, under the connection's label. Each write is logged with who (the access key id),
 * what (the call and the codes and user ids it names), when (UTC) and how it ended; never a value
 * the user typed beyond codes, and never a secret.
 */
export function groupsApi(client: ManagementClient, log: Log, writer: Writer): GroupsApi {
  const { label } = writer;
  /** Runs a call, logs it, and salvages a page whose reply failed validation. */
  async function paged<TSchema extends v.GenericSchema>(
    what: string,
    itemSchema: TSchema,
    call: () => Promise<{
      readonly data: { readonly totalCount: number; readonly list: readonly unknown[] };
    }>,
  ): Promise<PageData<v.InferOutput<TSchema>>> {
    const started = performance.now();
    const elapsed = () => `${Math.round(performance.now() - started)} ms`;
    const result = await withReplyCapture(call);
    if (result.ok) {
      const page = pageOf(result.value.data) as PageData<v.InferOutput<TSchema>>;
      log.info(`[${label}] ${what}: ${page.entries.length} items of ${page.totalCount}, ${elapsed()}`);
      return page;
    }
    const salvaged = isValidationError(result.error) ? salvagePage(result.body, itemSchema) : undefined;
    if (!salvaged) {
      log.error(`[${label}] ${what} failed after ${elapsed()}: ${errorLogLine(result.error)}`);
      throw result.error;
    }
    const broken = salvaged.entries.filter((entry) => !entry.ok).length;
    log.warn(
      `[${label}] ${what}: ${broken} of ${salvaged.entries.length} items malformed, shown as broken rows, ${elapsed()}: ${errorLogLine(result.error)}`,
    );
    return salvaged;
  }

  async function single<T>(what: string, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const value = await call();
      log.info(`[${label}] ${what}, ${Math.round(performance.now() - started)} ms`);
      return value;
    } catch (error) {
      log.error(`[${label}] ${what} failed: ${errorLogLine(error)}`);
      throw error;
    }
  }

  /** Runs a write once (the client never repeats one) and logs it with who, what and when. */
  async function write<T>(what: string, call: () => Promise<T>): Promise<T> {
    const when = new Date().toISOString();
    const started = performance.now();
    const head = `[${label}] write by ${writer.accessKeyId} at ${when}: ${what}`;
    try {
      const value = await call();
      log.info(`${head}: done, ${Math.round(performance.now() - started)} ms`);
      return value;
    } catch (error) {
      log.error(
        `${head}: failed after ${Math.round(performance.now() - started)} ms: ${errorLogLine(error)}`,
      );
      throw error;
    }
  }

  /** The reply of a write that answers `{ success }`. */
  const succeeded = (what: string) => (reply: { readonly data: { readonly success: boolean } }) => {
    if (!reply.data.success) throw new WriteRefusedError(what);
  };

  return {
    authenticate: () =>
      client.authenticate().catch((error: unknown) => {
        log.error(`[${label}] management token failed: ${errorLogLine(error)}`);
        throw error;
      }),
    listGroups: ({ keywords, page, limit }, signal) =>
      paged(`listGroups page ${page}${keywords ? ' (filtered)' : ''}`, ResGroupDto, () =>
        client.listGroups({ ...(keywords ? { keywords } : {}), page, limit }, { signal }),
      ),
    listMembers: ({ code, page, limit }, signal) =>
      paged(`listGroupMembers page ${page}`, UserDto, () =>
        client.listGroupMembers(
          { code, page, limit, withCustomData: true, withIdentities: true, withDepartmentIds: true },
          { signal },
        ),
      ),
    userGroups: ({ userId, userIdType }, signal) =>
      paged(`getUserGroups (${userIdType})`, ResGroupDto, () =>
        client.getUserGroups({ userId, userIdType }, { signal }),
      ),
    group: async (code, signal) =>
      (await single('getGroup', () => client.getGroup({ code, withCustomData: true }, { signal }))).data,
    groupResources: async (code, signal) =>
      (
        await single('getGroupAuthorizedResources', () =>
          client.getGroupAuthorizedResources({ code }, { signal }),
        )
      ).data,
    allMembers: (code, signal) => client.listAllGroupMembers({ code, signal }),
    allGroups: (keywords, signal) => client.listAllGroups({ ...(keywords ? { keywords } : {}), signal }),
    searchUsers: async (keywords, limit, signal) =>
      (
        await single('listUsers (keywords)', () =>
          client.listUsers({ keywords, options: { pagination: { page: 1, limit } } }, { signal }),
        )
      ).data.list,
    createGroup: async (group, signal) =>
      (
        await write(`createGroup code=${group.code}`, () =>
          client.createGroup({ ...group, type: 'static' }, { signal }),
        )
      ).data,
    updateGroup: async (code, changes, signal) =>
      (
        await write(
          `updateGroup code=${code}${changes.newCode && changes.newCode !== code ? ` newCode=${changes.newCode}` : ''}`,
          () =>
            client.updateGroup(
              {
                code,
                name: changes.name,
                description: changes.description,
                ...(changes.newCode && changes.newCode !== code ? { newCode: changes.newCode } : {}),
              },
              { signal },
            ),
        )
      ).data,
    deleteGroup: (code, signal) =>
      write(`deleteGroupsBatch codeList=[${code}]`, () =>
        client.deleteGroupsBatch({ codeList: [code] }, { signal }).then(succeeded('deleting the group')),
      ),
    addMembers: (code, userIds, signal) =>
      write(`addGroupMembers code=${code} userIds=[${userIds.join(',')}]`, () =>
        client
          .addGroupMembers({ code, userIds: [...userIds] }, { signal })
          .then(succeeded('adding the members')),
      ),
    removeMembers: (code, userIds, signal) =>
      write(`removeGroupMembers code=${code} userIds=[${userIds.join(',')}]`, () =>
        client
          .removeGroupMembers({ code, userIds: [...userIds] }, { signal })
          .then(succeeded('removing the members')),
      ),
  };
}
