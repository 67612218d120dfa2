/**
 * The shape of the emitted code, from small model fixtures (no YAML): straight-line checks, each
 * regex compiled once, named schemas and repeated shapes as calls, imports of what is used only.
 */
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { emitGuards } from '../../generator/emit/guards.ts';
import type { ObjectNode, SchemaNode } from '../../generator/model/schema-types.ts';
import type { NamedSchema } from '../../generator/model/types.ts';

const base = {
  pointer: '#',
  nullable: false,
  deprecated: false,
  readOnly: false,
  writeOnly: false,
};
const string = (extra: object = {}): SchemaNode => ({
  kind: 'string',
  ...base,
  loose: false,
  ...extra,
});
const object = (
  properties: ObjectNode['properties'],
  extra: Partial<ObjectNode> = {},
): ObjectNode => ({
  kind: 'object',
  ...base,
  loose: false,
  properties,
  requiredWithoutSchema: [],
  patternProperties: [],
  ...extra,
});
const named = (name: string, node: SchemaNode, extra: Partial<NamedSchema> = {}): NamedSchema => ({
  originalName: name,
  name,
  pointer: `#/components/schemas/${name}`,
  deprecated: false,
  node,
  ...extra,
});

function print(schemas: NamedSchema[]): string {
  const project = new Project({ useInMemoryFileSystem: true });
  const emitted = emitGuards(schemas, { typesModule: './types.js' });
  expect(emitted.path).toBe('src/guards.ts');
  return project.createSourceFile('/guards.ts', { statements: emitted.statements }).getFullText();
}

/** The text of one top-level function. */
function fn(source: string, name: string): string {
  const start = source.indexOf(`function ${name}(`);
  expect(start, `function ${name}`).toBeGreaterThanOrEqual(0);
  return source.slice(start, source.indexOf('\n}', start) + 2);
}

describe('emitGuards', () => {
  const pattern = { source: '^[a-z]+$', flags: 'u' as const };
  const user = object([
    { name: 'login', required: true, node: string({ pattern }) },
    { name: 'id', required: true, node: { kind: 'number', ...base, integer: true, loose: false } },
    { name: 'site_admin', required: false, node: { kind: 'boolean', ...base } },
  ]);
  const schemas = [
    named('Slug', string({ pattern })),
    named(
      'Repo',
      object([
        { name: 'owner', required: true, node: structuredClone(user) },
        { name: 'creator', required: false, node: structuredClone(user) },
        {
          name: 'parent',
          required: false,
          node: { kind: 'ref', ...base, target: 'Repo', originalName: 'Repo' },
        },
      ]),
    ),
    named('Old', string(), { deprecated: true, description: 'Replaced by */ Slug.' }),
  ];
  const source = print(schemas);

  it('imports the types type-only and only the runtime helpers in use', () => {
    expect(source).toContain('import type { Slug, Repo, Old } from "./types.js";');
    // Repo refers to itself, so its guards count their nesting and keep what they found
    // (guardCalls, beginCheck, endCheck, beginCollect, endCollect), and its validate collects in
    // one outermost call (collectIssues).
    expect(source).toContain(
      'import { GuardError, beginCheck, beginCollect, collectIssues, endCheck, endCollect, guardCalls, issue, missingIssue } from "./guards-runtime.js";',
    );
    expect(source).toContain('export { GuardError } from "./guards-runtime.js";');
    expect(source).toContain(
      'export type { ValidationIssue, ValidationResult } from "./guards-runtime.js";',
    );
  });

  it('compiles each pattern once per schema, in a constant named after the schema', () => {
    expect(source.match(/new RegExp\(/g)).toHaveLength(2);
    expect(source).toContain('const patternSlug_1: RegExp = new RegExp("^[a-z]+$", "u");');
    expect(source).toContain('const patternRepo_1: RegExp = new RegExp("^[a-z]+$", "u");');
    expect(fn(source, 'isSlug')).toContain('if (!patternSlug_1.test(value)) return false;');
    expect(fn(source, 'isRepo_1')).toContain('if (!patternRepo_1.test(login)) return false;');
    // A schema's constants come right before its functions.
    expect(source.indexOf('const patternRepo_1')).toBeGreaterThan(
      source.indexOf('function isSlug('),
    );
    expect(source.indexOf('const patternRepo_1')).toBeLessThan(source.indexOf('function isRepo('));
  });

  it('prints straight-line checks with recursion as a call', () => {
    const isRepo = fn(source, 'isRepo');
    expect(isRepo).toContain(
      'if (typeof value !== "object" || value === null || Array.isArray(value)) return false;',
    );
    expect(isRepo).toContain('if (parent !== undefined && !isRepo(parent)) return false;');
    expect(isRepo).not.toMatch(/schema|\.kind|switch/);
  });

  it('checks a shape the spec repeats inline with one shared function', () => {
    const isRepo = fn(source, 'isRepo');
    expect(isRepo).toContain('if (!isRepo_1(owner)) return false;');
    expect(isRepo).toContain('if (creator !== undefined && !isRepo_1(creator)) return false;');
    expect(fn(source, 'isRepo_1')).toContain('record["login"]');
    expect(fn(source, 'collectRepo')).toContain('collectRepo_1(owner, path + "/owner", issues);');
  });

  it('deprecates from the schema, and leaves its description to the type the guard links to', () => {
    expect(source).toContain(
      ' * Whether `value` is a valid {@link Old}.\n * @deprecated The Old schema is deprecated.',
    );
    expect(source).not.toContain('Replaced by');
    expect(source).toMatch(/Runtime guards for every named schema/);
    expect(source).toMatch(
      /`format` \(date-time, email, uri, …\) is documentation only and is not checked/,
    );
  });

  it('refuses schema names that clash with the runtime', () => {
    expect(() =>
      emitGuards([named('GuardError', string())], { typesModule: './types.js' }),
    ).toThrow(/clashes with the guard runtime/);
  });

  it('prints only the runtime re-exports when there are no schemas', () => {
    const empty = print([]);
    expect(empty).not.toContain('import');
    expect(empty).toContain('export { GuardError } from "./guards-runtime.js";');
  });

  it('is deterministic', () => {
    expect(print(structuredClone(schemas))).toBe(source);
  });
});

describe('oneOf', () => {
  const ref = (target: string): SchemaNode => ({
    kind: 'ref',
    ...base,
    target,
    originalName: target,
  });
  const union = (variants: SchemaNode[]): SchemaNode => ({
    kind: 'union',
    ...base,
    mode: 'oneOf',
    variants,
  });
  const nullNode: SchemaNode = { kind: 'null', ...base };
  const integer: SchemaNode = { kind: 'number', ...base, integer: true, loose: false };
  const number: SchemaNode = { kind: 'number', ...base, integer: false, loose: false };

  it('stops at the first match when no two variants accept the same kind of value', () => {
    const source = print([
      named(
        'Limits',
        object([
          { name: 'throttling', required: true, node: union([ref('Throttling'), nullNode]) },
        ]),
      ),
      named('Throttling', object([{ name: 'bytes', required: true, node: integer }])),
    ]);
    expect(fn(source, 'isLimits')).toContain(
      'if (!(throttling === null || isThrottling(throttling))) return false;',
    );
  });

  it('counts the matches when two variants can accept the same value', () => {
    const isEither = fn(print([named('Either', union([integer, number]))]), 'isEither');
    expect(isEither).toContain('let matches = 0;');
    expect(isEither).toContain('if (matches !== 1) return false;');
  });
});
