import { ResGroupDto } from '@genauth-groups/models';
import { describe, expect, it } from 'vitest';
import { salvagePage } from './salvage.ts';
import { group } from './test-fixtures.ts';

describe('salvagePage', () => {
  it('keeps valid items and marks each invalid one, by path and without its values', () => {
    const body = {
      statusCode: 200,
      message: '',
      data: { totalCount: 30, list: [group(), { ...group({ id: 'bad1' }), name: 42 }, 'not an object'] },
    };
    const page = salvagePage(body, ResGroupDto);
    expect(page?.totalCount).toBe(30);
    expect(page?.entries.map((entry) => entry.ok)).toEqual([true, false, false]);
    expect(page?.entries[1]).toMatchObject({
      ok: false,
      position: 1,
      key: 'bad1',
      issues: [{ path: 'name' }],
    });
    expect(page?.entries[2]).toMatchObject({ ok: false, position: 2, key: undefined });
    expect(JSON.stringify(page?.entries[1])).not.toContain('42');
  });

  it('gives up on replies that are not a successful page', () => {
    expect(salvagePage(undefined, ResGroupDto)).toBeUndefined();
    expect(salvagePage({ statusCode: 500, data: { totalCount: 1, list: [] } }, ResGroupDto)).toBeUndefined();
    expect(salvagePage({ statusCode: 200, data: { list: [] } }, ResGroupDto)).toBeUndefined();
    expect(salvagePage({ statusCode: 200, data: { totalCount: 1, list: {} } }, ResGroupDto)).toBeUndefined();
  });
});
