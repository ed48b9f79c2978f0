import { getAllGroups, getUserGroups, listGroupMembers } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator.ts';
import { TestClient } from '../testing/test-client.ts';

async function snapshot(seed: number) {
  const emulator = await startEmulator({ port: 0, demo: false, generate: { groups: 30, users: 300, seed } });
  try {
    const api = await TestClient.withManagementToken(emulator);
    const groups = (await api.get(getAllGroups, { fetchMembers: true })).body.data;
    return { data: emulator.data, groups };
  } finally {
    await emulator.close();
  }
}

// Each test starts and seeds emulators (three at once in the first): a loaded 2-core CI machine took
// over 5 s, vitest's default budget, for what takes 1 s on a quiet one.
describe('generated pools', { timeout: 30_000 }, () => {
  it('are the same for the same seed, ids included, and differ for another seed', async () => {
    const [a, b, c] = await Promise.all([snapshot(7), snapshot(7), snapshot(8)]);
    expect(a.data).toMatchObject({ groups: 30, users: 300, reused: false });
    expect(b.groups).toEqual(a.groups);
    expect(c.groups).not.toEqual(a.groups);
  });

  it('put every user in one to three groups, the first groups the largest', async () => {
    const { data, groups } = await snapshot(1);
    expect(data.memberships).toBeGreaterThanOrEqual(300);
    expect(data.memberships).toBeLessThanOrEqual(900);
    const sizes = new Map(groups.map((group) => [group.code, group.members?.length ?? 0]));
    expect(sizes.get('team-00001')).toBeGreaterThan(sizes.get('team-00030') ?? 0);
  });

  it('give users identities, departments and custom data that the API serves', async () => {
    const emulator = await startEmulator({ port: 0, demo: false, generate: { groups: 5, users: 20 } });
    try {
      const api = await TestClient.withManagementToken(emulator);
      const members = await api.get(listGroupMembers, {
        code: 'team-00001',
        withIdentities: true,
        withDepartmentIds: true,
        withCustomData: true,
        limit: 50,
      });
      const first = members.body.data.list[0];
      expect(first?.customData).toHaveProperty('employeeLevel');
      expect(first?.departmentIds).toHaveLength(1);
      const byRelation = await api.get(getUserGroups, {
        userId: 'lark:ou_000001',
        userIdType: 'sync_relation',
      });
      expect(byRelation.body.data.totalCount).toBeGreaterThan(0);
    } finally {
      await emulator.close();
    }
  });
});
