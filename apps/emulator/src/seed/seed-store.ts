import { performance } from 'node:perf_hooks';
import { hashPassword } from '../auth/passwords.ts';
import { transaction } from '../store/database.ts';
import type { Store } from '../store/store.ts';
import type { Dataset } from './dataset.ts';
import { DEMO_USERNAMES, demoDataset } from './demo.ts';
import { type GenerateOptions, generatedDataset } from './generate.ts';
import { insertSeed } from './insert.ts';
import { readDatasetFile } from './load.ts';

/** What to put in a new store. */
export interface SeedOptions {
  readonly demo: boolean;
  readonly demoPassword: string;
  readonly generate?: GenerateOptions | undefined;
  /** A load file path or a data set. */
  readonly load?: string | Dataset | undefined;
}

/** A named demo user: what a client needs to sign in as them. */
export interface DemoUser {
  readonly userId: string;
  readonly username: string;
  readonly email: string;
  readonly password: string;
  /** Codes of the groups the user is in, newest group first. */
  readonly groups: readonly string[];
}

/** What seeding did. */
export interface SeedOutcome {
  /** The store already held data (a `data` file from an earlier run): nothing was seeded. */
  readonly reused: boolean;
  /** Time spent seeding, in ms. */
  readonly ms: number;
  readonly demoUsers: readonly DemoUser[];
}

const SEEDED_AT = 'seeded_at';

/**
 * Seeds a new store: the demo data set, then the generated pool, then the load file, all or
 * nothing. A store that was seeded before (a database file) is kept as it is, except that the
 * demo users get the configured demo password, so that the start banner tells the truth.
 */
export function seedStore(store: Store, options: SeedOptions, clock: () => number): SeedOutcome {
  const started = performance.now();
  const reused = store.meta(SEEDED_AT) !== undefined;
  if (reused) {
    if (options.demo) resetDemoPasswords(store, options.demoPassword);
  } else {
    // Read the load file first, so that a bad file fails before anything is written.
    const loaded = typeof options.load === 'string' ? readDatasetFile(options.load) : options.load;
    const sources = { clock };
    transaction(store.db, () => {
      if (options.demo) insertSeed(store.db, demoDataset(options.demoPassword), sources);
      if (options.generate) insertSeed(store.db, generatedDataset(options.generate), sources);
      if (loaded) insertSeed(store.db, loaded, sources);
      store.setMeta(SEEDED_AT, new Date(clock()).toISOString());
    });
  }
  return {
    reused,
    ms: performance.now() - started,
    demoUsers: options.demo ? demoUsers(store, options.demoPassword) : [],
  };
}

function resetDemoPasswords(store: Store, password: string): void {
  const hash = hashPassword(password);
  for (const user of demoDataset(password).users ?? []) {
    const row = user.username ? store.findUser('username', user.username) : undefined;
    if (row) store.setPasswordHash(row.seq, hash);
  }
}

function demoUsers(store: Store, password: string): DemoUser[] {
  return DEMO_USERNAMES.flatMap((username) => {
    const user = store.findUser('username', username);
    if (!user) return [];
    return [
      {
        userId: user.user_id,
        username,
        email: String(user.email),
        password,
        groups: store.groupsOfUser(user.seq).map((group) => group.code),
      },
    ];
  });
}
