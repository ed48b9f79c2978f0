/**
 * Test helpers to read the contract's fixtures: reply bodies per endpoint, the docs' sample JSON,
 * signing vectors and captured requests. Node.js only; for tests and benchmarks.
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('./', import.meta.url);

/** The parsed JSON of a file under `contract/`, e.g. `fixtures/list-groups/ok.json`. */
export function readContractJson(path: string): unknown {
  return JSON.parse(readContractText(path));
}

/** The text of a file under `contract/`, e.g. `fixtures/requests/authing-node-sdk-4.0.1.http`. */
export function readContractText(path: string): string {
  return readFileSync(new URL(path, root), 'utf8');
}

/** The JSON files of a folder under `contract/`, e.g. `fixtures/get-group`; `[]` when it does not exist. */
export function contractJsonFiles(folder: string): string[] {
  try {
    return readdirSync(new URL(`${folder}/`, root))
      .filter((file) => file.endsWith('.json'))
      .sort();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}

/** The folders of `contract/fixtures/`. */
export function fixtureFolders(): string[] {
  return readdirSync(new URL('fixtures/', root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The fixture folder of an endpoint path: `/api/v3/list-groups` → `fixtures/list-groups`. */
export function fixtureFolderOf(path: string): string {
  return `fixtures/${path.split('/').at(-1)}`;
}

/** One request signed by authing-node-sdk 4.0.1, with what it signed (contract section 5.3). */
export interface SigningVector {
  readonly description: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly request: {
    readonly method: string;
    /** Path and query as sent on the wire. */
    readonly target: string;
    /** The signed headers, lower-case names. */
    readonly headers: Readonly<Record<string, string>>;
  };
  readonly stringToSign: string;
  readonly expectedSignature: string;
  readonly expectedAuthorization: string;
}

/** The signing vectors captured from authing-node-sdk 4.0.1. */
export function signingVectors(): readonly SigningVector[] {
  return (readContractJson('fixtures/signing/node-sdk-4.0.1-vectors.json') as { vectors: SigningVector[] })
    .vectors;
}

/** One raw request of a capture file under `fixtures/requests/`. */
export interface CapturedRequest {
  readonly method: string;
  /** Path and query as sent on the wire. */
  readonly target: string;
  /** Header lines in the order and casing received. */
  readonly headers: readonly (readonly [string, string])[];
  /** The body as sent (`''` for none). Captured bodies are JSON, which never ends with a newline. */
  readonly body: string;
}

/**
 * The requests of a capture file, e.g. `fixtures/requests/authing-node-sdk-4.0.1-writes.http`:
 * `#` comment lines, then each request after a `-----` line, as head, blank line, body.
 */
export function capturedRequests(path: string): CapturedRequest[] {
  const [, ...blocks] = readContractText(path).split(/^-----$/m);
  return blocks.map((block) => {
    const text = block.replace(/^\n/, '');
    const split = text.indexOf('\n\n');
    const [requestLine = '', ...lines] = (split < 0 ? text : text.slice(0, split)).split('\n');
    const [method = '', target = ''] = requestLine.split(' ');
    const headers = lines.map((line): [string, string] => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1).trim()];
    });
    return { method, target, headers, body: split < 0 ? '' : text.slice(split + 2).replace(/\n+$/, '') };
  });
}
