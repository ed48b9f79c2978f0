import { type Endpoint, parse } from '@genauth-groups/models';
import { encodeQuery, type QueryValue } from './query.ts';
import type { EncodedParams } from './transport.ts';

/**
 * Checks a call's parameters against the endpoint's schema (a `ValidationError` naming the call,
 * before any request) and puts them on the wire as authing-node-sdk does: a GET's as its query
 * string, a POST's as its JSON body, in the caller's key order.
 *
 * @example
 * encodeParams(listGroups, { page: 2 }, 'listGroups'); // { searchParams: 'page=2&limit=10' }
 */
export function encodeParams(endpoint: Endpoint, params: unknown, name: string): EncodedParams {
  const input = endpoint.params ? parse(endpoint.params, params ?? {}, `${name} parameters`) : undefined;
  return endpoint.method === 'GET'
    ? { searchParams: encodeQuery((input ?? {}) as Record<string, QueryValue>) }
    : { json: inCallerOrder(input, params) };
}

/**
 * The parsed body with the keys of each object in the order the caller wrote them (defaults
 * after): the official SDK sends the object it is given as it is, and the parsed copy has the
 * schema's order.
 */
function inCallerOrder(output: unknown, input: unknown): unknown {
  if (!isRecord(output) || !isRecord(input)) return output;
  const given = Object.keys(input).filter((key) => Object.hasOwn(output, key));
  const ordered = Object.fromEntries(given.map((key) => [key, inCallerOrder(output[key], input[key])]));
  return { ...ordered, ...output, ...ordered };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
