import type { ValidationIssue } from '@genauth-groups/models';

/** An item of a page that did not match its schema: shown as one broken row. */
export interface BrokenItem {
  /** Its position in the page, from 0. */
  readonly position: number;
  /** Its id (`id` or `userId`) when that much could be read, to help find it elsewhere. */
  readonly key: string | undefined;
  /** What was wrong, by path; never the received values. */
  readonly issues: readonly ValidationIssue[];
}

/** One entry of a page: an item, or the place of an item that could not be read. */
export type Entry<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & BrokenItem);

/** A page as the tree uses it: the reported total and the entries, broken ones included. */
export interface PageData<T> {
  readonly totalCount: number;
  readonly entries: readonly Entry<T>[];
}

/** A page where every item was valid. */
export function pageOf<T>(data: { readonly totalCount: number; readonly list: readonly T[] }): PageData<T> {
  return { totalCount: data.totalCount, entries: data.list.map((value) => ({ ok: true, value })) };
}
