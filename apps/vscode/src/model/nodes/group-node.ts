import type { GroupDto, UserDto } from '@genauth-groups/models';
import type { ConnectionConfig } from '../connection-config.ts';
import { consoleUrl } from '../console-url.ts';
import { type ExportSource, membersSource } from '../export/export-source.ts';
import type { PagedList } from '../page-loader.ts';
import type { Translate } from '../translate.ts';
import { memberCount } from './counts.ts';
import { MemberNode } from './member-node.ts';
import { lines, type Row } from './row.ts';
import { type ClipKind, type DetailsViewer, type NodeContext, TreeNode } from './tree-node.ts';

/** A group; expands to its members, paged. */
export class GroupNode extends TreeNode {
  readonly kind = 'group';
  readonly id: string;
  readonly parent: TreeNode & { readonly connection: ConnectionConfig };
  readonly connection: ConnectionConfig;
  readonly group: GroupDto;
  readonly #tree: NodeContext;
  #members: PagedList<UserDto> | undefined;

  constructor(
    parent: TreeNode & { readonly connection: ConnectionConfig },
    group: GroupDto,
    tree: NodeContext,
  ) {
    super();
    this.parent = parent;
    this.id = `${parent.id}/g:${group.id}`;
    this.connection = parent.connection;
    this.group = group;
    this.#tree = tree;
  }

  /** The members, made on first use so that a collapsed group costs nothing. */
  get members(): PagedList<UserDto> {
    this.#members ??= this.#tree.list(this, this.#tree.pageSize, (page, limit, signal) =>
      this.#tree
        .apiOf(this.connection.id)
        .then((api) => api.listMembers({ code: this.group.code, page, limit }, signal)),
    );
    return this.#members;
  }

  /** The member count, once the first page of members told it. */
  get memberCount(): number | undefined {
    return this.#members?.totalCount;
  }

  override children(tree: NodeContext): TreeNode[] {
    return tree.rows(this, this.members, 'members', (user) => new MemberNode(this, user));
  }

  override listed(): PagedList<UserDto> {
    return this.members;
  }

  override refresh(): void {
    this.#members?.reset();
  }

  override clip(kind: ClipKind, t: Translate) {
    const { group } = this;
    if (kind === 'id') return { text: group.id, what: t('group ID') };
    if (kind === 'code') return { text: group.code, what: t('group code') };
    return { text: JSON.stringify(group, null, 2), what: 'JSON' };
  }

  override consoleLink(): string | undefined {
    return consoleUrl(this.connection, { kind: 'group', code: this.group.code });
  }

  override exportSource(): ExportSource {
    return membersSource(this.group.code);
  }

  override showDetails(viewer: DetailsViewer): Promise<void> {
    return viewer.showGroup(this);
  }

  row(t: Translate): Row {
    const { group } = this;
    const count = this.memberCount;
    return {
      label: group.name || group.code,
      expand: 'collapsed',
      description: [
        group.name && group.name !== group.code ? group.code : undefined,
        count === undefined ? undefined : memberCount(count, t),
      ]
        .filter(Boolean)
        .join(' · '),
      tooltip: lines(
        group.name,
        t('Code: {0}', group.code),
        group.description,
        t('Type: {0}', group.type),
        t('ID: {0}', group.id),
      ),
      icon: { id: 'organization' },
      contextValue: ['group exportable', this.consoleLink() && 'console'].filter(Boolean).join(' '),
    };
  }

  describe(): string {
    return `group:${this.group.code}`;
  }
}
