import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as endpoints from '../src/endpoints.ts';
import { exportedSchemas, jsonSchemas } from './json-schema.ts';

// The shipped JSON Schema must say what the valibot schemas say: same fixtures accepted, same
// docs samples rejected, for users who validate in another language.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const json = jsonSchemas();
const nameOf = new Map(Object.entries(exportedSchemas()).map(([name, schema]) => [schema, name]));
const contract = new URL('../../../contract/', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, contract), 'utf8'));

function validatorFor(name: string) {
  const schema = json[name];
  if (!schema) throw new Error(`no JSON Schema for ${name}`);
  // ajv's types do not allow exactOptionalPropertyTypes' explicit `undefined`; the value is plain JSON.
  return ajv.compile(schema as Record<string, unknown>);
}

it('exists for every exported schema', () => {
  expect(Object.keys(json)).toEqual(Object.keys(exportedSchemas()));
});

describe.each(Object.values(endpoints))('$path', (endpoint) => {
  const name = nameOf.get(endpoint.response) ?? '';
  const validate = validatorFor(name);
  const folder = `fixtures/${endpoint.path.split('/').at(-1)}/`;
  const files = readdirSync(new URL(folder, contract));

  it.each(files.filter((file) => file.startsWith('ok')))(`${name} accepts %s`, (file) => {
    expect(validate(readJson(folder + file)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(files.filter((file) => file.startsWith('error')))(`${name} rejects the error body %s`, (file) => {
    expect(validate(readJson(folder + file))).toBe(false);
    expect(validatorFor('ErrorRespDto')(readJson(folder + file))).toBe(true);
  });
});

it.each(readdirSync(new URL('docs-samples/', contract)).filter((file) => file.endsWith('.json')))(
  'rejects the docs sample %s',
  (file) => {
    const endpoint = Object.values(endpoints).find((candidate) =>
      candidate.path.endsWith(file.replace('.json', '')),
    );
    const validate = validatorFor((endpoint && nameOf.get(endpoint.response)) ?? '');
    expect(validate(readJson(`docs-samples/${file}`))).toBe(false);
  },
);

it('keeps enums open and parameters strict, as the valibot schemas do', () => {
  expect(validatorFor('Gender')('W')).toBe(true);
  expect(validatorFor('Gender')(1)).toBe(false);
  const listGroups = validatorFor('ListGroupsDto');
  expect(listGroups({ page: 2, limit: 50 })).toBe(true);
  expect(listGroups({ limit: 51 })).toBe(false);
  expect(listGroups({ limt: 5 })).toBe(false);
  expect(validatorFor('GetUserGroupsDto')({ userId: 'u', userIdType: 'mobile' })).toBe(false);
});
