/**
 * `npm run lint:spec` (also part of `npm run lint`): lints the spec with Redocly under redocly.yaml (every rule at error).
 * Exits non-zero on any problem; Redocly's messages name the file, line and column of each one
 * (an example holding a property its schema lacks gets a fix line too: lib/lint-explain.ts).
 * Its output quotes the spec (code frames, names in messages), so it is printed as the generator
 * prints spec text to a terminal: invisible and control characters as visible escapes.
 *
 *   npm run lint:spec [-- --spec <file>]
 */
import { resolve } from 'node:path';
import { readFlags } from './lib/command-line.ts';
import { ALLOW_EXTERNAL_REFS, DEFAULT_SPEC, specRootOrExit } from './lib/spec-root.ts';
import { explainLintReport } from './lib/lint-explain.ts';
import { runRedocly } from './lib/redocly.ts';

const USAGE =
  'Usage: npm run lint:spec [-- --spec <file>] [--allow-external-refs]\n' +
  'Lints the OpenAPI description with Redocly (redocly.yaml), after the checks npm run generate makes\n' +
  "when it reads a spec. $refs stay in the spec's folder unless --allow-external-refs (for a spec you trust).";

const flags = readFlags(
  process.argv.slice(2),
  { spec: { type: 'string', default: DEFAULT_SPEC }, ...ALLOW_EXTERNAL_REFS },
  USAGE,
);
if ('exitCode' in flags) process.exit(flags.exitCode);
const spec = await specRootOrExit(flags.values.spec, flags.values['allow-external-refs']);
process.exit(
  runRedocly(['lint', spec, '--config', resolve('redocly.yaml'), '--format', 'codeframe'], {
    explain: explainLintReport,
  }),
);
