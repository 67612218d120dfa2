/**
 * Warnings of one kind at places whose words differ: each place is shown with its own words and
 * fix, never counted under the first place's text ("points at a response" for a $ref to a
 * parameter), by every consumer: the CLI's `warning:` lines, `--strict` (every place an error,
 * exit 1) and the dev server's terminal and page.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.ts';
import { startDevServer } from '../../scripts/lib/dev-server.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

/** Three $refs of the kind `sloppy:ref-to-component`: to a response, a parameter, a header. */
const SPEC = `openapi: 3.1.0
info: { title: T, version: '1' }
servers: [{ url: 'https://api.example.com' }]
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  status: { $ref: '#/components/responses/Status' }
                  limit: { $ref: '#/components/parameters/Limit' }
                  rate: { $ref: '#/components/headers/Rate' }
components:
  responses:
    Status:
      description: the status
      content: { application/json: { schema: { type: string } } }
  parameters:
    Limit: { name: limit, in: query, schema: { type: integer } }
  headers:
    Rate: { schema: { type: number } }
`;

async function specFile(): Promise<{ dir: string; spec: string }> {
  const dir = await tempDir('warning-places-');
  const spec = join(dir, 'openapi.yaml');
  await writeFile(spec, SPEC);
  return { dir, spec };
}

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const stderr: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  const stdout = process.stdout.write.bind(process.stdout);
  process.stderr.write = (chunk: string) => stderr.push(String(chunk)) > 0;
  process.stdout.write = () => true;
  try {
    return { code: await main(args), stderr: stderr.join('') };
  } finally {
    process.stderr.write = write;
    process.stdout.write = stdout;
  }
}

/** Each $ref's own words, as in the spec. */
const WORDS = [
  /openapi\.yaml:16:\d+ \S+\/status\/\$ref: \$ref "#\/components\/responses\/Status" points at a response/,
  /openapi\.yaml:17:\d+ \S+\/limit\/\$ref: \$ref "#\/components\/parameters\/Limit" points at a parameter/,
  /openapi\.yaml:18:\d+ \S+\/rate\/\$ref: \$ref "#\/components\/headers\/Rate" points at a header/,
];

describe('warnings of one kind at places with different words', () => {
  it('the CLI prints every place with its own words and fix, counting none under another', async () => {
    const { dir, spec } = await specFile();
    const { code, stderr } = await cli(['--spec', spec, '--out', join(dir, 'sdk')]);
    expect(code).toBe(0);
    for (const words of WORDS) expect(stderr).toMatch(words);
    expect(stderr).not.toContain('more place');
    expect(stderr.match(/^ +fix: /gm)).toHaveLength(3);
  }, 60_000);

  it('--strict: every place is an error with its own words and fix, and the run fails', async () => {
    const { dir, spec } = await specFile();
    const { code, stderr } = await cli(['--spec', spec, '--out', join(dir, 'sdk'), '--strict']);
    expect(code).toBe(1);
    const errors = stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errors).toHaveLength(3);
    WORDS.forEach((words, i) => expect(errors[i]).toMatch(words));
    for (const line of errors) expect(line).toContain('(an error because of --strict)');
    expect(stderr.match(/^ {2}fix: /gm)).toHaveLength(3);
  }, 60_000);

  it('npm run dev shows every place in the terminal and on the page', async () => {
    const { dir, spec } = await specFile();
    const lines: string[] = [];
    const server = await startDevServer({
      spec,
      out: join(dir, 'sdk'),
      port: 0,
      config: undefined,
      log: (line) => lines.push(line),
    });
    try {
      const status = (await (await fetch(`${server.url}status.json`)).json()) as {
        warnings: string[];
      };
      const terminal = lines.filter((line) => line.startsWith('warning: ')).join('\n');
      for (const words of WORDS) {
        expect(terminal).toMatch(words);
        expect(status.warnings.join('\n')).toMatch(words);
      }
      expect(terminal).not.toContain('more place');
    } finally {
      await server.close();
    }
  }, 120_000);
});
