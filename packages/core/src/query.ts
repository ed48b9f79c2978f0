// The query string, byte for byte as authing-node-sdk 4.x puts it on the wire (axios 1.x): the
// parameters in the order the method declares them, `undefined` dropped, and values encoded with
// encodeURIComponent except that `: $ , [ ]` stay literal and spaces become `+` (contract section
// 10, captured). Servers decode either form the same way; being identical keeps captures and
// signatures comparable with the official SDK.

const AXIOS_LITERALS: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%24': '$',
  '%2C': ',',
  '%20': '+',
  '%5B': '[',
  '%5D': ']',
};

function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /%(3A|24|2C|20|5B|5D)/gi,
    (match) => AXIOS_LITERALS[match.toUpperCase()] ?? match,
  );
}

/** Parameter values as the official SDKs send them. */
export type QueryValue = string | number | boolean | undefined;

/**
 * `key=value` pairs joined by `&`, in insertion order, without the leading `?`.
 *
 * @example
 * encodeQuery({ keywords: 'dev ops:é&x', page: 2 }); // 'keywords=dev+ops:%C3%A9%26x&page=2'
 */
export function encodeQuery(params: Readonly<Record<string, QueryValue>>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encode(key)}=${encode(String(value))}`)
    .join('&');
}
