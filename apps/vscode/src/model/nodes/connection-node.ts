import type { GroupDto } from '@genauth-groups/models';
import type { ConnectionConfig } from '../connection-config.ts';
import type { PagedList } from '../page-loader.ts';
import type { UserGroupsNode } from './user-groups-node.ts';

/**
 * A configured connection. Shown as a top-level node when there are several; with one, its
 * children are the top level and the node itself stays hidden.
 */
export class ConnectionNode {
  readonly kind = 'connection';
  readonly parent = undefined;
  readonly id: string;
  readonly connection: ConnectionConfig;
  /** The pool's groups, filtered by the tree's keywords. */
  readonly groups: PagedList<GroupDto>;
  /** The result of the last "Find a user's groups" on this connection, until dismissed. */
  userGroups: UserGroupsNode | undefined;

  constructor(connection: ConnectionConfig, groups: (owner: ConnectionNode) => PagedList<GroupDto>) {
    this.id = `c:${connection.id}`;
    this.connection = connection;
    this.groups = groups(this);
  }
}
