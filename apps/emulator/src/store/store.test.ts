import { afterEach, describe, expect, it } from 'vitest';
import { seedStore } from '../seed/seed-store.ts';
import { openDatabase } from './database.ts';
import { Store } from './store.ts';

let store: Store;
afterEach(() => store.close());

function seeded(): Store {
  store = new Store(openDatabase(), Date.now);
  seedStore(
    store,
    { demo: false, demoPassword: 'x', generate: { groups: 30, users: 400, seed: 5 } },
    Date.now,
  );
  return store;
}

/** The seqs a page should hold, by the plain OFFSET query the store's seek replaces. */
function expected(sql: string, page: number, limit: number, ...params: number[]): number[] {
  return (
    store.db.prepare(`${sql} LIMIT ? OFFSET ?`).all(...params, limit, (page - 1) * limit) as { seq: number }[]
  ).map((row) => row.seq);
}

/** Page numbers in order, then backwards and from the middle out, as out-of-order requests come. */
function pageNumbers(last: number): number[] {
  const inOrder = Array.from({ length: last }, (_, index) => index + 1);
  const middle = Math.ceil(last / 2);
  return [
    ...inOrder,
    ...inOrder.toReversed(),
    ...inOrder.map((_, index) => ((middle + index * 7) % last) + 1),
  ];
}

function groupPages(keywords?: string): void {
  const where = keywords ? `WHERE code_lc LIKE '%${keywords}%' OR name_lc LIKE '%${keywords}%'` : '';
  const total = (store.db.prepare(`SELECT count(*) AS n FROM groups ${where}`).get() as { n: number }).n;
  for (const limit of [1, 7, 50]) {
    for (const page of pageNumbers(Math.ceil(total / limit) + 1)) {
      const want = expected(`SELECT seq FROM groups ${where} ORDER BY seq DESC`, page, limit);
      const rows = store.listGroups(keywords, page, limit);
      expect(rows.totalCount).toBe(total);
      expect(rows.rows.map((row) => row.seq)).toEqual(want);
      const replies = store.listGroupReplies(keywords, page, limit);
      expect(replies.totalCount).toBe(total);
      expect(replies.bytes).toBe(Buffer.byteLength(replies.items));
      expect((JSON.parse(`[${replies.items}]`) as { code: string }[]).map((group) => group.code)).toEqual(
        rows.rows.map((row) => row.code),
      );
    }
  }
}

function memberPages(groupSeq: number): void {
  const sql = 'SELECT user_seq AS seq FROM group_members m WHERE group_seq = ? ORDER BY m.seq';
  const total = (
    store.db.prepare('SELECT count(*) AS n FROM group_members WHERE group_seq = ?').get(groupSeq) as {
      n: number;
    }
  ).n;
  for (const limit of [1, 9, 50]) {
    for (const page of pageNumbers(Math.ceil(total / limit) + 1)) {
      const want = expected(sql, page, limit, groupSeq);
      const rows = store.members(groupSeq, page, limit);
      expect(rows.totalCount).toBe(total);
      expect(rows.rows.map((row) => row.seq)).toEqual(want);
      const replies = store.memberReplies(groupSeq, page, limit);
      expect(replies.totalCount).toBe(total);
      expect(replies.bytes).toBe(Buffer.byteLength(replies.items));
      expect((JSON.parse(`[${replies.items}]`) as { userId: string }[]).map((user) => user.userId)).toEqual(
        rows.rows.map((row) => row.user_id),
      );
    }
  }
}

describe('reply pages', () => {
  it('count the UTF-8 bytes of their items, non-ASCII text included', () => {
    store = new Store(openDatabase(), Date.now);
    seedStore(store, { demo: true, demoPassword: 'x' }, Date.now);
    const groups = store.listGroupReplies(undefined, 1, 50);
    // 研发中心: three bytes a character.
    expect(Buffer.byteLength(groups.items)).toBeGreaterThan(groups.items.length);
    expect(groups.bytes).toBe(Buffer.byteLength(groups.items));
    const members = store.memberReplies(store.groupSeqByCode('all-staff') ?? 0, 1, 50);
    expect(members.items).not.toBe('');
    expect(members.bytes).toBe(Buffer.byteLength(members.items));
    expect(store.listGroupReplies(undefined, 2, 50)).toEqual({ totalCount: 7, items: '', bytes: 0 });
  });
});

describe('pages', () => {
  it('of groups, with and without keywords, hold what OFFSET gives, before and after writes', () => {
    seeded();
    groupPages();
    groupPages('team-0001');
    // Gaps in the seqs, a new newest group, a rename that leaves a search.
    store.deleteGroups(['team-00002', 'team-00010', 'team-00011', 'team-00029']);
    store.createGroup({ code: 'zeta', name: 'Zeta', description: '', type: 'static' });
    store.updateGroup({ code: 'team-00012', newCode: 'renamed', description: '' });
    groupPages();
    groupPages('team-0001');
  });

  it('of members hold what OFFSET gives, before and after members join and leave', () => {
    seeded();
    const group = store.groupByCode('team-00001');
    if (!group) throw new Error('no team-00001');
    memberPages(group.seq);
    const userIds = (
      store.db.prepare('SELECT user_id FROM users ORDER BY seq').all() as { user_id: string }[]
    ).map((row) => row.user_id);
    expect(store.removeMembers('team-00001', userIds.slice(0, 40))).toBeUndefined();
    memberPages(group.seq);
    expect(store.addMembers('team-00001', userIds.slice(10, 60))).toBeUndefined();
    memberPages(group.seq);
    expect(store.members(group.seq, 2 ** 40, 50)).toEqual({ totalCount: expect.any(Number), rows: [] });
  });
});
