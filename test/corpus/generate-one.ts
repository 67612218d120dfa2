/**
 * One corpus spec, in a process of its own (so its peak memory can be measured):
 * `node --import tsx test/corpus/generate-one.ts <spec> <out> <data>`.
 *
 * Generates the package into `<out>` exactly as `npm run generate -- --spec <spec> --out <out>`
 * does, then writes what the example check needs into `<data>` (example-data.ts; a failure there
 * is reported as `examplesError`, not thrown). Prints one JSON line: the CorpusRun fields it knows.
 */
import { generate } from '../../generator/index.ts';
import { writeExampleData } from './example-data.ts';

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

if (report.ok === true) Object.assign(report, await writeExampleData(spec, data));
process.stdout.write(`${JSON.stringify(report)}\n`);
