import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedStore } from '../seed/seed-store.ts';
import { openDatabase } from './database.ts';
import { Store } from './store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function pages(store: Store) {
  const group = store.groupByCode('all-staff');
  if (!group) throw new Error('no all-staff');
  return { groups: store.listGroupReplies(undefined, 1, 50), members: store.memberReplies(group.seq, 2, 10) };
}

describe('openDatabase', () => {
  it('gives a data file written before the reply JSON columns the same replies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-db-'));
    dirs.push(dir);
    const path = join(dir, 'old.db');
    const store = new Store(openDatabase(path), Date.now);
    seedStore(store, { demo: true, demoPassword: 'Passw0rd!' }, Date.now);
    const before = pages(store);
    // The file as an earlier version of the emulator left it.
    store.db.exec('ALTER TABLE groups DROP COLUMN reply_json');
    store.db.exec('ALTER TABLE users DROP COLUMN reply_json');
    store.close();

    const reopened = new Store(openDatabase(path), Date.now);
    try {
      expect(pages(reopened)).toEqual(before);
      expect(JSON.parse(`[${before.members.items}]`)).toHaveLength(10);
    } finally {
      reopened.close();
    }
  });
});
