// Captures what authing-node-sdk sends for the group writes and the user reads, on a loopback TCP
// server that answers every request with an empty success, and prints the raw requests (head and
// body, header order and casing as received) in the format of
// contract/fixtures/requests/authing-node-sdk-4.0.1.http. Credentials are fake.
//
//   node packages/management/scripts/capture-official-writes.ts > contract/fixtures/requests/authing-node-sdk-4.0.1-writes.http
import { createServer, type Socket } from 'node:net';
import { ManagementClient } from 'authing-node-sdk';

const ACCESS_KEY_ID = 'AKID000000000000000000aa';
const ACCESS_KEY_SECRET = 'secret-not-real';

/** The calls, in order, with the arguments shown in the capture's header. */
const calls: readonly [string, (client: ManagementClient) => Promise<unknown>][] = [
  [
    "createGroup({code:'ops',name:'Ops',description:'On call',type:'static'})",
    (client) => client.createGroup({ code: 'ops', name: 'Ops', description: 'On call', type: 'static' }),
  ],
  [
    "createGroup({type:'static',description:'',name:'Dev & ops: é',code:'dev-ops',customData:{tier:2,tags:['a','b']}})",
    (client) =>
      client.createGroup({
        type: 'static',
        description: '',
        name: 'Dev & ops: é',
        code: 'dev-ops',
        customData: { tier: 2, tags: ['a', 'b'] },
      }),
  ],
  [
    "updateGroup({code:'ops',description:'Ops team',name:'Operations',newCode:'operations'})",
    (client) =>
      client.updateGroup({ code: 'ops', description: 'Ops team', name: 'Operations', newCode: 'operations' }),
  ],
  [
    "updateGroup({code:'ops',description:''})",
    (client) => client.updateGroup({ code: 'ops', description: '' }),
  ],
  [
    "deleteGroupsBatch({codeList:['ops','dev-ops']})",
    (client) => client.deleteGroupsBatch({ codeList: ['ops', 'dev-ops'] }),
  ],
  [
    "addGroupMembers({code:'ops',userIds:['u1','u2']})",
    (client) => client.addGroupMembers({ code: 'ops', userIds: ['u1', 'u2'] }),
  ],
  [
    "removeGroupMembers({code:'ops',userIds:['u2']})",
    (client) => client.removeGroupMembers({ code: 'ops', userIds: ['u2'] }),
  ],
  ['listUsers({})', (client) => client.listUsers({})],
  [
    "listUsers({keywords:'ali',options:{pagination:{page:2,limit:20}}})",
    (client) => client.listUsers({ keywords: 'ali', options: { pagination: { page: 2, limit: 20 } } }),
  ],
  ["getUser({userId:'u1'})", (client) => client.getUser({ userId: 'u1' })],
  [
    "getUser({userId:'a@b.com',userIdType:'email',withCustomData:true,withIdentities:true})",
    (client) =>
      client.getUser({ userId: 'a@b.com', userIdType: 'email', withCustomData: true, withIdentities: true }),
  ],
];

const REPLY = JSON.stringify({ statusCode: 200, message: '', data: { success: true } });
const captured: string[] = [];

/** Reads one request (head, then `content-length` bytes of body) and answers it. */
function serve(socket: Socket): void {
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      buffer = buffer.subarray(end + 4 + length);
      captured.push(`${head.replaceAll('\r\n', '\n')}\n\n${body}`);
      socket.write(
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(REPLY)}\r\n\r\n${REPLY}`,
      );
    }
  });
}

const server = createServer(serve);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
if (typeof address !== 'object' || address === null) throw new Error('no address');
const client = new ManagementClient({
  accessKeyId: ACCESS_KEY_ID,
  accessKeySecret: ACCESS_KEY_SECRET,
  host: `http://127.0.0.1:${address.port}`,
});
for (const [, call] of calls) await call(client);
server.close();

const { version } = (await import('authing-node-sdk/package.json', { with: { type: 'json' } })).default;
console.log(
  [
    `# Raw requests (head and body) captured on a loopback TCP server from authing-node-sdk@${version} (npm; Node ${process.version}),`,
    '# by packages/management/scripts/capture-official-writes.ts. Calls in order:',
    ...calls.map(([description]) => `# ${description}`),
    `# Credentials are fake (${ACCESS_KEY_ID} / ${ACCESS_KEY_SECRET}). Header order and casing are exactly as received.`,
    ...captured.flatMap((request) => ['-----', request]),
    '',
  ].join('\n'),
);
