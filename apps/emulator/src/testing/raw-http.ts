/**
 * Raw HTTP/1.1 over `node:net`, for what `fetch` cannot send or hides: chunked framing written by
 * hand, bodies cut short, several requests on one socket, the connection's fate after a reply.
 *
 * @module
 */
import { connect } from 'node:net';

/** What came back on one socket. */
export interface RawExchange {
  /** Every byte the server sent, as text. */
  readonly text: string;
  /** The server ended or reset the connection (rather than the budget running out). */
  readonly closedByServer: boolean;
}

/** How a raw exchange ends on the client's side. */
export interface RawExchangeOptions {
  /** How long to wait for the server to close. @default 10000 (generous: CI is loaded) */
  readonly budgetMs?: number;
  /** Whether to half-close the socket once `parts` are written, as `nc -N` and many fuzzers do. */
  readonly halfClose?: boolean;
}

/**
 * Opens a socket to `port` on loopback, writes `parts` in order, and collects what the server
 * sends until it closes the connection or the budget runs out.
 */
export function rawExchange(
  port: number,
  parts: readonly (string | Uint8Array)[],
  { budgetMs = 10_000, halfClose = false }: RawExchangeOptions = {},
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let closedByServer = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(received).toString('utf8'), closedByServer });
    };
    const timer = setTimeout(finish, budgetMs);
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('end', () => {
      closedByServer = true;
      finish();
    });
    socket.on('error', () => {
      closedByServer = true;
      finish();
    });
    socket.on('connect', () => {
      for (const part of parts) socket.write(part);
      if (halfClose) socket.end();
    });
  });
}

/** One HTTP response of a raw exchange. */
export interface RawResponse {
  readonly status: number;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Splits the text of an exchange into its responses. Each must carry a `content-length`, as the
 * emulator's replies do; a response cut short ends the list with what arrived of its body.
 */
export function parseResponses(text: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = Buffer.from(text, 'utf8');
  for (let end = rest.indexOf('\r\n\r\n'); end >= 0; end = rest.indexOf('\r\n\r\n')) {
    const [statusLine = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const bodyEnd = end + 4 + Number(headers['content-length'] ?? 0);
    responses.push({
      status: Number(statusLine.split(' ')[1]),
      headers,
      body: rest.subarray(end + 4, bodyEnd).toString('utf8'),
    });
    rest = rest.subarray(Math.min(bodyEnd, rest.length));
  }
  return responses;
}
