import type { ConnectionConfig } from './connection-config.ts';
import { cloudOf } from './hosts.ts';

// Console deep links are INFERRED, not documented: public links to the GenAuth/Authing consoles
// have the shape `https://console.<brand>/console/<userPoolId>/<section>/...` (for example
// `.../console/<userPoolId>/application/self-built-apps/detail/<appId>`). The group and user
// sections below follow that shape but are a best guess, and a private deployment's console URL
// cannot be derived from its API host at all, so links are offered for the two public clouds only.
//   group: https://console.<brand>/console/<userPoolId>/permission-management/groups/detail?code=<code>
//   user:  https://console.<brand>/console/<userPoolId>/user-management/users/detail?userId=<userId>

/** What a console link points at. */
export type ConsoleTarget =
  | { readonly kind: 'group'; readonly code: string }
  | { readonly kind: 'user'; readonly userId: string };

// A pool-wide access key's id is the user pool id: a 24-hex object id.
const POOL_ID = /^[0-9a-f]{24}$/i;

/**
 * The user pool id of a connection: the `userPoolId` setting, else the access key id when it has a
 * user pool id's shape (a pool-wide key). `undefined` when neither.
 */
export function userPoolIdOf(connection: ConnectionConfig): string | undefined {
  if (connection.userPoolId) return connection.userPoolId;
  return POOL_ID.test(connection.accessKeyId) ? connection.accessKeyId : undefined;
}

/** The console URL of a group or user, or `undefined` when no link can be formed (see the note above). */
export function consoleUrl(connection: ConnectionConfig, target: ConsoleTarget): string | undefined {
  const cloud = cloudOf(connection.host);
  const userPoolId = userPoolIdOf(connection);
  if (!cloud || !userPoolId) return undefined;
  const pool = `${cloud.consoleOrigin}/console/${encodeURIComponent(userPoolId)}`;
  return target.kind === 'group'
    ? `${pool}/permission-management/groups/detail?code=${encodeURIComponent(target.code)}`
    : `${pool}/user-management/users/detail?userId=${encodeURIComponent(target.userId)}`;
}
