/**
 * `npm run bundle`: bundles the split spec into one file for tools that want one
 * (default `build/openapi.json`). Written to a temporary file first and moved into place, so a
 * failed run leaves the previous bundle as it was.
 *
 *   npm run bundle [-- --spec <file>] [-- --out <file>]
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readFlags } from './lib/command-line.ts';
import { ALLOW_EXTERNAL_REFS, DEFAULT_SPEC, specRootOrExit } from './lib/spec-root.ts';
import { runRedocly } from './lib/redocly.ts';

const flags = readFlags(
  process.argv.slice(2),
  {
    spec: { type: 'string', default: DEFAULT_SPEC },
    out: { type: 'string', default: 'build/openapi.json' },
    ...ALLOW_EXTERNAL_REFS,
  },
  'Usage: npm run bundle [-- --spec <file>] [--out <file.json|file.yaml>] [--allow-external-refs]\n' +
    "$refs stay in the spec's folder unless --allow-external-refs (for a spec you trust).",
);
if ('exitCode' in flags) process.exit(flags.exitCode);
const { values } = flags;
const spec = await specRootOrExit(values.spec, values['allow-external-refs']);
const out = resolve(values.out);
// Redocly picks the format by the extension, and adds one where there is none (`x` → `x.yaml`).
if (statSync(out, { throwIfNoEntry: false })?.isDirectory() === true) {
  console.error(
    `error: ${values.out} is a folder: give --out a file name (e.g. ${values.out}/openapi.json)`,
  );
  process.exit(2);
}
if (!/\.(json|ya?ml)$/i.test(out)) {
  console.error(
    `error: give --out a file name ending .json, .yaml or .yml (the extension sets the format), not ${values.out}`,
  );
  process.exit(2);
}
mkdirSync(dirname(out), { recursive: true });
const tmp = out.replace(/(\.\w+)$/, `.tmp-${process.pid}$1`);
// Redocly's own success line names the temporary file: ours names the bundle.
const status = runRedocly(['bundle', spec, '--config', resolve('redocly.yaml'), '--output', tmp], {
  quiet: (status) => status === 0,
});
if (status !== 0 || !existsSync(tmp)) {
  rmSync(tmp, { force: true });
  console.error(`Bundling ${values.spec} failed; ${values.out} was left as it was.`);
  process.exit(status || 1);
}
renameSync(tmp, out);
console.log(`Bundled ${values.spec} into ${values.out}.`);
