/**
 * One corpus spec, in a process of its own (so its peak memory can be measured):
 * `node --import tsx test/corpus/generate-one.ts <spec> <out> <data>`.
 *
 * Generates the package into `<out>` exactly as `npm run generate -- --spec <spec> --out <out>`
 * does, then writes what the example check needs into `<data>`: the examples, the document with
 * every example's schema named (`augmented.json`) and the guards of that document
 * (`example-guards.ts`, from the same model builder and guards emitter as the package).
 * Prints one JSON line: the CorpusRun fields it knows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveContext } from '../../generator/context.ts';
import { emitGuardRuntime, emitGuards } from '../../generator/emit/guards.ts';
import { generate } from '../../generator/index.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import { printSourceFile } from '../../generator/write/print.ts';
import { augment, collectExamples } from './examples.ts';

const [spec, out, data] = process.argv.slice(2);
if (spec === undefined || out === undefined || data === undefined) {
  process.stderr.write('usage: generate-one.ts <spec> <out> <data>\n');
  process.exit(2);
}

const started = performance.now();
const report: Record<string, unknown> = { spec, out, data };
try {
  const result = await generate({ spec, out, cache: false });
  report.ok = true;
  report.files = result.files.length;
  report.warnings = result.warnings ?? [];
  report.asPrinted = result.asPrinted;
} catch (error) {
  report.ok = false;
  report.error = error instanceof Error ? error.message : String(error);
}
report.seconds = (performance.now() - started) / 1000;
// Measured before the example data is made: that is the test's work, not the generator's.
report.maxRssBytes = process.resourceUsage().maxRSS * 1024;

if (report.ok === true) {
  const bundled = await loadAndBundle(resolveContext({ spec }));
  const examples = collectExamples(bundled.document);
  const augmented = augment(bundled.document, examples);
  const schemas = buildSchemaModel(augmented.doc, { file: spec, version: bundled.version });
  mkdirSync(data, { recursive: true });
  writeFileSync(
    join(data, 'examples.json'),
    JSON.stringify(
      examples.map((example) => ({ ...example, name: augmented.names.get(example.where) })),
    ),
  );
  writeFileSync(join(data, 'augmented.json'), JSON.stringify(augmented.doc));
  writeFileSync(join(data, 'version.json'), JSON.stringify(bundled.version));
  writeFileSync(
    join(data, 'example-guards.ts'),
    printSourceFile(emitGuards(schemas, { typesModule: './types.js' })),
  );
  writeFileSync(join(data, 'guards-runtime.ts'), printSourceFile(emitGuardRuntime()));
  report.examples = examples.length;
}
process.stdout.write(`${JSON.stringify(report)}\n`);
