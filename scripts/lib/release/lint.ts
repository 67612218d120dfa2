/**
 * The spec's lint before a release: Redocly's rules as `npm run lint:spec` and the pull-request
 * job run them (the project's redocly.yaml; Redocly's recommended rules where there is none), on
 * a thread of its own (the dev server's linter, dev-lint.ts) while the release compares the specs.
 * A spec edited since the last commit reaches a release without CI having linted it; so a release
 * with a lint error standing is refused. Warnings do not stop it: the lint reports them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CommandError } from '../command-error.ts';
import { SpecLinter, type LintEntry } from '../dev-lint.ts';

/** The lint errors shown in a refusal; `npm run lint:spec` lists every one. */
const SHOWN = 10;

/**
 * Starts the lint of `spec` (absolute) now; the promise rejects with a CommandError naming each
 * error (`file:line:column rule: message`, places relative to `cwd`) when there is one.
 */
export async function lintBeforeRelease(spec: string, cwd: string): Promise<void> {
  const config = join(cwd, 'redocly.yaml');
  const configName = existsSync(config) ? 'redocly.yaml' : "Redocly's recommended rules";
  const linter = new SpecLinter(spec, existsSync(config) ? config : undefined, cwd);
  let errors: LintEntry[];
  try {
    errors = (await linter.lint()).problems.filter((problem) => problem.severity === 'error');
  } catch (error) {
    throw new CommandError(
      `the spec could not be linted (${configName}): ${error instanceof Error ? error.message : String(error)}`,
      'run npm run lint:spec to see why, fix it, then release',
    );
  } finally {
    await linter.close();
  }
  if (errors.length === 0) return;
  const lines = errors.slice(0, SHOWN).map((e) => `  ${e.where} ${e.rule}: ${e.message}`);
  if (errors.length > SHOWN) lines.push(`  … and ${errors.length - SHOWN} more`);
  throw new CommandError(
    `the spec has ${errors.length} lint error${errors.length === 1 ? '' : 's'} (${configName}):\n${lines.join('\n')}`,
    'fix them (npm run lint:spec shows each with the lines around it), then release',
  );
}
