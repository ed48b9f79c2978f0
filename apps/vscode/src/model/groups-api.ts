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
}

/**
 * The {@link GroupsApi} of one connection's client. Each call is logged once with its outcome and
 * duration; `label` names the connection in the log.
 */
export function groupsApi(client: ManagementClient, log: Log, label: string): GroupsApi {
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

  return {
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
  };
}
