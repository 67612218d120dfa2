import { spawnSync } from 'node:child_process';
import { ROOT } from './spec.ts';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, colour codes removed. */
  output: string;
}

/**
 * Runs one of the project's scripts the way `npm run` does, from the root: TypeScript through tsx,
 * plain JavaScript (`.mjs`, e.g. scripts/generate.mjs, what `npm run generate` runs) with node.
 */
export function runScript(script: string, args: string[] = [], timeout = 120_000): RunResult {
  const loader = script.endsWith('.mjs') ? [] : ['--import', 'tsx'];
  const result = spawnSync(process.execPath, [...loader, script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
  const stdout = strip(result.stdout ?? '');
  const stderr = strip(result.stderr ?? '');
  return { status: result.status, stdout, stderr, output: `${stdout}\n${stderr}` };
}
