/**
 * `npm run bench`: every benchmark, one after the other, each printing its own table with the
 * anchors side by side and the ratios. Benchmarks, not tests: their goals are read from the
 * figures, never asserted, because these machines are noisy.
 *
 *   npm run bench                 all of them
 *   npm run bench -- generate     only the ones whose name contains "generate"
 *
 * - generate: generation time and peak memory against openapi-typescript (our spec, GitHub's)
 * - client:   per-request overhead against plain fetch and openapi-fetch; bundle size
 * - guards:   validations per second against ajv, zod and typebox
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = ['generate', 'client', 'guards'] as const;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const filters = process.argv.slice(2);
const selected = BENCHMARKS.filter(
  (name) => filters.length === 0 || filters.some((f) => name.includes(f)),
);
if (selected.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ')}; there are: ${BENCHMARKS.join(', ')}.`);
  process.exit(2);
}

let failed = 0;
for (const name of selected) {
  console.log(`\n## ${name}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/bench-${name}.ts`], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`bench-${name} failed (exit ${result.status ?? result.signal}).`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
