import { describe, expect, it } from 'vitest';
import { seedStore } from '../seed/seed-store.ts';
import { openDatabase } from './database.ts';
import { groupDto, userDto } from './dto.ts';
import type { GroupRow, UserRow } from './rows.ts';
import { Store } from './store.ts';

/** A store with the demo data set (identities, Unicode names, unset fields) and a generated pool. */
function seededStore(): Store {
  const store = new Store(openDatabase(), () => Date.parse('2026-11-30T01:00:00Z'));
  seedStore(
    store,
    { demo: true, demoPassword: 'Passw0rd!', generate: { groups: 20, users: 200, seed: 3 } },
    Date.now,
  );
  return store;
}

/** Every row with its reply column. */
function rowsOf<T>(store: Store, table: 'groups' | 'users'): (T & { readonly reply_json: string })[] {
  return store.db.prepare(`SELECT * FROM ${table} ORDER BY seq`).all() as unknown as (T & {
    readonly reply_json: string;
  })[];
}

describe('reply JSON columns', () => {
  it("hold the bytes of JSON.stringify(groupDto(row, 'omit')) for every group", () => {
    using store = disposable(seededStore());
    const groups = rowsOf<GroupRow>(store.value, 'groups');
    expect(groups.length).toBeGreaterThan(20);
    for (const group of groups) expect(group.reply_json).toBe(JSON.stringify(groupDto(group, 'omit')));
  });

  it("hold the bytes of JSON.stringify(userDto(row, { customData: 'omit' })) for every user", () => {
    using store = disposable(seededStore());
    const users = rowsOf<UserRow>(store.value, 'users');
    expect(users.length).toBeGreaterThan(200);
    for (const user of users) {
      expect(user.reply_json).toBe(JSON.stringify(userDto(user, { customData: 'omit' })));
    }
  });

  it('follow writes: a renamed group, a sign-in, control characters and quotes', () => {
    using store = disposable(seededStore());
    const group = store.value.createGroup({
      code: 'q"\\\n\u0001',
      name: '研发 "x"\t',
      description: '',
      type: 'static',
    });
    if (typeof group === 'string') throw new Error(group);
    store.value.updateGroup({ code: group.code, newCode: 'renamed', description: 'd\u2028' });
    const alice = store.value.findUser('username', 'alice') as UserRow;
    store.value.recordLogin(alice.seq, 'app-1');
    const groups = rowsOf<GroupRow>(store.value, 'groups');
    const renamed = groups.find((row) => row.code === 'renamed');
    expect(renamed?.reply_json).toBe(JSON.stringify(groupDto(renamed as GroupRow, 'omit')));
    const users = rowsOf<UserRow>(store.value, 'users');
    const signedIn = users.find((row) => row.seq === alice.seq) as UserRow & { reply_json: string };
    expect(JSON.parse(signedIn.reply_json)).toMatchObject({ loginsCount: 1, lastLoginApp: 'app-1' });
    expect(signedIn.reply_json).toBe(JSON.stringify(userDto(signedIn, { customData: 'omit' })));
  });
});

function disposable(store: Store): Disposable & { readonly value: Store } {
  return { value: store, [Symbol.dispose]: () => store.close() };
}
