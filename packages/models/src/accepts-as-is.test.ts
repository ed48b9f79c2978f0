import { readContractJson } from '@genauth-groups/contract';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { acceptsAsIs } from './accepts-as-is.ts';
import { GroupPaginatedRespDto } from './group.ts';
import { noEcho } from './no-echo.ts';
import { openEnum } from './open-enum.ts';
import { parseFast } from './parse.ts';
import { UserPaginatedRespDto } from './user.ts';

// Real replies: the contract's fixtures, as JSON.parse gives them.
const membersPage: unknown = readContractJson('fixtures/list-group-members/ok.json');
const groupsPage: unknown = readContractJson('fixtures/list-groups/ok.json');

describe('acceptsAsIs', () => {
  it('accepts a valid reply, and parseFast then returns it without a copy', () => {
    expect(acceptsAsIs(UserPaginatedRespDto, membersPage)).toBe(true);
    expect(parseFast(UserPaginatedRespDto, membersPage)).toBe(membersPage);
    expect(parseFast(GroupPaginatedRespDto, groupsPage)).toBe(groupsPage);
  });

  // Each case: whatever the fast path accepts, valibot accepts with an equal output; whatever it
  // refuses goes to valibot, so a refusal is never wrong, only slower.
  const schema = noEcho(
    v.looseObject({
      id: v.string(),
      count: v.nullish(v.number()),
      kind: openEnum<['a', 'b']>(),
      tags: v.optional(v.array(v.picklist(['x', 'y']))),
    }),
  );
  it.each([
    [{ id: '1', kind: 'c' }, true],
    [{ id: '1', kind: 'a', count: null, tags: ['x'], more: [1] }, true],
    [{ id: 1, kind: 'a' }, false],
    [{ kind: 'a' }, false],
    [{ id: '1', kind: 'a', count: Number.NaN }, false],
    [{ id: '1', kind: 'a', tags: ['z'] }, false],
    [[], false],
    [null, false],
    [JSON.parse('{"id":"1","kind":"a","__proto__":{}}'), false],
  ])('agrees with valibot on %o', (input, expected) => {
    expect(acceptsAsIs(schema, input)).toBe(expected);
    const result = v.safeParse(schema, input);
    if (expected) expect(result).toMatchObject({ success: true, output: input });
  });

  it('leaves to valibot what changes the value: defaults, pipes, transforms, strict and plain objects', () => {
    expect(acceptsAsIs(v.looseObject({ a: v.optional(v.number(), 1) }), {})).toBe(false);
    expect(acceptsAsIs(v.looseObject({ a: v.optional(v.number(), 1) }), { a: 2 })).toBe(true);
    expect(acceptsAsIs(v.pipe(v.string(), v.nonEmpty()), 'x')).toBe(false);
    expect(acceptsAsIs(v.pipe(v.string(), v.transform(Number)), '1')).toBe(false);
    expect(acceptsAsIs(v.object({ a: v.string() }), { a: 'x', b: 1 })).toBe(false);
    expect(acceptsAsIs(v.strictObject({ a: v.string() }), { a: 'x' })).toBe(false);
    expect(parseFast(v.looseObject({ a: v.optional(v.number(), 1) }), {})).toEqual({ a: 1 });
    expect(() =>
      parseFast(
        UserPaginatedRespDto,
        { statusCode: 200, message: '', data: { totalCount: 1, list: [{ userId: 'secret-value' }] } },
        'page',
      ),
    ).toThrow(/^Invalid page: data\.list\[0\]\.createdAt: missing/);
  });
});
