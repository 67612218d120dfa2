/**
 * `src/types.ts`: what users import for types. A named interface or type alias per component
 * schema, written from the model (schema-types/declarations.ts), with TSDoc from the spec on every
 * type and member; an `…Input` type where requests send a schema in another shape
 * (model/read-write.ts); a `…Param` interface per client option, shared by the params of every
 * method that takes it. openapi-typescript's `paths`, `components` and `operations` (the typed path
 * client's types, src/openapi.ts) are re-exported as they are.
 */
import { StructureKind, type InterfaceDeclarationStructure, type WriterFunction } from 'ts-morph';
import { escapeJsDoc, propertyKey } from '../model/names.ts';
import type { ApiModel, ClientOptionModel } from '../model/types.ts';
import { OPENAPI_TS_ROOT_NAMES } from '../reserved-names.ts';
import { schemaDeclarations } from './schema-types/declarations.ts';
import { docStructure } from './schema-types/docs.ts';
import { TypePrinter } from './schema-types/print.ts';
import type { EmittedSourceFile } from './types.ts';
import { jsDocCode } from '../escape.ts';

const SCHEMA_TYPES_PATH = 'src/types.ts';

export function emitSchemaTypes(model: Pick<ApiModel, 'schemas' | 'sdk'>): EmittedSourceFile {
  const printer = new TypePrinter(model.schemas);
  return {
    path: SCHEMA_TYPES_PATH,
    statements: [
      {
        kind: StructureKind.ExportDeclaration,
        isTypeOnly: true,
        namedExports: [...OPENAPI_TS_ROOT_NAMES],
        moduleSpecifier: './openapi.js',
      },
      // A blank line before each declaration, as a person would space them.
      ...[
        ...schemaDeclarations(model.schemas, printer),
        ...model.sdk.clientOptions.map((option) => clientOptionParam(option, model.sdk.clientName)),
      ].flatMap((declaration) => [blankLine, declaration]),
    ],
  };
}

const blankLine: WriterFunction = (writer) => writer.blankLine();

/** `interface ProjectParam { project?: string }`: the option's parameter, documented once. */
function clientOptionParam(
  option: ClientOptionModel,
  clientName: string,
): InterfaceDeclarationStructure {
  const docs = docStructure({
    description: option.description,
    notes: [
      `Defaults to the client's \`${escapeJsDoc(option.name)}\` option (\`new ${clientName}({ ${escapeJsDoc(option.name)} })\`, else the \`${option.envVar}\` environment variable).`,
    ],
  });
  return {
    kind: StructureKind.Interface,
    name: option.typeName,
    isExported: true,
    docs: [
      `The ${jsDocCode(option.parameterName)} parameter of the methods that take one. The client fills it in when a call leaves it out.`,
    ],
    properties: [
      {
        name: propertyKey(option.name),
        type: 'string',
        hasQuestionToken: true,
        ...(docs === undefined ? {} : { docs: [docs] }),
      },
    ],
  };
}
