import type { Translate } from '../translate.ts';

/** "1 group" / "12 groups": English needs the singular, so both are messages of their own. */
export function groupCount(count: number, t: Translate): string {
  return count === 1 ? t('1 group') : t('{0} groups', count);
}

/** "1 member" / "12 members". */
export function memberCount(count: number, t: Translate): string {
  return count === 1 ? t('1 member') : t('{0} members', count);
}
