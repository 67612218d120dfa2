/**
 * Formatting one top-level statement at a time (write/format-statements.ts, the dev server's way)
 * gives prettier's text for the whole file: checked on every printed TypeScript file and on every
 * part a run hands to prettier (write/format-by-rules/) for our spec and the fixture specs, and
 * on the cases where the split must not be used.
 */
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { formatText } from '../../generator/write/format.ts';
import { InThreadFormatter, type Formatter } from '../../generator/write/format-pool.ts';
import { splitStatements, StatementFormatter } from '../../generator/write/format-statements.ts';
import { specModel } from '../model/fixture-model.ts';
import { FIXTURES, ROOT, removeTempDirs, tempDir } from './helpers.ts';
import { printedFiles } from './printed-files.ts';

afterAll(removeTempDirs);

/** Formats whole files, and keeps each text it was given. */
class RecordingFormatter implements Formatter {
  readonly texts: [path: string, text: string][] = [];
  format(path: string, text: string): Promise<string> {
    this.texts.push([path, text]);
    return formatText(path, text);
  }
  async close(): Promise<void> {}
}

const SPECS = [
  join(ROOT, 'spec/openapi.yaml'),
  join(FIXTURES, 'hostile/hostile-3.0.yaml'),
  join(FIXTURES, 'hostile/hostile-3.1.yaml'),
  join(FIXTURES, 'media/files-api.yaml'),
];

describe('formatting by statement', () => {
  it.each(SPECS.map((spec) => [relative(ROOT, spec), spec]))(
    'gives prettier’s whole-file text for every printed TypeScript file of %s, and for each part a run gives prettier',
    async (_name, spec) => {
      const files = printedFiles(await specModel(spec));
      expect(files.length).toBeGreaterThan(3);
      const byStatement = new StatementFormatter(new InThreadFormatter());
      let split = 0;
      for (const { path, text } of files) {
        if (splitStatements(path, text) !== undefined) split++;
        expect(await byStatement.format(path, text), path).toBe(await formatText(path, text));
      }
      // The comparison is about the split: most files must actually be split.
      expect(split).toBeGreaterThan(files.length / 2);
      // What the dev server's formatter gets: the parts write/format-by-rules/ leaves to prettier.
      const recorder = new RecordingFormatter();
      await runPipeline(
        resolveContext({ spec, out: join(await tempDir('by-statement-'), 'out') }),
        { formatter: recorder },
      );
      for (const [path, text] of recorder.texts.filter(([path]) => path.endsWith('.ts')))
        expect(await byStatement.format(path, text), path).toBe(await formatText(path, text));
    },
    120_000,
  );

  it.each([
    ['a comment after a statement on its line', 'const a = 1; // one\nconst b = 2;\n'],
    ['a syntax error', 'const a = ;\nconst b = 2;\n'],
    ['a single statement', '/** Doc. */\nexport const a = 1;\n'],
  ])('formats the file whole where the split is unsafe: %s', (_case, text) => {
    expect(splitStatements('x.ts', text)).toBeUndefined();
  });

  it('keeps one blank line where the text had one or more, and none elsewhere', async () => {
    const text =
      "// header\n\nimport { a } from './a.js';\nimport {b} from './b.js';\n\n\n/** A. */\nexport const x = a;\nexport const y = b\n";
    expect(splitStatements('x.ts', text)!.map((chunk) => chunk.blankAfter)).toEqual([
      false,
      true,
      false,
      false,
    ]);
    const byStatement = new StatementFormatter(new InThreadFormatter());
    expect(await byStatement.format('x.ts', text)).toBe(await formatText('x.ts', text));
  });

  it('formats only the statements it has not formatted before, with a remembering formatter', async () => {
    const { RememberingFormatter } = await import('../../generator/write/format-cache.ts');
    const seen: string[] = [];
    const counting: Formatter = {
      format: (path, text) => {
        seen.push(text);
        return formatText(path, text);
      },
      close: async () => {},
    };
    const remembering = new RememberingFormatter(counting);
    const byStatement = new StatementFormatter(remembering);
    const before = 'export const a = 1;\n\nexport const b = { x: 1 };\n\nexport const c = 3;\n';
    await byStatement.format('x.ts', before);
    expect(seen).toHaveLength(3);
    remembering.startRun();
    await byStatement.format('x.ts', before.replace('{ x: 1 }', '{ x: 2 }'));
    expect(seen).toHaveLength(4);
    expect(seen[3]).toContain('x: 2');
  });
});

describe('the statement formatter’s incremental parse', () => {
  /** Hands back each statement as given, keeping the texts of the last file. */
  class Chunks implements Formatter {
    texts: string[] = [];
    format(_path: string, text: string): Promise<string> {
      this.texts.push(text);
      return Promise.resolve(text);
    }
    async close(): Promise<void> {}
  }

  /** The chunks a formatter that parsed `previous` before finds in `next`, and a fresh one's. */
  async function chunksAfter(previous: string, next: string) {
    const incremental = new Chunks();
    const formatter = new StatementFormatter(incremental);
    await formatter.format('x.ts', previous);
    incremental.texts = [];
    const incrementalOut = await formatter.format('x.ts', next);
    const fresh = new Chunks();
    const freshOut = await new StatementFormatter(fresh).format('x.ts', next);
    return { incremental: incremental.texts, fresh: fresh.texts, incrementalOut, freshOut };
  }

  const base = [
    '/** A. */',
    "export function isA(value: unknown): value is A {\n  return typeof value === 'string';\n}",
    '',
    'export const b = { x: 1, y: `t${1}` };',
    '',
    "export type C = 'c' | 'd';",
    '',
    '/** E. */\nexport interface E {\n  /** F. */\n  f?: string;\n}',
    '',
  ].join('\n');

  it.each([
    ['a changed string inside a function', base.replace("'string'", "'number'")],
    [
      'a statement added in the middle',
      base.replace('export type C', 'export const z = 2;\n\nexport type C'),
    ],
    ['a statement removed', base.replace("export type C = 'c' | 'd';\n\n", '')],
    ['a comment that swallows the next statement', base.replace('/** E. */', '/* E.')],
    ['a brace that opens a block over the rest', base.replace('{ x: 1,', '{ { x: 1,')],
    ['an edit at the very start', `import type { A } from './a.js';\n${base}`],
    ['an edit at the very end', `${base}export const last = 1;\n`],
    ['the same text again', base],
  ])('splits %s as a fresh parse does', async (_case, next) => {
    const { incremental, fresh, incrementalOut, freshOut } = await chunksAfter(base, next);
    expect(incremental).toEqual(fresh);
    expect(incrementalOut).toBe(freshOut);
  });

  it('splits every file of a regenerated package as fresh parses do, edit after edit', async () => {
    const recorder = new RecordingFormatter();
    const spec = join(ROOT, 'spec/openapi.yaml');
    await runPipeline(resolveContext({ spec, out: join(await tempDir('incremental-'), 'out') }), {
      formatter: recorder,
    });
    const [path, text] = recorder.texts.find(([p]) => p === 'src/guards.ts')!;
    const incremental = new Chunks();
    const formatter = new StatementFormatter(incremental);
    let current = text;
    await formatter.format(path, current);
    // Edits at spread-out places: renamed checks, a statement dropped, one duplicated.
    const edits: ((t: string) => string)[] = [
      (t) => t.replaceAll("'string'", "'number'"),
      (t) => t.replace(/\nexport function is\w+[^]*?\n}\n/, '\n'),
      (t) => {
        const at = t.indexOf('\nexport function ', t.length / 2);
        const end = t.indexOf('\n}\n', at) + 3;
        return `${t.slice(0, end)}${t.slice(at + 1, end).replace(/function (\w+)/, 'function $1Copy')}${t.slice(end)}`;
      },
    ];
    for (const edit of edits) {
      current = edit(current);
      incremental.texts = [];
      await formatter.format(path, current);
      const fresh = new Chunks();
      await new StatementFormatter(fresh).format(path, current);
      expect(incremental.texts.length).toBeGreaterThan(20);
      expect(incremental.texts).toEqual(fresh.texts);
    }
  }, 120_000);
});
