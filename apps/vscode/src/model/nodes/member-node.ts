import type { UserDto } from '@genauth-groups/models';
import type { ConnectionConfig } from '../connection-config.ts';
import type { GroupNode } from './group-node.ts';

/** A member of a group: a leaf whose details open in a panel. */
export class MemberNode {
  readonly kind = 'member';
  readonly id: string;
  readonly parent: GroupNode;
  readonly connection: ConnectionConfig;
  readonly user: UserDto;

  constructor(parent: GroupNode, user: UserDto) {
    this.parent = parent;
    this.id = `${parent.id}/m:${user.userId}`;
    this.connection = parent.connection;
    this.user = user;
  }
}
