import { ApiError } from '../http/api-error.ts';
import type { CustomDataMode } from '../store/dto.ts';
import type { GroupRow } from '../store/rows.ts';
import type { Store } from '../store/store.ts';

/** Where custom data goes, from the `withCustomData` and `flatCustomData` flags. */
export function customDataMode(
  withCustomData: boolean | undefined,
  flat: boolean | undefined,
): CustomDataMode {
  return flat ? 'flat' : withCustomData ? 'nested' : 'omit';
}

/** The group a request names, or 404 `分组不存在`. */
export function requireGroup(store: Store, code: string): GroupRow {
  const group = store.groupByCode(code);
  if (!group) throw new ApiError(404, 'groupNotFound');
  return group;
}
