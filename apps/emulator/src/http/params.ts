import { safeParse } from '@genauth-groups/models';
import type * as v from 'valibot';
import { ApiError, invalidParam } from './api-error.ts';
import { checkBounds } from './bounds.ts';
import type { AppContext } from './context.ts';
import { tooDeepField } from './json-depth.ts';

/** A parameter schema of `@genauth-groups/models`: an object schema whose entries can be read. */
export type ParamsSchema = v.GenericSchema & { readonly entries: Readonly<Record<string, v.GenericSchema>> };

/** How a query string value becomes the value its schema expects. */
export interface QueryOptions {
  /**
   * Booleans where any present value other than lowercase `false` is true: what the service does
   * for `fetchMembers` (contract 6.3 and 12, Python's `False` returns members).
   */
  readonly looseBooleans?: readonly string[];
}

/**
 * Reads a GET endpoint's query and validates it with the endpoint's parameter schema, so that the
 * emulator accepts exactly what the models describe: `page=0` or `limit=51` give
 * `参数 page 格式错误` / `参数 limit 格式错误`, booleans are lowercase `true`/`false`, and
 * parameters the schema does not know are ignored, as the service ignores them.
 *
 * @throws {ApiError} 400 `参数 <name> 格式错误` naming the first invalid parameter.
 */
export function readQuery<TSchema extends ParamsSchema>(
  query: URLSearchParams,
  schema: TSchema,
  options: QueryOptions = {},
): v.InferOutput<TSchema> {
  const input: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(schema.entries)) {
    const value = query.get(name);
    if (value === null) continue;
    input[name] = options.looseBooleans?.includes(name) ? value !== 'false' : coerce(value, baseType(entry));
  }
  return validate(schema, input);
}

/**
 * Validates a JSON body or a query with the endpoint's schema, then with the emulator's own
 * bounds (`bounds.ts`: lengths, list sizes, custom data size, no NUL).
 *
 * @throws {ApiError} 400 `参数 <name> 格式错误` naming the first invalid field (`body` when the body
 *   is not an object).
 */
export function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): v.InferOutput<TSchema> {
  const result = safeParse(schema, input);
  if (!result.success) throw invalidParam(result.issues[0]?.path || 'body');
  checkBounds(result.output);
  return result.output;
}

/**
 * The request's JSON body, as `requestBody` read it; `{}` when it is empty.
 *
 * @throws {ApiError} 400 `请求体不是合法的 JSON` when the body is not JSON, 400
 *   `参数 <field> 格式错误` when a field nests deeper than `MAX_JSON_DEPTH` (32) levels.
 */
// Async so that callers stay the same whether or not the body was read ahead.
export async function readJson(c: AppContext): Promise<unknown> {
  const text = c.get('body') ?? '';
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformedJson');
  }
  const tooDeep = tooDeepField(body);
  if (tooDeep) throw invalidParam(tooDeep);
  return body;
}

/** The type under `optional()` and `pipe()`: `number`, `boolean`, `string`, `picklist`... */
function baseType(schema: v.GenericSchema): string {
  return 'wrapped' in schema ? baseType(schema.wrapped as v.GenericSchema) : schema.type;
}

function coerce(value: string, type: string): unknown {
  if (type === 'number') return /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}
