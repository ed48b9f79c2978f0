import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as endpoints from './endpoints.ts';
import { ErrorRespDto } from './envelope.ts';
import { safeParse } from './parse.ts';

// The contract's fixtures (copied from the dossier into /contract) are the closest thing we have
// to the real server's replies: every one must be accepted by the schema of its endpoint, every
// error body by the error envelope, and every sample from the docs rejected.
const contract = new URL('../../../contract/', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, contract), 'utf8'));
const filesIn = (dir: string) => readdirSync(new URL(dir, contract)).filter((file) => file.endsWith('.json'));

const byFolder = new Map(
  Object.values(endpoints).map((endpoint) => [endpoint.path.split('/').at(-1), endpoint]),
);

describe.each([...byFolder])('fixtures of %s', (folder, endpoint) => {
  const files = filesIn(`fixtures/${folder}/`);

  it('has fixtures', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.filter((file) => file.startsWith('ok')))('accepts %s as the reply', (file) => {
    expect(safeParse(endpoint.response, readJson(`fixtures/${folder}/${file}`))).toMatchObject({
      success: true,
    });
  });

  it.each(files.filter((file) => file.startsWith('error')))('reads %s as an error, not a reply', (file) => {
    const body = readJson(`fixtures/${folder}/${file}`);
    expect(safeParse(ErrorRespDto, body)).toMatchObject({
      success: true,
      output: { statusCode: expect.any(Number) },
    });
    expect(safeParse(endpoint.response, body)).toMatchObject({
      success: false,
      issues: [{ path: 'data', expected: 'a value' }],
    });
  });

  it.each(files.filter((file) => file.startsWith('request')))('accepts %s as the parameters', (file) => {
    expect(safeParse(endpoint.params ?? ErrorRespDto, readJson(`fixtures/${folder}/${file}`))).toMatchObject({
      success: true,
    });
  });

  it('has no fixture that this test does not read', () => {
    expect(files.filter((file) => !/^(ok|error|request)/.test(file))).toEqual([]);
  });
});

describe('fixtures/errors', () => {
  it.each(filesIn('fixtures/errors/'))('accepts %s as an error envelope with a non-200 status', (file) => {
    const result = safeParse(ErrorRespDto, readJson(`fixtures/errors/${file}`));
    expect(result.success).toBe(true);
    if (result.success) expect(result.output.statusCode).not.toBe(200);
  });
});

it('covers every fixture folder of JSON bodies', () => {
  const folders = readdirSync(new URL('fixtures/', contract), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  // signing/ and requests/ hold request captures and signing vectors, read by the clients' tests.
  expect(folders.filter((folder) => !byFolder.has(folder)).sort()).toEqual(['errors', 'requests', 'signing']);
});

describe('the docs sample JSON', () => {
  // Each sample fails where the docs generator broke it (contract section 8).
  it.each([
    ['get-my-group-list', endpoints.getMyGroupList, 'data', 'Array'],
    ['get-group', endpoints.getGroup, 'data.members', 'Array'],
    ['get-user-groups', endpoints.getUserGroups, 'data.list', 'Array'],
    ['list-groups', endpoints.listGroups, 'data.list', 'Array'],
  ] as const)('rejects the %s sample', (name, endpoint, path, expected) => {
    const result = safeParse(endpoint.response, readJson(`docs-samples/${name}.json`));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues).toContainEqual(expect.objectContaining({ path, expected }));
  });

  it('rejects JSON-encoded string arrays once the objects are wrapped in arrays', () => {
    const sample = readJson('docs-samples/get-group.json') as { data: { members: Record<string, unknown> } };
    const member = sample.data.members;
    const repaired = {
      ...sample,
      data: { ...sample.data, members: [{ ...member, identities: [member.identities] }] },
    };
    const result = safeParse(endpoints.getGroup.response, repaired);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues.map((issue) => issue.message)).toEqual([
        'data.members[0].departmentIds: expected Array',
        'data.members[0].identities[0].userInfoInIdp: missing',
        'data.members[0].identities[0].originConnIds: expected Array',
      ]);
    }
  });
});
