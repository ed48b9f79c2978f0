import type { UserDto } from '@genauth-groups/models';
import type { ConnectionConfig } from '../connection-config.ts';
import { consoleUrl } from '../console-url.ts';
import { userDisplayName } from '../details.ts';
import { withoutTokens } from '../sanitize.ts';
import type { Translate } from '../translate.ts';
import type { GroupNode } from './group-node.ts';
import { lines, type Row } from './row.ts';
import { type ClipKind, type DetailsViewer, TreeNode } from './tree-node.ts';

/** A member of a group: a leaf whose details open in a panel. */
export class MemberNode extends TreeNode {
  readonly kind = 'member';
  readonly id: string;
  readonly parent: GroupNode;
  readonly connection: ConnectionConfig;
  readonly user: UserDto;

  constructor(parent: GroupNode, user: UserDto) {
    super();
    this.parent = parent;
    this.id = `${parent.id}/m:${user.userId}`;
    this.connection = parent.connection;
    this.user = user;
  }

  override clip(kind: ClipKind, t: Translate) {
    if (kind === 'id') return { text: this.user.userId, what: t('user ID') };
    if (kind === 'json') return { text: JSON.stringify(withoutTokens(this.user), null, 2), what: 'JSON' };
    return undefined;
  }

  override consoleLink(): string | undefined {
    return consoleUrl(this.connection, { kind: 'user', userId: this.user.userId });
  }

  override showDetails(viewer: DetailsViewer): Promise<void> {
    viewer.showMember(this);
    return Promise.resolve();
  }

  row(t: Translate): Row {
    const { user } = this;
    const label = userDisplayName(user);
    return {
      label,
      description: [user.email && user.email !== label ? user.email : undefined, user.status]
        .filter(Boolean)
        .join(' · '),
      tooltip: lines(
        label,
        user.username && t('Username: {0}', user.username),
        user.email && t('Email: {0}', user.email),
        user.phone && t('Phone: {0}', user.phone),
        t('Status: {0}', user.status),
        t('User ID: {0}', user.userId),
      ),
      // Accounts that cannot sign in stand out.
      icon:
        user.status === 'Activated' ? { id: 'account' } : { id: 'account', color: 'list.warningForeground' },
      contextValue: ['member', this.consoleLink() && 'console', this.writable()].filter(Boolean).join(' '),
      command: { id: 'genauthGroups.showDetails', title: t('Show Details'), withNode: true },
    };
  }

  describe(): string {
    return `member:${this.user.username ?? this.user.userId}`;
  }
}

/** What Remove from Group did with a selection of members. */
export interface RemoveOutcome {
  /** Members removed. */
  readonly removed: number;
  /** Members selected (each once). */
  readonly total: number;
  /** Where it stopped: the group whose removal failed, why, and how many members were not removed. */
  readonly failed?: { readonly group: GroupNode; readonly error: unknown; readonly notRemoved: number };
}

/**
 * Removes a selection of members, which may span groups: one request per group, in the order of
 * the selection, stopping at the first failure. Groups done show their change in place; the group
 * that failed loads its members again, so the tree shows what the server holds.
 */
export async function removeMembers(nodes: readonly MemberNode[]): Promise<RemoveOutcome> {
  const byGroup = new Map<GroupNode, Set<string>>();
  for (const node of nodes) {
    const ids = byGroup.get(node.parent) ?? new Set<string>();
    ids.add(node.user.userId);
    byGroup.set(node.parent, ids);
  }
  const total = [...byGroup.values()].reduce((sum, ids) => sum + ids.size, 0);
  let removed = 0;
  for (const [group, ids] of byGroup) {
    try {
      await group.removeMembers([...ids]);
    } catch (error) {
      return { removed, total, failed: { group, error, notRemoved: total - removed } };
    }
    removed += ids.size;
  }
  return { removed, total };
}
