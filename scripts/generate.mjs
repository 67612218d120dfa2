// `npm run generate`: runs the generator's CLI (generator/cli.ts) from its compiled build
// (scripts/generator-build.mjs), building it first when generator/ changed since the last build.
// Plain JavaScript: nothing is transpiled at start. A run that generates starts from V8's code
// cache of the whole CLI (loadCli); `--check` and `--help`, which usually need only a little of
// it (the generation record's hashes, the usage text), load the ES module build, whose steps come
// from chunks as they are needed; a run that generates starts its prettier worker before the CLI
// loads (prestartFormatWorker). Arguments and exit codes are the CLI's.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureGeneratorBuild, loadCli, prestartFormatWorker } from './generator-build.mjs';

const argv = process.argv.slice(2);
const dir = await ensureGeneratorBuild({ log: (line) => process.stderr.write(`${line}\n`) });
if (argv.some((arg) => arg === '--check' || arg === '--help' || arg === '-h')) {
  const { main } = await import(pathToFileURL(join(dir, 'cli.mjs')).href);
  process.exitCode = await main(argv);
} else {
  prestartFormatWorker();
  const { main, saveCache } = loadCli(dir);
  process.exitCode = await main(argv);
  saveCache();
}
