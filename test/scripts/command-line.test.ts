/** readFlags (scripts/lib/command-line.ts): the flags, `--help`, and a mistake, as every command reads them. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readFlags } from '../../scripts/lib/command-line.ts';
import { ROOT } from '../helpers/spec.ts';

const USAGE = 'Usage: tsx scripts/x.ts [--out <dir>]';
const FLAGS = { out: { type: 'string', default: 'generated' }, fast: { type: 'boolean' } } as const;

afterEach(() => vi.restoreAllMocks());

describe('readFlags', () => {
  it('gives the values, with defaults', () => {
    expect(readFlags(['--fast'], FLAGS, USAGE)).toEqual({
      values: { out: 'generated', fast: true },
    });
    expect(readFlags(['--out', 'sdk'], FLAGS, USAGE)).toEqual({ values: { out: 'sdk' } });
  });

  it.each([['--help'], ['-h']])('prints the usage for %s and is done with exit code 0', (flag) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(readFlags([flag], FLAGS, USAGE)).toEqual({ exitCode: 0 });
    expect(log).toHaveBeenCalledWith(USAGE);
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--out'], "Option '--out <value>' argument missing"],
    [['stray'], "Unexpected argument 'stray'"],
    [['--out='], '--out is empty: give it a value'],
    [['--out', ''], '--out is empty: give it a value'],
  ])('refuses %j with the error and the usage, exit code 2', (argv, message) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readFlags(argv, FLAGS, USAGE)).toEqual({ exitCode: 2 });
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]![0])).toMatch(
      new RegExp(
        `^error: .*${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^]*\\n\\n${USAGE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
      ),
    );
  });
});

/** Every npm script that runs one of our command files, with the file (`lint:spec` → scripts/lint-spec.ts). */
function commands(): [string, string][] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return Object.entries(scripts).flatMap(([name, command]): [string, string][] => {
    const file = /^(?:tsx|node) (scripts\/[\w-]+\.(?:ts|mjs))$/.exec(command)?.[1];
    return file === undefined || name === 'prepare' ? [] : [[name, file]];
  });
}

describe('every command', () => {
  it('is found in package.json', () => {
    expect(commands().map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'lint:spec',
        'bundle',
        'generate',
        'docs',
        'diff',
        'release',
        'bench',
      ]),
    );
  });

  it.each(commands())(
    'npm run %s refuses an unknown option and a stray argument with a one-line error, no stack',
    (_name, file) => {
      for (const argv of [['--bogus'], ['stray.yaml']]) {
        const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...argv], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toMatch(/^error: /);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    },
  );
});

describe('npm run bench', () => {
  it.each(['generate', 'dev', 'client', 'guards'])(
    'hands the flags after the names to the %s benchmark, which refuses one it does not know',
    (name) => {
      const result = run('scripts/bench.ts', [name, '--bogus']);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(
        /^error: Unknown option '--bogus'.*\n\nUsage: npm run bench -- /,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('says which specs --only takes', () => {
    const result = run('scripts/bench.ts', ['generate', '--only', 'nope']);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toBe(
      'error: --only nope names no spec of this benchmark\n  fix: --only ours or --only github or --only public\n',
    );
  });
});

/** Runs a command file as npm would, with a time limit (a hang fails the test instead of the run). */
function run(file: string, argv: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', file, ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('an empty path option', () => {
  it.each([
    ['lint:spec', 'scripts/lint-spec.ts'],
    ['bundle', 'scripts/bundle.ts'],
    ['generate', 'scripts/generate.mjs'],
    ['docs', 'scripts/docs.ts'],
    ['diff', 'scripts/diff.ts'],
    ['release', 'scripts/release.ts'],
  ])(
    'npm run %s refuses `--spec=` (an unset variable), not reading the working folder',
    (_name, file) => {
      const result = run(file, ['--spec=']);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/^error: --spec is empty: give it a value/);
    },
  );
});

describe('lint:spec and bundle refuse what generate refuses as a spec, in its words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spec-root-'));
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [
      'scripts/lint-spec.ts',
      'spec',
      /spec: the spec path names a folder, not a file\n {2}fix: .*--spec spec\/openapi\.yaml/,
    ],
    ['scripts/bundle.ts', 'spec', /spec: the spec path names a folder, not a file/],
    [
      'scripts/lint-spec.ts',
      '/dev/zero',
      /\/dev\/zero: cannot read the spec file: \/dev\/zero is a character device, not a regular file\n {2}fix: /,
    ],
    ['scripts/bundle.ts', '/dev/zero', /is a character device, not a regular file/],
    [
      'scripts/lint-spec.ts',
      'pipe.yaml',
      /pipe\.yaml: cannot read the spec file: .*pipe\.yaml is a pipe, not a regular file/,
    ],
    ['scripts/bundle.ts', 'pipe.yaml', /is a pipe, not a regular file/],
  ])('%s --spec %s: exit 1 at once with error and fix', (file, name, message) => {
    // pipe.yaml is the pipe in the temp folder.
    const result = run(file, ['--spec', name.endsWith('.yaml') ? join(dir, name) : name]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('lint:spec and bundle read the spec as generate does before Redocly sees it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spec-refs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const root = (name: string, ref: string) => {
    mkdirSync(join(dir, name), { recursive: true });
    const file = join(dir, name, 'openapi.yaml');
    writeFileSync(
      file,
      `openapi: 3.1.0\ninfo: {title: T, version: '1.0.0'}\npaths: {}\ncomponents:\n  schemas:\n    Z: {$ref: '${ref}'}\n`,
    );
    return file;
  };

  it.each(['scripts/lint-spec.ts', 'scripts/bundle.ts'])(
    '%s: a $ref through a link out of the folder is refused before anything reads or prints the file',
    (file) => {
      const secret = join(dir, 'secret.yaml');
      writeFileSync(secret, 'type: string\ndescription: SECRET-VALUE\n');
      const spec = root(`link-${file.replace(/\W/g, '')}`, './p.yaml');
      symlinkSync(secret, join(dirname(spec), 'p.yaml'));
      const out = join(dir, `out-${file.replace(/\W/g, '')}.json`);
      const result = run(file, [
        '--spec',
        spec,
        ...(file.includes('bundle') ? ['--out', out] : []),
      ]);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/^error: .*refused: it leads through the symbolic link/);
      expect(result.stderr).toMatch(/--allow-external-refs/);
      expect(result.stdout + result.stderr).not.toContain('SECRET-VALUE');
      expect(existsSync(out)).toBe(false);
      // For a spec the user trusts, the flag lets Redocly follow it.
      const allowed = run(file, [
        '--spec',
        spec,
        '--allow-external-refs',
        ...(file.includes('bundle') ? ['--out', out] : []),
      ]);
      expect(allowed.stderr).not.toMatch(/refused/);
    },
  );

  it('lint:spec requests no URL a $ref names', async () => {
    let hits = 0;
    const server = createServer((_request, response) => {
      hits++;
      response.end('type: string\n');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    try {
      const spec = root('url', `http://127.0.0.1:${port}/leak.yaml`);
      const result = await new Promise<{ status: number | null; stderr: string }>((done) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'scripts/lint-spec.ts', '--spec', spec],
          {
            cwd: ROOT,
          },
        );
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (status) => done({ status, stderr }));
      });
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toMatch(
        /\$ref to a URL \(http:\/\/127\.0\.0\.1:\d+\/leak\.yaml\) refused/,
      );
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it('lint:spec refuses a version generate refuses, and a YAML alias bomb, at once', () => {
    const version = join(dir, 'version.yaml');
    writeFileSync(version, "openapi: '3.1.0.1'\ninfo: {title: T, version: '1.0.0'}\npaths: {}\n");
    const refused = run('scripts/lint-spec.ts', ['--spec', version]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^error: .*not an OpenAPI 3\.0 or 3\.1 document/);
    const lines = [
      "openapi: 3.1.0\ninfo: {title: T, version: '1.0.0'}\npaths: {}",
      'x-a: &a [x, x, x, x, x, x, x, x, x]',
    ];
    for (let i = 1; i < 9; i++)
      lines.push(
        `x-${i}: &a${i} [${Array(9)
          .fill(i === 1 ? '*a' : `*a${i - 1}`)
          .join(', ')}]`,
      );
    const bomb = join(dir, 'bomb.yaml');
    writeFileSync(bomb, `${lines.join('\n')}\n`);
    const result = run('scripts/lint-spec.ts', ['--spec', bomb]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^error: .*alias/);
  });
});
