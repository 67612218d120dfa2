import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/run.ts';
import { ROOT } from '../helpers/spec.ts';

const work = mkdtempSync(join(tmpdir(), 'spec-lint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of spec/ in a temp folder, with one file changed by `edit`. */
function brokenSpec(name: string, file: string, edit: (text: string) => string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'spec'), dir, { recursive: true });
  const target = join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(target, after);
  return join(dir, 'openapi.yaml');
}

describe('npm run lint:spec', () => {
  it('passes on the spec with no problem at all', () => {
    const result = runScript('scripts/lint-spec.ts');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('Your API description is valid');
    // Problems are printed numbered (`[1] file:line`); warnings are summed up as "You have N warnings".
    expect(result.output).not.toMatch(/^\[\d+\] |You have \d+ warning|Validation failed/m);
  });

  it('fails on a broken $ref, naming the file, the line and the missing target', () => {
    const spec = brokenSpec('ref', 'components/responses/NotFound.yaml', (t) =>
      t.replace('Error.yaml', 'Eror.yaml'),
    );
    const result = runScript('scripts/lint-spec.ts', ['--spec', spec]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/components\/responses\/NotFound\.yaml:5:\d+/);
    // The generator's loader reads the spec first (scripts/lib/spec-root.ts): its words, and a fix.
    expect(result.output).toContain('cannot resolve $ref "../schemas/Eror.yaml"');
    expect(result.output).toMatch(/\n {2}fix: /);
  });

  it('fails on invalid YAML, naming the file and the line and column', () => {
    const spec = brokenSpec('yaml', 'components/schemas/Price.yaml', (t) =>
      t.replace('required: [amount, currency]', 'required: [amount, currency'),
    );
    const result = runScript('scripts/lint-spec.ts', ['--spec', spec]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/Price\.yaml/);
    expect(result.output).toMatch(/\(\d+:\d+\)|:\d+:\d+/);
  });

  it('prints the spec text it quotes with control and invisible characters escaped', () => {
    // A component nobody uses is an error, and Redocly quotes its name in the message and the
    // code frame: here with a right-to-left override and a zero-width space in it.
    const spec = brokenSpec('invisible', 'openapi.yaml', (t) =>
      t.replace(
        /^components:\n {2}schemas:\n/m,
        '$&    Unused\u202EThing\u200B:\n      type: object\n',
      ),
    );
    const result = runScript('scripts/lint-spec.ts', ['--spec', spec]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('no-unused-components');
    expect(result.output).toContain('Unused\\u202EThing\\u200B');
    expect(result.output).not.toMatch(/[\u202E\u200B]/);
    // Redocly's boxed notice (Node.js 20 support ending) is not the user's lint result.
    expect(result.output).not.toMatch(/[║╔╚]/);
  });

  it('fails when an example no longer matches its schema', () => {
    const spec = brokenSpec('example', 'components/examples/Plan.yaml', (t) =>
      t.replace('amount: 999', 'amount: -999'),
    );
    const result = runScript('scripts/lint-spec.ts', ['--spec', spec]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('no-invalid-media-type-examples');
  });

  it('a property removed from a schema but not from its examples: each example, its line and the fix', () => {
    // The weekly loop's most common lint failure: redocly.yaml forbids examples to hold a
    // property their schema lacks (allowAdditionalProperties: false).
    const spec = brokenSpec('removed-property', 'components/schemas/PlanDocument.yaml', (t) =>
      t
        .replace('language, name, plan', 'language, plan')
        .replace(/\n {2}name:\n {4}description: The name of the document\.\n.*\n.*\n/, '\n'),
    );
    const result = runScript('scripts/lint-spec.ts', ['--spec', spec]);
    expect(result.status).not.toBe(0);
    const examples = [
      ...result.output.matchAll(
        /^\[\d+\] (\S*components\/examples\/\S+\.yaml):\d+:\d+ at \S+\/name$/gm,
      ),
    ];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const fixes = result.output.match(
      /^fix: the example holds `name`, which its schema does not have .*remove the property from the example too/gm,
    );
    expect(fixes).toHaveLength(examples.length);
  });

  it('a property made required that an example lacks: the fix says to add it; no advice to ignore problems', () => {
    // helper-106 P9: a missing required property got no fix line, and Redocly's own advice was to
    // add every problem to an ignore file.
    const spec = brokenSpec('now-required', 'components/examples/PlanDocument.yaml', (t) =>
      t.replace(/\n {2}name: My Plan Contract/, ''),
    );
    const result = runScript('scripts/lint-spec.ts', ['--spec', spec]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /^\[\d+\] \S*components\/examples\/PlanDocument\.yaml:\d+:\d+ at /m,
    );
    expect(result.output).toMatch(
      /^fix: the example lacks `name`, which its schema requires .*add `name` with a realistic value to the example/m,
    );
    expect(result.output).not.toContain('--generate-ignore-file');
  });

  it('fails when an operation has no x-sdk-method', () => {
    const spec = brokenSpec('sdk', 'paths/addon-publish.yaml', (t) =>
      t.replace(/\n\s*x-sdk-method: addons.publish/, ''),
    );
    const result = runScript('scripts/lint-spec.ts', ['--spec', spec]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('x-sdk-method');
  });

  it('names a missing spec file and says what to pass', () => {
    const result = runScript('scripts/lint-spec.ts', ['--spec', join(work, 'nope.yaml')]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(
      /error: .*nope\.yaml: spec file not found\n {2}fix: pass the path/,
    );
  });
});

describe('npm run bundle', () => {
  it('writes one JSON file with all 19 operations', () => {
    const out = join(work, 'bundle', 'openapi.json');
    const result = runScript('scripts/bundle.ts', ['--out', out]);
    expect(result.status, result.output).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const ops = Object.values(doc.paths).flatMap((item) =>
      Object.keys(item).filter((k) => k !== 'parameters'),
    );
    expect(ops).toHaveLength(19);
  });

  it('fails on a broken $ref naming the file and line, and leaves the previous bundle intact', () => {
    const out = join(work, 'bundle2', 'openapi.json');
    expect(runScript('scripts/bundle.ts', ['--out', out]).status).toBe(0);
    const before = readFileSync(out, 'utf8');
    const spec = brokenSpec('bundle-ref', 'paths/addon.yaml', (t) =>
      t.replace('schemas/Addon.yaml', 'schemas/Adon.yaml'),
    );
    const result = runScript('scripts/bundle.ts', ['--spec', spec, '--out', out]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/paths\/addon\.yaml:\d+:\d+/);
    expect(result.output).toContain('Adon.yaml');
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(existsSync(out.replace('.json', `.tmp-${process.pid}.json`))).toBe(false);
  });

  it.each([
    [
      'a name without .json, .yaml or .yml',
      'noext',
      /give --out a file name ending \.json, \.yaml or \.yml/,
    ],
    ['an existing folder', 'a-folder', /is a folder: give --out a file name/],
  ])('--out %s is refused before bundling; nothing is written', (_name, name, message) => {
    const dir = join(work, `bundle-out-${name}`);
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    const result = runScript('scripts/bundle.ts', ['--out', join(dir, name)]);
    expect(result.status).toBe(2);
    expect(result.output).toMatch(message);
    expect(readdirSync(dir)).toEqual(['a-folder']);
    expect(readdirSync(join(dir, 'a-folder'))).toEqual([]);
  });

  it('says where it wrote the bundle, by the name given, not a temporary one', () => {
    const out = join(work, 'bundle3', 'api.yaml');
    const result = runScript('scripts/bundle.ts', ['--out', out]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain(`Bundled spec/openapi.yaml into ${out}.`);
    expect(result.output).not.toMatch(/\.tmp-\d+/);
  });
});
