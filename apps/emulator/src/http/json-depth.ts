/**
 * The deepest nesting the emulator accepts in a JSON body. Inferred: the service documents no
 * limit, and its bodies (group fields, custom data) are flat or nearly so; 32 levels leave room
 * for any real custom data while keeping the recursive steps after parsing (signature
 * canonicalisation, validation, storage) far from the stack's limit.
 */
export const MAX_JSON_DEPTH = 32;

/** A top-level field name we may repeat in an error message; any other name is reported as `body`. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * The field of a parsed JSON body that nests deeper than `maxDepth` (the top-level key, or `body`),
 * or `undefined` when none does. Walks with its own stack, so any depth `JSON.parse` accepted
 * (it does not recurse) is measured without recursion.
 */
export function tooDeepField(value: unknown, maxDepth: number = MAX_JSON_DEPTH): string | undefined {
  if (!isContainer(value)) return undefined;
  const entries = Array.isArray(value) ? value.map((item) => ['body', item] as const) : Object.entries(value);
  for (const [name, child] of entries) {
    if (deeperThan(child, maxDepth - 1))
      return Array.isArray(value) || !FIELD_NAME.test(name) ? 'body' : name;
  }
  return undefined;
}

function deeperThan(root: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next;
    if (!isContainer(value)) continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(value)) if (isContainer(child)) stack.push([child, depth + 1]);
  }
  return false;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
