import {
  contractJsonFiles,
  fixtureFolderOf,
  fixtureFolders,
  readContractJson,
} from '@genauth-groups/contract';
import { describe, expect, it } from 'vitest';
import * as endpoints from './endpoints.ts';
import { ErrorRespDto } from './envelope.ts';
import { safeParse } from './parse.ts';

// The contract's fixtures are the closest thing we have to the real server's replies: every one
// must be accepted by the schema of its endpoint, every error body by the error envelope, and
// every sample from the docs rejected.
const withFixtures = Object.values(endpoints).filter(
  (endpoint) => contractJsonFiles(fixtureFolderOf(endpoint.path)).length > 0,
);

it('has fixtures for every read endpoint', () => {
  // The dossier has no captured replies for sign-in and the group writes (the toolkit reads groups).
  const without = Object.values(endpoints)
    .filter((endpoint) => !withFixtures.includes(endpoint))
    .map((endpoint) => endpoint.path);
  expect(without.sort()).toEqual([
    '/api/v3/add-group-members',
    '/api/v3/create-group',
    '/api/v3/delete-groups-batch',
    '/api/v3/remove-group-members',
    '/api/v3/signin',
    '/api/v3/update-group',
  ]);
});

describe.each(withFixtures)('fixtures of $path', (endpoint) => {
  const folder = fixtureFolderOf(endpoint.path);
  const files = contractJsonFiles(folder);
  const read = (file: string) => readContractJson(`${folder}/${file}`);

  it.each(files.filter((file) => file.startsWith('ok')))('accepts %s as the reply', (file) => {
    expect(safeParse(endpoint.response, read(file))).toMatchObject({ success: true });
  });

  it.each(files.filter((file) => file.startsWith('error')))('reads %s as an error, not a reply', (file) => {
    expect(safeParse(ErrorRespDto, read(file))).toMatchObject({
      success: true,
      output: { statusCode: expect.any(Number) },
    });
    expect(safeParse(endpoint.response, read(file))).toMatchObject({
      success: false,
      issues: [{ path: 'data', expected: 'a value' }],
    });
  });

  it.each(files.filter((file) => file.startsWith('request')))('accepts %s as the parameters', (file) => {
    expect(endpoint.params).toBeDefined();
    if (endpoint.params) expect(safeParse(endpoint.params, read(file))).toMatchObject({ success: true });
  });

  it('has no fixture that this test does not read', () => {
    expect(files.filter((file) => !/^(ok|error|request)/.test(file))).toEqual([]);
  });
});

describe('fixtures/errors', () => {
  it.each(contractJsonFiles('fixtures/errors'))(
    'accepts %s as an error envelope with a non-200 status',
    (file) => {
      const result = safeParse(ErrorRespDto, readContractJson(`fixtures/errors/${file}`));
      expect(result.success).toBe(true);
      if (result.success) expect(result.output.statusCode).not.toBe(200);
    },
  );
});

it('covers every fixture folder of JSON bodies', () => {
  const covered = new Set(withFixtures.map((endpoint) => fixtureFolderOf(endpoint.path)));
  // signing/ and requests/ hold signing vectors and request captures, read by the clients' tests.
  expect(fixtureFolders().filter((folder) => !covered.has(`fixtures/${folder}`))).toEqual([
    'errors',
    'requests',
    'signing',
  ]);
});

describe('the docs sample JSON', () => {
  // Each sample fails where the docs generator broke it (contract section 8).
  it.each([
    ['get-my-group-list', endpoints.getMyGroupList, 'data', 'Array'],
    ['get-group', endpoints.getGroup, 'data.members', 'Array'],
    ['get-user-groups', endpoints.getUserGroups, 'data.list', 'Array'],
    ['list-groups', endpoints.listGroups, 'data.list', 'Array'],
  ] as const)('rejects the %s sample', (name, endpoint, path, expected) => {
    const result = safeParse(endpoint.response, readContractJson(`docs-samples/${name}.json`));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues).toContainEqual(expect.objectContaining({ path, expected }));
  });

  it('rejects JSON-encoded string arrays once the objects are wrapped in arrays', () => {
    const sample = readContractJson('docs-samples/get-group.json') as {
      data: { members: Record<string, unknown> };
    };
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
        'data.members[0].identities[0].originConnIds: expected Array',
      ]);
    }
  });
});
