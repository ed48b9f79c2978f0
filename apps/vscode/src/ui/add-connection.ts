import { l10n, type QuickPickItem, window } from 'vscode';
import type { ConnectionConfig } from '../model/connection-config.ts';
import { CLOUDS, defaultLabel, tryNormalizeHost } from '../model/hosts.ts';
import type { NewConnection } from './settings.ts';

/** Where the emulator of this repository listens by default (`apps/emulator`, `DEFAULT_PORT`). */
const EMULATOR_URL = 'http://127.0.0.1:8787';
const STEPS = 5;

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

interface AuthItem extends QuickPickItem {
  readonly auth: ConnectionConfig['auth'];
}

/** Step 3: how requests are authenticated; the scheme the connection had so far comes first. */
async function pickAuth(
  current: ConnectionConfig['auth'] | undefined,
): Promise<ConnectionConfig['auth'] | undefined> {
  const items: AuthItem[] = [
    {
      label: l10n.t('Signature'),
      detail: l10n.t(
        'Every request signed with the secret (as authing-node-sdk); the secret never leaves the editor',
      ),
      auth: 'signature',
    },
    {
      label: l10n.t('Management token'),
      detail: l10n.t('The key is exchanged for a management token (as the Java, Python and Go SDKs)'),
      auth: 'token',
    },
  ];
  const ordered = current === 'token' ? [...items].reverse() : items;
  const picked = await window.showQuickPick(ordered, {
    title: title(3),
    placeHolder: l10n.t('How should requests be authenticated?'),
    ignoreFocusOut: true,
  });
  return picked?.auth;
}

/**
 * Walks through host, access key id, auth scheme, secret (a password box) and label. When the host
 * and key id are those of an existing connection (`existing`), its auth scheme and label are what
 * the steps propose, so that changing only the secret changes nothing else. `undefined` when the
 * user cancels at any step.
 */
export async function promptNewConnection(
  existing: (host: string, accessKeyId: string) => ConnectionConfig | undefined,
): Promise<NewConnection | undefined> {
  const host = await pickHost();
  if (!host) return undefined;
  const rawKeyId = await window.showInputBox({
    title: title(2),
    prompt: l10n.t('Access Key ID: the user pool id for a pool-wide key, or a collaborator key id'),
    ignoreFocusOut: true,
    validateInput: required,
  });
  if (!rawKeyId) return undefined;
  const accessKeyId = rawKeyId.trim();
  const known = existing(host, accessKeyId);
  const auth = await pickAuth(known?.auth);
  if (!auth) return undefined;
  const secret = await window.showInputBox({
    title: title(4),
    prompt: l10n.t('Access Key Secret: kept in the editor’s secret storage, never in settings'),
    password: true,
    ignoreFocusOut: true,
    validateInput: required,
  });
  if (!secret) return undefined;
  const label = await window.showInputBox({
    title: title(5),
    prompt: l10n.t('A name for this connection'),
    value: known?.label ?? defaultLabel(host),
    ignoreFocusOut: true,
    validateInput: required,
  });
  if (!label) return undefined;
  return { host, accessKeyId, auth, secret, label: label.trim() };
}
