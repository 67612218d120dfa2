/**
 * The dev server's lint on its worker thread (scripts/lib/dev-lint.ts): Redocly's problems with
 * their places and its codeframe report, redocly.yaml read again only when asked, parses of
 * unchanged files reused without hiding edits, and a new worker after the last one stopped.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpecLinter } from '../scripts/lib/dev-lint.ts';
import { removeTempDirs, tempDir } from './generator/helpers.ts';

afterAll(removeTempDirs);

const SPEC = `openapi: 3.1.0
info:
  title: Lint
  version: 1.0.0
  license: { name: MIT, identifier: MIT }
servers:
  - url: https://api.example.com
security: []
paths:
  /things:
    $ref: './things.yaml'
components:
  schemas:
    Unused:
      type: object
`;
const THINGS = `get:
  operationId: listThings
  summary: Lists things.
  description: Lists things.
  responses:
    '200':
      description: OK
    '400':
      description: Bad request.
`;

async function project(rule: 'error' | 'off') {
  const dir = await tempDir('dev-lint-');
  await writeFile(join(dir, 'openapi.yaml'), SPEC);
  await writeFile(join(dir, 'things.yaml'), THINGS);
  await writeFile(
    join(dir, 'redocly.yaml'),
    `rules:\n  no-unused-components: ${rule}\n  operation-summary: error\n`,
  );
  return { dir, linter: new SpecLinter(join(dir, 'openapi.yaml'), join(dir, 'redocly.yaml')) };
}

describe('the dev server’s lint worker', () => {
  it('reports Redocly’s problems with file, line and column, and its codeframe report', async () => {
    const { linter } = await project('error');
    try {
      const { problems, report } = await linter.lint();
      const unused = problems.find((problem) => problem.rule === 'no-unused-components');
      expect(unused).toMatchObject({ severity: 'error' });
      expect(unused!.where).toMatch(/openapi\.yaml:14:5$/);
      expect(report).toContain('no-unused-components');
    } finally {
      await linter.close();
    }
  }, 60_000);

  it('reads redocly.yaml again only when asked, and sees edits of files it parsed before', async () => {
    const { dir, linter } = await project('error');
    try {
      expect((await linter.lint()).problems.map((p) => p.rule)).toContain('no-unused-components');
      await writeFile(
        join(dir, 'redocly.yaml'),
        'rules:\n  no-unused-components: off\n  operation-summary: error\n',
      );
      expect((await linter.lint()).problems.map((p) => p.rule)).toContain('no-unused-components');
      expect((await linter.lint(true)).problems.map((p) => p.rule)).not.toContain(
        'no-unused-components',
      );
      // An edited file is parsed again: a wrong one is reported, a fixed one passes again.
      await writeFile(join(dir, 'things.yaml'), THINGS.replace('  summary: Lists things.\n', ''));
      expect((await linter.lint()).problems.map((p) => p.rule)).toEqual(['operation-summary']);
      await writeFile(join(dir, 'things.yaml'), THINGS);
      expect((await linter.lint()).problems.map((p) => p.rule)).toEqual([]);
    } finally {
      await linter.close();
    }
  }, 60_000);

  it('lists a file that fails to parse once, beside each $ref that cannot reach it', async () => {
    const { dir, linter } = await project('off');
    // Two operations refer to one broken schema file: Redocly reports its parse error twice.
    const referring = THINGS.replace(
      '      description: OK\n',
      "      description: OK\n      content:\n        application/json:\n          schema: { $ref: './thing.yaml' }\n",
    );
    await writeFile(join(dir, 'things.yaml'), referring);
    await writeFile(
      join(dir, 'openapi.yaml'),
      SPEC.replace(
        "    $ref: './things.yaml'\n",
        "    $ref: './things.yaml'\n  /others:\n    $ref: './others.yaml'\n",
      ),
    );
    await writeFile(join(dir, 'others.yaml'), referring.replace('listThings', 'listOthers'));
    await writeFile(join(dir, 'thing.yaml'), 'type: object\n\n  broken: [\n');
    await writeFile(join(dir, 'redocly.yaml'), 'rules:\n  no-unresolved-refs: error\n');
    try {
      const { problems, report } = await linter.lint(true);
      const places = problems.map((problem) => `${problem.where} ${problem.message.slice(0, 20)}`);
      expect(places.filter((place) => place.includes('Failed to parse'))).toEqual([
        expect.stringMatching(/thing\.yaml:3:9 /),
      ]);
      expect(places.filter((place) => place.includes("Can't resolve"))).toHaveLength(2);
      expect(new Set(places).size).toBe(places.length);
      expect(report.match(/Failed to parse/g)).toHaveLength(1);
    } finally {
      await linter.close();
    }
  }, 60_000);

  it('reports a $ref it cannot resolve once, not again for each example that reaches it', async () => {
    const { dir, linter } = await project('off');
    // Two responses with an example reach a schema whose $ref names a missing file: Redocly's
    // example rules say each time that they could not resolve it, beside the $ref's own error.
    await writeFile(
      join(dir, 'things.yaml'),
      THINGS.replace(
        '      description: OK\n',
        "      description: OK\n      content:\n        application/json:\n          schema: { $ref: './thing.yaml' }\n          example: { a: 1 }\n",
      ).replace(
        '      description: Bad request.\n',
        "      description: Bad request.\n      content:\n        application/json:\n          schema: { $ref: './thing.yaml' }\n          example: { a: 2 }\n",
      ),
    );
    await writeFile(
      join(dir, 'thing.yaml'),
      "type: object\nproperties:\n  a: { $ref: './missing.yaml' }\n",
    );
    await writeFile(
      join(dir, 'redocly.yaml'),
      'rules:\n  no-unresolved-refs: error\n  no-invalid-media-type-examples: error\n',
    );
    try {
      const { problems, report } = await linter.lint(true);
      expect(problems.map((problem) => `${problem.rule} ${problem.where}`)).toEqual([
        expect.stringMatching(/^no-unresolved-refs .*thing\.yaml:3:6$/),
      ]);
      expect(report).not.toContain('Example validation errored');
      expect(report.match(/^\[\d+\] /gm)).toHaveLength(1);
    } finally {
      await linter.close();
    }
  }, 60_000);

  it('an example holding a property its schema lacks: the fix, on the page and in the report', async () => {
    const dir = await tempDir('dev-lint-example-');
    await writeFile(
      join(dir, 'openapi.yaml'),
      SPEC.replace(
        /components:[\s\S]*$/,
        'components:\n  schemas:\n    Thing:\n      type: object\n      properties: { id: { type: string } }\n',
      ),
    );
    await writeFile(
      join(dir, 'things.yaml'),
      THINGS.replace(
        '      description: OK\n',
        "      description: OK\n      content:\n        application/json:\n          schema: { $ref: './openapi.yaml#/components/schemas/Thing' }\n          example: { id: a, name: gone }\n",
      ),
    );
    await writeFile(
      join(dir, 'redocly.yaml'),
      'rules:\n  no-invalid-media-type-examples:\n    severity: error\n    allowAdditionalProperties: false\n',
    );
    const linter = new SpecLinter(join(dir, 'openapi.yaml'), join(dir, 'redocly.yaml'));
    try {
      const { problems, report } = await linter.lint();
      const example = problems.find((p) => p.rule === 'no-invalid-media-type-examples');
      expect(example?.where).toMatch(/things\.yaml:\d+:\d+$/);
      expect(example?.message).toMatch(
        /`name`.* fix: the example holds `name`, .*remove the property from the example too/,
      );
      expect(report).toMatch(/^fix: the example holds `name`/m);
    } finally {
      await linter.close();
    }
  });

  it('starts a new worker for the next lint after the last one stopped', async () => {
    const { linter } = await project('off');
    await linter.lint();
    await linter.close();
    try {
      expect((await linter.lint()).problems).toEqual([]);
    } finally {
      await linter.close();
    }
  }, 60_000);
});
