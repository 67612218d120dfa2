/**
 * tsc as a consumer of the package runs it: a tsconfig.json written into the consumer folder with
 * the options a strict modern project uses, then the toolchain's own tsc, run from that folder (so
 * its messages name files relative to it: `smoke.ts(3,7): error TS…`).
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { run, type RunResult } from '../../../scripts/lib/run.ts';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** strict, `module: nodenext`, ES2022, and no ambient `@types` (a consumer's own choice). */
const CONSUMER_OPTIONS = { module: 'nodenext', target: 'es2022', strict: true, types: [] };

/** Writes `dir/tsconfig.json` for `files` (consumer options, then `options` over them) and runs tsc. */
export async function consumerTsc(
  dir: string,
  files: readonly string[],
  options: Record<string, unknown> = {},
  timeoutMs = 90_000,
): Promise<RunResult> {
  const config = { compilerOptions: { ...CONSUMER_OPTIONS, ...options }, files };
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(config));
  return run(process.execPath, [TSC, '--project', 'tsconfig.json', '--pretty', 'false'], {
    cwd: dir,
    timeoutMs,
  });
}
