import type { GroupDto, UserDto } from '@genauth-groups/models';
import type { ConnectionRegistry } from './connection-registry.ts';
import { Emitter } from './emitter.ts';
import { errorInfo } from './error-info.ts';
import type { GroupsApi, UserQuery } from './groups-api.ts';
import { ConnectionNode } from './nodes/connection-node.ts';
import { GroupNode } from './nodes/group-node.ts';
import { MemberNode } from './nodes/member-node.ts';
import { type ListKind, StatusNode } from './nodes/status-node.ts';
import type { ListOwner, TreeNode } from './nodes/tree-node.ts';
import { UserGroupsNode } from './nodes/user-groups-node.ts';
import type { Entry } from './page-data.ts';
import { type FetchPage, PagedList } from './page-loader.ts';

/** What a {@link GroupsTree} needs. */
export interface GroupsTreeOptions {
  readonly registry: ConnectionRegistry;
  /** Items per page, 1 to 50. */
  readonly pageSize: number;
}

/**
 * The Groups tree, without the editor: connections, their groups (paged, filtered server-side),
 * members (paged), "Find a user's groups" results, and the state rows in between. Everything
 * loaded is cached until a refresh, a filter change, or a change of the connection it came from.
 *
 * Children are returned at once from the cache; a list that was never loaded starts loading and
 * shows a loading row, and {@link GroupsTree.onDidChange} fires when it has more to show.
 */
export class GroupsTree {
  /** Fires with the node whose children changed; `undefined` for the top level. */
  readonly onDidChange = new Emitter<TreeNode | undefined>();
  /** Fires with every page load, e.g. to show progress while it runs. */
  readonly onDidLoad = new Emitter<Promise<void>>();
  readonly #registry: ConnectionRegistry;
  #pageSize: number;
  #keywords: string | undefined;
  #nodes = new Map<string, ConnectionNode>();
  #searches = 0;
  /** Set while `children()` starts a load: the rows it returns already show it, no change event needed. */
  #quiet = false;
  // Nodes are made once per loaded entry, so that a group keeps its members across re-renders.
  readonly #entryNodes = new WeakMap<Entry<unknown>, TreeNode>();

  constructor(options: GroupsTreeOptions) {
    this.#registry = options.registry;
    this.#pageSize = options.pageSize;
    this.#syncConnections(new Set());
    options.registry.onDidChange.on((changed) => this.#syncConnections(changed));
  }

  /** The server-side filter on groups (code and name), if any. */
  get keywords(): string | undefined {
    return this.#keywords;
  }

  /** Whether the only connection's children are shown at the top level, without a connection node. */
  get flat(): boolean {
    return this.#nodes.size === 1;
  }

  /** The connection nodes, in settings order. */
  get connectionNodes(): readonly ConnectionNode[] {
    return [...this.#nodes.values()];
  }

  /** The children of `node`, or the top level. */
  children(node?: TreeNode): TreeNode[] {
    if (!node) return this.#roots();
    switch (node.kind) {
      case 'connection':
        return this.#connectionChildren(node);
      case 'group':
        return this.#listRows(node, node.members, 'members', (entry) => new MemberNode(node, entry.value));
      case 'userGroups':
        return this.#listRows(node, node.groups, 'userGroups', (entry) => this.#groupNode(node, entry.value));
      default:
        return [];
    }
  }

  /** The parent as shown: `undefined` for the top level, where a lone connection's node is hidden. */
  visibleParent(node: TreeNode): TreeNode | undefined {
    const parent = node.parent;
    return parent?.kind === 'connection' && this.flat ? undefined : parent;
  }

  /** Sets or clears (empty or `undefined`) the groups filter; every connection's groups load afresh. */
  setFilter(keywords: string | undefined): void {
    const next = keywords?.trim() || undefined;
    if (next === this.#keywords) return;
    this.#keywords = next;
    for (const node of this.#nodes.values()) node.groups.reset();
    this.onDidChange.fire(undefined);
  }

  /** Loads the page a "Load more" or error row stands for; nothing if that page is no longer next. */
  loadMore(row: StatusNode): Promise<void> {
    const list = row.parent && listOf(row.parent);
    if (!list) return Promise.resolve();
    return list.loadNext(row.status.type === 'loadMore' ? row.status.page : undefined);
  }

  /** Forgets what a node (or, without one, the whole tree) loaded, and loads it again when shown. */
  refresh(node?: TreeNode): void {
    if (!node) {
      for (const connection of this.#nodes.values()) this.#resetConnection(connection);
      return;
    }
    if (node.kind === 'connection') this.#resetConnection(node);
    else if (node.kind === 'group' || node.kind === 'userGroups') listOf(node).reset();
    else if (node.parent) this.refresh(node.parent);
  }

  /** Shows the groups of a user under the connection, replacing an earlier search there. */
  findUserGroups(connectionId: string, query: UserQuery): UserGroupsNode | undefined {
    const owner = this.#nodes.get(connectionId);
    if (!owner) return undefined;
    owner.userGroups?.groups.dispose();
    this.#searches += 1;
    owner.userGroups = new UserGroupsNode(owner, query, this.#searches, (node) =>
      // The endpoint is not paged: one "page" holds every group, hence the infinite page size.
      this.#list(node, Number.POSITIVE_INFINITY, (_page, _limit, signal) =>
        this.#api(owner).then((api) => api.userGroups(query, signal)),
      ),
    );
    this.onDidChange.fire(owner);
    return owner.userGroups;
  }

  /** Removes a "Find a user's groups" result. */
  dismiss(node: UserGroupsNode): void {
    if (node.parent.userGroups !== node) return;
    node.groups.dispose();
    node.parent.userGroups = undefined;
    this.onDidChange.fire(node.parent);
  }

  /** Takes a new page size; what was loaded is dropped. */
  setPageSize(pageSize: number): void {
    if (pageSize === this.#pageSize) return;
    this.#pageSize = pageSize;
    this.#syncConnections(new Set(this.#nodes.keys()));
  }

  /** The API of a connection (rejects when its secret is missing). */
  apiOf(connectionId: string): Promise<GroupsApi> {
    return this.#registry.api(connectionId);
  }

  #roots(): TreeNode[] {
    const problems = this.#registry.problems.map(
      (problem) => new StatusNode(undefined, { type: 'invalidSetting', problem }, `setting${problem.index}`),
    );
    // The filter applies to every connection: one row for it, at the top.
    const filter = this.#keywords
      ? [new StatusNode(undefined, { type: 'filter', keywords: this.#keywords }, 'filter')]
      : [];
    const [only] = this.#nodes.values();
    if (only && this.flat) return [...filter, ...this.#connectionChildren(only), ...problems];
    return [...filter, ...this.#nodes.values(), ...problems];
  }

  #connectionChildren(node: ConnectionNode): TreeNode[] {
    const search = node.userGroups ? [node.userGroups] : [];
    return [
      ...search,
      ...this.#listRows(node, node.groups, 'groups', (entry) => this.#groupNode(node, entry.value)),
    ];
  }

  #groupNode(parent: ConnectionNode | UserGroupsNode, group: GroupDto): GroupNode {
    return new GroupNode(parent, group, (owner) =>
      this.#list(owner, this.#pageSize, (page, limit, signal) =>
        this.#api(owner).then((api) => api.listMembers({ code: group.code, page, limit }, signal)),
      ),
    );
  }

  /** The rows of a paged list: its entries, then a state row (loading, load more, error or empty). */
  #listRows<T>(
    owner: ListOwner,
    list: PagedList<T>,
    kind: ListKind,
    toNode: (entry: Entry<T> & { ok: true }) => TreeNode,
  ): TreeNode[] {
    if (list.status === 'idle') {
      this.#quiet = true;
      void list.loadNext();
      this.#quiet = false;
    }
    const rows = list.entries.map((entry, index) => {
      if (!entry.ok)
        return new StatusNode(owner, { type: 'broken', list: kind, item: entry }, `broken${index}`);
      let node = this.#entryNodes.get(entry);
      if (!node) {
        node = toNode(entry);
        this.#entryNodes.set(entry, node);
      }
      return node;
    });
    switch (list.status) {
      case 'loading':
        return [...rows, new StatusNode(owner, { type: 'loading' }, 'loading')];
      case 'failed':
        return [
          ...rows,
          new StatusNode(owner, { type: 'error', list: kind, info: errorInfo(list.error) }, 'error'),
        ];
      default:
        if (list.hasMore) {
          const status = {
            type: 'loadMore',
            page: list.nextPage,
            loaded: list.entries.length,
            total: list.totalCount ?? 0,
          } as const;
          return [...rows, new StatusNode(owner, status, 'more')];
        }
        if (rows.length === 0) {
          const filtered = kind === 'groups' && this.#keywords !== undefined;
          return [new StatusNode(owner, { type: 'empty', list: kind, filtered }, 'empty')];
        }
        return rows;
    }
  }

  #list<T extends GroupDto | UserDto>(
    owner: ListOwner,
    pageSize: number,
    fetchPage: FetchPage<T>,
  ): PagedList<T> {
    return new PagedList<T>({
      fetchPage,
      pageSize,
      keyOf: keyOf as (item: T) => string,
      onChange: () => {
        if (!this.#quiet) this.onDidChange.fire(owner);
      },
      onLoad: (load) => this.onDidLoad.fire(load),
    });
  }

  #api(node: ListOwner): Promise<GroupsApi> {
    return this.#registry.api(node.connection.id);
  }

  #resetConnection(node: ConnectionNode): void {
    node.groups.reset();
    node.userGroups?.groups.reset();
  }

  /** Makes nodes for new or changed connections and drops those of removed ones. */
  #syncConnections(changed: ReadonlySet<string>): void {
    const next = new Map<string, ConnectionNode>();
    for (const connection of this.#registry.connections) {
      const kept = this.#nodes.get(connection.id);
      if (kept && !changed.has(connection.id)) {
        next.set(connection.id, kept);
        continue;
      }
      if (kept) stop(kept);
      next.set(
        connection.id,
        new ConnectionNode(connection, (owner) =>
          this.#list(owner, this.#pageSize, (page, limit, signal) =>
            this.#api(owner).then((api) => api.listGroups({ keywords: this.#keywords, page, limit }, signal)),
          ),
        ),
      );
    }
    for (const [id, node] of this.#nodes) if (!next.has(id)) stop(node);
    this.#nodes = next;
    this.onDidChange.fire(undefined);
  }
}

/** Aborts what a dropped connection node still has in flight, so that it cannot update the tree. */
function stop(node: ConnectionNode): void {
  node.groups.dispose();
  node.userGroups?.groups.dispose();
}

/** What identifies a group or a user across pages. */
function keyOf(item: GroupDto | UserDto): string {
  return typeof item.userId === 'string' ? item.userId : String(item.id);
}

/** The paged list whose rows a node shows. */
function listOf(owner: ListOwner): PagedList<GroupDto> | PagedList<UserDto> {
  switch (owner.kind) {
    case 'connection':
      return owner.groups;
    case 'group':
      return owner.members;
    default:
      return owner.groups;
  }
}
