import { ManagementClient } from '@genauth-groups/management';
import type { ConnectionConfig, Lang } from './connection-config.ts';
import type { Log } from './log.ts';
import { loggingFetch } from './logging-fetch.ts';
import { capturingFetch } from './reply-capture.ts';

/** Client settings that are not per connection. */
export interface ClientSettings {
  /** Per-attempt timeout, in milliseconds. */
  readonly timeout: number;
  /** Language of server messages, unless the connection sets its own: the editor's, as near as the server has. */
  readonly lang: Lang;
  /** The `fetch` underneath; tests may pass their own. @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
}

/**
 * The management client of one connection. Its `fetch` logs each exchange (never headers, query
 * or body) and keeps raw replies aside for salvaging malformed pages (reply-capture.ts).
 */
export function createClient(
  connection: ConnectionConfig,
  secret: string,
  settings: ClientSettings,
  log: Log,
): ManagementClient {
  return new ManagementClient({
    host: connection.host,
    accessKeyId: connection.accessKeyId,
    accessKeySecret: secret,
    auth: connection.auth,
    tenantId: connection.tenantId,
    lang: connection.lang ?? settings.lang,
    timeout: settings.timeout,
    fetch: loggingFetch(capturingFetch(settings.fetch ?? globalThis.fetch), log, connection.label),
  });
}

/** The server language nearest to an editor display language such as `zh-cn`, `ja` or `en`. */
export function serverLang(displayLanguage: string): Lang {
  const language = displayLanguage.toLowerCase();
  if (language === 'zh-tw' || language === 'zh-hk' || language === 'zh-hant') return 'zh-TW';
  if (language.startsWith('zh')) return 'zh-CN';
  if (language.startsWith('ja')) return 'ja-JP';
  return 'en-US';
}
