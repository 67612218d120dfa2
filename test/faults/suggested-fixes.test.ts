/**
 * An error whose fix names a concrete value to write (`write \`x-sdk-method: plans.list\``, `add
 * \`- { name: id, … }\``) must name one that is accepted: applying the fix as the user would (the
 * text pasted into the spec) and generating again succeeds. A fix that leads to a second refusal
 * (`__proto__.constructor` → `proto.constructor` → "`constructor` cannot be a method name") sends
 * the user round in circles.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GeneratorError } from '../../generator/errors.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from '../model/fixture-model.ts';
import { specPackage } from './package.ts';

afterAll(removeTempDirs);

type Spec = Record<string, unknown>;

function specWith(path: string, operation: Spec, more: Spec = {}): Spec {
  return {
    openapi: '3.1.0',
    info: { title: 'Fixes', version: '1.0.0' },
    paths: {
      [path]: { get: { ...operation, responses: { '200': { description: 'ok' } } } },
      ...more,
    },
  };
}

/** The model of `spec`, with every warning an error (`--strict`). */
async function strictModel(spec: Spec): Promise<ApiModel> {
  return specModel(await writeSpec(spec), true);
}

async function refusal(spec: Spec, strict = false): Promise<GeneratorError> {
  const error = await (strict ? strictModel(spec) : specPackage(spec)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

/** The value in the fix's `x-sdk-method: …`, as YAML reads what the user pastes. */
function suggestedSdkMethod(hint: string): unknown {
  const text = /`x-sdk-method: ([^`]*)`/.exec(hint)?.[1];
  expect(text, hint).toBeDefined();
  return (parse(`x-sdk-method: ${text ?? ''}`) as Spec)['x-sdk-method'];
}

describe('a refused x-sdk-method: the value the fix suggests is accepted', () => {
  it.each([
    '__proto__.constructor',
    'proto.constructor',
    'constructor.list',
    'then.list',
    'plans.then',
    'toString.valueOf',
    '__proto__.__proto__',
    'plans.toJSON',
    'toJSON.list',
    // helper-107: every resource class keeps its client in `_client`; it was renamed silently.
    'things._client',
    'Plans.list',
    'my-plans.list',
    '1plans.list',
    'plans list',
    'plans.list.all',
    'plans.',
    '.list',
    '',
    'plans.list-all',
    'пlans.list',
  ])('%j', async (written) => {
    const first = await refusal(specWith('/a', { 'x-sdk-method': written }));
    expect(first.location.pointer).toBe('#/paths/~1a/get/x-sdk-method');
    const fixed = suggestedSdkMethod(first.hint);
    expect(fixed).not.toBe(written);
    const pkg = await specPackage(specWith('/a', { 'x-sdk-method': fixed }));
    const [operation] = pkg.model.operations;
    expect(`${operation!.sdk.resource}.${operation!.sdk.method}`).toBe(fixed);
  });

  it.each(['constructor_.list', 'then_.list', 'toJSON_.toString_'])(
    '%j, written the way derived names are (a `_` after a member every object has), is accepted',
    async (written) => {
      const pkg = await specPackage(specWith('/a', { 'x-sdk-method': written }));
      const [operation] = pkg.model.operations;
      expect(`${operation!.sdk.resource}.${operation!.sdk.method}`).toBe(written);
    },
  );

  it('a value that is not a string', async () => {
    const first = await refusal(specWith('/a', { 'x-sdk-method': 42 }));
    await specPackage(specWith('/a', { 'x-sdk-method': suggestedSdkMethod(first.hint) }));
  });

  it('two operations with one x-sdk-method: the one the fix suggests for the second is free', async () => {
    const spec = specWith(
      '/a',
      { 'x-sdk-method': 'plans.list' },
      {
        '/b': {
          get: { 'x-sdk-method': 'plans.list', responses: { '200': { description: 'ok' } } },
        },
        '/c': {
          get: { 'x-sdk-method': 'plans.list2', responses: { '200': { description: 'ok' } } },
        },
      },
    );
    const first = await refusal(spec);
    expect(first.message).toMatch(/two operations are mapped to plans\.list/);
    const fixed = suggestedSdkMethod(first.hint);
    (spec.paths as Record<string, { get: Spec }>)['/b']!.get['x-sdk-method'] = fixed;
    const pkg = await specPackage(spec);
    expect(pkg.model.operations.map((op) => `${op.sdk.resource}.${op.sdk.method}`)).toEqual([
      'plans.list',
      fixed,
      'plans.list2',
    ]);
  });

  it('the suggestion is not another operation’s x-sdk-method', async () => {
    const spec = specWith(
      '/a',
      { 'x-sdk-method': 'Plans.list' },
      {
        '/b': {
          get: { 'x-sdk-method': 'plans.list', responses: { '200': { description: 'ok' } } },
        },
      },
    );
    const first = await refusal(spec);
    const fixed = suggestedSdkMethod(first.hint);
    (spec.paths as Record<string, { get: Spec }>)['/a']!.get['x-sdk-method'] = fixed;
    const pkg = await specPackage(spec);
    expect(pkg.model.operations.map((op) => `${op.sdk.resource}.${op.sdk.method}`)).toContain(
      fixed,
    );
  });
});

describe('a path parameter the operation does not declare (--strict): the parameter the fix suggests is accepted', () => {
  it.each([
    'id',
    'true',
    '1',
    'null',
    '*x',
    '&x',
    '!x',
    'a b',
    'a: b',
    '#x',
    "it's",
    'x"y',
    '__proto__',
  ])('{%s}', async (name) => {
    const path = `/things/{${name}}`;
    const first = await refusal(specWith(path, {}), true);
    const text = /add `(- \{.*\})` to the operation's or path item's parameters/.exec(
      first.hint,
    )?.[1];
    expect(text, first.hint).toBeDefined();
    const parameters = parse(text!) as unknown[];
    const spec = specWith(path, { parameters });
    const model = await strictModel(spec);
    expect(model.operations[0]!.parameters.map((p) => p.name)).toEqual([name]);
  });
});
