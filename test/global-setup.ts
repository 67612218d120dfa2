/**
 * Once before any test file: the compiled generator (scripts/generator-build.mjs) is brought up
 * to date, so that tests running `npm run generate`'s entry point in parallel never race to build
 * it, and none of them sees the "Building the generator" line after an edit under generator/.
 */
import { ensureGeneratorBuild } from '../scripts/generator-build.mjs';

export default async function setup(): Promise<void> {
  await ensureGeneratorBuild({ log: (line) => console.log(line) });
}
