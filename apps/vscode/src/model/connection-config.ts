import { safeParse } from '@genauth-groups/models';
import * as v from 'valibot';
import { defaultLabel, isLoopback, tryNormalizeHost } from './hosts.ts';

/** A server language the client can ask for (`x-authing-lang`). */
export type Lang = 'zh-CN' | 'en-US' | 'ja-JP' | 'zh-TW';

/**
 * One connection, as read from the `genauthGroups.connections` setting and checked. The access key
 * secret is not here: it lives in the editor's secret storage under {@link ConnectionConfig.secretKey}.
 */
export interface ConnectionConfig {
  /** Identifies the connection in the tree and in caches: host, access key id and tenant. */
  readonly id: string;
  /**
   * The secret storage key: host and access key id. The host is part of it so that editing a
   * connection's host asks for the secret again instead of sending it to the new host.
   */
  readonly secretKey: string;
  readonly label: string;
  /** The management API base URL, normalised as the client normalises it. */
  readonly host: string;
  readonly accessKeyId: string;
  readonly auth: 'signature' | 'token';
  readonly tenantId?: string | undefined;
  /** The user pool id, for console links; see `console-url.ts`. */
  readonly userPoolId?: string | undefined;
  readonly lang?: Lang | undefined;
  /**
   * Whether changes are off for this connection: every write command is hidden and refused.
   * Defaults to on for hosts that are not loopback, so that a production pool is safe by default.
   */
  readonly readOnly: boolean;
}

/** A settings entry that could not be used, and why (never quoting a value). */
export interface ConnectionProblem {
  /** Position in the settings array, from 0. */
  readonly index: number;
  readonly message: string;
}

/** What {@link parseConnections} found. */
export interface ParsedConnections {
  readonly connections: readonly ConnectionConfig[];
  readonly problems: readonly ConnectionProblem[];
}

const text = v.pipe(v.string(), v.trim(), v.nonEmpty());

// Mirrors the JSON schema of `contributes.configuration` in package.json, which the settings
// editor enforces only as warnings: hand-edited settings can still hold anything.
const ConnectionSetting = v.object({
  label: v.optional(text),
  host: text,
  accessKeyId: text,
  auth: v.optional(v.picklist(['signature', 'token']), 'signature'),
  tenantId: v.optional(text),
  userPoolId: v.optional(text),
  lang: v.optional(v.picklist(['zh-CN', 'en-US', 'ja-JP', 'zh-TW'])),
  readOnly: v.optional(v.boolean()),
});

/**
 * Reads the `genauthGroups.connections` setting. Each usable entry becomes a connection; each
 * unusable one (wrong shape, bad host, duplicate) a problem, so one bad entry never hides the others.
 */
export function parseConnections(raw: unknown): ParsedConnections {
  const entries: unknown[] = Array.isArray(raw) ? raw : [];
  const connections: ConnectionConfig[] = [];
  const problems: ConnectionProblem[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const result = safeParse(ConnectionSetting, entry);
    if (!result.success) {
      problems.push({ index, message: result.issues.map((issue) => issue.message).join('; ') });
      return;
    }
    const setting = result.output;
    const host = tryNormalizeHost(setting.host);
    if (!host) {
      problems.push({ index, message: 'host: expected an http(s) URL such as https://api.genauth.ai' });
      return;
    }
    const secretKey = `${host}|${setting.accessKeyId}`;
    const id = `${secretKey}|${setting.tenantId ?? ''}`;
    if (seen.has(id)) {
      problems.push({ index, message: 'the same host, access key id and tenant as an earlier connection' });
      return;
    }
    seen.add(id);
    connections.push({
      id,
      secretKey,
      label: setting.label ?? defaultLabel(host),
      host,
      accessKeyId: setting.accessKeyId,
      auth: setting.auth,
      tenantId: setting.tenantId,
      userPoolId: setting.userPoolId,
      lang: setting.lang,
      readOnly: setting.readOnly ?? !isLoopback(host),
    });
  });
  return { connections, problems };
}
