import type { GroupDto } from '@genauth-groups/models';
import type { ConnectionConfig } from '../connection-config.ts';
import type { UserQuery } from '../groups-api.ts';
import type { PagedList } from '../page-loader.ts';
import type { Translate } from '../translate.ts';
import type { ConnectionNode } from './connection-node.ts';
import { groupCount } from './counts.ts';
import { GroupNode } from './group-node.ts';
import type { Row } from './row.ts';
import { type NodeContext, TreeNode } from './tree-node.ts';

/** The answer to "Find a user's groups": the groups one user is in, under the connection searched. */
export class UserGroupsNode extends TreeNode {
  readonly kind = 'userGroups';
  readonly id: string;
  readonly parent: ConnectionNode;
  readonly connection: ConnectionConfig;
  readonly query: UserQuery;
  readonly groups: PagedList<GroupDto>;

  /** `serial` tells searches apart, so that a new one is a new node (expanded, loading afresh). */
  constructor(parent: ConnectionNode, query: UserQuery, serial: number, tree: NodeContext) {
    super();
    this.parent = parent;
    this.id = `${parent.id}/u${serial}`;
    this.connection = parent.connection;
    this.query = query;
    // The endpoint is not paged: one "page" holds every group, hence the infinite page size.
    this.groups = tree.list(this, Number.POSITIVE_INFINITY, (_page, _limit, signal) =>
      tree.apiOf(this.connection.id).then((api) => api.userGroups(query, signal)),
    );
  }

  override children(tree: NodeContext): TreeNode[] {
    return tree.rows(this, this.groups, 'userGroups', (group) => new GroupNode(this, group, tree));
  }

  override listed(): PagedList<GroupDto> {
    return this.groups;
  }

  override refresh(): void {
    this.groups.reset();
  }

  override dismiss(tree: NodeContext): void {
    tree.dismissSearch(this);
  }

  row(t: Translate): Row {
    const total = this.groups.totalCount;
    const { userId, userIdType } = this.query;
    return {
      label: t('Groups of {0}', userId),
      expand: 'expanded',
      description: total === undefined ? userIdType : `${userIdType} · ${groupCount(total, t)}`,
      tooltip: t('The groups of the user whose {0} is {1}', userIdType, userId),
      icon: { id: 'search' },
      contextValue: 'userGroups dismissable',
    };
  }

  describe(): string {
    return `userGroups:${this.query.userId}`;
  }
}
