/** `tsc -p <package>/tsconfig.json --noEmit` in a child process, without blocking the test worker. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/spec.ts';

export function tscErrors(
  out: string,
  extraFlags: readonly string[] = [],
): Promise<{ status: number | null; errors: string[]; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(out, 'tsconfig.json'),
        '--noEmit',
        ...extraFlags,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) =>
      resolve({
        status,
        output,
        errors: output.split('\n').filter((line) => /error TS\d+/.test(line)),
      }),
    );
  });
}
