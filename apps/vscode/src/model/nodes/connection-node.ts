import type { GroupDto } from '@genauth-groups/models';
import type { ConnectionConfig } from '../connection-config.ts';
import { type ExportSource, groupsSource } from '../export/export-source.ts';
import type { GroupInput } from '../groups-api.ts';
import { isLoopback } from '../hosts.ts';
import type { PagedList } from '../page-loader.ts';
import type { Translate } from '../translate.ts';
import { ReadOnlyError, treeMayBeStale } from '../write-errors.ts';
import { groupCount } from './counts.ts';
import { GroupNode } from './group-node.ts';
import { lines, type Row } from './row.ts';
import { type NodeContext, TreeNode } from './tree-node.ts';
import type { UserGroupsNode } from './user-groups-node.ts';

/**
 * A configured connection. Shown as a top-level node when there are several; with one, its
 * children are the top level and the node itself stays hidden.
 */
export class ConnectionNode extends TreeNode {
  readonly kind = 'connection';
  readonly parent = undefined;
  readonly id: string;
  readonly connection: ConnectionConfig;
  /** The pool's groups, filtered by the tree's keywords. */
  readonly groups: PagedList<GroupDto>;
  /** The result of the last "Find a user's groups" on this connection, until dismissed. */
  userGroups: UserGroupsNode | undefined;
  readonly #tree: NodeContext;

  constructor(connection: ConnectionConfig, tree: NodeContext) {
    super();
    this.id = `c:${connection.id}`;
    this.connection = connection;
    this.#tree = tree;
    this.groups = tree.list(this, tree.pageSize, (page, limit, signal) =>
      tree
        .apiOf(connection.id)
        .then((api) => api.listGroups({ keywords: tree.keywords, page, limit }, signal)),
    );
  }

  override children(tree: NodeContext): TreeNode[] {
    const search = this.userGroups ? [this.userGroups] : [];
    return [
      ...search,
      ...tree.rows(this, this.groups, 'groups', (group) => new GroupNode(this, group, tree)),
    ];
  }

  override listed(): PagedList<GroupDto> {
    return this.groups;
  }

  override refresh(): void {
    this.groups.reset();
    this.userGroups?.groups.reset();
  }

  /**
   * Creates a static group; it shows at the top of the groups at once, without reloading them.
   * @returns the group as the server created it.
   */
  async createGroup(input: GroupInput): Promise<GroupDto> {
    if (this.connection.readOnly) throw new ReadOnlyError(this.connection.label);
    const api = await this.#tree.apiOf(this.connection.id);
    let group: GroupDto;
    try {
      group = await api.createGroup(input);
    } catch (error) {
      // A lost reply may hide a group that was created: load the list again to show what is true.
      if (treeMayBeStale(error)) this.groups.reset();
      throw error;
    }
    this.groups.insert([group]);
    return group;
  }

  /** The node of a group this connection's list shows, e.g. to reveal one just created. */
  groupNode(groupId: string): GroupNode | undefined {
    return this.children(this.#tree).find(
      (node): node is GroupNode => node instanceof GroupNode && node.group.id === groupId,
    );
  }

  /** The pool's groups, as filtered in the tree. */
  override exportSource(): ExportSource {
    return groupsSource(this.connection.label, this.#tree.keywords);
  }

  /** Aborts what the node still has in flight, so that a dropped connection cannot update the tree. */
  stop(): void {
    this.groups.dispose();
    this.userGroups?.groups.dispose();
  }

  row(t: Translate): Row {
    const { connection } = this;
    const total = this.groups.totalCount;
    const host = new URL(connection.host).host;
    return {
      label: connection.label,
      expand: 'expanded',
      description: total === undefined ? host : `${host} · ${groupCount(total, t)}`,
      tooltip: lines(
        connection.label,
        connection.host,
        t('Access key id: {0}', connection.accessKeyId),
        t('Authentication: {0}', connection.auth),
        connection.tenantId && t('Tenant: {0}', connection.tenantId),
      ),
      icon: { id: isLoopback(connection.host) ? 'vm' : 'cloud' },
      contextValue: ['connection exportable', this.writable() || 'readOnly'].join(' '),
    };
  }

  describe(): string {
    return `connection:${this.connection.label}`;
  }
}
