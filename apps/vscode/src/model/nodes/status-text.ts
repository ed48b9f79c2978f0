import type { ErrorInfo } from '../error-info.ts';
import type { Translate } from '../translate.ts';
import type { ListKind } from './status-node.ts';

/** The label of an error row: what went wrong, in a few words. */
export function errorTitle(info: ErrorInfo, t: Translate): string {
  switch (info.kind) {
    case 'missingSecret':
      return t('Set the access key secret…');
    case 'auth':
      return t('The server refused the credentials');
    case 'api':
      return t('The server returned an error');
    case 'network':
      return t('Cannot reach the server');
    case 'timeout':
      return t('The server did not answer in time');
    case 'malformed':
      return t('The reply could not be read');
    case 'repeatedPage':
      return t('The server sent page {0} again; stopped', info.page - 1);
    default:
      return t('Failed to load');
  }
}

/** The longer explanation of an error row, for its tooltip. */
export function errorDetail(info: ErrorInfo, t: Translate): string {
  switch (info.kind) {
    case 'missingSecret':
      return t(
        'The access key secret is kept in the editor’s secret storage, not in settings. Click to enter it.',
      );
    case 'repeatedPage':
      return t('The server seems to ignore the page number.');
    case 'auth':
    case 'api':
      return info.requestId ? `${info.detail}\n${t('Request id: {0}', info.requestId)}` : info.detail;
    default:
      return info.detail;
  }
}

/** The row of an empty list. */
export function emptyText(list: ListKind, filtered: boolean, t: Translate): string {
  if (filtered) return t('No groups match the filter');
  switch (list) {
    case 'groups':
      return t('No groups in this user pool');
    case 'members':
      return t('No members');
    default:
      return t('This user is in no groups');
  }
}

/** One line for a notification: what went wrong, and the error's own words when it has some. */
export function errorMessage(info: ErrorInfo, t: Translate): string {
  const title = errorTitle(info, t);
  return 'detail' in info && info.detail ? `${title}: ${info.detail}` : title;
}
