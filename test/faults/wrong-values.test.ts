/**
 * Values the generator used to accept without a word, reading them as something the spec did not
 * say: a wrongly typed field of a parameter, header, media type, request body or operation
 * (`required: 'yes'` made the parameter optional), a keyword value on a schema of another type, an
 * empty parameter name, two headers that differ only in case, callbacks. Each is refused (or, for
 * callbacks, reported once) with the file, the place and the fix. The refused specs are in
 * test/fixtures/specs/bad/.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { fixtureModel, specModel } from '../model/fixture-model.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';

afterAll(removeTempDirs);

async function refused(name: string): Promise<GeneratorError> {
  const error = await specModel(`test/fixtures/specs/bad/${name}`).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

const places = (error: GeneratorError) => error.problems.map((p) => p.location.pointer);

describe('fields of OpenAPI objects with a value of the wrong kind', () => {
  it('are refused, every one in one run, each with its place and fix', async () => {
    const error = await refused('wrong-field-values.yaml');
    const get = '#/paths/~1things/get';
    expect(places(error)).toEqual([
      `${get}/deprecated`,
      `${get}/tags/1`,
      `${get}/parameters/0/required`,
      `${get}/parameters/1/explode`,
      `${get}/parameters/2/allowEmptyValue`,
      `${get}/parameters/2/style`,
      `${get}/responses/200/headers/X-Rate/required`,
      `${get}/responses/200/headers/X-Rate/deprecated`,
      `${get}/responses/200/content/application~1json/encoding/a/explode`,
      '#/paths/~1things/post/requestBody/required',
      '#/components/parameters/Limit/allowReserved',
    ]);
    for (const problem of error.problems) expect(problem.location.file).toMatch(/\.yaml$/);
    const required = error.problems[2]!;
    expect(required.message).toContain('`required` must be true or false, not the string "yes"');
    expect(required.hint).toBe(
      'write `required: true` or `required: false` (a boolean, not quoted)',
    );
    expect(error.problems[1]!.message).toContain('must be a string, not the number 5');
    expect(error.problems[5]!.message).toContain('`style` "forms" is none of matrix, label, form');
  });
});

describe('a keyword value is checked whatever the type of the schema', () => {
  it('array, object and string keywords on a string or integer schema', async () => {
    const error = await refused('keywords-of-other-types.yaml');
    expect(places(error)).toEqual([
      '#/components/schemas/Name/maxItems',
      '#/components/schemas/Name/required',
      '#/components/schemas/Name/properties',
      '#/components/schemas/Count/minLength',
      '#/components/schemas/Count/items',
      '#/components/schemas/Count/maxLength',
    ]);
    expect(error.problems[1]!.message).toContain(
      '"required" must be a list of strings, found "yes"',
    );
  });
});

describe('parameter names', () => {
  // An empty header or cookie name is left out with a warning (header-names.test.ts).
  it('an empty name, a header twice in other case, a query parameter twice: refused', async () => {
    const error = await refused('parameter-names.yaml');
    const at = '#/paths/~1things/get/parameters';
    expect(places(error)).toEqual([
      `${at}/0/name`,
      `${at}/2/name`,
      `${at}/4/name`,
      '#/paths/~1things~1{}',
      '#/paths/~1parts~1{part}/get/parameters/1/name',
    ]);
    const [empty, header, query, template, emptyPath] = error.problems;
    expect(template!.message).toMatch(/has a `\{\}` that names no parameter/);
    expect(emptyPath!.message).toMatch(/name is empty/);
    expect(empty!.message).toMatch(/name is empty/);
    expect(header!.message).toContain('"x-id"');
    expect(header!.message).toContain('"X-Id"');
    expect(header!.message).toContain(`${at}/1`);
    expect(header!.message).toMatch(/case-insensitive/);
    expect(query!.message).toContain(`${at}/3`);
  });

  it('an operation header overrides a path-level one of the same name in other case', async () => {
    const model = await specModel(
      await writeSpec({
        openapi: '3.1.0',
        info: { title: 'T', version: '1' },
        paths: {
          '/a': {
            parameters: [{ name: 'X-Id', in: 'header', schema: { type: 'string' } }],
            get: {
              parameters: [
                { name: 'x-id', in: 'header', required: true, schema: { type: 'string' } },
              ],
              responses: { '200': { description: 'ok' } },
            },
          },
        },
      }),
    );
    const headers = model.operations[0]!.parameters.filter((p) => p.in === 'header');
    expect(headers.map((p) => [p.name, p.required])).toEqual([['x-id', true]]);
  });
});

describe('callbacks', () => {
  it('are reported once: the SDK generates nothing for them', async () => {
    const model = await fixtureModel('callbacks.yaml');
    const warnings = model.warnings.filter((w) => w.key === 'callbacks');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.location.pointer).toBe('#/paths/~1subscriptions/post/callbacks');
    expect(warnings[0]!.more).toBe(1);
    expect(warnings[0]!.problem).toMatch(/callbacks are not generated/);
  });
});
