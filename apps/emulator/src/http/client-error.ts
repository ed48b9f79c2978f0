import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { oidcFailure } from '../oidc/failures.ts';
import { message } from './messages.ts';

/**
 * Node refuses a request whose head exceeds its limit (16 KiB) before the app sees it, e.g. a
 * query with megabytes of keywords: the client still gets an error envelope (statusCode 413),
 * or, on the hosted login's paths, whose OAuth clients read the HTTP status, a 431 in its form.
 * Other unparsable requests get Node's usual bare 400.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket, httpStatus: boolean): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  if (error.code !== 'HPE_HEADER_OVERFLOW') {
    socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    return;
  }
  const oidc = oidcFailure(requestPath(error), 'headTooLarge', 431);
  if (oidc) {
    endWith(
      socket,
      '431 Request Header Fields Too Large',
      { 'content-type': oidc.contentType, ...oidc.headers },
      oidc.body,
    );
    return;
  }
  const body = JSON.stringify({
    statusCode: 413,
    message: message('payloadTooLarge', 'zh-CN'),
    requestId: randomUUID(),
  });
  endWith(
    socket,
    httpStatus ? '413 Payload Too Large' : '200 OK',
    { 'content-type': 'application/json; charset=UTF-8' },
    body,
  );
}

/** Writes a whole reply on the raw socket (Node has no response object for it) and closes it. */
function endWith(
  socket: Socket,
  status: string,
  headers: Readonly<Record<string, string>>,
  body: string,
): void {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${status}\r\n${lines.join('')}` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * The path of the refused request, from the bytes Node was parsing (`rawPacket`, not in its
 * typings). They start with the request line when the head came in one piece, as browsers and
 * fetch send it; otherwise the path is unknown and the reply is the API's.
 */
function requestPath(error: NodeJS.ErrnoException): string {
  const packet = (error as { rawPacket?: unknown }).rawPacket;
  if (!Buffer.isBuffer(packet)) return '';
  return (
    packet
      .subarray(0, 1024)
      .toString('latin1')
      .match(/^[A-Z]+ (\/[^ ?#\r\n]*)/)?.[1] ?? ''
  );
}
