import { l10n, type QuickPickItem, window } from 'vscode';
import { CLOUDS, defaultLabel, tryNormalizeHost } from '../model/hosts.ts';
import type { NewConnection } from './settings.ts';

/** Where the emulator of this repository listens by default (`apps/emulator`, `DEFAULT_PORT`). */
const EMULATOR_URL = 'http://127.0.0.1:8787';
const STEPS = 4;

interface HostItem extends QuickPickItem {
  /** The host this item stands for; `undefined` for "type another". */
  readonly host: string | undefined;
}

function title(step: number): string {
  return l10n.t('Add GenAuth Connection ({0}/{1})', step, STEPS);
}

/**
 * Step 1: the host. The public clouds and the local emulator are offered; typing a URL offers it
 * as a choice of its own (a private deployment).
 */
async function pickHost(): Promise<string | undefined> {
  const presets: HostItem[] = [
    ...CLOUDS.map((cloud) => ({ label: cloud.name, description: cloud.apiUrl, host: cloud.apiUrl })),
    {
      label: l10n.t('Local emulator'),
      description: EMULATOR_URL,
      detail: l10n.t('The GenAuth Groups emulator on this machine'),
      host: EMULATOR_URL,
    },
  ];
  const pick = window.createQuickPick<HostItem>();
  pick.title = title(1);
  pick.placeholder = l10n.t('Choose a host, or type the URL of a private deployment');
  pick.ignoreFocusOut = true;
  pick.items = presets;
  pick.onDidChangeValue((value) => {
    const typed = tryNormalizeHost(value);
    pick.items =
      value.trim() && typed
        ? [
            { label: typed, description: l10n.t('Private deployment'), host: typed, alwaysShow: true },
            ...presets,
          ]
        : presets;
  });
  try {
    return await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.host));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}

function required(value: string): string | undefined {
  return value.trim() ? undefined : l10n.t('Required');
}

/**
 * Walks through host, access key id, secret (a password box) and label. `undefined` when the user
 * cancels at any step.
 */
export async function promptNewConnection(): Promise<NewConnection | undefined> {
  const host = await pickHost();
  if (!host) return undefined;
  const accessKeyId = await window.showInputBox({
    title: title(2),
    prompt: l10n.t('Access Key ID: the user pool id for a pool-wide key, or a collaborator key id'),
    ignoreFocusOut: true,
    validateInput: required,
  });
  if (!accessKeyId) return undefined;
  const secret = await window.showInputBox({
    title: title(3),
    prompt: l10n.t('Access Key Secret: kept in the editor’s secret storage, never in settings'),
    password: true,
    ignoreFocusOut: true,
    validateInput: required,
  });
  if (!secret) return undefined;
  const label = await window.showInputBox({
    title: title(4),
    prompt: l10n.t('A name for this connection'),
    value: defaultLabel(host),
    ignoreFocusOut: true,
    validateInput: required,
  });
  if (!label) return undefined;
  return { host, accessKeyId: accessKeyId.trim(), secret, label: label.trim() };
}
