import { l10n } from 'vscode';
import type { ErrorInfo } from '../model/error-info.ts';
import type { ListKind } from '../model/nodes/status-node.ts';

/** The label of an error row: what went wrong, in a few words. */
export function errorTitle(info: ErrorInfo): string {
  switch (info.kind) {
    case 'missingSecret':
      return l10n.t('Set the access key secret…');
    case 'auth':
      return l10n.t('The server refused the credentials');
    case 'api':
      return l10n.t('The server returned an error');
    case 'network':
      return l10n.t('Cannot reach the server');
    case 'timeout':
      return l10n.t('The server did not answer in time');
    case 'malformed':
      return l10n.t('The reply could not be read');
    case 'repeatedPage':
      return l10n.t('The server sent page {0} again; stopped', info.page - 1);
    default:
      return l10n.t('Failed to load');
  }
}

/** The longer explanation of an error row, for its tooltip. */
export function errorDetail(info: ErrorInfo): string {
  switch (info.kind) {
    case 'missingSecret':
      return l10n.t(
        'The access key secret is kept in the editor’s secret storage, not in settings. Click to enter it.',
      );
    case 'repeatedPage':
      return l10n.t('The server seems to ignore the page number.');
    case 'auth':
    case 'api':
      return info.requestId ? `${info.detail}\n${l10n.t('Request id: {0}', info.requestId)}` : info.detail;
    default:
      return info.detail;
  }
}

/** The row of an empty list. */
export function emptyText(list: ListKind, filtered: boolean): string {
  if (filtered) return l10n.t('No groups match the filter');
  switch (list) {
    case 'groups':
      return l10n.t('No groups in this user pool');
    case 'members':
      return l10n.t('No members');
    default:
      return l10n.t('This user is in no groups');
  }
}
