/**
 * `npm run dev`'s command line: a mistake in its arguments or a port in use is one clear message
 * and an exit code, before any work and without a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, removeTempDirs, tempDir } from './generator/helpers.ts';

afterAll(removeTempDirs);

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function dev(cwd: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'scripts/dev.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('npm run dev, command line', () => {
  it('answers an unknown option with the usage and exit code 2', async () => {
    const result = dev(await tempDir('dev-cli-'), ['--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: Unknown option '--bogus'/);
    expect(result.stderr).toContain('Usage: npm run dev');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a port in use before generating anything', async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    try {
      const port = (busy.address() as { port: number }).port;
      const cwd = await tempDir('dev-cli-');
      const result = dev(cwd, ['--spec', join(ROOT, 'spec/openapi.yaml'), '--port', String(port)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`error: port ${port} on 127.0.0.1 is in use`);
      expect(result.stderr).toContain('fix: ');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(cwd, 'generated'))).toBe(false);
    } finally {
      busy.close();
    }
  });
});
