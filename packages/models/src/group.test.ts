import { describe, expect, it } from 'vitest';
import { ErrorRespDto } from './envelope.ts';
import { GroupDto, GroupListRespDto } from './group.ts';
import { parse, safeParse } from './parse.ts';

const group = {
  id: '65f0c1d2e3f4a5b6c7d8e9f1',
  code: 'developer',
  name: 'Developers',
  description: '',
  type: 'static',
};

describe('GroupDto', () => {
  it.each([
    ['absent', {}],
    ['null', { members: null, metadataSource: null }],
    ['empty', { members: [], metadataSource: [] }],
  ])('accepts members and metadataSource %s, although the types call them required', (_, fields) => {
    expect(parse(GroupDto, { ...group, ...fields })).toEqual({ ...group, ...fields });
  });

  it('keeps fields it does not know, such as custom data with withCustomData=true', () => {
    expect(parse(GroupDto, { ...group, customData: { region: 'eu' } })).toMatchObject({
      customData: { region: 'eu' },
    });
  });

  it('rejects members given as one object (the docs sample shape)', () => {
    expect(safeParse(GroupDto, { ...group, members: { userId: 'u' } })).toMatchObject({
      success: false,
      issues: [{ message: 'members: expected Array' }],
    });
  });

  it('requires the declared fields', () => {
    expect(safeParse(GroupDto, { code: 'developer' })).toMatchObject({
      success: false,
      issues: [
        { message: 'id: missing' },
        { message: 'name: missing' },
        { message: 'description: missing' },
        { message: 'type: missing' },
      ],
    });
  });
});

describe('envelopes', () => {
  it('keeps envelope fields the server adds', () => {
    expect(parse(GroupListRespDto, { statusCode: 200, message: '', data: [], traceId: 't' })).toMatchObject({
      traceId: 't',
    });
  });

  it('reads an error with apiCode and requestId and no data', () => {
    const body = { statusCode: 401, message: '尚未登录，无权限访问此请求', apiCode: 2020, requestId: 'r-1' };
    expect(parse(ErrorRespDto, body)).toEqual(body);
  });

  it('rejects an error envelope without a numeric statusCode', () => {
    expect(safeParse(ErrorRespDto, { statusCode: '401', message: 'x' })).toMatchObject({
      success: false,
      issues: [{ message: 'statusCode: expected number' }],
    });
  });
});
