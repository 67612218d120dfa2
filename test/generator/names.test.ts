/**
 * Hostile names and texts (reserved words, dots, dashes, spaces, leading digits, colliding names,
 * `*\u200b/` in descriptions, quotes/backslashes/newlines in enums), as OpenAPI 3.0 and 3.1: the
 * generated package compiles under strict tsc, holds no `any`, and no comment ends early.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import {
  compile,
  findAnyKeywords,
  FIXTURES,
  linkNodeModules,
  removeTempDirs,
  tempDir,
} from './helpers.ts';

afterAll(removeTempDirs);

const VERSIONS = [
  ['3.1', join(FIXTURES, 'hostile/hostile-3.1.yaml')],
  ['3.0', join(FIXTURES, 'hostile/hostile-3.0.yaml')],
] as const;

describe.each(VERSIONS)('hostile spec, OpenAPI %s', (version, spec) => {
  let out: string;
  let model: ApiModel;

  beforeAll(async () => {
    out = join(await tempDir(`hostile-${version}-`), 'sdk');
    await generate({ spec, out });
    await linkNodeModules(out);
    const ctx = resolveContext({ spec });
    model = await buildModel(await loadAndBundle(ctx), ctx);
  });

  it('reads the version', () => {
    expect(model.openapiVersion).toBe(version);
  });

  it('compiles under strict tsc (noUncheckedIndexedAccess)', () => {
    const result = compile(out);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('contains no `any`', async () => {
    expect(await findAnyKeywords(out)).toEqual([]);
  });

  it('gives every schema a safe, unique type name, in spec order', () => {
    expect(model.schemas.map((schema) => [schema.originalName, schema.name])).toEqual([
      ['class', 'Class'],
      ['default', 'Default'],
      ['Object', 'ObjectModel'],
      ['Promise', 'PromiseModel'],
      ['User Profile', 'UserProfile'],
      ['user-profile', 'UserProfile2'],
      ['userProfile', 'UserProfile3'],
      ['2fa-settings', '_2faSettings'],
      ['Error', 'ErrorModel'],
      ['ClassListParams', 'ClassListParams'],
      ['any', 'Any'],
    ]);
  });

  it('places operations on resources: explicit x-sdk-method first, derived names never colliding', () => {
    expect(
      model.operations.map((op) => `${op.method} ${op.path} → ${op.sdk.resource}.${op.sdk.method}`),
    ).toEqual([
      'get /users/{user.id}/profile-settings → userProfiles.delete',
      'put /users/{user.id}/profile-settings → userProfiles.updateSettings',
      'delete /users/{user.id}/profile-settings → userProfiles.new',
      // No operationId: named after what the path does (POST to an item).
      'post /2fa/{id} → _2fa.update',
      'get /classes → classes.list',
      // A reserved word is fine as a resource: a property of the client, never a variable.
      'post /classes → class.classesList',
    ]);
    expect(model.resources.map((resource) => [resource.name, resource.className])).toEqual([
      ['userProfiles', 'UserProfiles'],
      ['_2fa', '_2fa'],
      ['classes', 'Classes'],
      // The schema `Class` holds the plain name: the class is named as beside a global, not `Class2`.
      ['class', 'ClassResource'],
    ]);
  });

  it('claims operation type names after the schema names (ClassListParams is a schema)', () => {
    const list = model.operations.find((op) => op.sdk.resource === 'classes')!;
    expect(list.typeNames.params).toBe('ClassListParams2');
    // Bodies that are named schemas are typed by their names: no own `…Response`/`…Body`.
    const update = model.operations.find((op) => op.sdk.method === 'updateSettings')!;
    expect(update.typeNames).toEqual({ params: 'UserProfileUpdateSettingsParams' });
  });

  it('makes parameter identifiers safe and lets operation parameters override path-level ones', () => {
    const get = model.operations[0]!;
    expect(get.parameters.map((p) => [p.in, p.name, p.identifier, p.schema.kind])).toEqual([
      ['path', 'user.id', 'userId', 'string'],
      ['query', 'default', 'default_', 'number'],
      ['query', 'in', 'in_', 'array'],
      ['header', 'X-Trace-ID', 'xTraceID', 'string'],
      ['query', 'class', 'class_', 'ref'],
    ]);
    expect(get.parameters[2]).toMatchObject({ style: 'form', explode: false });
    expect(get.parameters[0]).toMatchObject({ required: true, example: 'usr_123' });
  });

  it('marks the idempotency header (any case) and derives missing operationIds', () => {
    const remove = model.operations[2]!;
    expect(remove.idempotent).toBe(true);
    expect(remove.parameters[2]).toMatchObject({
      name: 'idempotency-key',
      clientDefault: 'idempotency-key',
    });
    expect(remove).toMatchObject({ deprecated: true, preview: true });
    expect(model.operations[3]!.operationId).toBe('post2faById');
  });

  it('escapes `*/` in TSDoc: the comment holds the whole description and the type follows it', async () => {
    const text = await readFile(join(out, 'src/types.ts'), 'utf8');
    const source = ts.createSourceFile('types.ts', text, ts.ScriptTarget.Latest, true);
    const declared = source.statements.filter(
      (statement): statement is ts.TypeAliasDeclaration | ts.InterfaceDeclaration =>
        ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement),
    );
    const profile = declared.find((statement) => statement.name.text === 'UserProfile');
    expect(profile).toBeDefined();
    const doc = ts
      .getJSDocCommentsAndTags(profile!)
      .map((node) => node.getText(source))
      .join('\n');
    expect(doc).toContain(
      'A profile. The text `*\\/` must not end this comment; nor must *\\/ here.',
    );
    // Every schema got its declaration: nothing was swallowed by a comment that ended early.
    const names = new Set(model.schemas.map((schema) => schema.name));
    expect(declared.map((d) => d.name.text).filter((name) => names.has(name))).toEqual([...names]);
  });

  it('keeps enum strings with quotes, backslashes and newlines exact in the types', async () => {
    const text = await readFile(join(out, 'src/openapi.ts'), 'utf8');
    const source = ts.createSourceFile('openapi.ts', text, ts.ScriptTarget.Latest, true);
    const literals: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal))
        literals.push(node.literal.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const value of [
      'a "quoted" value',
      'back\\slash',
      'new\nline',
      '*/',
      "it's",
      '${template}',
    ]) {
      expect(literals).toContain(value);
    }
  });

  it('documents deprecated and preview schemas', async () => {
    const text = await readFile(join(out, 'src/types.ts'), 'utf8');
    expect(text).toContain(
      '/**\n * Deprecated settings.\n * @deprecated The API description marks it deprecated.\n */\nexport interface UserProfile2 {',
    );
    expect(text).toContain(
      '/** @remarks Preview: this may change without notice. */\nexport type UserProfile3 = string;',
    );
  });
});
