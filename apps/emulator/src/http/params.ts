import { safeParse } from '@genauth-groups/models';
import type * as v from 'valibot';
import { ApiError, invalidParam } from './api-error.ts';
import { checkBounds } from './bounds.ts';
import type { AppContext } from './context.ts';
import { tooDeepField } from './json-depth.ts';

/** A parameter schema of `@genauth-groups/models`: an object schema whose entries can be read. */
export type ParamsSchema = v.GenericSchema & { readonly entries: Readonly<Record<string, v.GenericSchema>> };

/**
 * The spellings of booleans in a query, as the official SDKs send them: lowercase from Node 4.x,
 * Java and Go, capitalised from Python 5.x (`str(True)`; contract 10, captured), which the service
 * accepts (authing-py-sdk#21). Any other spelling is refused like any other malformed value.
 */
const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, True: true, false: false, False: false };

/**
 * Reads a GET endpoint's query and validates it with the endpoint's parameter schema, so that the
 * emulator accepts exactly what the models describe: `page=0` or `limit=51` give
 * `参数 page 格式错误` / `参数 limit 格式错误`, booleans are spelt as the official SDKs spell them, and
 * parameters the schema does not know or deprecates are ignored, as the service ignores them.
 *
 * @throws {ApiError} 400 `参数 <name> 格式错误` naming the first invalid parameter.
 */
export function readQuery<TSchema extends ParamsSchema>(
  query: URLSearchParams,
  schema: TSchema,
): v.InferOutput<TSchema> {
  const input: Record<string, unknown> = {};
  for (const [name, type] of queryParamsOf(schema)) {
    const value = query.get(name);
    if (value !== null) input[name] = coerce(value, type);
  }
  return validate(schema, input);
}

const queryParams = new WeakMap<ParamsSchema, readonly (readonly [name: string, type: string])[]>();

/** The parameters `readQuery` reads for a schema, with their base types: worked out once per schema. */
function queryParamsOf(schema: ParamsSchema): readonly (readonly [name: string, type: string])[] {
  let params = queryParams.get(schema);
  if (!params) {
    params = Object.entries(schema.entries)
      .filter(([, entry]) => !isDeprecated(entry))
      .map(([name, entry]) => [name, baseType(entry)] as const);
    queryParams.set(schema, params);
  }
  return params;
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

/**
 * Whether the spec deprecates a parameter (`v.metadata({ deprecated: true })` in the models): the
 * emulator ignores any value of it, as it ignores unknown parameters.
 */
function isDeprecated(schema: v.GenericSchema): boolean {
  if ('wrapped' in schema) return isDeprecated(schema.wrapped as v.GenericSchema);
  const pipe = 'pipe' in schema ? (schema.pipe as readonly { type: string; metadata?: unknown }[]) : [];
  return pipe.some(
    (item) => item.type === 'metadata' && (item.metadata as { deprecated?: unknown }).deprecated === true,
  );
}

/** The type under `optional()` and `pipe()`: `number`, `boolean`, `string`, `picklist`... */
export function baseType(schema: v.GenericSchema): string {
  return 'wrapped' in schema ? baseType(schema.wrapped as v.GenericSchema) : schema.type;
}

function coerce(value: string, type: string): unknown {
  if (type === 'number') return /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return BOOLEANS[value] ?? value;
  return value;
}
