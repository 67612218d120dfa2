/**
 * `npm run generate` (= `node scripts/generate.mjs`, which runs this module from the compiled build;
 * `tsx generator/cli.ts` runs it from source): flags → one GenerateOptions → generate().
 *
 * Exit codes: 0 done (or, with --check, up to date); 1 bad input (a GeneratorError: file, place,
 * fix) or, with --check, out of date; 2 bad command line. The output folder is only ever replaced
 * as a whole, after everything else succeeded.
 */
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { optionErrorMessage } from './unknown-option.ts';
import { emptyOptionMessage } from './empty-option.ts';
import { DEFAULT_OUT, DEFAULT_SPEC, REGENERATE_COMMAND } from './context.ts';
import { GeneratorError } from './errors.ts';
import { handleSignalsWhileWriting, interruptWrite } from './write/interrupt.ts';
import { shellWord, terminalLines, terminalText } from './escape.ts';
import type { GenerateOptions, GenerateResult } from './index.ts';

const HELP = `Generates a TypeScript SDK package from an OpenAPI 3.0 or 3.1 description.

Usage: npm run generate -- [options]      (node scripts/generate.mjs [options])

Options:
  --spec <file>            root file of the description (default ${DEFAULT_SPEC})
  --out <dir>              output folder, the package (default ${DEFAULT_OUT})
  --name <package>         npm package name (default: x-sdk.packageName in the spec, else
                           "<client name in kebab-case>-sdk", e.g. gigs-sdk)
  --package-version <v>    package version (default: x-sdk.packageVersion in the spec, which
                           npm run release writes, else the spec's info.version made semver)
  --redocly-config <file>  bundle with this redocly.yaml (default: Redocly's built-in defaults)
  --check                  write nothing; exit 1 when the output is out of date, saying
                           what changed in the API (operations and schemas added, removed,
                           changed) and which files would be added, changed or removed
  --strict                 treat warnings (parts of the spec the generator ignores, such as
                           unknown schema keywords) as errors
  --no-cache               format everything anew instead of reusing prettier's earlier output
                           (kept in node_modules/.cache/gigs-sdk-toolchain/)
  --unsafe-patterns <how>  what the guards do with a pattern that may take super-linear time
                           to match (ReDoS): re2js (default; run it on the linear-time re2js
                           engine, which the package then depends on), native (JavaScript's
                           RegExp anyway) or skip (do not check it)
  --allow-external-refs    follow $refs to files outside the spec's folder and to http(s)
                           URLs (default: refused, so a spec cannot pull other files of
                           the machine into the package or reach the network)
  -h, --help               show this help

--out must be a new or empty folder or a package this generator wrote; files in it that the
generator does not write (node_modules/, dist/, LICENSE, …) are never moved or changed, and a
killed run is finished or undone by the next one.
Exit codes: 0 done or up to date, 1 bad input or out of date, 2 bad command line.`;

/** The command's options, for `parseArgs` and for the typo hint of an unknown one. */
const OPTIONS = {
  spec: { type: 'string' },
  out: { type: 'string' },
  name: { type: 'string' },
  'package-version': { type: 'string' },
  'redocly-config': { type: 'string' },
  check: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  'unsafe-patterns': { type: 'string' },
  'allow-external-refs': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function main(argv: readonly string[]): Promise<number> {
  let options: GenerateOptions;
  try {
    const parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: OPTIONS,
    });
    if (parsed.values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const empty = emptyOptionMessage(parsed.values);
    if (empty !== undefined) throw new Error(empty);
    const { spec, out, name, check } = parsed.values;
    const version = parsed.values['package-version'];
    options = {
      check,
      strict: parsed.values.strict,
      cache: !parsed.values['no-cache'],
      allowExternalRefs: parsed.values['allow-external-refs'],
    };
    if (spec !== undefined) options.spec = spec;
    if (out !== undefined) options.out = out;
    if (name !== undefined) options.name = name;
    if (version !== undefined) options.version = version;
    if (parsed.values['redocly-config'] !== undefined)
      options.redoclyConfig = parsed.values['redocly-config'];
    const unsafe = parsed.values['unsafe-patterns'];
    if (unsafe !== undefined) {
      if (unsafe !== 're2js' && unsafe !== 'native' && unsafe !== 'skip') {
        throw new Error(
          `--unsafe-patterns must be re2js, native or skip, not ${JSON.stringify(unsafe)}`,
        );
      }
      options.unsafePatterns = unsafe;
    }
  } catch (error) {
    process.stderr.write(
      `error: ${terminalText(optionErrorMessage(error, OPTIONS, argv))}\nRun with --help for the options.\n`,
    );
    return 2;
  }

  const started = performance.now();
  // Ctrl-C or a kill: the output folder is left as it was, or, if the new package was already
  // being put in place, that is finished first (write/interrupt.ts).
  const shownOut = terminalText(options.out ?? DEFAULT_OUT);
  let deferred: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    const state = interruptWrite();
    if (state === 'finishing') {
      deferred = signal;
      return;
    }
    const written =
      state === 'abandoned'
        ? 'the files being written were removed; '
        : state === 'left'
          ? 'the files being written are left in a .generating-* folder, which the next run removes; '
          : '';
    process.stderr.write(`interrupted (${signal}): ${written}${shownOut}/ was left as it was\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  handleSignalsWhileWriting(onSignal);
  try {
    // Loaded only now, so that --help and usage errors answer at once.
    const [{ generate }, { describeOutOfDate, isUpToDate }] = await Promise.all([
      import('./index.ts'),
      import('./write/check.ts'),
    ]);
    const result = await generate(options);
    // Every text below may hold spec text or a file name with any character in it: a warning's and
    // an error's message are made safe for a terminal where they are made (errors.ts
    // `describeProblem`), the rest here (escape.ts `terminalText`).
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning.message}\n`);
    const out = terminalText(relative(process.cwd(), result.out) || '.');
    const spec = terminalText(options.spec ?? DEFAULT_SPEC);
    if (result.check !== undefined) {
      if (isUpToDate(result.check)) {
        process.stdout.write(`${out}/ is up to date with ${spec}.\n`);
        return 0;
      }
      process.stderr.write(describeOutOfDate(result.check, out, spec));
      // The same run without --check: the options as given (argv holds them as typed).
      const again = argv
        .filter((arg) => arg !== '--check')
        .map((arg) => shellWord(terminalText(arg)));
      process.stderr.write(
        `fix: run ${REGENERATE_COMMAND}${again.length === 0 ? '' : ` -- ${again.join(' ')}`}, review the changes and commit them\n`,
      );
      return 1;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(`${generatedLine(result, out, spec, seconds)}\n`);
    if (result.asPrinted.length > 0) process.stderr.write(asPrintedNote(result.asPrinted, out));
    if (result.overwritten !== undefined)
      process.stderr.write(overwrittenNote(result.overwritten, out));
    if (result.replacedPackage !== undefined && result.package !== undefined) {
      process.stderr.write(
        terminalText(
          `note: ${out}/ held the package ${JSON.stringify(result.replacedPackage)}; it now holds ${JSON.stringify(result.package.name)} (pass --out <folder> to keep packages of other specs apart)`,
        ) + '\n',
      );
    }
    if (deferred !== undefined) {
      process.stderr.write(
        `interrupted (${deferred}) while the new package was put in place: that was finished first\n`,
      );
      return deferred === 'SIGINT' ? 130 : 143;
    }
    return 0;
  } catch (error) {
    if (error instanceof GeneratorError) {
      // Each problem found at once after its own `error: `, then how many more were found.
      process.stderr.write(error.report);
      return 1;
    }
    process.stderr.write(
      `internal error (a bug in the generator, not in the spec):\n${terminalLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
    );
    return 1;
  } finally {
    handleSignalsWhileWriting(undefined);
  }
}

/**
 * The summary of a generating run: how many files it wrote and, when it could compare with the
 * folder before, how many of them are new or changed and how many it removed (files of an earlier
 * package it no longer writes); all of them when the folder did not exist.
 */
function generatedLine(result: GenerateResult, out: string, spec: string, seconds: string): string {
  const files = `${result.files.length} file${result.files.length === 1 ? '' : 's'}`;
  if (result.newFolder === true)
    return `Generated all ${files} in ${out}/ (the folder did not exist) from ${spec} (${seconds} s).`;
  let changes = '';
  if (result.changed !== undefined) {
    const written = new Set(result.files);
    const removed = result.changed.filter((path) => !written.has(path)).length;
    changes = ` (${result.changed.length - removed} changed${removed === 0 ? '' : `, ${removed} removed`})`;
  }
  return `Generated ${files}${changes} in ${out}/ from ${spec} (${seconds} s).`;
}

/**
 * Generated files edited by hand since the last run, which this run rewrote or removed: said, so
 * that an edit is not lost without a word (git holds it only if it was committed).
 */
function overwrittenNote(paths: readonly string[], out: string): string {
  const names = paths.map((path) => terminalText(`${out}/${path}`));
  const listed =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  const one = paths.length === 1;
  return (
    `note: ${listed} ${one ? 'had' : 'have'} been edited by hand since the last run, and this run wrote ` +
    `${one ? 'it' : 'them'} anew without the edits (a committed edit is still in git; one not committed is lost)\n` +
    `  fix: make such a change in the spec (a description, an x-sdk extension) or in templates/, ` +
    `or keep your own code in files of your own: ${terminalText(out)}/ keeps files the generator does not write\n`
  );
}

/**
 * The files too large to format (write/render.ts FORMAT_LIMIT), said once, so that a
 * `prettier --check` failing on them is no surprise.
 */
function asPrintedNote(paths: readonly string[], out: string): string {
  const names = paths.map((path) => terminalText(`${out}/${path}`));
  const listed =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return (
    `note: ${listed} ${paths.length === 1 ? 'is' : 'are'} over 2 MiB, the most the generator gives prettier: ` +
    `written as the TypeScript printer wrote ${paths.length === 1 ? 'it' : 'them'} (indented consistently, ` +
    `not in prettier's form); leave ${paths.length === 1 ? 'it' : 'them'} out of a prettier --check\n`
  );
}

/** True when this module is the program (not imported, e.g. by a test). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// No top-level await: the launcher's build of this module is CommonJS (scripts/generator-build.mjs).
if (isEntryPoint()) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
