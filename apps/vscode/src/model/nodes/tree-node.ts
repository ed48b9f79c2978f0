import type { GroupDto, UserDto } from '@genauth-groups/models';
import type { ConnectionConfig } from '../connection-config.ts';
import type { ExportSource } from '../export/export-source.ts';
import type { GroupsApi } from '../groups-api.ts';
import type { FetchPage, PagedList } from '../page-loader.ts';
import type { Translate } from '../translate.ts';
import type { Row } from './row.ts';
import type { ListKind } from './status-node.ts';

/** What nodes need from the tree they are in: loading, caching and change events live there. */
export interface NodeContext {
  /** Items per page of groups and members. */
  readonly pageSize: number;
  /** The server-side filter on groups, if any. */
  readonly keywords: string | undefined;
  /** The API of a connection (rejects when its secret is missing). */
  apiOf(connectionId: string): Promise<GroupsApi>;
  /** A paged list whose changes are changes of `owner`'s children. */
  list<T extends GroupDto | UserDto>(
    owner: TreeNode,
    pageSize: number,
    fetchPage: FetchPage<T>,
  ): PagedList<T>;
  /**
   * The rows of a paged list: a node per entry (made once per entry, so it keeps what it loaded
   * across re-renders), a broken row per malformed entry, then a state row (loading, load more,
   * error or empty). Starts loading a list that never loaded.
   */
  rows<T>(owner: TreeNode, list: PagedList<T>, kind: ListKind, toNode: (value: T) => TreeNode): TreeNode[];
  /** Tells the editor that a node's row (and children) changed, e.g. after an edit in place. */
  changed(node: TreeNode): void;
  /**
   * A group was changed: every list of the connection that shows it shows the new values; `node`,
   * the row it was changed from, stays the same node (and keeps its loaded members).
   */
  groupChanged(connectionId: string, group: GroupDto, node: TreeNode): void;
  /** A group was deleted: drops it from every list of the connection that shows it. */
  groupDeleted(connectionId: string, groupId: string): void;
  /** Clears the groups filter. */
  setFilter(keywords: undefined): void;
  /** Removes a "Find a user's groups" result from its connection. */
  dismissSearch(node: TreeNode): void;
}

/** What nodes may do to the paged list another node shows. */
export interface ListHandle {
  loadNext(page?: number): Promise<void>;
  remove(keys: ReadonlySet<string>): boolean;
  reset(): void;
}

/** Shows the details of a node in the editor (the editor layer implements it). */
export interface DetailsViewer {
  showMember(node: import('./member-node.ts').MemberNode): void;
  showGroup(node: import('./group-node.ts').GroupNode): Promise<void>;
}

/** What "Copy ID", "Copy Code" and "Copy as JSON" put on the clipboard. */
export type ClipKind = 'id' | 'code' | 'json';

/**
 * A node of the Groups tree. Each kind is one subclass in its own file, and owns its behaviour:
 * its children, its row, and what the commands do with it. The tree, the editor layer and the
 * commands only delegate, so a new kind of node is one new file.
 */
export abstract class TreeNode {
  /** The node's kind, the first word of its context value. */
  abstract readonly kind: string;
  /** Stable across re-renders: the editor keeps expansion and selection by it. */
  abstract readonly id: string;
  abstract readonly parent: TreeNode | undefined;
  /** The connection the node belongs to; `undefined` for top-level rows of no connection. */
  abstract readonly connection: ConnectionConfig | undefined;

  /** How the node shows. */
  abstract row(t: Translate): Row;

  /** A short text to compare whole lists in tests: `group:developer`, `status:loadMore`... */
  abstract describe(): string;

  /** The children; a leaf has none. */
  children(_tree: NodeContext): TreeNode[] {
    return [];
  }

  /** The paged list whose rows this node shows, if any. */
  listed(): ListHandle | undefined {
    return undefined;
  }

  /** Forgets what the node shows so that it loads again; a leaf refreshes the list it is in. */
  refresh(): void {
    this.parent?.refresh();
  }

  /** The words of the row's context value that say which write commands apply: none when read-only. */
  protected writable(): string | false {
    return this.connection !== undefined && !this.connection.readOnly && 'writable';
  }

  /** "Retry": loads again what failed. */
  retry(): Promise<void> {
    this.refresh();
    return Promise.resolve();
  }

  /** "Load more": nothing, except on the row that stands for the next page. */
  loadMore(): Promise<void> {
    return Promise.resolve();
  }

  /** Removes a row the user may dismiss; nothing for the others. */
  dismiss(_tree: NodeContext): void {}

  /** What a copy command puts on the clipboard, and how the confirmation names it. */
  clip(_kind: ClipKind, _t: Translate): { readonly text: string; readonly what: string } | undefined {
    return undefined;
  }

  /** The node's page in the GenAuth console, where one is known. */
  consoleLink(): string | undefined {
    return undefined;
  }

  /** What "Export…" writes for this node, if anything: a group's members, a pool's groups. */
  exportSource(): ExportSource | undefined {
    return undefined;
  }

  /** Opens the node's details, if it has any. */
  showDetails(_viewer: DetailsViewer): Promise<void> {
    return Promise.resolve();
  }
}
