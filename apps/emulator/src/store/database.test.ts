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

/**
 * A demo data file as an earlier version of the emulator left it (`age` turns a fresh file into
 * one), reopened: `check` gets the reopened store and the pages the file gave before.
 */
function reopenAged(
  age: (store: Store) => void,
  check: (reopened: Store, before: ReturnType<typeof pages>) => void,
) {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-db-'));
  dirs.push(dir);
  const path = join(dir, 'old.db');
  const store = new Store(openDatabase(path), Date.now);
  seedStore(store, { demo: true, demoPassword: 'Passw0rd!' }, Date.now);
  const before = pages(store);
  age(store);
  store.close();
  const reopened = new Store(openDatabase(path), Date.now);
  try {
    check(reopened, before);
  } finally {
    reopened.close();
  }
}

describe('openDatabase', () => {
  it('gives a data file written before the reply JSON columns the same replies', () => {
    reopenAged(
      (store) => {
        store.db.exec('ALTER TABLE groups DROP COLUMN reply_json');
        store.db.exec('ALTER TABLE users DROP COLUMN reply_json');
      },
      (reopened, before) => {
        expect(pages(reopened)).toEqual(before);
        expect(JSON.parse(`[${before.members.items}]`)).toHaveLength(10);
      },
    );
  });

  it("gives a data file with an earlier version's members index the covering one, with the same pages", () => {
    reopenAged(
      (store) => {
        store.db.exec('DROP INDEX group_members_page');
        store.db.exec('CREATE INDEX group_members_by_group ON group_members(group_seq, seq)');
      },
      (reopened, before) => {
        const names = (sql: string, of: string) =>
          reopened.db
            .prepare(sql)
            .all(of)
            .map(({ name }) => name);
        expect(names('SELECT name FROM pragma_index_list(?) ORDER BY name', 'group_members')).toEqual([
          'group_members_by_user',
          'group_members_page',
          'sqlite_autoindex_group_members_1',
        ]);
        expect(names('SELECT name FROM pragma_index_info(?) ORDER BY seqno', 'group_members_page')).toEqual([
          'group_seq',
          'seq',
          'user_seq',
        ]);
        expect(pages(reopened)).toEqual(before);
      },
    );
  });
});
