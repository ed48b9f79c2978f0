import { type JsonSchema, toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import * as models from '../src/index.ts';

/** Every schema this package exports, by its exported name. */
export function exportedSchemas(): Record<string, v.GenericSchema> {
  const exports: Record<string, unknown> = models;
  return Object.fromEntries(
    Object.entries(exports).filter((entry): entry is [string, v.GenericSchema] => isSchema(entry[1])),
  );
}

// The object DTOs become named `$defs` in each file, so a reader sees `UserDto` where a user goes.
const DEFINITIONS = {
  GroupDto: models.GroupDto,
  UserDto: models.UserDto,
  IdentityDto: models.IdentityDto,
  AuthorizedResourceDto: models.AuthorizedResourceDto,
  PolicyCondition: models.PolicyCondition,
};

// An open enum accepts any string; its JSON Schema lists the known values for readers and tools.
const OPEN_ENUMS = new Map<unknown, readonly string[]>(
  Object.entries(models.knownValues).map(([name, known]) => [exportedSchemas()[name], known]),
);

/**
 * The JSON Schema (draft 2020-12) of every exported schema, for users in other languages.
 * Conversion errors throw: a schema that cannot be expressed must not ship silently wrong.
 */
export function jsonSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(exportedSchemas()).map(([name, schema]) => {
      const definitions = Object.fromEntries(Object.entries(DEFINITIONS).filter(([key]) => key !== name));
      // Transforms change what a parse returns, not what it accepts (GetAllGroupsDto drops
      // `fetchMembers: false`), and JSON Schema describes what is accepted.
      const json = toJsonSchema(schema, {
        target: 'draft-2020-12',
        errorMode: 'throw',
        definitions,
        ignoreActions: ['transform'],
        overrideSchema: ({ valibotSchema }) => {
          // Any value, `null` included: `nullish(unknown())` (one combinator fewer than
          // `optional(unknown())` in a bundle) would otherwise read `anyOf: [{}, { type: 'null' }]`.
          if (isAnyValue(valibotSchema)) return {};
          const known = OPEN_ENUMS.get(valibotSchema);
          return known && { anyOf: [{ enum: [...known], type: 'string' }, { type: 'string' }] };
        },
      });
      return [name, { title: name, ...withUsedDefinitionsOnly(json) }];
    }),
  );
}

/** Drops the `$defs` that nothing in the schema refers to (the converter emits all it was given). */
function withUsedDefinitionsOnly(json: JsonSchema): JsonSchema {
  const { $defs: all = {}, ...root } = json;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        const name = key === '$ref' && typeof value === 'string' ? value.replace('#/$defs/', '') : undefined;
        if (name !== undefined && !used.has(name)) {
          used.add(name);
          visit(all[name]);
        } else visit(value);
      }
    }
  };
  visit(root);
  const $defs = Object.fromEntries(Object.entries(all).filter(([name]) => used.has(name)));
  return used.size > 0 ? { ...root, $defs } : root;
}

function isAnyValue(schema: v.GenericSchema): boolean {
  return schema.type === 'nullish' && (schema as { wrapped?: v.GenericSchema }).wrapped?.type === 'unknown';
}

function isSchema(value: unknown): value is v.GenericSchema {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'schema';
}
