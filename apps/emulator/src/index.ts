/**
 * A local emulator of the GenAuth (formerly Authing) V3 user-group API, for tests, demos and
 * offline development. Community toolkit, not affiliated with GenAuth.
 *
 * @example
 * import { startEmulator } from '@genauth-groups/emulator';
 *
 * const emulator = await startEmulator({ port: 0 });
 * // ... point a client at emulator.url with emulator.credentials ...
 * emulator.faults.queue([{ type: 'http-error', status: 503 }], { paths: ['/api/v3/list-groups'] });
 * await emulator.close();
 *
 * @module
 */

export type { EmulatorCredentials } from './app-parts.ts';
export {
  DEFAULT_CREDENTIALS,
  DEFAULT_PORT,
  type Emulator,
  type EmulatorData,
  type EmulatorOptions,
  startEmulator,
} from './emulator.ts';
export {
  type EmulatorProcess,
  type EmulatorProcessOptions,
  type EmulatorProcessReady,
  startEmulatorProcess,
} from './emulator-process.ts';
export type { Fault, FaultConfig, FaultController, FaultState, QueuedFault } from './faults.ts';
export type { Dataset, GroupSeed, IdentitySeed, ResourceSeed, UserSeed } from './seed/dataset.ts';
export { DEFAULT_DEMO_PASSWORD } from './seed/demo.ts';
export type { GenerateOptions } from './seed/generate.ts';
export type { DemoUser } from './seed/seed-store.ts';
