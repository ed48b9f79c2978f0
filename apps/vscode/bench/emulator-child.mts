// The emulator of the export benchmark, in its own process so that serving does not share the
// benchmark's event loop: one group ("big") of 10 000 members, 20 ms of latency on every member
// page. Prints its URL and credentials as one JSON line on stdout.
import { startEmulator } from '@genauth-groups/emulator';

export const MEMBERS = 10_000;
const emulator = await startEmulator({
  port: 0,
  demo: false,
  load: {
    groups: [{ code: 'big', name: 'Big group' }],
    users: Array.from({ length: MEMBERS }, (_, i) => ({
      username: `member${i}`,
      name: `Member, ${i}`,
      email: `member${i}@example.com`,
      groups: ['big'],
    })),
  },
  faults: { latencyMs: 20, paths: ['/api/v3/list-group-members'] },
});
const { accessKeyId, accessKeySecret } = emulator.credentials;
process.stdout.write(
  `${JSON.stringify({ url: emulator.url, accessKeyId, accessKeySecret, seedMs: emulator.data.seedMs })}\n`,
);
process.on('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
