import type { GroupDto } from '@genauth-groups/models';
import type { ConnectionConfig } from '../connection-config.ts';
import type { UserQuery } from '../groups-api.ts';
import type { PagedList } from '../page-loader.ts';
import type { ConnectionNode } from './connection-node.ts';

/** The answer to "Find a user's groups": the groups one user is in, under the connection searched. */
export class UserGroupsNode {
  readonly kind = 'userGroups';
  readonly id: string;
  readonly parent: ConnectionNode;
  readonly connection: ConnectionConfig;
  readonly query: UserQuery;
  readonly groups: PagedList<GroupDto>;

  /** `serial` tells searches apart, so that a new one is a new node (expanded, loading afresh). */
  constructor(
    parent: ConnectionNode,
    query: UserQuery,
    serial: number,
    groups: (owner: UserGroupsNode) => PagedList<GroupDto>,
  ) {
    this.parent = parent;
    this.id = `${parent.id}/u${serial}`;
    this.connection = parent.connection;
    this.query = query;
    this.groups = groups(this);
  }
}
