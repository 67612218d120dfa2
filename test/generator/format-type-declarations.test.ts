/**
 * write/format-type-declarations.ts gives the TypeScript printer's type declarations prettier's
 * form by rules, and hands prettier only what the rules do not cover: its output must be
 * prettier's output for the whole text, on every kind of member the printer writes (each case
 * below), on src/openapi.ts of random specs, and, in `npm run test:corpus`, of every real spec.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveContext } from '../../generator/context.ts';
import { emitOpenapiTypes } from '../../generator/emit/openapi-types.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { formatText } from '../../generator/write/format.ts';
import { formatTypeDeclarations } from '../../generator/write/format-type-declarations.ts';
import { specModel } from '../model/fixture-model.ts';
import { removeTempDirs, ROOT, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const PATH = 'src/openapi.ts';

/** The rules' output, and the texts they gave prettier. */
async function byRules(text: string, limit = Infinity) {
  const given: string[] = [];
  const output = await formatTypeDeclarations(
    PATH,
    text,
    (path, part) => {
      given.push(part);
      return formatText(path, part);
    },
    limit,
  );
  return { output, given };
}

/** Lines written as the TypeScript printer writes them: 4 spaces a level. */
const printed = (...lines: string[]) => `${lines.join('\n')}\n`;

const long = (width: number, prefix: string) =>
  `${prefix}${'x'.repeat(Math.max(0, width - prefix.length - 2))}";`;

const CASES: [name: string, text: string, prettierGets: 'nothing' | 'something'][] = [
  [
    'members, nested type literals, JSDoc, a header and blank lines between statements',
    printed(
      '// This file is generated. Do not edit it by hand.',
      '',
      'export interface paths {',
      '    "/plans/{plan}": {',
      '        /**',
      '         * Retrieve a plan',
      '         * @description Tabs\tinside and `code`',
      '         */',
      '        get: operations["retrievePlan"];',
      '        parameters: {',
      '            query?: never;',
      '            path: {',
      '                /** @description The plan. */',
      '                plan: string;',
      '            };',
      '        };',
      '    };',
      '}',
      '',
      '',
      'export type webhooks = Record<string, never>;',
      'export interface components {',
      '    schemas: {',
      '        Plan: {',
      '            readonly id: string;',
      '            [key: string]: unknown;',
      '            count?: number | null;',
      '            status: "active" | "archived" | -1 | 2.5;',
      '            200: components["schemas"]["Plan"][];',
      '            "x-rate": {};',
      '        };',
      '        Holder: components["schemas"]["Plan"] & {',
      '            extra: boolean;',
      '        };',
      '        Items: {',
      '            a: string;',
      '        }[];',
      '        Maybe: {',
      '            a: string;',
      '        } | null;',
      '    };',
      '}',
    ),
    'nothing',
  ],
  [
    'lines at the print width and one past it, at several depths',
    printed(
      'export interface components {',
      long(100 - 2, '    a: "'),
      long(101 - 2, '    b: "'),
      '    c: {',
      long(100 - 4, '        d: "'),
      long(101 - 4, '        e: "'),
      '        f: {',
      '            g: "a" | "bbbbbbbbbbbbbbbbbbbbbb" | "cccccccccccccccccccccccccc" | "ddddddddddddddddddddddd" | "e";',
      '        };',
      '    };',
      '}',
    ),
    'something',
  ],
  [
    'string literals with quotes, escapes and characters beyond ASCII',
    printed(
      'export interface components {',
      '    a: "it\'s";',
      '    b: "say \\"hi\\"";',
      '    c: "caf\\u00E9" | "café" | "\\\\d+";',
      '    "caf\\u00E9": string;',
      '    "d\'e": string;',
      '    "id": string;',
      '    "class"?: number;',
      '    e: "\\/path";',
      '}',
    ),
    'something',
  ],
  [
    'numbers prettier writes its own way',
    printed('export interface components {', '    a: 1e+21 | 1.50 | 0.0 | 0x1F;', '}'),
    'something',
  ],
  [
    'parentheses, functions, unions and intersections of objects',
    printed(
      'export interface components {',
      '    a: ("a" | "b")[];',
      '    b: (components["schemas"]["A"] | null)[];',
      '    c: {',
      '        x: string;',
      '    } | {',
      '        y: string;',
      '    };',
      '    d: {',
      '        x: string;',
      '    }[] | null;',
      '    e: A & B & {',
      '        x: string;',
      '    };',
      '    f: A & {',
      '        x: string;',
      '    } | null;',
      '    g: {',
      '        x: string;',
      '    } & components["schemas"]["A"];',
      '    h: (x: string) => void;',
      '    i: {',
      '        x: ({',
      '            y: string;',
      '        } & A)[];',
      '        z: string;',
      '    };',
      '}',
    ),
    'something',
  ],
  [
    'statements the rules do not read: generics, mapped types, imports',
    printed(
      'type WithRequired<T, K extends keyof T> = T & {',
      '    [P in K]-?: T[P];',
      '};',
      'export type $defs = Record<string, never>;',
      'export interface operations {',
      '    a: WithRequired<components["schemas"]["A"], "b">;',
      '}',
      'export type Tuple = [',
      '    string,',
      '    number',
      '];',
      'export type Alias = {',
      '    a: string;',
      '};',
    ),
    'something',
  ],
  [
    'a blank line inside an interface, a comment that is not JSDoc, a comment before a closer',
    printed(
      'export interface a {',
      '    x: string;',
      '',
      '    y: string;',
      '}',
      'export interface b {',
      '    /* one',
      '       two */',
      '    x: string;',
      '}',
      'export interface c {',
      '    x: string;',
      '    /** dangling */',
      '}',
    ),
    'something',
  ],
  [
    'comments whose lines end in spaces or tabs',
    printed(
      '// header  ',
      '',
      '/**   ',
      ' * one ',
      ' * two  ',
      ' * three   ',
      ' * tab\t',
      ' *   ',
      ' */',
      'export interface a {',
      '    /** first  ',
      '     * mid \t  ',
      '     last  */',
      '    x: string;',
      '    /**',
      '     * b  */',
      '    y: string;',
      '    /* plain  ',
      '       two   */',
      '    z: string;',
      '}',
    ),
    'something',
  ],
  ['Windows line ends', 'export interface a {\r\n    x: "y";\r\n}\r\n', 'something'],
];

describe('type declarations in prettier’s form by rules', () => {
  it.each(CASES)('%s: prettier’s output for the whole text', async (_name, text, gets) => {
    const { output, given } = await byRules(text);
    expect(output).toBe(await formatText(PATH, text));
    if (gets === 'nothing') expect(given).toEqual([]);
    else expect(given.length).toBeGreaterThan(0);
  });

  it('gives prettier only the members the rules do not cover, each at its depth', async () => {
    const text = printed(
      'export interface components {',
      '    a: string;',
      '    b: {',
      '        c: ("x" | "y")[];',
      '        d: number;',
      '    };',
      '}',
    );
    const { output, given } = await byRules(text);
    expect(output).toBe(await formatText(PATH, text));
    expect(given).toHaveLength(1);
    expect(given[0]).toContain('c: ("x" | "y")[];');
    expect(given[0]).not.toContain('d: number');
    expect(given[0]).not.toContain('a: string');
  });

  it('over the limit, keeps the printer’s line breaks for those members, with prettier’s indentation and quotes', async () => {
    const line = `    a: ${Array.from({ length: 12 }, (_, i) => `"value-${i}"`).join(' | ')};`;
    const text = printed('export interface components {', line, '    b: "c";', '}');
    const { output, given } = await byRules(text, 10);
    expect(given).toEqual([]);
    expect(output).toBe(
      printed(
        'export interface components {',
        `  ${line.trim().replaceAll('"', "'")}`,
        "  b: 'c';",
        '}',
      ).replace(/\n {4}/g, '\n  '),
    );
    // Under the limit the same text is wrapped as prettier wraps it.
    expect((await byRules(text)).output).toBe(await formatText(PATH, text));
  });

  it('a run gives prettier none of our spec’s src/openapi.ts, and writes it in prettier’s form', async () => {
    const given: string[] = [];
    const { tree } = await runPipeline(
      resolveContext({
        spec: join(ROOT, 'spec/openapi.yaml'),
        out: join(await tempDir('ftd-'), 'out'),
        check: true,
      }),
      {
        formatter: {
          format: (path, text) => {
            given.push(path);
            return formatText(path, text);
          },
          close: () => Promise.resolve(),
        },
      },
    );
    expect(given).toContain('src/guards.ts');
    expect(given).not.toContain(PATH);
    const written = tree.get(PATH)!;
    expect(written).toMatch(/^export interface paths \{$/m);
    expect(await formatText(PATH, written)).toBe(written);
  }, 60_000);

  it('our spec’s src/openapi.ts needs no prettier at all', async () => {
    const text = emitOpenapiTypes(await specModel('spec/openapi.yaml')).text;
    const { output, given } = await byRules(text);
    expect(given).toEqual([]);
    expect(output).toBe(await formatText(PATH, text));
  }, 60_000);
});

/** Names and text that reach src/openapi.ts as keys, literals and comments. */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('id', 'class', '200', 'x-y', "it's", 'say "hi"', 'a\\b', 'café', '*/', '\t', ''),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const schema: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{
  schema: Record<string, unknown>;
}>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record(
      {
        type: fc.constant('string'),
        enum: fc.option(fc.array(text, { minLength: 1, maxLength: 12 }), { nil: undefined }),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({ type: fc.constantFrom('integer', 'number', 'boolean'), nullable: fc.boolean() }),
    fc.record({
      type: fc.constant('number'),
      enum: fc.array(fc.integer({ min: -5, max: 1e6 }), { minLength: 1, maxLength: 20 }),
    }),
    fc.record({ type: fc.constant('array'), items: tie('schema') }),
    fc.record({ $ref: fc.constantFrom('#/components/schemas/A', '#/components/schemas/B') }),
    fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record(
      {
        type: fc.constant('object'),
        description: text,
        deprecated: fc.boolean(),
        nullable: fc.boolean(),
        required: fc.array(text, { maxLength: 2 }),
        properties: fc.dictionary(text, tie('schema'), { maxKeys: 5 }),
        additionalProperties: fc.oneof(fc.boolean(), tie('schema')),
      },
      { requiredKeys: ['type', 'properties'] },
    ),
  ),
})).schema;

describe('src/openapi.ts of random specs', () => {
  it('is prettier’s output for the whole file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(text, schema, { minKeys: 1, maxKeys: 5 }), async (schemas) => {
        const bundled = {
          openapi: '3.0.3',
          info: { title: 'Random', version: '1' },
          paths: {},
          components: { schemas: { A: { type: 'string' }, B: { type: 'object' }, ...schemas } },
        } as unknown as ApiModel['bundled'];
        const printedText = emitOpenapiTypes({ bundled, operations: [] }).text;
        const { output } = await byRules(printedText);
        expect(output).toBe(await formatText(PATH, printedText));
      }),
      { numRuns: 300, seed: 20261205 },
    );
  }, 120_000);
});
