import { contractJsonFiles, fixtureFolderOf, readContractJson } from '@genauth-groups/contract';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as endpoints from '../src/endpoints.ts';
import { knownValues } from '../src/known-values.ts';
import { exportedSchemas, jsonSchemas } from './json-schema.ts';

// The shipped JSON Schema must say what the valibot schemas say: same fixtures accepted, same
// docs samples rejected, for users who validate in another language.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const json = jsonSchemas();
const nameOf = new Map(Object.entries(exportedSchemas()).map(([name, schema]) => [schema, name]));

function validatorFor(name: string) {
  const schema = json[name];
  if (!schema) throw new Error(`no JSON Schema for ${name}`);
  // ajv's types do not allow exactOptionalPropertyTypes' explicit `undefined`; the value is plain JSON.
  return ajv.compile(schema as Record<string, unknown>);
}

it('exists for every exported schema', () => {
  expect(Object.keys(json)).toEqual(Object.keys(exportedSchemas()));
});

const withFixtures = Object.values(endpoints).filter(
  (endpoint) => contractJsonFiles(fixtureFolderOf(endpoint.path)).length > 0,
);

describe.each(withFixtures)('$path', (endpoint) => {
  const name = nameOf.get(endpoint.response) ?? '';
  const validate = validatorFor(name);
  const folder = `${fixtureFolderOf(endpoint.path)}/`;
  const files = contractJsonFiles(folder);

  it.each(files.filter((file) => file.startsWith('ok')))(`${name} accepts %s`, (file) => {
    expect(validate(readContractJson(folder + file)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(files.filter((file) => file.startsWith('error')))(`${name} rejects the error body %s`, (file) => {
    expect(validate(readContractJson(folder + file))).toBe(false);
    expect(validatorFor('ErrorRespDto')(readContractJson(folder + file))).toBe(true);
  });
});

it.each(contractJsonFiles('docs-samples'))('rejects the docs sample %s', (file) => {
  const endpoint = Object.values(endpoints).find((candidate) =>
    candidate.path.endsWith(file.replace('.json', '')),
  );
  const validate = validatorFor((endpoint && nameOf.get(endpoint.response)) ?? '');
  expect(validate(readContractJson(`docs-samples/${file}`))).toBe(false);
});

it('keeps enums open and parameters strict, as the valibot schemas do', () => {
  expect(validatorFor('Gender')('W')).toBe(true);
  expect(validatorFor('Gender')(1)).toBe(false);
  const listGroups = validatorFor('ListGroupsDto');
  expect(listGroups({ page: 2, limit: 50 })).toBe(true);
  expect(listGroups({ limit: 51 })).toBe(false);
  expect(listGroups({ limt: 5 })).toBe(false);
  expect(validatorFor('GetUserGroupsDto')({ userId: 'u', userIdType: 'mobile' })).toBe(false);
});

it('marks the parameters the spec deprecates as deprecated (list-groups withMetadata)', () => {
  expect(json.ListGroupsDto).toMatchObject({
    properties: { withMetadata: { type: 'boolean', deprecated: true } },
  });
});

// The schemas accept any string, so the lists reach the files through the names in knownValues.
it.each(Object.entries(knownValues))('lists the known values of the open enum %s', (name, known) => {
  expect(json[name]).toMatchObject({ anyOf: [{ enum: known, type: 'string' }, { type: 'string' }] });
});
