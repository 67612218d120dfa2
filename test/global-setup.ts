/**
 * Once before any test file: the compiled generator (scripts/generator-build.mjs) is brought up
 * to date, so that tests running `npm run generate`'s entry point in parallel never race to build
 * it, and none of them sees the "Building the generator" line after an edit under generator/.
 *
 * The run also gets its own temp folder (`TMPDIR`, which `os.tmpdir()` reads and the test
 * workers, the generator's child processes and Chromium inherit), removed after the last file:
 * a test that fails, times out or forgets its cleanup leaves nothing in the machine's /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureGeneratorBuild } from '../scripts/generator-build.mjs';

export default async function setup(): Promise<() => void> {
  const previous = process.env['TMPDIR'];
  const runDir = mkdtempSync(join(tmpdir(), 'sdk-tests-'));
  process.env['TMPDIR'] = runDir;
  await ensureGeneratorBuild({ log: (line) => console.log(line) });
  return () => {
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
  };
}
