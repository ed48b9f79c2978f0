import type { GroupDto, UserDto } from '@genauth-groups/models';
import type { ConnectionConfig } from '../connection-config.ts';
import type { PagedList } from '../page-loader.ts';
import type { ConnectionNode } from './connection-node.ts';
import type { UserGroupsNode } from './user-groups-node.ts';

/** A group; expands to its members, paged. */
export class GroupNode {
  readonly kind = 'group';
  readonly id: string;
  readonly parent: ConnectionNode | UserGroupsNode;
  readonly connection: ConnectionConfig;
  readonly group: GroupDto;
  readonly #makeMembers: (owner: GroupNode) => PagedList<UserDto>;
  #members: PagedList<UserDto> | undefined;

  constructor(
    parent: ConnectionNode | UserGroupsNode,
    group: GroupDto,
    members: (owner: GroupNode) => PagedList<UserDto>,
  ) {
    this.parent = parent;
    this.id = `${parent.id}/g:${group.id}`;
    this.connection = parent.connection;
    this.group = group;
    this.#makeMembers = members;
  }

  /** The members, made on first use so that a collapsed group costs nothing. */
  get members(): PagedList<UserDto> {
    this.#members ??= this.#makeMembers(this);
    return this.#members;
  }

  /** The member count, once the first page of members told it. */
  get memberCount(): number | undefined {
    return this.#members?.totalCount;
  }
}
