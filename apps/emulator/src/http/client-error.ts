import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { message } from './messages.ts';

/**
 * Node refuses a request whose head exceeds its limit (16 KiB) before the app sees it, e.g. a
 * query with megabytes of keywords: the client still gets an error envelope (statusCode 413).
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
  const body = JSON.stringify({
    statusCode: 413,
    message: message('payloadTooLarge', 'zh-CN'),
    requestId: randomUUID(),
  });
  socket.end(
    `HTTP/1.1 ${httpStatus ? '413 Payload Too Large' : '200 OK'}\r\n` +
      'content-type: application/json; charset=UTF-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
