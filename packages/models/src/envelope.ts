import * as v from 'valibot';
import { noEcho } from './no-echo.ts';

// The fields every V3 reply carries around its payload (contract section 3.1).
const envelopeEntries = {
  /** Business status: 200 on success, otherwise an HTTP-like error class (400, 401, 404, 429, 500...). */
  statusCode: v.number(),
  /** Human-readable message; `""` or `"操作成功"` on success. Never rely on its text. */
  message: v.string(),
  /** Fine-grained error code (2020, 1300-1306, 2004...); absent on success. */
  apiCode: v.nullish(v.number()),
  /** Request id for support; documented as returned on failure, seen on success too. */
  requestId: v.nullish(v.string()),
};

/**
 * The envelope of a successful reply around a `data` payload.
 *
 * Objects are loose everywhere: fields the server adds later are kept in the output, not dropped.
 */
/* @__NO_SIDE_EFFECTS__ */
export function envelope<const TData extends v.GenericSchema>(data: TData) {
  return noEcho(v.looseObject({ ...envelopeEntries, data }));
}

/**
 * A page of items (contract 7.3), the `data` of the paged replies.
 */
/* @__NO_SIDE_EFFECTS__ */
export function paged<const TItem extends v.GenericSchema>(item: TItem) {
  return noEcho(
    v.looseObject({
      /** Total number of items across all pages. */
      totalCount: v.number(),
      list: v.array(item),
    }),
  );
}

/**
 * The reply of any endpoint when it fails: HTTP 200 with a non-200 `statusCode` (contract 3.2).
 *
 * `data` is usually absent on errors although the types mark it required; when present it is kept
 * as it came, since its shape is undocumented.
 */
export const ErrorRespDto = noEcho(v.looseObject({ ...envelopeEntries, data: v.nullish(v.unknown()) }));

/** @see {@link ErrorRespDto} */
export type ErrorRespDto = v.InferOutput<typeof ErrorRespDto>;
