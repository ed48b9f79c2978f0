import * as v from 'valibot';
import { noEcho } from './no-echo.ts';

/**
 * A string enum that stays open: the known values are typed, and any other string is accepted.
 *
 * The GenAuth server sends enum values that its published tables do not list (`gender: "W"`,
 * `userSourceType: "workflow"`, new identity providers; contract sections 1 (finding 5) and 7.5). A closed
 * picklist would turn each new value into a failed reply, so every enum in a response is open.
 * The `string & {}` keeps the known values visible to editors instead of collapsing to `string`.
 *
 * Since any string passes, the known values are a type parameter only, listed once in
 * `knownValues` (which the JSON Schema files read): a bundle that validates replies carries no
 * list of values it would never check against.
 *
 * @example
 * const Gender = openEnum<['M', 'F', 'U', 'W']>();
 * type Gender = v.InferOutput<typeof Gender>; // 'M' | 'F' | 'U' | 'W' | (string & {})
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<const TKnown extends readonly string[]>(): v.GenericSchema<
  OpenEnum<TKnown[number]>
> {
  return noEcho(v.string());
}

/** A known string literal, or any other string the server may add later. */
export type OpenEnum<TKnown extends string> = TKnown | (string & {});
