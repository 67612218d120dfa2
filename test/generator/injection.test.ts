/**
 * Nothing from a spec runs as code (issue 11, items 1 and 2). One spec puts the same hostile text
 * into every place spec text can reach generated code: path templates, names, property keys, enum
 * values, defaults, examples, descriptions, server URLs and variables, operationIds, tags, media
 * types, header names, security scheme names, x-sdk-* values, the README. The package is generated
 * and then checked the way an attacker would need it to fail:
 *
 * - it parses and compiles under strict tsc;
 * - no `__pwned` identifier exists in code (outside strings and comments) in any source file or
 *   README code block;
 * - RUNNING it (every method called against a real server, every guard called) sets no global;
 * - no TSDoc comment gains a tag from spec text (TypeScript's and TSDoc's own parsers), so no
 *   symbol is deprecated by a description;
 * - the README renders to HTML without tags, handlers or `javascript:` links from the spec.
 *
 * The spec's file name (printed in every header comment) holds line terminators and `-->`.
 */
import { TSDocParser, type DocNode, DocBlockTag, DocInlineTagBase } from '@microsoft/tsdoc';
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { marked } from 'marked';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { compile, linkNodeModules, removeTempDirs, ROOT, tempDir, writeSpec } from './helpers.ts';

afterAll(removeTempDirs);

/** Breaks out of every context at once if it is not escaped for that context. */
const P =
  "*/ /* @deprecated {@link PWNED} @pwnedtag \u2028globalThis.__pwned='ls';\u2029 \r\n" +
  "@deprecated `${globalThis.__pwned='tpl'}` ' \" \\ '; globalThis.__pwned='sq'; '" +
  '"; globalThis.__pwned="dq"; " </script><script>globalThis.__pwned=1</script>' +
  '<img src=x onerror="globalThis.__pwned=1"> <!-- --> [x](javascript:alert(1)) \\\\@deprecated */';
/** A name of the same kind that stays one line (keys, names). */
const N = 'k*/\'"`${globalThis.__pwned=1}\\ \u2028<x>';
const SCHEMA = 'Evil*/\'"`${globalThis.__pwned=1}';
/**
 * Text that ends in a backslash, next to text holding `/*`: ts-morph's writer took the quote after
 * an escaped backslash for an escaped quote, then the `/*` for a comment, and inserted `*\/`.
 */
const T = '/* ends in a backslash \\';
const ref = (name: string) =>
  `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

function hostileSpec(): Record<string, unknown> {
  const text = { type: 'string', description: P, default: P, example: P, enum: [T, P, N, 'plain'] };
  return {
    openapi: '3.1.0',
    info: {
      title: P,
      version: P,
      description: P,
      contact: { name: P, url: 'javascript:alert(1)' },
      license: { name: 'MIT' },
    },
    'x-sdk': { clientName: 'Evil', envPrefix: 'EVIL', packageName: 'evil-sdk' },
    servers: [
      {
        url: 'https://api.example.com/{v}/\'"`${globalThis.__pwned=1}*/',
        description: P,
        variables: {
          v: { default: 'v1\'"`${globalThis.__pwned=1}*/\u2028', description: P },
          'globalThis.__pwned=1': { default: '${globalThis.__pwned=1}' },
        },
      },
    ],
    tags: [{ name: N, description: P }],
    security: [{ key: [] }],
    paths: {
      ['/x$`\'"\\*/${id}/a\\{id2}$`/$']: {
        parameters: [
          { name: 'id', in: 'path', required: true, description: P, example: P, schema: text },
          { name: 'id2', in: 'path', required: true, schema: { type: 'integer' } },
        ],
        get: {
          operationId: N,
          summary: P,
          description: P,
          tags: [N],
          parameters: [
            { name: N, in: 'query', description: P, example: P, schema: text },
            { name: `X-${N}`, in: 'header', description: P, schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: P,
              headers: { [`X-R${N}`]: { description: P, schema: { type: 'string' } } },
              content: { 'application/json': { schema: { $ref: ref(SCHEMA) } } },
            },
          },
        },
        post: {
          operationId: `${N}post`,
          summary: P,
          tags: [N],
          requestBody: {
            description: P,
            required: true,
            content: {
              [`application/vnd.${N}+json`]: {
                schema: { $ref: ref(SCHEMA) },
                example: { [N]: P },
              },
            },
          },
          responses: {
            '201': { description: P, content: { [`text/${N}`]: { schema: { type: 'string' } } } },
          },
        },
      },
      '/list': {
        get: {
          operationId: 'list',
          tags: [N],
          'x-sdk-pagination': {
            style: 'cursor',
            afterParam: N,
            itemsField: N,
            nextCursorField: `${N}next`,
          },
          parameters: [{ name: N, in: 'query', schema: { type: 'string' } }],
          responses: {
            '200': {
              description: P,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: [N],
                    properties: {
                      [N]: { type: 'array', items: { $ref: ref(SCHEMA) } },
                      [`${N}next`]: { type: ['string', 'null'], description: P },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        // A header name can only hold RFC 9110 token characters (others are refused: bad-input
        // test); these are the ones that mean something in code and comments.
        key: { type: 'apiKey', in: 'header', name: "X-Key*'`$|~", description: P },
      },
      schemas: {
        [SCHEMA]: {
          title: P,
          description: P,
          type: 'object',
          required: [N],
          properties: {
            [N]: text,
            [P]: { type: 'integer', description: P, default: 1, examples: [2] },
            [T]: { const: T, default: T, examples: [T] },
            [`${T}next`]: { type: 'string', enum: [P, T] },
            when: { type: 'string', format: 'date-time', description: P },
            kind: { const: P, description: P },
            pattern: { type: 'string', pattern: '^[a-z\'"`*/\\\\]+$', description: P },
            nested: {
              type: 'object',
              description: P,
              additionalProperties: { type: 'string', enum: [P, N] },
            },
          },
          example: { [N]: P, kind: P },
        },
        [`${SCHEMA}Choice`]: {
          description: P,
          oneOf: [{ $ref: ref(SCHEMA) }, { type: 'string', enum: [N] }],
        },
      },
    },
  };
}

let out: string;

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix))
      found.push(join(entry.parentPath, entry.name));
  }
  return found.sort();
}

/** Identifiers named `__pwned` in code: each one is spec text that escaped its string or comment. */
function injectedIdentifiers(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  for (const diagnostic of diagnostics)
    found.push(`${file}: syntax: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === '__pwned') {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1}: identifier ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

beforeAll(async () => {
  out = join(await tempDir('injection-'), 'sdk');
  // The file name is hostile too: it is printed in every file's header comment.
  const file = await writeSpec(hostileSpec(), 'spec\u2028globalThis.__pwned=1\n* --><x>.json');
  await generate({ spec: file, out, cache: false });
  await linkNodeModules(out);
}, 120_000);

describe('hostile text in every place of a spec', () => {
  it('never becomes code: every source file parses, and no payload identifier is in code', async () => {
    const problems: string[] = [];
    for (const file of await filesUnder(join(out, 'src'), '.ts'))
      problems.push(...injectedIdentifiers(file, await readFile(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('compiles under strict tsc', () => {
    const result = compile(out);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs: every method called against a real server and every guard called set no global', async () => {
    const script = join(out, 'run.mts');
    await writeFile(
      script,
      `
import { createServer } from 'node:http';
import * as pkg from './src/index.ts';
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end('{}'); });
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const { port } = server.address();
const client = new pkg.Evil({ token: 't', baseURL: 'http://127.0.0.1:' + port, maxRetries: 0 });
let calls = 0;
for (const resource of Object.values(client)) {
  if (resource === null || typeof resource !== 'object') continue;
  const proto = Object.getPrototypeOf(resource);
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || typeof proto[name] !== 'function') continue;
    for (const args of [[{}], ['a', {}], ['a', 1, {}], ['a', 1, { body: {} }]]) {
      try { await resource[name](...args); } catch {}
      calls++;
    }
  }
}
for (const [name, value] of Object.entries(pkg)) {
  if (typeof value !== 'function' || !/^(is|validate|assert|revive|serialize)/.test(name)) continue;
  for (const input of [{}, 'plain', { when: '2020-01-01T00:00:00Z' }]) {
    try { value(input); } catch {}
    calls++;
  }
}
server.close();
console.log(JSON.stringify({ calls, pwned: globalThis.__pwned ?? null }));
`,
    );
    const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as {
      calls: number;
      pwned: unknown;
    };
    expect(report.pwned).toBeNull();
    expect(report.calls).toBeGreaterThan(10);
  });

  it('adds no TSDoc tag and deprecates nothing (TypeScript and @microsoft/tsdoc read the comments)', async () => {
    const tagsOf = (node: DocNode, into: string[]): void => {
      if (node instanceof DocBlockTag) into.push(node.tagName);
      if (node instanceof DocInlineTagBase) into.push(`{${node.tagName}}`);
      for (const child of node.getChildNodes()) tagsOf(child, into);
    };
    const parser = new TSDocParser();
    const problems: string[] = [];
    for (const file of await filesUnder(join(out, 'src'), '.ts')) {
      const text = await readFile(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        for (const tag of ts.getJSDocTags(node)) {
          if (/deprecated|pwned/i.test(tag.tagName.text))
            problems.push(`${file}: TypeScript reads @${tag.tagName.text}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
        const tags: string[] = [];
        tagsOf(parser.parseString(comment).docComment, tags);
        for (const tag of tags)
          if (/deprecated|pwned|PWNED/i.test(tag)) problems.push(`${file}: TSDoc reads ${tag}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('README: code blocks hold no payload code, and the Markdown renders no tag, handler or javascript: link from the spec', async () => {
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    const problems: string[] = [];
    for (const [index, block] of [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].entries())
      problems.push(...injectedIdentifiers(`README block ${index}`, block[1]!));
    const html = marked.parse(readme, { async: false });
    expect(html).not.toMatch(/<(script|img|iframe)\b|<[a-z][^>]*\son\w+=|href="javascript:/i);
    expect(readme.split('\n')[0]).toMatch(/^<!-- [^\u2028]*-->$/);
    expect(readme.split('\n')[0]!.match(/-->/g)).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('package.json holds the spec text only as JSON strings', async () => {
    const pkg = JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    // The package's only scripts are the toolchain's own build (templates/package/build.mjs):
    // spec text cannot add or change one.
    expect(pkg.scripts).toEqual({ build: 'node build.mjs', prepack: 'node build.mjs' });
    expect(pkg.name).toBe('evil-sdk');
    // The description names the API in running text: the title on one line, its runs of white
    // space (line breaks, U+2028) as one space.
    expect(pkg.description).toContain(P.trim().replace(/\s+/g, ' '));
  });
});
