// The load benchmark's second reference: the framework's floor. A hello-world hono app on
// @hono/node-server (without overriding the global Request and Response, as the emulator runs)
// that answers every request with the same bytes from memory, the page the emulator served, read
// from stdin. Its distance to the bare server is what hono and its Node adapter cost before any of
// the emulator's own work. Prints its URL as one line on stdout.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';

const body = await text(process.stdin);
const app = new Hono().get('*', (c) => c.body(body, 200, { 'content-type': 'application/json' }));
const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
server.listen(0, '127.0.0.1');
await once(server, 'listening');
process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
