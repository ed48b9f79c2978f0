import { safeParse } from '@genauth-groups/models';
import type * as v from 'valibot';
import type { Entry, PageData } from './page-data.ts';

/**
 * Rebuilds a page from a raw reply that failed validation as a whole, item by item: valid items
 * are kept, each invalid one becomes a broken entry. This way one malformed item shows as one
 * broken row and the rest of its page still renders.
 *
 * Returns `undefined` when the reply is not a successful page at all (no `data.list` array or no
 * numeric `data.totalCount`): then the whole page is an error.
 */
export function salvagePage<TSchema extends v.GenericSchema>(
  body: unknown,
  itemSchema: TSchema,
): PageData<v.InferOutput<TSchema>> | undefined {
  if (!isRecord(body) || body.statusCode !== 200 || !isRecord(body.data)) return undefined;
  const { list, totalCount } = body.data;
  if (!Array.isArray(list) || typeof totalCount !== 'number') return undefined;
  const entries = list.map((item: unknown, position): Entry<v.InferOutput<TSchema>> => {
    const result = safeParse(itemSchema, item);
    if (result.success) return { ok: true, value: result.output };
    return { ok: false, position, key: keyOf(item), issues: result.issues };
  });
  return { totalCount, entries };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The item's id, when it has one that is a plain short string (it is shown as text). */
function keyOf(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  const key = item.id ?? item.userId;
  return typeof key === 'string' && key.length <= 64 ? key : undefined;
}
