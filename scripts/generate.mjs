// `npm run generate`: runs the generator's CLI (generator/cli.ts) from its compiled build
// (scripts/generator-build.mjs), building it first when generator/ changed since the last build.
// Plain JavaScript: nothing is transpiled at start. Arguments and exit codes are the CLI's.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureGeneratorBuild } from './generator-build.mjs';

const dir = await ensureGeneratorBuild({ log: (line) => process.stderr.write(`${line}\n`) });
const { main } = await import(pathToFileURL(join(dir, 'cli.mjs')).href);
process.exitCode = await main(process.argv.slice(2));
