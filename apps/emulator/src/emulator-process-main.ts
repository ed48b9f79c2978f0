// The child of `startEmulatorProcess`: reads its options as JSON on stdin, starts the emulator,
// prints one JSON line (`EmulatorProcessReady`) on stdout, and closes on SIGTERM.
import { text } from 'node:stream/consumers';
import { startEmulator } from './emulator.ts';
import type { EmulatorProcessOptions, EmulatorProcessReady } from './emulator-process.ts';

const options = JSON.parse(await text(process.stdin)) as EmulatorProcessOptions;
const emulator = await startEmulator(options);
const ready: EmulatorProcessReady = {
  url: emulator.url,
  credentials: emulator.credentials,
  seedMs: emulator.data.seedMs,
};
process.stdout.write(`${JSON.stringify(ready)}\n`);
process.on('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
