import { isUnknownOutcomeError } from '@genauth-groups/management';
import { commands, type Disposable, l10n, ProgressLocation, type TreeView, window } from 'vscode';
import type { ConnectionConfig } from '../model/connection-config.ts';
import type { ConnectionRegistry } from '../model/connection-registry.ts';
import { errorInfo } from '../model/error-info.ts';
import type { GroupInput } from '../model/groups-api.ts';
import type { GroupsTree } from '../model/groups-tree.ts';
import { GroupNode } from '../model/nodes/group-node.ts';
import { MemberNode, removeMembers } from '../model/nodes/member-node.ts';
import { errorMessage } from '../model/nodes/status-text.ts';
import type { TreeNode } from '../model/nodes/tree-node.ts';
import { ReadOnlyError } from '../model/write-errors.ts';
import { pickNewMembers } from './add-members-pick.ts';
import type { ConnectionStore } from './settings.ts';

/** What the write commands act on. */
export interface WriteCommandContext {
  readonly tree: GroupsTree;
  readonly view: TreeView<TreeNode>;
  readonly registry: ConnectionRegistry;
  readonly store: ConnectionStore;
}

/** The one message of a failed write: what could not be done, why, and what the tree shows now. */
function failed(what: string, error: unknown): void {
  const why = isUnknownOutcomeError(error)
    ? l10n.t(
        'The reply was lost, so the change may or may not have been made; the list was loaded again to show the server.',
      )
    : error instanceof ReadOnlyError
      ? l10n.t('The connection is read-only.')
      : errorMessage(errorInfo(error), l10n.t);
  void window.showErrorMessage(`${what} ${why}`);
}

function required(value: string): string | undefined {
  return value.trim() ? undefined : l10n.t('Required');
}

/** A group code as the console accepts it: letters, digits, `_`, `-`, `:` and `.`; no spaces. */
function validCode(value: string): string | undefined {
  if (!value.trim()) return l10n.t('Required');
  return /^[\w.:-]+$/.test(value.trim())
    ? undefined
    : l10n.t('Letters, digits, underscore, hyphen, colon and dot only');
}

async function promptGroup(
  title: (step: number) => string,
  current?: GroupInput,
): Promise<GroupInput | undefined> {
  const code = await window.showInputBox({
    title: title(1),
    prompt: l10n.t('Code: the group’s unique identifier in the API'),
    value: current?.code ?? '',
    ignoreFocusOut: true,
    validateInput: validCode,
  });
  if (code === undefined) return undefined;
  const name = await window.showInputBox({
    title: title(2),
    prompt: l10n.t('Name, as people see it'),
    value: current?.name ?? '',
    ignoreFocusOut: true,
    validateInput: required,
  });
  if (name === undefined) return undefined;
  const description = await window.showInputBox({
    title: title(3),
    prompt: l10n.t('Description (optional)'),
    value: current?.description ?? '',
    ignoreFocusOut: true,
  });
  if (description === undefined) return undefined;
  return { code: code.trim(), name: name.trim(), description: description.trim() };
}

/** The connection to write to: the row's when it allows changes, the only one that does, or a choice. */
async function writableConnection(
  registry: ConnectionRegistry,
  node: TreeNode | undefined,
): Promise<ConnectionConfig | undefined> {
  const own = node?.connection;
  if (own && !own.readOnly) return own;
  const writable = registry.connections.filter((connection) => !connection.readOnly);
  if (writable.length <= 1) return writable[0];
  const picked = await window.showQuickPick(
    writable.map((connection) => ({ label: connection.label, description: connection.host, connection })),
    { placeHolder: l10n.t('Choose a connection') },
  );
  return picked?.connection;
}

/**
 * The connection a read-only switch command is about: the row's (from the title bar, the focused
 * row's, when its switch is as `readOnly` says), the only one, or the one the user picks.
 */
async function connectionWhere(
  registry: ConnectionRegistry,
  node: TreeNode | undefined,
  readOnly: boolean,
): Promise<ConnectionConfig | undefined> {
  if (node?.connection?.readOnly === readOnly) return node.connection;
  const candidates = registry.connections.filter((connection) => connection.readOnly === readOnly);
  if (candidates.length <= 1) return candidates[0];
  const picked = await window.showQuickPick(
    candidates.map((connection) => ({ label: connection.label, description: connection.host, connection })),
    { placeHolder: l10n.t('Choose a connection') },
  );
  return picked?.connection;
}

/** Registers New Group…, Edit Group…, Delete Group…, Add Members…, Remove from Group and the read-only switch. */
export function registerWriteCommands(context: WriteCommandContext): Disposable[] {
  const { tree, view, registry, store } = context;
  const register = (id: string, run: (node?: TreeNode, selection?: readonly TreeNode[]) => unknown) =>
    commands.registerCommand(`genauthGroups.${id}`, run);

  return [
    register('newGroup', async (node) => {
      const connection = await writableConnection(registry, node);
      const owner = tree.connectionNodes.find((candidate) => candidate.connection.id === connection?.id);
      if (!owner) return;
      const input = await promptGroup((step) =>
        l10n.t('New Group in {0} ({1}/3)', owner.connection.label, step),
      );
      if (!input) return;
      try {
        const group = await owner.createGroup(input);
        const created = owner.groupNode(group.id);
        if (created) await view.reveal(created, { select: true, focus: true });
      } catch (error) {
        failed(l10n.t('Could not create the group {0}.', input.code), error);
      }
    }),

    register('editGroup', async (node) => {
      if (!(node instanceof GroupNode)) return;
      const { group } = node;
      const input = await promptGroup((step) => l10n.t('Edit Group {0} ({1}/3)', group.code, step), group);
      if (!input) return;
      try {
        await node.update({ name: input.name, description: input.description, newCode: input.code });
      } catch (error) {
        failed(l10n.t('Could not change the group {0}.', group.code), error);
      }
    }),

    register('deleteGroup', async (node) => {
      if (!(node instanceof GroupNode)) return;
      const { group } = node;
      try {
        const members = await window.withProgress(
          { location: ProgressLocation.Window, title: l10n.t('Counting the members of {0}', group.code) },
          () => node.countMembers(),
        );
        const remove = l10n.t('Delete');
        const answer = await window.showWarningMessage(
          members === 1
            ? l10n.t('Delete the group {0} ({1}) and its 1 membership?', group.name, group.code)
            : l10n.t('Delete the group {0} ({1}) and its {2} memberships?', group.name, group.code, members),
          { modal: true, detail: l10n.t('The users themselves are kept. This cannot be undone.') },
          remove,
        );
        if (answer !== remove) return;
        await node.delete();
      } catch (error) {
        failed(l10n.t('Could not delete the group {0}.', group.code), error);
      }
    }),

    register('addMembers', async (node) => {
      if (!(node instanceof GroupNode)) return;
      const users = await pickNewMembers(node);
      if (!users?.length) return;
      try {
        await node.addMembers(users);
        window.setStatusBarMessage(
          users.length === 1
            ? l10n.t('Added 1 member to {0}', node.group.code)
            : l10n.t('Added {0} members to {1}', users.length, node.group.code),
          5000,
        );
      } catch (error) {
        failed(l10n.t('Could not add the members to {0}.', node.group.code), error);
      }
    }),

    // VS Code passes the clicked row and the whole selection.
    register('removeMembers', async (node, selection) => {
      const nodes = (selection?.length ? selection : node ? [node] : []).filter(
        (candidate): candidate is MemberNode => candidate instanceof MemberNode,
      );
      if (nodes.length === 0) return;
      const groups = new Set(nodes.map((member) => member.parent.group.code));
      const [first] = nodes;
      const question =
        nodes.length === 1 && first
          ? l10n.t('Remove {0} from the group {1}?', first.row(l10n.t).label, first.parent.group.code)
          : l10n.t('Remove {0} members from {1} group(s)?', nodes.length, groups.size);
      const remove = l10n.t('Remove');
      const answer = await window.showWarningMessage(
        question,
        { modal: true, detail: l10n.t('The users themselves are kept.') },
        remove,
      );
      if (answer !== remove) return;
      const outcome = await removeMembers(nodes);
      if (!outcome.failed) return;
      failed(
        l10n.t(
          'Removed {0} of {1} members; could not remove the other {2} from {3}.',
          outcome.removed,
          outcome.total,
          outcome.failed.notRemoved,
          outcome.failed.group.group.code,
        ),
        outcome.failed.error,
      );
    }),

    register('allowChanges', async (node) => {
      const connection = await connectionWhere(registry, node, true);
      if (!connection) return;
      const allow = l10n.t('Allow Changes');
      const answer = await window.showWarningMessage(
        l10n.t('Allow changes to the groups of {0} ({1})?', connection.label, connection.host),
        {
          modal: true,
          detail: l10n.t('New Group, Edit, Delete, Add Members and Remove from Group will be offered.'),
        },
        allow,
      );
      if (answer === allow) await store.setReadOnly(connection, false);
    }),

    register('makeReadOnly', async (node) => {
      const connection = await connectionWhere(registry, node, false);
      if (connection) await store.setReadOnly(connection, true);
    }),
  ];
}
