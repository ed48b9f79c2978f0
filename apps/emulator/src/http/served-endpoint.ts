import type { Endpoint } from '@genauth-groups/models';
import type { Handler } from 'hono';
import type * as v from 'valibot';
import type { AppParts } from '../app-parts.ts';
import type { AppContext, AppEnv } from './context.ts';
import { type ParamsSchema, readJson, readQuery, validate } from './params.ts';
import { type JsonPage, ok } from './reply.ts';

/** The parameters of an endpoint as its handler receives them: validated, defaults applied. */
export type ParamsOf<TEndpoint extends Endpoint> = TEndpoint['params'] extends v.GenericSchema
  ? v.InferOutput<TEndpoint['params']>
  : undefined;

/** The `data` of an endpoint's successful reply. */
export type DataOf<TEndpoint extends Endpoint> =
  v.InferInput<TEndpoint['response']> extends {
    readonly data: infer TData;
  }
    ? TData
    : never;

/** What a handler may return: the reply's `data`, or, for a page, its items as JSON text. */
export type ReplyOf<TEndpoint extends Endpoint> =
  | DataOf<TEndpoint>
  | (DataOf<TEndpoint> extends { readonly totalCount: number; readonly list: readonly (infer TItem)[] }
      ? JsonPage<TItem>
      : never);

/**
 * What an endpoint does once its request is authenticated and its parameters are valid: it returns
 * the reply's `data` (the table wraps it in the success envelope) or throws an `ApiError`.
 */
export type EndpointHandler<TEndpoint extends Endpoint> = (
  params: ParamsOf<TEndpoint>,
  parts: AppParts,
  c: AppContext,
) => ReplyOf<TEndpoint> | Promise<ReplyOf<TEndpoint>>;

/** How a served endpoint is called, besides what its descriptor says. */
export interface ServeOptions {
  /**
   * Served without credentials: the endpoints that hand out credentials (`signin`,
   * `get-management-token`). Every other endpoint gets the auth of its `side`. @default false
   */
  readonly anonymous?: boolean;
}

/** One row of the emulator's endpoint table: a descriptor of `@genauth-groups/models` and its handler. */
export interface ServedEndpoint {
  readonly endpoint: Endpoint;
  readonly anonymous: boolean;
  /** The hono handler: reads and validates the parameters, calls the endpoint's handler, replies. */
  readonly handler: (parts: AppParts) => Handler<AppEnv>;
}

/**
 * A row of the endpoint table. The path, the method, how parameters are read (the query of a GET,
 * the JSON body of a POST) and validated (the descriptor's `params` schema) all come from `endpoint`.
 */
export function serve<TEndpoint extends Endpoint>(
  endpoint: TEndpoint,
  handle: EndpointHandler<TEndpoint>,
  options: ServeOptions = {},
): ServedEndpoint {
  return {
    endpoint,
    anonymous: options.anonymous ?? false,
    // Without a promise where nothing waits (a GET's query, a synchronous handler): each await
    // is a turn of the microtask queue for every request.
    handler: (parts) => (c) => {
      const reply = (params: unknown) => {
        const data = handle(params as ParamsOf<TEndpoint>, parts, c);
        return data instanceof Promise ? data.then((resolved) => ok(c, resolved)) : ok(c, data);
      };
      if (endpoint.params === undefined) return reply(undefined);
      if (endpoint.method === 'GET')
        return reply(readQuery(queryOf(c.req.url), endpoint.params as ParamsSchema));
      const schema = endpoint.params;
      return readJson(c).then((body) => reply(validate(schema, body)));
    },
  };
}

/** The query of a request URL, without parsing the rest of it as `new URL` would. */
function queryOf(url: string): URLSearchParams {
  const start = url.indexOf('?');
  if (start < 0) return new URLSearchParams();
  const end = url.indexOf('#', start);
  return new URLSearchParams(end < 0 ? url.slice(start + 1) : url.slice(start + 1, end));
}
