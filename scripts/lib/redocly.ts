import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { terminalLines } from '../../generator/escape.ts';

/** Path of the Redocly CLI's entry script in this project's node_modules. */
export function redoclyBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@redocly/cli/package.json');
  const pkg = require(pkgPath) as { bin: string | Record<string, string> };
  const bin =
    typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin['redocly'] ?? Object.values(pkg.bin)[0]);
  if (bin === undefined) throw new Error('@redocly/cli declares no binary');
  return join(dirname(pkgPath), bin);
}

/** The environment for Redocly runs: no telemetry, no update checks. */
export function quietNodeEnv(): NodeJS.ProcessEnv {
  return { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
}

/**
 * Redocly's output without the boxed notices it prints on every run (that Node.js 20 support is
 * ending): lines with the box's frame characters.
 */
function withoutBanner(output: string): string {
  return output
    .split('\n')
    .filter((line) => !/[║╔╚]/.test(line))
    .join('\n')
    .trim();
}

/**
 * Runs the Redocly CLI in this process's folder and prints what it printed, stdout then stderr,
 * as the generator prints spec text to a terminal (escape.ts `terminalLines`): Redocly quotes the
 * spec (code frames, names in messages), and a spec can hold control and bidi characters.
 * Returns Redocly's exit status (1 when it could not run); `quiet` drops its output for the outcomes the caller reports itself;
 * `explain` rewrites Redocly's stdout and stderr in the caller's words (lint-explain.ts).
 */
export function runRedocly(
  args: readonly string[],
  options: { quiet?: (status: number) => boolean; explain?: (stdout: string) => string } = {},
): number {
  const result = spawnSync(process.execPath, [redoclyBin(), ...args], {
    stdio: ['inherit', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: quietNodeEnv(),
    maxBuffer: 1 << 30,
  });
  // `quiet` drops Redocly's own lines for an outcome the caller reports itself.
  const silent = options.quiet?.(result.status ?? 1) === true;
  const stdout = silent ? '' : (options.explain ?? String)(withoutBanner(result.stdout ?? ''));
  // Redocly prints its summary (and advice) on stderr: the caller's words apply there too.
  const stderr = silent ? '' : (options.explain ?? String)(withoutBanner(result.stderr ?? ''));
  if (stdout !== '') process.stdout.write(`${terminalLines(stdout)}\n`);
  if (stderr !== '') process.stderr.write(`${terminalLines(stderr)}\n`);
  if (result.error) process.stderr.write(`Redocly did not run: ${result.error.message}\n`);
  return result.status ?? 1;
}
