/**
 * `src/response-guards.ts`: the guard (`validateX` from `src/guards.ts`) of every JSON success body,
 * by name (the schema's, or the operation's own for a body that is not exactly a `$ref`), for
 * `new Client({ responseValidation: 'warn', responseGuards })`.
 *
 * Why a module of its own: the client never imports a guard. A resource method only names its
 * body's guard (`responseSchema: 'Plan'`, `responseSchema: 'AnimalListResponse'`), and the client looks the guard up in the table it
 * was given. So a bundle that does not validate carries no guard, and one that does carries them
 * because it imported this table.
 */
import { StructureKind, VariableDeclarationKind } from 'ts-morph';
import { propertyKey } from '../../model/names.ts';
import type { ApiModel, OperationModel } from '../../model/types.ts';
import type { EmittedSourceFile } from '../types.ts';
import { ImportPlan } from './imports.ts';
import { isJsonMediaType } from '../../model/media-types.ts';
import { responseBodyGuards } from '../guards/response-bodies.ts';

const RESPONSE_GUARDS_PATH = 'src/response-guards.ts';
export const RESPONSE_GUARDS_MODULE = './response-guards.js';

/**
 * The name of the guard that checks the operation's JSON success body (`validate<name>` in
 * src/guards.ts, its key in the table): the schema's name when the body is exactly a `$ref` to one,
 * else the operation's own (`typeNames.responseGuard`: `Animal[]`, `Animal | null`, an object
 * written inline, a map, a union); undefined for a body that is not JSON (nor `*`/`*`) or has no
 * schema.
 */
export function responseSchemaOf(operation: OperationModel): string | undefined {
  const success = operation.successResponse;
  if (
    success?.schema === undefined ||
    success.contentType === undefined ||
    // `*/*` too: the client checks such a body when it arrives as JSON (runtime/core.ts).
    (!isJsonMediaType(success.contentType) && success.kind !== 'any')
  )
    return undefined;
  const { schema } = success;
  return schema.kind === 'ref' && !schema.nullable
    ? schema.target
    : operation.typeNames.responseGuard;
}

/**
 * `export const <exportName> = new ResponseGuards({ AnimalListResponse: validateAnimalListResponse,
 * Plan: validatePlan, … })`, by name: the guards of the schemas success bodies name and of the
 * operations' own bodies (guards/response-bodies.ts).
 */
export function emitResponseGuardsFile(model: ApiModel, exportName: string): EmittedSourceFile {
  const known = new Set(model.schemas.map((schema) => schema.name));
  for (const operation of model.operations)
    if (operation.typeNames.responseGuard !== undefined)
      known.add(operation.typeNames.responseGuard);
  const names = [...new Set(model.operations.map(responseSchemaOf))]
    .filter((name): name is string => name !== undefined && known.has(name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const imports = new ImportPlan([exportName]);
  const guards = imports.value('./runtime/validation.js', 'ResponseGuards');
  // Bodies of one shape and type share one guard (guards/response-bodies.ts).
  const { shared } = responseBodyGuards(model);
  const entries = names.map(
    (name) =>
      `${propertyKey(name)}: ${imports.value('./guards.js', `validate${shared.get(name) ?? name}`)}`,
  );
  return {
    path: RESPONSE_GUARDS_PATH,
    statements: [
      ...imports.declarations(),
      '',
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [
          [
            'The guard of each JSON success body, by name, for response validation:',
            '',
            '```ts',
            `new ${model.sdk.clientName}({ responseValidation: 'warn', ${exportName === 'responseGuards' ? exportName : `responseGuards: ${exportName}`} });`,
            '```',
            '',
            'Import it only where you validate: it brings the guards of every response body, and the code that applies them, into your bundle.',
          ].join('\n'),
        ],
        declarations: [
          {
            name: exportName,
            initializer: `new ${guards}(${entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n}`})`,
          },
        ],
      },
    ],
  };
}
