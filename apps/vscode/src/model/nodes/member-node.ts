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
      contextValue: this.consoleLink() ? 'member console' : 'member',
      command: { id: 'genauthGroups.showDetails', title: t('Show Details'), withNode: true },
    };
  }

  describe(): string {
    return `member:${this.user.username ?? this.user.userId}`;
  }
}
