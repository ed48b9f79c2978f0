import {
  createTransport,
  isApiError,
  normalizeHost,
  type RetryOptions,
  type Transport,
} from '@genauth-groups/core';
import {
  type AddGroupMembersReqDto,
  type AuthorizedResourceListRespDto,
  addGroupMembers,
  type CreateGroupReqDto,
  createGroup,
  type DeleteGroupsReqDto,
  deleteGroupsBatch,
  type Endpoint,
  type GetAllGroupsDto,
  type GetGroupAuthorizedResourcesDto,
  type GetGroupDto,
  type GetUserDto,
  type GetUserGroupsDto,
  type GroupListRespDto,
  type GroupPaginatedRespDto,
  type GroupSingleRespDto,
  getAllGroups,
  getGroup,
  getGroupAuthorizedResources,
  getManagementToken,
  getUser,
  getUserGroups,
  type IsSuccessRespDto,
  type ListGroupMembersDto,
  type ListGroupsDto,
  type ListUsersRequestDto,
  listGroupMembers,
  listGroups,
  listUsers,
  parse,
  parseFast,
  type RemoveGroupMembersReqDto,
  type ResGroupDto,
  removeGroupMembers,
  type UpdateGroupReqDto,
  type UserDto,
  type UserPaginatedRespDto,
  type UserSingleRespDto,
  updateGroup,
} from '@genauth-groups/models';
import type * as v from 'valibot';
import { ManagementTokenCache, userPoolIdOf } from './auth/management-token.ts';
import { signer } from './auth/signature.ts';
import { type ManagementClientOptions, ManagementClientOptionsSchema } from './options.ts';
import { type Page, paginate } from './paging.ts';
import { RequestSlots } from './request-slots.ts';

/** This package's version, sent in `x-authing-sdk-version`. */
export const VERSION = '0.1.0';

/** Options of one call. */
export interface RequestOptions {
  /** Cancels the call, retries included. */
  readonly signal?: AbortSignal | undefined;
}

/** Parameters of the paging iterators: those of the method, with `limit` defaulting to 50 (the most the server allows). */
export type PagingParams<TParams> = TParams & RequestOptions;

/**
 * The management side of the GenAuth V3 user-group APIs, for Node.js and the VS Code extension
 * host. It holds an access key secret: never use it in a browser.
 *
 * Each method takes the parameters and defaults of the official `authing-node-sdk`, checks them
 * before any request, and returns the validated reply. Failures throw: `ValidationError`
 * (parameters or reply), `ApiError` (the server said no), `NetworkError`, `TimeoutError`.
 *
 * Reads are retried (`retry`). Writes are sent once: a write whose reply is lost (connection
 * dropped, reply cut off or unreadable, no reply within `timeout`) throws `UnknownOutcomeError`,
 * since the server may have applied it; check the state before sending it again.
 *
 * @example
 * const client = new ManagementClient({
 *   accessKeyId: process.env.GENAUTH_ACCESS_KEY_ID!,
 *   accessKeySecret: process.env.GENAUTH_ACCESS_KEY_SECRET!,
 *   host: 'https://api.genauth.ai',
 * });
 * for await (const group of client.listAllGroups()) console.log(group.code);
 */
export class ManagementClient {
  readonly #api: Transport;
  readonly #slots: RequestSlots;
  readonly #tokens: ManagementTokenCache | undefined;

  constructor(options: ManagementClientOptions) {
    const config = parse(ManagementClientOptionsSchema, options, 'ManagementClient options');
    const baseUrl = normalizeHost(config.host, 'host');
    const send = config.fetch as typeof fetch | undefined;
    const slots = new RequestSlots(config.concurrency);
    this.#slots = slots;
    const common = {
      baseUrl,
      timeout: config.timeout,
      maxReplyBytes: config.maxReplyBytes,
      retry: config.retry as number | RetryOptions | undefined,
      // Looked up at each request, as ky does when given none.
      fetch: slots.fetch((input, init) => (send ?? globalThis.fetch)(input, init)),
      // After the credentials: a request waits for its slot signed, and its timeout starts when it leaves.
      hooks: { beforeRequest: [(request: Request) => slots.hold(request)] },
      // Walks validate page after page of up to 50 full users: parseFast takes about a third of
      // parse's time on them (packages/models bench).
      parseReply: parseFast,
    };
    const headers: Record<string, string> = {
      'x-authing-lang': config.lang,
      'x-authing-sdk-version': `genauth-groups-management:${VERSION}`,
    };

    if (config.auth === 'token') {
      // The token SDKs (Java 3.x) send the tenant as x-authing-tenant-id.
      if (config.tenantId) headers['x-authing-tenant-id'] = config.tenantId;
      const tokenApi = createTransport({ ...common, headers });
      const credentials = { accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret };
      const tokens = new ManagementTokenCache({
        fetchToken: async () => {
          // A token exchange changes nothing on the server: safe to retry like a read.
          const reply = await tokenApi.call(getManagementToken, credentials, {
            name: 'getManagementToken',
            repeatable: true,
          });
          return { accessToken: reply.data.access_token, expiresIn: reply.data.expires_in };
        },
      });
      this.#tokens = tokens;
      this.#api = createTransport({
        ...common,
        headers,
        authorize: async (request) => {
          const token = await tokens.get();
          request.headers.set('authorization', `Bearer ${token}`);
          const userPoolId = userPoolIdOf(token);
          if (userPoolId) request.headers.set('x-authing-userpool-id', userPoolId);
        },
      });
    } else {
      // authing-node-sdk 4.0.1+ sends the tenant as x-authing-app-id, and signs it.
      if (config.tenantId) headers['x-authing-app-id'] = config.tenantId;
      this.#tokens = undefined;
      this.#api = createTransport({
        ...common,
        headers,
        authorize: signer({
          accessKeyId: config.accessKeyId,
          accessKeySecret: config.accessKeySecret,
          basePath: new URL(baseUrl).pathname.replace(/\/$/, ''),
        }),
      });
    }
  }

  /**
   * Gets the client ready to send calls: with the token scheme, fetches the management token now
   * (or joins the fetch under way), so that the first call need not wait for it; the calls that
   * follow use that token, cached as usual. With the signature scheme there is nothing to fetch.
   * A failure (wrong credentials, say) rejects here as the first call would have, and is not
   * cached: the next call or `authenticate()` asks again.
   *
   * @example
   * void client.authenticate().catch(() => {}); // at startup, while other work goes on
   */
  async authenticate(): Promise<void> {
    await this.#tokens?.get();
  }

  /** One page of the pool's groups, newest first (`GET /api/v3/list-groups`). */
  listGroups(params: ListGroupsDto = {}, options: RequestOptions = {}): Promise<GroupPaginatedRespDto> {
    return this.#call(listGroups, params, 'listGroups', options);
  }

  /** One group by code (`GET /api/v3/get-group`). */
  getGroup(params: GetGroupDto, options: RequestOptions = {}): Promise<GroupSingleRespDto> {
    return this.#call(getGroup, params, 'getGroup', options);
  }

  /**
   * Every group, unpaged (`GET /api/v3/get-all-groups`). `fetchMembers` is sent only when `true`:
   * the server returns members for any value it receives, `false` included. With members, the
   * server is known to fail when any group is empty (contract 6.3); prefer {@link listAllGroupMembers}.
   */
  getAllGroups(params: GetAllGroupsDto = {}, options: RequestOptions = {}): Promise<GroupListRespDto> {
    return this.#call(getAllGroups, params, 'getAllGroups', options);
  }

  /** The groups a user is in (`GET /api/v3/get-user-groups`). */
  getUserGroups(params: GetUserGroupsDto, options: RequestOptions = {}): Promise<GroupPaginatedRespDto> {
    return this.#call(getUserGroups, params, 'getUserGroups', options);
  }

  /** One page of a group's members (`GET /api/v3/list-group-members`). */
  listGroupMembers(params: ListGroupMembersDto, options: RequestOptions = {}): Promise<UserPaginatedRespDto> {
    return this.#call(listGroupMembers, params, 'listGroupMembers', options);
  }

  /** The resources a group is authorized on (`GET /api/v3/get-group-authorized-resources`). */
  getGroupAuthorizedResources(
    params: GetGroupAuthorizedResourcesDto,
    options: RequestOptions = {},
  ): Promise<AuthorizedResourceListRespDto> {
    return this.#call(getGroupAuthorizedResources, params, 'getGroupAuthorizedResources', options);
  }

  /**
   * One page of the pool's users, searched by `keywords` (`POST /api/v3/list-users`). A read
   * sent as POST: retried like the others. The body goes as given, as the official SDK sends it;
   * the server pages 10 users by default (`options.pagination`, at most 50).
   *
   * @example
   * const page = await client.listUsers({ keywords: 'ali', options: { pagination: { limit: 20 } } });
   */
  listUsers(params: ListUsersRequestDto = {}, options: RequestOptions = {}): Promise<UserPaginatedRespDto> {
    return this.#call(listUsers, params, 'listUsers', options, { repeatable: true });
  }

  /**
   * One user, by id or by any other `userIdType` (phone, email, username, external id, identity,
   * sync relation, custom field) (`GET /api/v3/get-user`).
   */
  getUser(params: GetUserDto, options: RequestOptions = {}): Promise<UserSingleRespDto> {
    return this.#call(getUser, params, 'getUser', options);
  }

  /**
   * Creates a group (`POST /api/v3/create-group`). Sent once (see the class notes on writes).
   *
   * @example
   * await client.createGroup({ code: 'ops', name: 'Ops', description: '', type: 'static' });
   */
  createGroup(params: CreateGroupReqDto, options: RequestOptions = {}): Promise<GroupSingleRespDto> {
    return this.#call(createGroup, params, 'createGroup', options);
  }

  /**
   * Changes a group's name, description, custom data or code (`newCode`), found by `code`
   * (`POST /api/v3/update-group`). `description` is required, as in the official SDK. Sent once.
   */
  updateGroup(params: UpdateGroupReqDto, options: RequestOptions = {}): Promise<GroupSingleRespDto> {
    return this.#call(updateGroup, params, 'updateGroup', options);
  }

  /** Deletes groups by code (`POST /api/v3/delete-groups-batch`). Sent once. */
  deleteGroupsBatch(params: DeleteGroupsReqDto, options: RequestOptions = {}): Promise<IsSuccessRespDto> {
    return this.#call(deleteGroupsBatch, params, 'deleteGroupsBatch', options);
  }

  /** Adds users, by user id, to a group (`POST /api/v3/add-group-members`). Sent once. */
  addGroupMembers(params: AddGroupMembersReqDto, options: RequestOptions = {}): Promise<IsSuccessRespDto> {
    return this.#call(addGroupMembers, params, 'addGroupMembers', options);
  }

  /** Removes users, by user id, from a group (`POST /api/v3/remove-group-members`). Sent once. */
  removeGroupMembers(
    params: RemoveGroupMembersReqDto,
    options: RequestOptions = {},
  ): Promise<IsSuccessRespDto> {
    return this.#call(removeGroupMembers, params, 'removeGroupMembers', options);
  }

  /**
   * Every page of `listGroups`, in order, fetching ahead within the client's `concurrency`.
   * Stops at the reported total or an empty page.
   */
  listGroupsPages(params: PagingParams<ListGroupsDto> = {}): AsyncGenerator<Page<ResGroupDto>> {
    const { signal, ...query } = params;
    return this.#pages(listGroups, query, 'listGroups', (group: ResGroupDto) => group.id, signal);
  }

  /** Every group, page after page (see {@link listGroupsPages}). */
  async *listAllGroups(params: PagingParams<ListGroupsDto> = {}): AsyncGenerator<ResGroupDto> {
    // Not `yield* page.list`: delegating to an array from an async generator wraps each item in
    // an extra promise, twice the time per item (10 000 a walk).
    for await (const page of this.listGroupsPages(params)) for (const group of page.list) yield group;
  }

  /** Every page of `listGroupMembers`, in order (see {@link listGroupsPages}). */
  listGroupMembersPages(params: PagingParams<ListGroupMembersDto>): AsyncGenerator<Page<UserDto>> {
    const { signal, ...query } = params;
    return this.#pages(listGroupMembers, query, 'listGroupMembers', (user: UserDto) => user.userId, signal);
  }

  /** Every member of a group, page after page (see {@link listGroupsPages}). */
  async *listAllGroupMembers(params: PagingParams<ListGroupMembersDto>): AsyncGenerator<UserDto> {
    for await (const page of this.listGroupMembersPages(params)) for (const user of page.list) yield user;
  }

  async *#pages<TEndpoint extends typeof listGroups | typeof listGroupMembers, TItem>(
    endpoint: TEndpoint,
    params: v.InferInput<TEndpoint['params']>,
    name: string,
    keyOf: (item: TItem) => string,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<Page<TItem>> {
    // Checked before the first request, with the iterators' own default page size.
    const query = parse(endpoint.params, { limit: 50, ...params }, `${name} parameters`);
    yield* paginate<TItem>(
      async (page, pageSignal) => {
        const reply = await this.#call(endpoint, { ...query, page } as never, name, { signal: pageSignal });
        return reply.data as { totalCount: number; list: TItem[] };
      },
      {
        startPage: query.page,
        limit: query.limit,
        // The slots send them as replies come in: twice as many pages as slots are requested ahead.
        ahead: 2 * this.#slots.size,
        keyOf,
        endpoint: `${endpoint.method} ${endpoint.path}`,
        signal,
      },
    );
  }

  async #call<TEndpoint extends Endpoint>(
    endpoint: TEndpoint,
    params: unknown,
    name: string,
    { signal }: RequestOptions,
    { repeatable }: { readonly repeatable?: boolean } = {},
  ): Promise<v.InferOutput<TEndpoint['response']>> {
    // The token this call goes out with (`authorize` reads the same cached one), to drop it if refused.
    const token = await this.#tokens?.get();
    const send = () => this.#api.call(endpoint, params as never, { name, signal, repeatable });
    try {
      return await send();
    } catch (error) {
      // The token scheme: a token the server refuses (expired early, revoked) is dropped and
      // the call sent once more with a fresh one. A write too: the refused call did nothing.
      if (this.#tokens && token !== undefined && isTokenRefused(error)) {
        this.#tokens.invalidate(token);
        return await send();
      }
      throw error;
    }
  }
}

/** The server refused the management token of a call (not the token request itself). */
function isTokenRefused(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.endpoint !== `${getManagementToken.method} ${getManagementToken.path}` &&
    (error.apiCode === 2020 || (error.statusCode === 401 && error.apiCode === undefined))
  );
}
