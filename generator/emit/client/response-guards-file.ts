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
import type { ApiModel, OperationModel, ResponseModel } from '../../model/types.ts';
import { distinctSuccesses, hasCheckedBody } from '../../model/successes.ts';
import type { EmittedSourceFile } from '../types.ts';
import { ImportPlan } from './imports.ts';
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
  return guardNameOf(operation.successResponse, operation.typeNames.responseGuard);
}

/**
 * The guard names of the other success bodies the client reads apart from the main one (a `201`
 * beside a `200`, a `2XX`; model/successes.ts), by status key, like {@link responseSchemaOf}:
 * `{ '201': 'Plan', '2XX': 'PlanCreate2XXResponse' }`. Empty when none has a checked body.
 */
export function responseSchemasOf(operation: OperationModel): Record<string, string> {
  const names: Record<string, string> = {};
  const own = operation.typeNames.otherResponseGuards ?? {};
  for (const response of distinctSuccesses(operation)) {
    const name = guardNameOf(response, own[response.status]);
    if (name !== undefined) names[response.status] = name;
  }
  return names;
}

/** The guard of a response's body: its schema's when it is exactly a `$ref`, else `own`. */
function guardNameOf(
  response: ResponseModel | undefined,
  own: string | undefined,
): string | undefined {
  if (!hasCheckedBody(response)) return undefined;
  const { schema } = response;
  return schema.kind === 'ref' && !schema.nullable ? schema.target : own;
}

/**
 * `export const <exportName> = new ResponseGuards({ AnimalListResponse: validateAnimalListResponse,
 * Plan: validatePlan, … })`, by name: the guards of the schemas success bodies name and of the
 * operations' own bodies (guards/response-bodies.ts).
 */
export function emitResponseGuardsFile(model: ApiModel, exportName: string): EmittedSourceFile {
  const known = new Set(model.schemas.map((schema) => schema.name));
  for (const { typeNames } of model.operations)
    for (const name of [
      typeNames.responseGuard,
      ...Object.values(typeNames.otherResponseGuards ?? {}),
    ])
      if (name !== undefined) known.add(name);
  const names = [
    ...new Set(
      model.operations.flatMap((operation) => [
        responseSchemaOf(operation),
        ...Object.values(responseSchemasOf(operation)),
      ]),
    ),
  ]
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
