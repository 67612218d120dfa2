/**
 * `npm run bench`: every benchmark, one after the other, each printing its own table with the
 * anchors side by side and the ratios. Benchmarks, not tests: their goals are read from the
 * figures, never asserted, because these machines are noisy.
 *
 *   npm run bench                       all of them
 *   npm run bench -- generate           only the ones whose name contains "generate"
 *   npm run bench -- generate --rounds 3
 *                                       the flags after the names go to each benchmark run
 *                                       (each refuses one it does not know)
 *
 * - generate: whole-process generation time, CPU and peak memory against openapi-typescript,
 *             @hey-api/openapi-ts and redocly generate-client (our spec, GitHub's), and --check
 * - dev:      npm run dev: how soon a saved one-schema edit is in the package and on the page
 * - client:   per-request overhead against plain fetch and openapi-fetch; bundle size
 * - guards:   validations per second against ajv, zod and typebox
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = ['generate', 'dev', 'client', 'guards'] as const;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const argv = process.argv.slice(2);
const firstFlag = argv.findIndex((arg) => arg.startsWith('-'));
const filters = firstFlag === -1 ? argv : argv.slice(0, firstFlag);
const flags = firstFlag === -1 ? [] : argv.slice(firstFlag);
const selected = BENCHMARKS.filter(
  (name) => filters.length === 0 || filters.some((f) => name.includes(f)),
);
if (selected.length === 0) {
  console.error(
    `error: no benchmark matches ${filters.join(', ')}; there are: ${BENCHMARKS.join(', ')}.`,
  );
  process.exit(2);
}

let failed = 0;
for (const name of selected) {
  console.log(`\n## ${name}\n`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', `scripts/bench-${name}.ts`, ...flags],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  // A flag the benchmark does not take: it printed the error and its usage; the others would too.
  if (result.status === 2) process.exit(2);
  if (result.status !== 0) {
    console.error(`bench-${name} failed (exit ${String(result.status ?? result.signal)}).`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
