import type { GroupDto, UserDto } from '@genauth-groups/models';
import type { ConnectionConfig } from '../connection-config.ts';
import { consoleUrl } from '../console-url.ts';
import { type ExportSource, membersSource } from '../export/export-source.ts';
import type { GroupChanges, GroupsApi } from '../groups-api.ts';
import type { PagedList } from '../page-loader.ts';
import type { Translate } from '../translate.ts';
import { ReadOnlyError, treeMayBeStale } from '../write-errors.ts';
import { memberCount } from './counts.ts';
import { MemberNode } from './member-node.ts';
import { lines, type Row } from './row.ts';
import { type ClipKind, type DetailsViewer, type NodeContext, TreeNode } from './tree-node.ts';

/** A user found by Add Members…, and whether they are in the group already. */
export interface Candidate {
  readonly user: UserDto;
  readonly member: boolean;
}

/** A group; expands to its members, paged. */
export class GroupNode extends TreeNode {
  readonly kind = 'group';
  readonly id: string;
  readonly parent: TreeNode & { readonly connection: ConnectionConfig };
  readonly connection: ConnectionConfig;
  #group: GroupDto;
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
    this.#group = group;
    this.#tree = tree;
  }

  /** The group as last read or written. */
  get group(): GroupDto {
    return this.#group;
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

  /** The member count: known once members loaded, otherwise asked of the server (one 1-item page). */
  async countMembers(): Promise<number> {
    if (this.memberCount !== undefined) return this.memberCount;
    const api = await this.#tree.apiOf(this.connection.id);
    return (await api.listMembers({ code: this.group.code, page: 1, limit: 1 })).totalCount;
  }

  /** Changes name, description and, where given, code; the row shows the server's reply in place. */
  async update(changes: GroupChanges): Promise<void> {
    const api = await this.#api();
    try {
      this.#group = await api.updateGroup(this.group.code, changes);
    } catch (error) {
      // The reply was lost (the change may have happened), or someone else changed or deleted
      // the group meanwhile: load the list again to show what is true.
      if (treeMayBeStale(error)) this.parent.refresh();
      throw error;
    }
    this.#tree.groupChanged(this.connection.id, this.#group, this);
  }

  /** Deletes the group; it leaves every list of the connection in place, the others untouched. */
  async delete(): Promise<void> {
    const api = await this.#api();
    try {
      await api.deleteGroup(this.group.code);
    } catch (error) {
      if (treeMayBeStale(error)) this.parent.refresh();
      throw error;
    }
    this.#tree.groupDeleted(this.connection.id, this.group.id);
  }

  /** Adds users; they show at the top of the members at once, without reloading them. */
  async addMembers(users: readonly UserDto[]): Promise<void> {
    if (users.length === 0) return;
    const api = await this.#api();
    try {
      await api.addMembers(
        this.group.code,
        users.map((user) => user.userId),
      );
    } catch (error) {
      if (treeMayBeStale(error)) this.#members?.reset();
      throw error;
    }
    this.#members?.insert(users);
    this.#tree.changed(this);
  }

  /** Removes users by id; their rows go at once. */
  async removeMembers(userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    const api = await this.#api();
    try {
      await api.removeMembers(this.group.code, userIds);
    } catch (error) {
      if (treeMayBeStale(error)) this.#members?.reset();
      throw error;
    }
    this.#members?.remove(new Set(userIds));
    this.#tree.changed(this);
  }

  /**
   * Users matching `keywords`, each marked when already a member: from the members loaded when
   * they are all loaded, else by asking the server for each user not among those loaded.
   */
  async candidates(keywords: string, limit: number, signal?: AbortSignal): Promise<Candidate[]> {
    const api = await this.#api();
    const users = await api.searchUsers(keywords, limit, signal);
    const list = this.#members;
    const loaded = new Set(list?.entries.flatMap((entry) => (entry.ok ? [entry.value.userId] : [])) ?? []);
    const complete = list !== undefined && list.status === 'ready' && !list.hasMore;
    const code = this.group.code;
    return Promise.all(
      users.map(async (user) => {
        if (loaded.has(user.userId) || complete) return { user, member: loaded.has(user.userId) };
        const groups = await api.userGroups({ userId: user.userId, userIdType: 'user_id' }, signal);
        const member = groups.entries.some((entry) => entry.ok && entry.value.code === code);
        return { user, member };
      }),
    );
  }

  #api(): Promise<GroupsApi> {
    if (this.connection.readOnly) return Promise.reject(new ReadOnlyError(this.connection.label));
    return this.#tree.apiOf(this.connection.id);
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
      contextValue: ['group exportable', this.consoleLink() && 'console', this.writable()]
        .filter(Boolean)
        .join(' '),
    };
  }

  describe(): string {
    return `group:${this.group.code}`;
  }
}
