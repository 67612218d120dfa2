/**
 * A spec whose schemas and tags take names of the runtime the package entry re-exports
 * (test/fixtures/faults/runtime-names.yaml): the spec's names win, the runtime's are exported as
 * `<Client><name>` (numbered where that is taken too), and the package compiles with both.
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_RUNTIME_EXPORTS } from '../../generator/reserved-names.ts';
import { diagnostics, faultPackage, readmeModules, type FaultPackage } from './package.ts';

describe('schemas and tags named like the runtime', () => {
  let pkg: FaultPackage;
  beforeAll(async () => {
    pkg = await faultPackage('runtime-names.yaml');
  });

  it('keep their names; the runtime and the client options take others', () => {
    const { clientExports, sdk } = pkg.model;
    expect(sdk.clientName).toBe('RuntimeNames');
    expect(clientExports.options).toBe('RuntimeNamesOptions2');
    const renamed = clientExports.runtime
      .filter((entry) => entry.exportedAs !== entry.name)
      .map((entry) => [entry.name, entry.exportedAs]);
    expect(renamed).toEqual([
      ['APIError', 'RuntimeNamesAPIError'],
      ['Page', 'RuntimeNamesPage2'],
      ['Logger', 'RuntimeNamesLogger'],
    ]);
    // Every runtime name is exported, once, in the list's order.
    expect(clientExports.runtime.map((entry) => entry.name)).toEqual(
      CLIENT_RUNTIME_EXPORTS.map(([, name]) => name),
    );
  });

  it('are warnings at the names the spec took, saying what the runtime is exported as', () => {
    const warned = pkg.model.warnings
      .filter((warning) => warning.key === 'runtime-name')
      .flatMap((warning) => warning.places)
      .map((place) => [place.location.pointer, place.problem]);
    expect(warned).toEqual([
      [
        '#/components/schemas/APIError',
        "the schema #/components/schemas/APIError takes the name of the client runtime's class `APIError`, so the package exports the runtime's as `RuntimeNamesAPIError`: code that names `APIError` (`error instanceof APIError`) gets the spec's type instead",
      ],
      [
        '#/components/schemas/Page',
        expect.stringContaining(
          "the client runtime's type `Page`, so the package exports the runtime's as `RuntimeNamesPage2`",
        ),
      ],
      [
        '#/paths/~1entries/get',
        expect.stringContaining(
          "the client runtime's type `Logger`, so the package exports the runtime's as `RuntimeNamesLogger`",
        ),
      ],
    ]);
  });

  it('src/client.ts re-exports the runtime under those names', () => {
    const client = pkg.files.get('src/client.ts') ?? '';
    expect(client).toMatch(/\bAPIError as RuntimeNamesAPIError\b/);
    expect(client).toMatch(/\bPage as RuntimeNamesPage2\b/);
    expect(client).toMatch(/\bLogger as RuntimeNamesLogger\b/);
    expect(client).toMatch(/export interface RuntimeNamesOptions2\b/);
  });

  it("has README examples that use the runtime's exported names, and compile", () => {
    const readme = pkg.files.get('README.md') ?? '';
    expect(readme).toContain('error instanceof RuntimeNamesAPIError');
    expect(readme).not.toMatch(/instanceof APIError\b/);
    // The prose too: `APIError` is the schema here, the error class is `RuntimeNamesAPIError`.
    expect(readme).toMatch(/rejects the call with an\n`RuntimeNamesAPIError`, or the subclass/);
    expect(readme).toMatch(/`RuntimeNamesAPIError` itself for other statuses/);
    expect(readme).not.toMatch(/`APIError`/);
    const modules = readmeModules(pkg);
    expect(Object.keys(modules).length).toBeGreaterThan(5);
    expect(diagnostics(pkg, modules)).toEqual([]);
  });

  it('compiles, and the entry gives the schemas and the runtime each under its own name', () => {
    expect(
      diagnostics(pkg, {
        'src/check.ts': `
import {
  RuntimeNames,
  RuntimeNamesAPIError,
  type APIError,
  type Page,
  type RuntimeNamesPage,
  type RuntimeNamesPage2,
  type RuntimeNamesOptions,
  type RuntimeNamesOptions2,
  type Logger,
  type RuntimeNamesLogger,
} from './index.js';
export const schemaError: APIError = { code: 'bad' };
export const page: Page = { entries: ['a'] };
export const sized: RuntimeNamesPage = { size: 1 };
export const settings: RuntimeNamesOptions = { verbose: true };
export const options: RuntimeNamesOptions2 = { baseURL: 'https://api.example.com' };
export const client = new RuntimeNames(options);
export const resource: Logger = client.logger;
export const isRuntimeError = (error: unknown) => error instanceof RuntimeNamesAPIError;
export type Pages = RuntimeNamesPage2<Page, string>;
export type Level = RuntimeNamesLogger;
`,
      }),
    ).toEqual([]);
  });
});

/** The comments and string literals of a TypeScript file: the text it shows a user. */
function shownText(text: string): string[] {
  const source = ts.createSourceFile('shown.ts', text, ts.ScriptTarget.Latest, true);
  const parts: string[] = [];
  const comments = new Set<number>();
  const visit = (node: ts.Node): void => {
    for (const range of [
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
    ])
      if (!comments.has(range.pos)) {
        comments.add(range.pos);
        parts.push(text.slice(range.pos, range.end));
      }
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) parts.push(node.text);
    node.forEachChild(visit);
  };
  visit(source);
  return parts;
}

/**
 * Where `text` names the runtime export `name` as code: a code span (`` `APIError` ``,
 * `` `APIError<Body>` ``, `` `APIError#body` ``), a `{@link APIError}` without a label, `@throws
 * APIError`, a string that is the name, and, for a name no sentence uses as a word (`APIError`, not
 * `Page`), the word anywhere.
 */
function mentions(text: string, name: string): string[] {
  const patterns = [
    new RegExp(`\`${name}(?![\\w$])[^\`]*\``, 'g'),
    new RegExp(`\\{@link\\s+${name}(?![\\w$])[^}|]*\\}`, 'g'),
    new RegExp(`@throws\\s+${name}(?![\\w$])`, 'g'),
    new RegExp(`^(['"\`])${name}\\1$`, 'g'),
  ];
  if (!/^[A-Z][a-z]+$/.test(name))
    patterns.push(new RegExp(`(?<![\\w$.])${name}(?![\\w$])(?![^{]*\\|[^}]*\\})`, 'g'));
  return patterns.flatMap((pattern) => text.match(pattern) ?? []);
}

describe('every text the package shows names the runtime as the package exports it', () => {
  let pkg: FaultPackage;
  beforeAll(async () => {
    pkg = await faultPackage('runtime-names.yaml');
  });

  it('TSDoc and messages of the runtime, the client and the testing kit; the README', () => {
    const renamed = pkg.model.clientExports.runtime.filter(
      (entry) => entry.exportedAs !== entry.name,
    );
    expect(renamed.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const [path, text] of pkg.files) {
      // The runtime's own files, the client and the testing kit (elsewhere `APIError` is the schema).
      const shows = /^src\/(runtime\/|testing\/|client\.ts$)/.test(path);
      const parts =
        path === 'README.md' ? [text] : shows && path.endsWith('.ts') ? shownText(text) : [];
      for (const { name, exportedAs } of renamed)
        for (const part of parts)
          for (const mention of mentions(part, name))
            found.push(`${path}: ${mention} (exported as ${exportedAs})`);
    }
    expect(found).toEqual([]);
  });

  it('still compiles, with links that resolve', () => {
    expect(diagnostics(pkg)).toEqual([]);
  });
});
