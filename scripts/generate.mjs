// `npm run generate`: runs the generator's CLI (generator/cli.ts) from its compiled build
// (scripts/generator-build.mjs), building it first when generator/ changed since the last build.
// Plain JavaScript: nothing is transpiled at start, and the build is compiled from V8's code cache.
// Arguments and exit codes are the CLI's.
import { ensureGeneratorBuild, loadCli } from './generator-build.mjs';

const dir = await ensureGeneratorBuild({ log: (line) => process.stderr.write(`${line}\n`) });
const { main, saveCache } = loadCli(dir);
process.exitCode = await main(process.argv.slice(2));
saveCache();
