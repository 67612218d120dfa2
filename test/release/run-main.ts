import { vi } from 'vitest';

/**
 * Runs a command's `main(argv)` in this process as its CLI would, from `cwd`, with its stdout and
 * stderr captured: the command's own code path without a process start (tsx and the generator
 * take seconds to load). One test spawns each command for real.
 */
export async function runMain(
  main: (argv: readonly string[]) => Promise<number>,
  cwd: string,
  args: string[],
): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => !!out.push(String(chunk))),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => !!err.push(String(chunk))),
  ];
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const status = await main(args);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(previous);
    for (const spy of spies) spy.mockRestore();
  }
}
