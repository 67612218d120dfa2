/**
 * `npm run docs` fails the way the other commands do (scripts/lib/command-error.ts printFailure):
 * each problem after its own `error: `, naming the file and place, then `  fix: `; never an
 * error message inside another, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docs-errors-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const docs = (...args: string[]) => runScript('scripts/docs.ts', args);

const HEAD = "openapi: 3.1.0\ninfo: {title: T, version: '1.0.0'}\n";
const response = (ref: string) =>
  `        '200':\n          description: ok\n          content: {application/json: {schema: {$ref: '${ref}'}}}\n`;

describe('npm run docs on bad input', { timeout: 120_000 }, () => {
  it('a spec the generator refuses: one error: line per problem with its place, and its fix', async () => {
    await writeFile(
      join(dir, 'bad.yaml'),
      `${HEAD}paths:\n  /a:\n    get:\n      responses:\n${response('#/components/schemas/Missing')}${response('#/components/schemas/Gone').replace("'200'", "'201'")}`,
    );
    const result = docs('--spec', join(dir, 'bad.yaml'), '--out', join(dir, 'site'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^error: \S*bad\.yaml:\d+:\d+ #\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema: cannot resolve \$ref "#\/components\/schemas\/Missing".*\n {2}fix: .*\nerror: \S*bad\.yaml:\d+:\d+ #\/paths\/~1a\/get\/responses\/201\/.*"#\/components\/schemas\/Gone".*\n {2}fix: .*\n$/,
    );
    expect(result.stderr).not.toMatch(/Error:|SDK generator cannot read|internal error/);
  });

  it('a missing spec and a pipe are named with the fix, as generate names them', () => {
    expect(spawnSync('mkfifo', [join(dir, 'pipe.yaml')]).status).toBe(0);
    const nope = join(dir, 'nope.yaml');
    expect(docs('--spec', nope, '--out', join(dir, 'site')).stderr).toBe(
      `error: ${nope}: spec file not found\n  fix: pass the path of an OpenAPI 3.0/3.1 YAML or JSON file with --spec (default spec/openapi.yaml)\n`,
    );
    expect(docs('--spec', join(dir, 'pipe.yaml'), '--out', join(dir, 'site')).stderr).toMatch(
      /^error: \S*pipe\.yaml: cannot read the spec file: .*pipe\.yaml is a pipe, not a regular file\n {2}fix: /,
    );
  });

  it('an --out that cannot be made: the option and the fix, not a stack trace', async () => {
    await writeFile(join(dir, 'ok.yaml'), `${HEAD}paths: {}\n`);
    await writeFile(join(dir, 'a-file'), 'not a folder');
    const result = docs('--spec', join(dir, 'ok.yaml'), '--out', join(dir, 'a-file/site'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^error: --out \S*a-file\/site: cannot create the folder to build in \(EEXIST at .*a-file\)\n {2}fix: pass a folder you can write to with --out/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
