import { parseConnections } from './connection-config.ts';

/** What Add Connection asks for and writes to settings (the secret goes to secret storage instead). */
export interface ConnectionEntry {
  readonly label: string;
  readonly host: string;
  readonly accessKeyId: string;
  readonly auth: 'signature' | 'token';
}

/** Where an added connection goes in the `genauthGroups.connections` array. */
export interface UpsertResult {
  readonly entries: readonly unknown[];
  /** Whether an entry of the same host and access key id was updated rather than one appended. */
  readonly updated: boolean;
}

/**
 * Adds a connection to a `genauthGroups.connections` array. Adding one again for a host and access
 * key id that are already there (to change its secret, say) updates that entry in place: the label
 * and auth scheme the user just chose, every other setting (`userPoolId`, `lang`, `tenantId`, and
 * keys this version does not know) kept as it was. Entries that do not parse are left alone.
 */
export function upsertConnection(current: readonly unknown[], added: ConnectionEntry): UpsertResult {
  const [parsed] = parseConnections([added]).connections;
  if (!parsed) throw new Error('host: expected an http(s) URL');
  const index = current.findIndex(
    (raw) => parseConnections([raw]).connections[0]?.secretKey === parsed.secretKey,
  );
  // `auth` is written only when it is not the default, as a user would write it by hand.
  const { auth, ...rest } = added;
  if (index < 0) {
    const entry = auth === 'signature' ? rest : added;
    return { entries: [...current, entry], updated: false };
  }
  const existing = current[index] as Record<string, unknown>;
  const { auth: _previous, ...kept } = existing;
  const entry = { ...kept, label: added.label, ...(auth === 'signature' ? {} : { auth }) };
  return { entries: current.map((raw, i) => (i === index ? entry : raw)), updated: true };
}
