// The load benchmark's reference: a bare `node:http` server that answers every request with the
// same bytes from memory (the page the emulator served, read from stdin), in its own process as
// the emulator is. What the emulator does beyond this (routing, auth, the query, JSON) is the
// difference the benchmark's ratio shows. Prints its URL as one line on stdout.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';

const body = Buffer.from(await text(process.stdin));
const headers = {
  'content-type': 'application/json; charset=UTF-8',
  'content-length': String(body.byteLength),
};
const server = createServer((_request, response) => {
  response.writeHead(200, headers).end(body);
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
