import type { ConnectionNode } from './connection-node.ts';
import type { GroupNode } from './group-node.ts';
import type { MemberNode } from './member-node.ts';
import type { StatusNode } from './status-node.ts';
import type { UserGroupsNode } from './user-groups-node.ts';

/** Any node of the Groups tree. The editor layer turns each kind into a `TreeItem`. */
export type TreeNode = ConnectionNode | GroupNode | MemberNode | UserGroupsNode | StatusNode;

/** The nodes whose children come from a paged list. */
export type ListOwner = ConnectionNode | GroupNode | UserGroupsNode;
