import { describe, expect, it } from 'vitest';
import { groupDetails, textOf, userDetails, userDisplayName } from './details.ts';
import { group, t, user } from './test-fixtures.ts';

describe('userDetails', () => {
  it('sorts every field of the user into a section, tokens masked', () => {
    const details = userDetails(
      user({
        phone: '13800000000',
        departmentIds: ['d1', 'd2'],
        customData: { level: 3, team: 'core' },
        identities: [
          {
            identityId: 'i1',
            extIdpId: 'idp1',
            provider: 'github',
            type: 'primary',
            userIdInIdp: '42',
            userInfoInIdp: {},
            accessToken: 'gho_TOKEN',
            originConnIds: ['c1'],
          },
        ],
        futureField: { nested: true },
      }),
      t,
    );
    expect(details.title).toBe('Ada Lovelace');
    expect(details.subtitle).toBe('ada@example.com · Activated');
    const byTitle = Object.fromEntries(details.sections.map((section) => [section.title, section]));
    expect(byTitle.Profile?.fields).toContainEqual({ label: 'phone', value: '13800000000' });
    expect(byTitle['Account and status']?.fields).toContainEqual({ label: 'status', value: 'Activated' });
    expect(byTitle.Identities?.table?.rows).toEqual([['github', 'primary', '42', 'idp1', 'i1', 'c1']]);
    expect(byTitle.Departments?.fields).toContainEqual({ label: 'departmentIds', value: 'd1, d2' });
    expect(byTitle['Custom data']?.fields).toEqual([
      { label: 'level', value: '3' },
      { label: 'team', value: 'core' },
    ]);
    expect(byTitle['Other fields']?.fields?.[0]?.label).toBe('futureField');
    expect(details.json).not.toContain('gho_TOKEN');
    expect(details.json).toContain('"accessToken": "***"');
  });

  it('shows identities with null type and originConnIds, and custom data that is not an object', () => {
    const identity = { identityId: 'i1', extIdpId: 'idp1', provider: 'lark', userIdInIdp: '42' };
    const details = userDetails(
      user({
        customData: 'vip',
        identities: [{ ...identity, type: null, userInfoInIdp: null, originConnIds: null }],
      }),
      t,
    );
    const byTitle = Object.fromEntries(details.sections.map((section) => [section.title, section]));
    expect(byTitle.Identities?.table?.rows).toEqual([['lark', '', '42', 'idp1', 'i1', '']]);
    expect(byTitle['Custom data']?.fields).toEqual([{ label: 'customData', value: 'vip' }]);
  });

  it('says None for empty sections', () => {
    const details = userDetails(user(), t);
    expect(details.sections.find((section) => section.title === 'Identities')?.note).toBe('None');
  });

  it('names users by the best field they have', () => {
    expect(userDisplayName(user())).toBe('Ada Lovelace');
    expect(userDisplayName(user({ name: null, nickname: '', username: 'ada' }))).toBe('ada');
    expect(userDisplayName(user({ name: null, username: null, email: null, phone: null }))).toBe(
      '6123456789abcdef01234567',
    );
  });
});

describe('groupDetails', () => {
  it('shows the group, its custom data and its resources', () => {
    const details = groupDetails(
      group({ customData: { owner: 'ops' } }),
      {
        ok: true,
        resources: [
          { resourceCode: 'ecs:1', actions: ['ecs:Start', 'ecs:Stop'], effect: 'ALLOW', resourceType: 'API' },
        ],
      },
      t,
    );
    expect(details.title).toBe('Developers');
    expect(details.sections.map((section) => section.title)).toEqual([
      'Group',
      'Custom data',
      'Other fields',
      'Authorized resources',
    ]);
    expect(details.sections[3]?.table?.rows).toEqual([['ecs:1', 'API', 'ecs:Start, ecs:Stop', 'ALLOW', '']]);
    expect(details.sections[1]?.fields).toEqual([{ label: 'owner', value: 'ops' }]);
  });

  it('shows why resources are missing', () => {
    const details = groupDetails(group(), { ok: false, message: 'no access' }, t);
    expect(details.sections[3]?.note).toBe('no access');
  });
});

describe('textOf', () => {
  it('keeps strings, prints values, drops nothing-values', () => {
    expect(textOf('a')).toBe('a');
    expect(textOf(0)).toBe('0');
    expect(textOf(false)).toBe('false');
    expect(textOf(null)).toBeUndefined();
    expect(textOf(['x', 2])).toBe('x, 2');
    expect(textOf([{ a: 1 }])).toBe('[\n  {\n    "a": 1\n  }\n]');
  });
});
