/**
 * Values the generator stopped at (the first of several) or accepted without a word: the root
 * `x-sdk` settings, the fields of `x-sdk-pagination`, a discriminator's `mapping` beside an inline
 * variant or on an `allOf` parent, and a schema's `examples` that is not a list. Each is reported
 * with the file, the place and the fix, every one in one run with the rest of the spec's problems.
 */
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { packageRepository } from '../../generator/model/build-package-meta.ts';
import { fixtureModel, specModel } from '../model/fixture-model.ts';

async function refused(name: string): Promise<GeneratorError> {
  const error = await specModel(`test/fixtures/specs/bad/${name}`).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

const places = (error: GeneratorError) => error.problems.map((p) => p.location.pointer);

describe('the root x-sdk settings', () => {
  it('every wrong setting and the schemas’ problems in one run', async () => {
    const error = await refused('every-sdk-setting-problem.yaml');
    expect(places(error)).toEqual([
      '#/x-sdk/clientName',
      '#/x-sdk/envPrefix',
      '#/x-sdk/packageName',
      '#/x-sdk/packageVersion',
      '#/x-sdk/repository',
      '#/components/schemas/Wrong/maxItems',
    ]);
    const [client, env, name, version, repository] = error.problems;
    expect(client!.message).toMatch(/"123" has no letter to make a class name of/);
    expect(env!.message).toMatch(/"bad-prefix" is not an environment variable prefix/);
    expect(name!.message).toMatch(/"Bad Name" is not a valid npm package name/);
    expect(version!.message).toMatch(/"one" is not a semantic version/);
    expect(repository!.message).toMatch(/must be the URL of a git repository/);
    for (const problem of error.problems) expect(problem.hint).not.toBe('');
  });

  it('settings of the wrong kind: each, and the repository’s directory', async () => {
    const error = await refused('sdk-settings-of-wrong-kinds.yaml');
    expect(places(error)).toEqual([
      '#/x-sdk/clientName',
      '#/x-sdk/envPrefix',
      '#/x-sdk/packageName',
      '#/x-sdk/repository/directory',
    ]);
    expect(error.problems[0]!.message).toMatch(/`x-sdk.clientName` must be a non-empty string/);
  });
});

describe('x-sdk.repository', () => {
  const repository = (value: unknown) =>
    packageRepository({ 'x-sdk': { repository: value } }, 'openapi.yaml');

  it('a web or git URL becomes npm’s git+….git form', () => {
    expect(repository('https://github.com/acme/sdk/')).toEqual({
      type: 'git',
      url: 'git+https://github.com/acme/sdk.git',
    });
    expect(
      repository({ url: 'ssh://git@github.com/acme/sdk.git', directory: 'packages/sdk' }),
    ).toEqual({
      type: 'git',
      url: 'ssh://git@github.com/acme/sdk.git',
      directory: 'packages/sdk',
    });
  });

  it('a URL with a query or fragment is refused: `.git` would land after it', () => {
    for (const url of [
      'https://github.com/a/b?x=1',
      'https://github.com/a/b#readme',
      'https://host?/a/b',
    ])
      expect(() => repository(url), url).toThrow(/without a query or fragment/);
  });
});

describe('x-sdk-pagination', () => {
  it('every missing or wrong field, of every operation, in one run', async () => {
    const error = await refused('every-pagination-field-problem.yaml');
    const a = '#/paths/~1a/get/x-sdk-pagination';
    const b = '#/paths/~1b/get/x-sdk-pagination';
    expect(places(error)).toEqual([
      `${a}/afterParam`,
      `${a}/itemsField`,
      `${a}/nextCursorField`,
      `${b}/afterParam`,
      `${b}/limitParam`,
      `${b}/itemsField`,
      `${b}/nextCursorField`,
      '#/paths/~1c/get/x-sdk-pagination/style',
      // In document order: the ones missing after the ones written.
      '#/paths/~1c/get/x-sdk-pagination/limitparam',
      '#/paths/~1c/get/x-sdk-pagination/itemsField',
      '#/paths/~1c/get/x-sdk-pagination/nextCursorField',
    ]);
    const unknown = error.problems[8]!;
    expect(unknown.message).toMatch(/`x-sdk-pagination\.limitparam` is not a field/);
    expect(unknown.hint).toMatch(/did you mean `limitParam`/);
    expect(error.problems[3]!.message).toMatch(/names query parameter "from"/);
    expect(error.problems[4]!.message).toMatch(/must be a non-empty string/);
    expect(error.problems[5]!.message).toMatch(/names response property "data"/);
  });
});

describe('a discriminator mapping', () => {
  it('values that are not strings are refused wherever the discriminator is', async () => {
    const error = await refused('discriminator-mapping-values.yaml');
    const at = (schema: string, ...rest: string[]) =>
      ['#/components/schemas', schema, 'discriminator', 'mapping', ...rest].join('/');
    // `Nope` and `Gone` name no schema: a warning each (test/faults/dangling-mappings.test.ts).
    expect(places(error)).toEqual([
      at('WithInline', 'a'),
      at('WithInline', 'b'),
      at('Parent', 'c'),
      at('NotAMap'),
    ]);
    expect(error.problems[0]!.message).toMatch(/must be a schema name or ref, found 5/);
  });
});

describe('a schema’s examples that is not a list', () => {
  it('is warned about with its place and the fix, and not read', async () => {
    const model = await fixtureModel('examples-not-a-list.yaml');
    const warnings = model.warnings.filter((w) => w.key === 'examples-not-a-list');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.location.pointer).toBe('#/components/schemas/Plan/examples');
    expect(warnings[0]!.more).toBe(1);
    expect(warnings[0]!.problem).toMatch(/`examples` must be a list/);
    expect(warnings[0]!.hint).toMatch(/examples: \[/);
    const plan = model.schemas.find((s) => s.name === 'Plan')!;
    expect(plan.node.examples).toBeUndefined();
    const fine = model.schemas.find((s) => s.name === 'Fine')!;
    expect(fine.node.examples).toEqual(['a']);
  });

  it('is refused under --strict', async () => {
    const error = await fixtureModel('examples-not-a-list.yaml', true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/`examples` must be a list/);
  });
});

describe('an x-sdk key the generator does not know', () => {
  it('is warned about with the known keys, the settings it has still read', async () => {
    const model = await fixtureModel('sdk-setting-misspelt.yaml');
    const warnings = model.warnings.filter((w) => w.key === 'x-sdk:unknown-key');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.location.pointer).toBe('#/x-sdk/clientname');
    expect(warnings[0]!.more).toBe(1);
    expect(warnings[0]!.problem).toMatch(/`x-sdk\.clientname` is not a setting/);
    expect(warnings[0]!.hint).toMatch(/did you mean `clientName`/);
    // Every key the toolchain reads is listed, `npm run diff`'s too.
    for (const key of [
      'clientName',
      'envPrefix',
      'packageName',
      'packageVersion',
      'repository',
      'compatibility',
    ])
      expect(warnings[0]!.hint).toContain(`\`${key}\``);
    expect(model.sdk.clientName).toBe('Shop');
    expect(model.sdk.envPrefix).toBe('SHOP');
  });
});
