/**
 * write/format-by-rules/ gives printed TypeScript prettier's form by rules, and hands prettier
 * only what the rules do not cover: its output must be prettier's output for the whole text, on
 * every kind of line the printers write (each case below), on every file of our package, on the
 * files of random specs, and, in `npm run test:corpus`, of every real spec.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { emitOpenapiTypes } from '../../generator/emit/openapi-types.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { formatText } from '../../generator/write/format.ts';
import { formatByRules } from '../../generator/write/format-by-rules/index.ts';
import { specModel } from '../model/fixture-model.ts';
import { removeTempDirs, ROOT, tempDir } from './helpers.ts';
import { printedFiles } from './printed-files.ts';

afterAll(removeTempDirs);

const PATH = 'src/openapi.ts';

/** The rules' output, and the texts they gave prettier. */
async function byRules(
  text: string,
  {
    indent = 4,
    limit = Infinity,
    path = PATH,
    inPrettierForm,
  }: { indent?: number; limit?: number; path?: string; inPrettierForm?: ReadonlySet<string> } = {},
) {
  const given: string[] = [];
  const output = await formatByRules(
    path,
    text,
    (file, part) => {
      given.push(part);
      return formatText(file, part);
    },
    { indent, limit, ...(inPrettierForm === undefined ? {} : { inPrettierForm }) },
  );
  return { output, given };
}

/** Lines as a printer writes them. */
const printed = (...lines: string[]) => `${lines.join('\n')}\n`;

const long = (width: number, prefix: string) =>
  `${prefix}${'x'.repeat(Math.max(0, width - prefix.length - 2))}";`;

const TYPE_CASES: [name: string, text: string, prettierGets: 'nothing' | 'something'][] = [
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
    'lines at the print width and one past it, at several depths, and a union broken',
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
    'nothing',
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

/** Statements as ts-morph prints them: 2 spaces a level. */
const STATEMENT_CASES: [name: string, text: string, prettierGets: 'nothing' | 'something'][] = [
  [
    'functions, if/else chains, loops, calls, casts, inline objects, imports and exports',
    printed(
      "import type { Plan, Addon } from './types.js';",
      "import { issue, jsonKind } from './guards-runtime.js';",
      '',
      '/** Whether `value` is a valid {@link Plan}. */',
      'export function isPlan(value: unknown): value is Plan {',
      '  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;',
      '  const record = value as Record<string, unknown>;',
      '  const id = record["id"];',
      '  if (id === undefined) {',
      '    return false;',
      '  } else if (!(id === "a" || id === "b")) {',
      '    return false;',
      '  } else {',
      '    // a comment inside',
      '    {',
      '      let count = 0;',
      '      for (const key in record) {',
      '        count++;',
      '      }',
      '    }',
      '  }',
      '  if (id !== undefined && (typeof id !== "string" || id.length > 3)) return false;',
      '  if (a || (b && c)) return false;',
      '  if (x === "it\'s") return false;',
      '  else return { valid: false, issues };',
      '',
      '  for (let i = 0; i < items.length; i++) {',
      '    if (!isAddon(items[i])) return false;',
      '  }',
      '  const { a, b } = record;',
      '  return f(a)[0](b) && -1 < x?.y && !!z;',
      '}',
      'export class Plans {',
      '  readonly client: Client;',
      '  constructor(client: Client) {',
      '    this.client = client;',
      '  }',
      '  async retrieve(id: string, options?: RequestOptions): Promise<Plan> {',
      '    return await this.client.get(id, options);',
      '  }',
      '  list(params: ListParams = {}, options?: RequestOptions): Promise<Plan[]> {',
      '    return this.client.list(params, options);',
      '  }',
      '}',
      "export * from './plans.js';",
      "export { Plans } from './plans.js';",
      'export type Id = string | number;',
    ),
    'nothing',
  ],
  [
    'an `if` too long for its line, broken after its condition as prettier breaks it',
    printed(
      'export function g(value: unknown, path: string, issues: Issue[]): void {',
      '  if (value !== undefined && typeof value !== "string") issues.push(issue(path + "/name", "string", value));',
      '  if (value === undefined) {',
      '    issues.push(missingIssue(path));',
      '  } else if (typeof value !== "string") issues.push(issue(path + "/createdAt", "string", value, "and more"));',
      '}',
    ),
    'nothing',
  ],
  [
    'an `if` too long whose condition or statement is too long for a line of its own',
    printed(
      'export function h(value: unknown, path: string, issues: Issue[]): void {',
      '  if (value !== undefined && value !== null && typeof value !== "string" && typeof value !== "number") return;',
      '  if (value !== undefined) issues.push(issue(path + "/name", "string", value, "with a message long enough to wrap"));',
      '  if (value !== undefined) issues.push(issue(a.b().c().d(), "string", value, "three calls on one chain"));',
      '}',
    ),
    'something',
  ],
  [
    'what prettier lays out otherwise: groups, mixed logic, escapes, long lines and calls',
    printed(
      'export function f(value: unknown): boolean {',
      '  if (a && (!(b || c))) return false;',
      '  if ((a)) return false;',
      '  if (a && b || c) return false;',
      '  if (a === (b)) return false;',
      '  const t: A & B | C = x;',
      '  issues.push(missingIssue(path + "/object", "\\"plan\\""));',
      "  const s = \"both ' and \\\"\" + 'say \\'hi\\'' + \"\\d\\/\" + 'a\\\"b';",
      `  if (value !== undefined && typeof value !== "string") issues.push(issue(path + "/name", "string", value));`,
      '  const chain = a.b().c().d();',
      '  const made = new Date;',
      '  const o = {a: 1};',
      '  const p = { "a": 1, b };',
      '  const q = (x) => x + 1;',
      '  const r = `template ${x}`;',
      '  const u = 1e+21 + 1.50;',
      '}',
    ),
    'something',
  ],
  [
    'blocks prettier lays out otherwise: empty ones, switch, object literals, a closer with more',
    printed(
      'export interface Empty {',
      '}',
      'export function none(): void {',
      '}',
      'export function g(x: string): number {',
      '  switch (x) {',
      '    case "a":',
      '    {',
      '      return 1;',
      '    }',
      '    default:',
      '      return 2;',
      '  }',
      '  const table = {',
      '    a: 1,',
      '    b: 2',
      '  };',
      '  if (x === "b") {',
      '    return 3;',
      `  } else if (typeof x !== "string") issues.push(issue(path + "/createdAt", "string", createdAt, "and more text"));`,
      '  return items.map((item) => {',
      '    return item;',
      '  });',
      '}',
    ),
    'something',
  ],
  [
    'statements for prettier where break, continue, await and yield must stay legal',
    printed(
      'export async function* h(items: string[]): AsyncGenerator<string> {',
      '  for (const item of items) {',
      '    if (item === "a") {',
      `      if (item !== undefined && item !== null && typeof item !== "string" && item.length > 10) continue;`,
      `      if (item !== undefined && item !== null && typeof item !== "string" && item.length > 12) break;`,
      `      const got = await fetchSomething(item, "with a long argument list", "that does not fit", 1);`,
      `      yield await fetchSomething(item, "with a long argument list", "that does not fit", 2, 3);`,
      '    }',
      '  }',
      '}',
    ),
    'something',
  ],
  [
    'text not laid out by depth (a template written flush left), blank lines at a block’s ends',
    printed(
      'export interface MockOptions {',
      '/** Where the client sends its requests. */',
      'baseURL?: string;',
      '}',
      '',
      'export function k(): number {',
      '',
      '  return 1;',
      '',
      '}',
      'const plansList: kit.OperationDefinition = {',
      'name: "plans.list",',
      'method: "get",',
      '};',
    ),
    'something',
  ],
  [
    'ts-morph’s layout of an array of a type literal, with a blank line after it',
    printed(
      "export type { paths } from './openapi.js';",
      '',
      'export type A = {',
      '    id?: string;',
      '  }[];',
      '',
      'export interface B {',
      '  [key: string]: unknown;',
      '}',
    ),
    'nothing',
  ],
];

/** ts-morph's layout of types: a type literal as a member's or alias's type hangs 2 levels deep. */
const TS_MORPH_TYPES = printed(
  "export type { paths } from './openapi.js';",
  `import type { ${Array.from({ length: 12 }, (_, i) => `SchemaNumber${i}`).join(', ')} } from "./types.js";`,
  `import { validateOne, type Other, isThird as third, validateFourthOfThemAll, validateFifthAndLast } from './guards.js';`,
  '',
  'export interface Outer {',
  '  identifiers: {',
  '      value: string;',
  '    }[] | null;',
  '  package?: {',
  '      /** The name. */',
  '      name?: string;',
  '      inner: {',
  '        deep: "a" | "b";',
  '      } | null;',
  '    } | null;',
  '  plain: {',
  '      a: string;',
  '    };',
  '  kind?: "aaaaaaaaaaaaaaa" | "bbbbbbbbbbbbbbbbb" | "ccccccccccccccccccccc" | "dddddddddddddddd" | "e";',
  '  "a long quoted key: with | a bar, and more words to fill the line": 100 | 100000 | 10000 | 5;',
  '  short: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" | "b: c | d" | "e\'s" | null;',
  '}',
  '',
  'export type Alias = {',
  '    x?: string;',
  '  } | null;',
  '',
  'export type List = {',
  '    x?: string;',
  '  }[];',
  '',
  'export type MaybeList = {',
  '    /** The type. */',
  '    type: "CVE" | "GHSA";',
  '    nested: {',
  '      x: string;',
  '    }[] | null;',
  '  }[] | null;',
  '',
  'export type Long = "rubygems" | "npm" | "pip" | "maven" | "nuget" | "composer" | "go" | "rust" | "erlang";',
  '',
  'export type LongNameForAnAliasThatIsReallyVeryLongIndeedAndMore = "rubygems" | "npm" | "pip" | "mav";',
);

TYPE_CASES.push([
  'a key too long for its line, and `}[] | null` types, at 4 spaces a level',
  printed(
    'export interface paths {',
    `    "/repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}": {`,
    '        get: operations["repos/get-deployment-branch-policy"];',
    '        readonly identifiers: {',
    '            /** @description The type. */',
    '            type: "CVE" | "GHSA";',
    '        }[] | null;',
    '    };',
    '}',
  ),
  'nothing',
]);

describe('type declarations (TypeScript’s printer) in prettier’s form by rules', () => {
  it('ts-morph’s hanging type literals, and unions and imports too long for their line: all by rules', async () => {
    const path = 'src/types.ts';
    const { output, given } = await byRules(TS_MORPH_TYPES, { indent: 2, path });
    expect(output).toBe(await formatText(path, TS_MORPH_TYPES));
    expect(given).toEqual([]);
  });

  it.each(TYPE_CASES)('%s: prettier’s output for the whole text', async (_name, text, gets) => {
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
    // A call's arguments: prettier's to break (a union alone the rules break themselves).
    const line = `    a: Pick<T, ${Array.from({ length: 12 }, (_, i) => `"value-${i}"`).join(' | ')}>;`;
    const text = printed('export interface components {', line, '    b: "c";', '}');
    const { output, given } = await byRules(text, { limit: 10 });
    expect(given).toEqual([]);
    expect(output).toBe(
      printed(
        'export interface components {',
        `  ${line.trim().replaceAll('"', "'")}`,
        "  b: 'c';",
        '}',
      ),
    );
    // Under the limit the same text is wrapped as prettier wraps it.
    expect((await byRules(text)).output).toBe(await formatText(PATH, text));
  });
});

describe('the parts given to prettier', () => {
  it('are the same texts after an edit, but for the edited part’s batch (for the format cache)', async () => {
    const member = (i: number, value: string) =>
      `    m${i}: (${Array.from({ length: 9 }, (_, k) => `"${value}-${i}-${k}"`).join(' | ')})[];`;
    const members = (edited: number) =>
      Array.from({ length: 800 }, (_, i) => member(i, i === edited ? 'changed' : 'value'));
    const before = printed('export interface components {', ...members(-1), '}');
    const after = printed('export interface components {', ...members(400), '}');
    const first = await byRules(before);
    const second = await byRules(after);
    expect(second.output).toBe(await formatText(PATH, after));
    expect(first.given.length).toBeGreaterThan(4);
    const unchanged = new Set(first.given);
    expect(second.given.filter((part) => !unchanged.has(part))).toHaveLength(1);
  });
});

describe('statements (ts-morph’s printer) in prettier’s form by rules', () => {
  it.each(STATEMENT_CASES)(
    '%s: prettier’s output for the whole text',
    async (_name, text, gets) => {
      const path = 'src/guards.ts';
      const { output, given } = await byRules(text, { indent: 2, path });
      expect(output).toBe(await formatText(path, text));
      if (gets === 'nothing') expect(given).toEqual([]);
      else expect(given.length).toBeGreaterThan(0);
    },
  );
});

describe('the files of a package', () => {
  it('of our spec: each is prettier’s text for it, and most of it never reaches prettier', async () => {
    let size = 0;
    let toPrettier = 0;
    for (const file of printedFiles(await specModel('spec/openapi.yaml'))) {
      const { path, text } = file;
      const { output, given } = await byRules(text, file);
      expect(output, path).toBe(await formatText(path, text));
      size += text.length;
      toPrettier += given.join('').length;
      if (path === PATH) expect(given).toEqual([]);
    }
    expect(toPrettier).toBeLessThan(size / 3);
  }, 60_000);

  it('the testing kit is printed at its depths (the rules read it), its definitions already as prettier writes them', async () => {
    const kit = printedFiles(await specModel('spec/openapi.yaml')).find(
      ({ path }) => path === 'src/testing/index.ts',
    )!;
    const { output, given } = await byRules(kit.text, kit);
    expect(output).toBe(await formatText(kit.path, kit.text));
    // Read as a tree of lines: prettier gets parts, never the whole file.
    expect(given.every((part) => !part.includes('export function createMock('))).toBe(true);
    const definitions = kit.text.match(/^const \w+: kit\.OperationDefinition = \{\n[^]*?^\};$/gm)!;
    expect(definitions.length).toBeGreaterThan(10);
    expect([...kit.inPrettierForm!].sort()).toEqual([...definitions].sort());
    for (const definition of definitions) expect(output).toContain(definition);
    // They are kept as the emitter printed them: prettier never sees them.
    expect(given.filter((part) => part.includes('OperationDefinition'))).toEqual([]);
  }, 60_000);

  it('a run gives prettier none of our spec’s src/openapi.ts and parts of the rest, and writes them in prettier’s form', async () => {
    const given: [string, string][] = [];
    const { tree } = await runPipeline(
      resolveContext({
        spec: join(ROOT, 'spec/openapi.yaml'),
        out: join(await tempDir('by-rules-'), 'out'),
        check: true,
      }),
      {
        formatter: {
          format: (path, text) => {
            given.push([path, text]);
            return formatText(path, text);
          },
          close: () => Promise.resolve(),
        },
      },
    );
    expect(given.map(([path]) => path)).not.toContain(PATH);
    const guards = tree.get('src/guards.ts')!;
    const guardsGiven = given.filter(([path]) => path === 'src/guards.ts').map(([, text]) => text);
    expect(guardsGiven.join('').length).toBeLessThan(guards.length / 2);
    for (const path of [PATH, 'src/guards.ts', 'src/types.ts', 'src/client.ts']) {
      const written = tree.get(path)!;
      expect(await formatText(path, written), path).toBe(written);
    }
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

describe('random specs', () => {
  it('src/openapi.ts is prettier’s output for the whole file', async () => {
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

  it('every file of the package is prettier’s output for it', async () => {
    const dir = await tempDir('by-rules-random-');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.stringMatching(/^[A-Z][A-Za-z]{0,8}$/), schema, {
          minKeys: 1,
          maxKeys: 4,
        }),
        async (schemas) => {
          const names = Object.keys(schemas);
          const spec = join(dir, `spec-${run++}.json`);
          const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
          await writeFile(
            spec,
            JSON.stringify({
              openapi: '3.0.3',
              info: { title: 'Random', version: '1.0.0' },
              servers: [{ url: 'https://api.example.com' }],
              paths: Object.fromEntries(
                names.map((name) => [
                  `/things/${name.toLowerCase()}/{id}`,
                  {
                    get: {
                      operationId: `get${name}`,
                      parameters: [
                        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
                      ],
                      responses: {
                        '200': {
                          description: 'ok',
                          content: { 'application/json': { schema: ref(name) } },
                        },
                      },
                    },
                    post: {
                      operationId: `create${name}`,
                      parameters: [
                        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
                      ],
                      requestBody: { content: { 'application/json': { schema: ref(name) } } },
                      responses: {
                        '201': {
                          description: 'made',
                          content: { 'application/json': { schema: ref(name) } },
                        },
                      },
                    },
                  },
                ]),
              ),
              components: { schemas: { A: { type: 'string' }, B: { type: 'object' }, ...schemas } },
            }),
          );
          let model: ApiModel;
          try {
            model = await specModel(spec);
          } catch {
            return; // a spec the generator refuses has no package
          }
          for (const { path, text: file, indent } of printedFiles(model)) {
            const { output } = await byRules(file, { indent, path });
            expect(output, path).toBe(await formatText(path, file));
          }
        },
      ),
      { numRuns: 25, seed: 20261205 },
    );
  }, 300_000);
});
