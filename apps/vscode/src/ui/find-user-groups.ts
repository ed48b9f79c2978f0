import type { UserIdType } from '@genauth-groups/models';
import { l10n, type QuickPickItem, window } from 'vscode';
import type { UserQuery } from '../model/groups-api.ts';

interface TypeItem extends QuickPickItem {
  readonly type: UserIdType;
}

function typeItems(): TypeItem[] {
  return [
    { type: 'user_id', label: 'user_id', description: l10n.t('User ID') },
    { type: 'username', label: 'username', description: l10n.t('Username') },
    { type: 'email', label: 'email', description: l10n.t('Email address') },
    { type: 'phone', label: 'phone', description: l10n.t('Phone number') },
    { type: 'external_id', label: 'external_id', description: l10n.t('External ID') },
    { type: 'identity', label: 'identity', description: l10n.t('<identity source id>:<id at the provider>') },
    {
      type: 'sync_relation',
      label: 'sync_relation',
      description: l10n.t('<provider>:<id at the provider>, e.g. lark:ou_…'),
    },
    { type: 'custom_field', label: 'custom_field', description: l10n.t('A custom field value') },
  ];
}

/** Asks how the user is identified, then the identifier. `undefined` when cancelled. */
export async function promptUserQuery(): Promise<UserQuery | undefined> {
  const kind = await window.showQuickPick(typeItems(), {
    title: l10n.t("Find a User's Groups (1/2)"),
    placeHolder: l10n.t('How is the user identified?'),
  });
  if (!kind) return undefined;
  const userId = await window.showInputBox({
    title: l10n.t("Find a User's Groups (2/2)"),
    prompt: kind.description ?? kind.label,
    validateInput: (value) => (value.trim() ? undefined : l10n.t('Required')),
  });
  if (!userId) return undefined;
  return { userId: userId.trim(), userIdType: kind.type };
}
