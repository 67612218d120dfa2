/**
 * Seeded fuzzing of the generator (issue 11, item 8): at least 300 mutations per run of our spec
 * and the fixtures (deleted keys, wrong types, broken and circular refs, deep nesting, huge
 * strings, wrong versions, hostile names and texts), each of which must end in one of two ways:
 *
 * - a package: every TypeScript file parses, and a seeded sample of the distinct packages
 *   type-checks under the package's own strict settings (all of them with `FUZZ_COMPILE=all`);
 * - a GeneratorError with a file, a fix and no stack trace, the output folder (an earlier
 *   package plus a user's file) byte-for-byte as it was.
 *
 * Anything else (a TypeError, a RangeError, a hang) is a generator bug. The seed is printed;
 * `FUZZ_SEED=<n>` replays a run, `FUZZ_RUNS=<n>` changes its length, `FUZZ_CASE=<i>` runs one case.
 *
 * Cost: the pipeline runs in-process without prettier, which only the type-checked sample goes
 * through (it unquotes keys, so it can change what parses); most cases mutate the small fixtures;
 * type-checking is the expensive part, so only a sample of distinct packages goes through one
 * TypeScript compiler host that parses the standard library and the shared runtime files once.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { emitPackage } from '../../generator/emit/package-sources.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { generatedNotice } from '../../generator/header.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import { assertOutputFolder } from '../../generator/write/owned.ts';
import { formatText } from '../../generator/write/format.ts';
import { renderFiles, type RenderedTree } from '../../generator/write/render.ts';
import { writeTreeAtomically } from '../../generator/write/tree.ts';
import { removeTempDirs, ROOT, tempDir } from '../generator/helpers.ts';
import { bundleSpec } from '../helpers/spec.ts';
import { compileTrees } from './compile.ts';
import { mutate, random, type Json } from './mutations.ts';

afterAll(removeTempDirs);

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 1_000_000));
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const ONLY = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
const COMPILE = process.env.FUZZ_COMPILE === 'all' ? Infinity : 3;
/**
 * The test's time limit, from what the run does. On a 2-core machine at load 10 a case took up to
 * 0.7 s and a type-checked package 3 s (`FUZZ_COMPILE=all`: 131 packages in 412 s), formatting
 * it about as much again, so each gets about three times that. The fixed 600 s it replaced failed
 * runs for being long, not for a generator bug: `FUZZ_COMPILE=all` (seed 1022: 768 s), and
 * `FUZZ_RUNS=1500` needs about 1,000 s there. A case that hangs still fails the run.
 */
const TIME_LIMIT = 120_000 + RUNS * 2_000 + Math.min(COMPILE, RUNS) * 20_000;

const FIXTURES = [
  'test/fixtures/specs/hostile/hostile-3.1.yaml',
  'test/fixtures/specs/hostile/hostile-3.0.yaml',
  ...[
    'dates',
    'discriminator',
    'hostile',
    'keywords-30',
    'keywords-31',
    'read-write',
    'recursion',
  ].map((name) => `test/fixtures/schemas/${name}.yaml`),
];

/** No prettier while generating (it is slow); the type-checked sample is formatted (`formatTree`). */
const AS_PRINTED = {
  format: (_path: string, text: string) => Promise.resolve(text),
  close: () => Promise.resolve(),
};

/** What `generate()` does, in the same order, minus formatting. */
async function runGenerator(spec: string, out: string): Promise<RenderedTree> {
  const ctx = resolveContext({ spec, out, cache: false, cwd: ROOT });
  await assertOutputFolder(ctx);
  const bundled = await loadAndBundle(ctx);
  const model = await buildModel(bundled, ctx);
  const tree = await renderFiles(emitPackage(model), generatedNotice(model), AS_PRINTED);
  await writeTreeAtomically(ctx.outDir, tree);
  return tree;
}

async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const path of entries) {
    hash.update(`${relative(dir, path)}\0`);
    hash.update(await readFile(path).catch(() => Buffer.from('<dir>')));
  }
  return hash.digest('hex');
}

/** The TypeScript files of a tree as prettier formats them in `generate()`. */
async function formatTree(tree: RenderedTree): Promise<RenderedTree> {
  const out = new Map(tree);
  for (const [path, text] of tree)
    if (path.endsWith('.ts')) out.set(path, await formatText(path, text));
  return out;
}

/** Syntax errors in the TypeScript files of a tree (a parse is cheap; type-checking is not). */
function syntaxErrors(tree: RenderedTree): string[] {
  const found: string[] = [];
  for (const [path, text] of tree) {
    if (!path.endsWith('.ts')) continue;
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] })
      .parseDiagnostics;
    for (const d of diagnostics)
      found.push(`${path}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  return found;
}

describe('fuzzing the generator', { timeout: TIME_LIMIT }, () => {
  it(`${RUNS} seeded mutations of our spec and the fixtures: a package that compiles, or a GeneratorError and the output folder unchanged`, async () => {
    console.log(`generator fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${RUNS} cases`);
    const bases: { name: string; document: Json }[] = [
      { name: 'spec/openapi.yaml', document: await bundleSpec() },
      ...(await Promise.all(
        FIXTURES.map(async (file) => ({
          name: file,
          document: parseYaml(await readFile(join(ROOT, file), 'utf8')) as Json,
        })),
      )),
    ];
    const work = await tempDir('fuzz-');
    const outs = new Map<string, { dir: string; fingerprint: string }>();
    const failures: string[] = [];
    /** Each distinct package and the first case that made it (a type error names that case). */
    const packages = new Map<string, { tree: RenderedTree; label: string }>();
    const outcomes = { package: 0, error: 0 };
    const started = performance.now();

    for (let index = 0; index < RUNS; index++) {
      if (ONLY !== undefined && index !== ONLY) continue;
      const next = random(SEED * 1_000 + index);
      // One case in eight mutates our spec (its pipeline is the slow one), the rest the fixtures.
      const base = next() < 0.125 ? bases[0]! : bases[1 + Math.floor(next() * (bases.length - 1))]!;
      const { document, applied } = mutate(structuredClone(base.document), next);
      const label = `case ${index} (${base.name}: ${applied.join('; ')})`;
      const specDir = join(work, `spec-${index}`);
      await mkdir(specDir);
      const spec = join(specDir, 'openapi.json');
      await writeFile(spec, JSON.stringify(document));

      let out = outs.get(base.name);
      if (out === undefined) {
        out = { dir: join(work, `out-${outs.size}`, 'sdk'), fingerprint: '' };
        outs.set(base.name, out);
      }
      // What the folder holds now: the last package written there (nothing else writes it).
      const before = out.fingerprint;
      try {
        const tree = await runGenerator(spec, out.dir);
        outcomes.package++;
        const errors = syntaxErrors(tree);
        if (errors.length > 0) failures.push(`${label}: output does not parse: ${errors[0]!}`);
        const key = createHash('sha256')
          .update([...tree].filter(([path]) => path.endsWith('.ts')).join('\0'))
          .digest('hex');
        if (!packages.has(key)) packages.set(key, { tree, label });
        if (out.fingerprint === '') await writeFile(join(out.dir, 'LICENSE'), 'MIT, by hand\n');
        out.fingerprint = await fingerprint(out.dir);
      } catch (error) {
        outcomes.error++;
        if (process.env.FUZZ_VERBOSE) console.log(label, String(error).split('\n')[0]);
        if (!(error instanceof GeneratorError)) {
          failures.push(
            `${label}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          continue;
        }
        if (!error.location.file || !error.hint || /\n\s+at /.test(error.message))
          failures.push(`${label}: unclear GeneratorError: ${error.message}`);
        if (before !== '' && (await fingerprint(out.dir)) !== before)
          failures.push(`${label}: the output folder changed on a GeneratorError`);
      }
    }

    // Type-check a seeded sample of the distinct packages in one compiler host.
    const next = random(SEED);
    const distinct = [...packages.values()];
    const sample = distinct
      .map((made) => ({ made, order: next() }))
      .sort((a, b) => a.order - b.order)
      .slice(0, COMPILE)
      .map(({ made }) => made);
    const generated = performance.now();
    // Type-checked as users get them: prettier changes more than layout (it unquotes a key it
    // reads as an identifier), so the sample is formatted first, as `generate()` formats.
    const formatted: RenderedTree[] = [];
    for (const { tree, label } of sample) {
      try {
        formatted.push(await formatTree(tree));
      } catch (error) {
        failures.push(`${label}: prettier: ${String(error).split('\n')[0]!}`);
        formatted.push(tree);
      }
    }
    const compileErrors = compileTrees(formatted, join(ROOT, '.tmp', `fuzz-${process.pid}`));
    failures.push(
      ...compileErrors.map(({ index, text }) => `${sample[index]!.label}: type-check: ${text}`),
    );

    console.log(
      `generator fuzz (seed ${SEED}): ${outcomes.package} packages (${distinct.length} distinct, ${sample.length} type-checked), ${outcomes.error} GeneratorErrors; ${((generated - started) / 1000).toFixed(1)} s generating, ${((performance.now() - generated) / 1000).toFixed(1)} s formatting and type-checking`,
    );
    expect(failures, `replay with FUZZ_SEED=${SEED} FUZZ_CASE=<case>`).toEqual([]);
  });
});
