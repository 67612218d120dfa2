/**
 * `$ref`s reach the root file's folder and below, nothing else, unless `--allow-external-refs`:
 * a spec from someone else (a pull request) must not read other files of the machine into the
 * package (which is then published) or make requests from CI (a cloud's metadata service). Each
 * refusal is a GeneratorError at the `$ref`, with the fix, before the file is read or the URL
 * requested; nothing is written.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generate } from '../../generator/index.ts';
import { main } from '../../generator/cli.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

const SECRET = 'TOP-SECRET-VALUE';
let requests = 0;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((_request, response) => {
    requests++;
    response.setHeader('content-type', 'application/yaml');
    response.end(`Remote: { type: string, description: ${SECRET} }\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A spec folder (`<dir>/spec/`) whose one response schema is `{ $ref: ref }`, and a secret file beside it. */
async function specWithRef(ref: string): Promise<{ dir: string; spec: string }> {
  const dir = await tempDir('external-refs-');
  await mkdir(join(dir, 'spec/schemas'), { recursive: true });
  await writeFile(join(dir, 'secret.yaml'), `Secret: { type: string, description: ${SECRET} }\n`);
  await writeFile(join(dir, 'spec/schemas/Thing.yaml'), 'type: object\n');
  const spec = join(dir, 'spec/openapi.yaml');
  await writeFile(
    spec,
    `openapi: 3.1.0
info: { title: Refs, version: 1.0.0 }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: '${ref}' }
`,
  );
  return { dir, spec };
}

async function refusal(spec: string, out: string): Promise<GeneratorError> {
  const error = await generate({ spec, out }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

describe('percent-encoded $refs (RFC 3986 URI references)', () => {
  it('name the file decoded: my%20schemas/Plan%2BLine.yaml is "my schemas/Plan+Line.yaml"', async () => {
    const { dir, spec } = await specWithRef('my%20schemas/Plan%2BLine.yaml');
    await mkdir(join(dir, 'spec/my schemas'));
    await writeFile(
      join(dir, 'spec/my schemas/Plan+Line.yaml'),
      'type: object\nproperties:\n  quantity: { type: integer }\n',
    );
    const out = join(dir, 'sdk');
    await generate({ spec, out });
    expect(await readFile(join(out, 'src/types.ts'), 'utf8')).toMatch(/quantity\?: number/);
  });

  it('are checked decoded: %2e%2e/secret.yaml is outside the spec folder, refused', async () => {
    const { dir, spec } = await specWithRef('%2e%2e/secret.yaml#/Secret');
    const error = await refusal(spec, join(dir, 'sdk'));
    expect(error.message).toMatch(/outside the spec's folder/);
    expect(error.message).not.toContain(SECRET);
  });
});

describe('$refs outside the spec folder', () => {
  it.each([
    ['a file beside the folder', '../secret.yaml#/Secret', /outside the spec's folder/],
    ['an absolute path', '/etc/passwd', /outside the spec's folder \(\/etc\/passwd\)/],
  ])('refuse %s, at the $ref, with the fix, reading nothing', async (_name, ref, says) => {
    const { dir, spec } = await specWithRef(ref);
    const out = join(dir, 'sdk');
    const error = await refusal(spec, out);
    expect(error.message).toMatch(says);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('root:');
    expect(error.location.pointer).toBe(
      '#/paths/~1things/get/responses/200/content/application~1json/schema',
    );
    // Never tells the user to copy the file (a system or secret one) into the spec.
    expect(error.hint).toMatch(
      /^point the \$ref at a YAML or JSON file inside the spec's folder, or, if .* is trusted, run with --allow-external-refs$/,
    );
    expect(error.hint).not.toMatch(/copy/i);
    expect(existsSync(out)).toBe(false);
  });

  it('refuse a URL without requesting it', async () => {
    const { dir, spec } = await specWithRef(`${base}/remote.yaml#/Remote`);
    const before = requests;
    const error = await refusal(spec, join(dir, 'sdk'));
    expect(error.message).toContain(`$ref to a URL (${base}/remote.yaml) refused`);
    expect(requests).toBe(before);
  });

  it.each([
    ['a file', './schemas/Linked.yaml#/Secret', 'spec/schemas/Linked.yaml', 'secret.yaml'],
    ['a folder on the way', './shared/secret.yaml#/Secret', 'spec/shared', ''],
  ])(
    'refuse a symlink inside the folder that leads out of it (%s), naming the link, where it points and the fix',
    async (_name, ref, link, target) => {
      const { dir, spec } = await specWithRef(ref);
      await symlink(join(dir, target), join(dir, link));
      const error = await refusal(spec, join(dir, 'sdk'));
      expect(error.message).toContain(
        `leads through the symbolic link ${join(dir, link)}, which points to ${join(dir, target)}, outside the spec's folder`,
      );
      expect(error.message).not.toContain(SECRET);
      expect(error.hint).toBe(
        `point the $ref at a YAML or JSON file inside the spec's folder (not through the link ${join(dir, link)}), or, if ${join(dir, target)} is trusted, run with --allow-external-refs`,
      );
    },
  );

  it('refuse a link to /etc/passwd without telling the user to copy it into the spec', async () => {
    const { dir, spec } = await specWithRef('./schemas/Passwd.yaml');
    await symlink('/etc/passwd', join(dir, 'spec/schemas/Passwd.yaml'));
    const error = await refusal(spec, join(dir, 'sdk'));
    expect(error.message).toContain('which points to /etc/passwd');
    expect(error.message).not.toContain('root:');
    expect(error.hint).not.toMatch(/copy/i);
    expect(error.hint).toMatch(
      /^point the \$ref at a YAML or JSON file inside the spec's folder .*or, if \/etc\/passwd is trusted, run with --allow-external-refs$/,
    );
  });

  it.each([
    ['a link in the folder to /dev/zero', './schemas/Zero.yaml', 'spec/schemas/Zero.yaml'],
    ['an absolute path to /dev/zero', '/dev/zero', undefined],
  ])(
    'refuse %s with a fix that does not say to copy a device into the spec',
    async (_name, ref, link) => {
      const { dir, spec } = await specWithRef(ref);
      if (link !== undefined) await symlink('/dev/zero', join(dir, link));
      const error = await refusal(spec, join(dir, 'sdk'));
      expect(error.message).toMatch(/refused/);
      expect(error.hint).toBe(
        "point the $ref at a YAML or JSON file in the spec's folder: /dev/zero is a character device, not a regular file",
      );
    },
  );

  it('follow files in the folder and below', async () => {
    const { dir, spec } = await specWithRef('./schemas/Thing.yaml');
    const result = await generate({ spec, out: join(dir, 'sdk') });
    expect(result.files).toContain('src/types.ts');
  });

  it('are followed with --allow-external-refs (files and URLs)', async () => {
    const file = await specWithRef('../secret.yaml#/Secret');
    const out = join(file.dir, 'sdk');
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string) => (stderr.push(String(chunk)), true);
    try {
      expect(await main(['--spec', file.spec, '--out', out])).toBe(1);
      expect(stderr.join('')).toContain('--allow-external-refs');
      expect(await main(['--spec', file.spec, '--out', out, '--allow-external-refs'])).toBe(0);
    } finally {
      process.stderr.write = write;
    }
    expect(await readFile(join(out, 'src/types.ts'), 'utf8')).toContain(SECRET);

    const remote = await specWithRef(`${base}/remote.yaml#/Remote`);
    const before = requests;
    await generate({ spec: remote.spec, out: join(remote.dir, 'sdk'), allowExternalRefs: true });
    expect(requests).toBeGreaterThan(before);
  });
});

describe('$refs to hidden files inside the spec folder (.git/config, .env)', () => {
  it.each([
    ['a description from .git/config', 'info', "description: { $ref: '.git/config' }"],
    ['a summary from .env', 'operation', "summary: { $ref: './.env' }"],
    ['a schema in a hidden folder', 'schema', "schema: { $ref: './.private/Thing.yaml' }"],
  ])('refuse %s, reading nothing, with the fix', async (_name, _where, line) => {
    const dir = await tempDir('hidden-refs-');
    await mkdir(join(dir, '.git'), { recursive: true });
    await mkdir(join(dir, '.private'), { recursive: true });
    await writeFile(
      join(dir, '.git/config'),
      `[remote "origin"]\n  url = https://user:${SECRET}@github.com/acme/api.git\n`,
    );
    await writeFile(join(dir, '.env'), `TOKEN=${SECRET}\n`);
    await writeFile(join(dir, '.private/Thing.yaml'), `type: string\ndescription: ${SECRET}\n`);
    const info = line.startsWith('description') ? `, ${line}` : '';
    const summary = line.startsWith('summary') ? `\n      ${line}` : '';
    const schema = line.startsWith('schema') ? line : 'schema: { type: string }';
    const spec = join(dir, 'openapi.yaml');
    await writeFile(
      spec,
      `openapi: 3.1.0
info: { title: Refs, version: 1.0.0${info} }
paths:
  /things:
    get:
      operationId: listThings${summary}
      responses:
        '200':
          description: OK
          content:
            application/json:
              ${schema}
`,
    );
    const out = join(dir, 'sdk');
    const error = await refusal(spec, out);
    expect(error.message).toMatch(/\$ref to a hidden file \(.*\) refused/);
    expect(error.message).not.toContain(SECRET);
    expect(error.hint).toMatch(/no part starting with a dot/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a root file whose own name starts with a dot (.openapi.yaml)', () => {
  it('generates: the user named it; a $ref back into it is fine too', async () => {
    const dir = await tempDir('hidden-root-');
    const spec = join(dir, '.openapi.yaml');
    await writeFile(
      spec,
      `openapi: 3.1.0
info: { title: Hidden root, version: 1.0.0 }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: './.openapi.yaml#/components/schemas/Thing' }
components:
  schemas:
    Thing: { type: string }
`,
    );
    const out = join(dir, 'sdk');
    await generate({ spec, out });
    expect(await readFile(join(out, 'src/types.ts'), 'utf8')).toContain(
      'export type Thing = string;',
    );
  });
});

describe('$refs that name a folder', () => {
  it.each([
    ['the spec folder, `./`', './', 'spec'],
    ['the spec folder, `.`', '.', 'spec'],
    ['the spec folder by its name', '../spec', 'spec'],
    ['the spec folder, with a pointer', './#/components/schemas/Thing', 'spec'],
    ['a folder inside', 'schemas/', 'spec/schemas'],
    ['a folder inside, without the slash', 'schemas', 'spec/schemas'],
    ['a folder beside it', '../other/', 'other'],
    ['the folder above', '..', ''],
  ])('%s: say it names a folder, not a file, with the fix', async (_name, ref, folder) => {
    const { dir, spec } = await specWithRef(ref);
    await mkdir(join(dir, 'other'));
    for (const allowExternalRefs of [false, true]) {
      const error = await generate({ spec, out: join(dir, 'sdk'), allowExternalRefs }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GeneratorError);
      const { message, hint, location } = error as GeneratorError;
      expect(message).toContain(
        `cannot resolve $ref ${JSON.stringify(ref)}: it names a folder (${join(dir, folder)}), not a file`,
      );
      expect(message).not.toMatch(/outside the spec's folder|Expected a file/);
      expect(hint).toMatch(/point the \$ref at a YAML or JSON file.*`#\/…` alone/);
      expect(location.pointer).toBe(
        '#/paths/~1things/get/responses/200/content/application~1json/schema',
      );
    }
  });

  it('a folder outside, written without a slash, is refused as outside: nothing looks there', async () => {
    const { dir, spec } = await specWithRef('../other');
    await mkdir(join(dir, 'other'));
    const error = await refusal(spec, join(dir, 'sdk'));
    expect(error.message).toMatch(/outside the spec's folder/);
  });

  it('--spec naming a folder says so, and names the root file in it', async () => {
    const { dir } = await specWithRef('./schemas/Thing.yaml');
    const error = await generate({ spec: join(dir, 'spec'), out: join(dir, 'sdk') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/the spec path names a folder, not a file/);
    expect((error as GeneratorError).hint).toContain(`--spec ${join(dir, 'spec')}/openapi.yaml`);
  });
});
