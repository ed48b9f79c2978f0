import type { UserDto } from '@genauth-groups/models';
import { l10n, type QuickPickItem, ThemeIcon, window } from 'vscode';
import { userDisplayName } from '../model/details.ts';
import { errorInfo } from '../model/error-info.ts';
import type { Candidate, GroupNode } from '../model/nodes/group-node.ts';
import { errorMessage } from '../model/nodes/status-text.ts';

interface UserItem extends QuickPickItem {
  readonly user: UserDto;
  readonly member: boolean;
}

// Typing fast asks the server once, after a pause; each search cancels the one before it.
const DEBOUNCE_MS = 250;
const RESULTS = 20;

function itemOf(candidate: Candidate): UserItem {
  const { user, member } = candidate;
  return {
    label: userDisplayName(user),
    description: [user.username, user.email, user.phone].filter(Boolean).join(' · '),
    ...(member ? { detail: l10n.t('Already a member') } : {}),
    iconPath: new ThemeIcon(member ? 'pass-filled' : 'account'),
    // The server searched; the quick pick must not filter the results again by label.
    alwaysShow: true,
    user,
    member,
  };
}

/**
 * Add Members…: a quick pick that searches the pool as you type (`listUsers`), lets several users
 * be picked across searches, and marks those already in the group (picking them does nothing).
 * @returns the users to add; `undefined` when cancelled.
 */
export async function pickNewMembers(group: GroupNode): Promise<UserDto[] | undefined> {
  const pick = window.createQuickPick<UserItem>();
  pick.title = l10n.t('Add Members to {0}', group.group.name || group.group.code);
  pick.placeholder = l10n.t('Search users by name, username, email or phone');
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.ignoreFocusOut = true;
  const chosen = new Map<string, UserItem>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let updating = false;

  const show = (results: readonly UserItem[]) => {
    // Users picked in earlier searches stay listed (and picked) while others are searched for.
    const seen = new Set(results.map((item) => item.user.userId));
    const kept = [...chosen.values()].filter((item) => !seen.has(item.user.userId));
    const items = [...kept, ...results];
    // Replacing the items clears the selection: that is not the user unticking anyone.
    updating = true;
    pick.items = items;
    pick.selectedItems = items.filter((item) => chosen.has(item.user.userId));
    updating = false;
  };

  const search = (keywords: string) => {
    controller?.abort();
    clearTimeout(timer);
    if (!keywords.trim()) {
      pick.busy = false;
      show([]);
      return;
    }
    pick.busy = true;
    timer = setTimeout(() => {
      const current = new AbortController();
      controller = current;
      group.candidates(keywords.trim(), RESULTS, current.signal).then(
        (candidates) => {
          if (current.signal.aborted) return;
          pick.busy = false;
          show(candidates.map(itemOf));
          if (candidates.length === 0) pick.placeholder = l10n.t('No user matches {0}', keywords.trim());
        },
        (error) => {
          if (current.signal.aborted) return;
          pick.busy = false;
          void window.showErrorMessage(
            l10n.t('Could not search users. {0}', errorMessage(errorInfo(error), l10n.t)),
          );
        },
      );
    }, DEBOUNCE_MS);
  };

  pick.onDidChangeValue(search);
  pick.onDidChangeSelection((selected) => {
    if (updating) return;
    const ids = new Set(selected.map((item) => item.user.userId));
    for (const item of pick.items) if (!ids.has(item.user.userId)) chosen.delete(item.user.userId);
    for (const item of selected) chosen.set(item.user.userId, item);
  });
  try {
    return await new Promise<UserDto[] | undefined>((resolve) => {
      pick.onDidAccept(() =>
        resolve([...chosen.values()].filter((item) => !item.member).map((item) => item.user)),
      );
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    controller?.abort();
    clearTimeout(timer);
    pick.dispose();
  }
}
