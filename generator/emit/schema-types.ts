/**
 * `src/types.ts`: what users import for types. It re-exports openapi-typescript's roots and gives
 * every component schema a named export, `export type Plan = components['schemas']['Plan'];`,
 * documented from the schema's description, `deprecated` and `x-preview`.
 */
import {
  StructureKind,
  type JSDocStructure,
  type OptionalKind,
  type TypeAliasDeclarationStructure,
  type WriterFunction,
} from 'ts-morph';
import { stringLiteral } from '../model/names.ts';
import type { ApiModel, NamedSchema } from '../model/types.ts';
import { docText } from './doc-text.ts';
import { OPENAPI_TYPES_ROOTS } from './openapi-types.ts';
import type { EmittedSourceFile } from './types.ts';

export const SCHEMA_TYPES_PATH = 'src/types.ts';
export const PREVIEW_REMARK = 'Preview: this may change without notice.';

export function emitSchemaTypes(model: Pick<ApiModel, 'schemas'>): EmittedSourceFile {
  return {
    path: SCHEMA_TYPES_PATH,
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        namedImports: ['components'],
        moduleSpecifier: './openapi.js',
      },
      {
        kind: StructureKind.ExportDeclaration,
        isTypeOnly: true,
        namedExports: [...OPENAPI_TYPES_ROOTS],
        moduleSpecifier: './openapi.js',
      },
      // A blank line before each alias, as a person would space them.
      ...model.schemas.flatMap((schema) => [blankLine, schemaAlias(schema)]),
    ],
  };
}

const blankLine: WriterFunction = (writer) => writer.blankLine();

function schemaAlias(schema: NamedSchema): TypeAliasDeclarationStructure {
  const alias: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    name: schema.name,
    isExported: true,
    type: `components['schemas'][${stringLiteral(schema.originalName)}]`,
  };
  const doc = schemaDoc(schema);
  if (doc !== undefined) alias.docs = [doc];
  return alias;
}

/** TSDoc of a schema alias, or undefined when there is nothing to say. */
export function schemaDoc(
  schema: Pick<NamedSchema, 'description' | 'deprecated' | 'preview'>,
): OptionalKind<JSDocStructure> | undefined {
  const tags: { tagName: string; text?: string }[] = [];
  if (schema.preview === true) tags.push({ tagName: 'remarks', text: PREVIEW_REMARK });
  if (schema.deprecated) tags.push({ tagName: 'deprecated' });
  const description = schema.description === undefined ? '' : docText(schema.description);
  if (description === '' && tags.length === 0) return undefined;
  return description === '' ? { tags } : { description, tags };
}
