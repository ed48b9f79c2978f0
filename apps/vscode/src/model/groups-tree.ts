import type { GroupDto, UserDto } from '@genauth-groups/models';
import type { ConnectionRegistry } from './connection-registry.ts';
import { Emitter } from './emitter.ts';
import { errorInfo } from './error-info.ts';
import type { GroupsApi, UserQuery } from './groups-api.ts';
import { ConnectionNode } from './nodes/connection-node.ts';
import { type ListKind, StatusNode } from './nodes/status-node.ts';
import type { NodeContext, TreeNode } from './nodes/tree-node.ts';
import { UserGroupsNode } from './nodes/user-groups-node.ts';
import type { Entry } from './page-data.ts';
import { type FetchPage, PagedList } from './page-loader.ts';

/**
 * How long the view's answer waits for a connection's first page of groups under way, by default.
 * A page that comes sooner (or fails sooner: a server that is down refuses at once) is answered
 * with its rows, or its error row, in one round trip with the editor; the view shows its progress
 * bar meanwhile. A slower page is answered with a "Loading…" row, and the editor asks again when
 * the page comes: that second round trip took 1.35 s while the editor started, in CI, which is why
 * this is not shorter. Measured by `bench/first-rows.mts` (its slow-page case).
 */
export const FIRST_PAGE_GRACE_MS = 5000;

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
 * shows a loading row, and {@link GroupsTree.onDidChange} fires when it has more to show. What
 * each kind of node shows and does is the node's own business (`nodes/`): the tree only delegates.
 */
export class GroupsTree implements NodeContext {
  /** Fires with the node whose children changed; `undefined` for the top level. */
  readonly onDidChange = new Emitter<TreeNode | undefined>();
  /** Fires with every page load, e.g. to show progress while it runs. */
  readonly onDidLoad = new Emitter<Promise<void>>();
  readonly #registry: ConnectionRegistry;
  #pageSize: number;
  #keywords: string | undefined;
  #nodes = new Map<string, ConnectionNode>();
  #searches = 0;
  /** Set while a load starts quietly: whoever asks next sees it loading, no change event needed. */
  #quiet = false;
  /** Lists whose first page {@link childrenWithin} answers are waiting for, and how many answers. */
  readonly #awaited = new Map<object, number>();
  /** Set while {@link childrenWithin} looks for first pages under way, which it collects here. */
  #firstPages: PagedList<unknown>[] | undefined;
  /** Whether anyone (the view) asked for rows yet: until then, no change is worth telling. */
  #asked = false;
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

  /** Items per page of groups and members. */
  get pageSize(): number {
    return this.#pageSize;
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
    this.#asked = true;
    return node ? node.children(this) : this.#roots();
  }

  /**
   * The children of `node`, or the top level, once the first pages of groups they show loading
   * have come, or after `graceMs`, whichever is sooner. A view that waits for this answer gets the
   * rows of a quick page at once, rather than a "Loading…" row and, when the page comes, one more
   * round trip with the editor to ask again (seconds while the editor starts, on a busy machine).
   * A slower page shows the loading row after `graceMs`, and its rows when it comes, as
   * {@link children} does.
   */
  async childrenWithin(node: TreeNode | undefined, graceMs = FIRST_PAGE_GRACE_MS): Promise<TreeNode[]> {
    const firstPages: PagedList<unknown>[] = [];
    this.#firstPages = firstPages;
    let rows: TreeNode[];
    try {
      rows = this.children(node);
    } finally {
      this.#firstPages = undefined;
    }
    if (firstPages.length === 0) return rows;
    for (const list of firstPages) this.#awaited.set(list, (this.#awaited.get(list) ?? 0) + 1);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    try {
      await Promise.race([Promise.all(firstPages.map((list) => list.loadNext())), grace]);
    } finally {
      clearTimeout(timer);
      for (const list of firstPages) {
        const waiting = (this.#awaited.get(list) ?? 1) - 1;
        if (waiting > 0) this.#awaited.set(list, waiting);
        else this.#awaited.delete(list);
      }
    }
    return this.children(node);
  }

  /** Whether `node` is the lone connection, whose node is hidden and whose children are the top level. */
  isHidden(node: TreeNode): boolean {
    const [only] = this.#nodes.values();
    return this.flat && node === only;
  }

  /** The parent as shown: `undefined` for the top level, where a lone connection's node is hidden. */
  visibleParent(node: TreeNode): TreeNode | undefined {
    const parent = node.parent;
    return parent && this.isHidden(parent) ? undefined : parent;
  }

  /** Sets or clears (empty or `undefined`) the groups filter; every connection's groups load afresh. */
  setFilter(keywords: string | undefined): void {
    const next = keywords?.trim() || undefined;
    if (next === this.#keywords) return;
    this.#keywords = next;
    for (const node of this.#nodes.values()) node.groups.reset();
    this.#changed(undefined);
  }

  /** Forgets what a node (or, without one, every connection) loaded, and loads it again when shown. */
  refresh(node?: TreeNode): void {
    if (node) node.refresh();
    else for (const connection of this.#nodes.values()) connection.refresh();
  }

  /** Shows the groups of a user under the connection, replacing an earlier search there. */
  findUserGroups(connectionId: string, query: UserQuery): UserGroupsNode | undefined {
    const owner = this.#nodes.get(connectionId);
    if (!owner) return undefined;
    owner.userGroups?.groups.dispose();
    this.#searches += 1;
    owner.userGroups = new UserGroupsNode(owner, query, this.#searches, this);
    this.#changed(owner);
    return owner.userGroups;
  }

  changed(node: TreeNode): void {
    this.#changed(node);
  }

  /**
   * Tells the view that the children of `node` (`undefined`: the top level) changed; not before it
   * first asked for rows, as it shows none yet. A first page that comes before the view asks
   * (it starts when the view shows) would otherwise make the editor fetch and draw the rows again
   * right after its first answer, which already holds them.
   */
  #changed(node: TreeNode | undefined): void {
    if (this.#asked) this.onDidChange.fire(node);
  }

  groupChanged(connectionId: string, group: GroupDto, node: TreeNode): void {
    const owner = this.#nodes.get(connectionId);
    for (const list of [owner?.groups, owner?.userGroups?.groups]) {
      for (const [before, after] of list?.replace(group.id, group) ?? []) {
        // The row edited keeps its node; other rows of the group are made afresh from the new values.
        if (this.#entryNodes.get(before) === node) this.#entryNodes.set(after, node);
      }
    }
    this.#changed(node);
  }

  groupDeleted(connectionId: string, groupId: string): void {
    const owner = this.#nodes.get(connectionId);
    const keys = new Set([groupId]);
    owner?.groups.remove(keys);
    owner?.userGroups?.groups.remove(keys);
  }

  /** Removes a "Find a user's groups" result. */
  dismissSearch(node: TreeNode): void {
    const owner = this.#nodes.get(node.connection?.id ?? '');
    if (!owner || owner.userGroups !== node) return;
    owner.userGroups.groups.dispose();
    owner.userGroups = undefined;
    this.#changed(owner);
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

  list<T extends GroupDto | UserDto>(
    owner: TreeNode,
    pageSize: number,
    fetchPage: FetchPage<T>,
  ): PagedList<T> {
    const list: PagedList<T> = new PagedList<T>({
      fetchPage,
      pageSize,
      keyOf: keyOf as (item: T) => string,
      onChange: () => {
        if (this.#quiet) return;
        if (!this.#awaited.has(list)) {
          this.#changed(owner);
          return;
        }
        // An answer waits for this page and takes its rows along. Told now, the editor would drop
        // that answer and ask again; told once the answer is out, it only redraws the owner's own
        // row (a count in its description), which a hidden lone connection does not have.
        if (!this.isHidden(owner)) setTimeout(() => this.#changed(owner), 0);
      },
      onLoad: (load) => this.onDidLoad.fire(load),
    });
    return list;
  }

  /**
   * Starts the first page of every connection's groups that is not loaded or loading, as the view
   * does when it asks for them: call it when the view shows, so that the rows are on their way
   * before it asks.
   */
  loadFirstPages(): void {
    for (const node of this.#nodes.values()) this.#start(node.groups);
  }

  rows<T>(owner: TreeNode, list: PagedList<T>, kind: ListKind, toNode: (value: T) => TreeNode): TreeNode[] {
    this.#start(list);
    // A connection's groups only: a group's members too would make its row (its member count) be
    // redrawn once the answer is out, and the editor then asks for the members again, a second
    // answer just after the first (it closed a context menu opened on a member meanwhile, in the
    // end-to-end test). A lone connection's row is hidden: nothing to redraw.
    if (this.#firstPages && kind === 'groups' && list.status === 'loading' && list.entries.length === 0) {
      this.#firstPages.push(list as PagedList<unknown>);
    }
    const rows = list.entries.map((entry, index) => {
      if (!entry.ok)
        return new StatusNode(owner, { type: 'broken', list: kind, item: entry }, `broken${index}`);
      let node = this.#entryNodes.get(entry);
      if (!node) {
        node = toNode(entry.value);
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

  /** Starts loading a list that never loaded, without a change event: whoever asks next sees it loading. */
  #start(list: Pick<PagedList<unknown>, 'status' | 'loadNext'>): void {
    if (list.status !== 'idle') return;
    this.#quiet = true;
    void list.loadNext();
    this.#quiet = false;
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
    if (only && this.flat) return [...filter, ...only.children(this), ...problems];
    // Connection rows show expanded, so the view asks for their rows next, one round trip with the
    // editor later (seconds while it starts): their first pages start now.
    this.loadFirstPages();
    return [...filter, ...this.#nodes.values(), ...problems];
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
      kept?.stop();
      next.set(connection.id, new ConnectionNode(connection, this));
    }
    for (const [id, node] of this.#nodes) if (!next.has(id)) node.stop();
    this.#nodes = next;
    this.#changed(undefined);
  }
}

/** What identifies a group or a user across pages. */
function keyOf(item: GroupDto | UserDto): string {
  return typeof item.userId === 'string' ? item.userId : String(item.id);
}
