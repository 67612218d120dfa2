/**
 * `if`/`then`/`else`, `dependentRequired`, `dependentSchemas` and `contains` (JSON Schema 2020-12
 * §10.2.2, §10.3.1.3, §6.5.4): the guards accept exactly what ajv accepts (helper-116 12; before,
 * they were warned about and unchecked), their messages name the assertion, the types are the
 * schema's without them, and the testing kit's values meet them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../../generator/index.ts';
import { ROOT } from '../helpers/spec.ts';
import { linkNodeModules, removeTempDirs, tempDir, writeSpec } from '../generator/helpers.ts';
import { describeGuardCases, useFixture, type GuardCases } from './cases.ts';

afterAll(removeTempDirs);

const FILE = 'conditionals-31.yaml';

const cases: GuardCases = [
  [
    'if/then/else on an object',
    {
      schema: 'Payment',
      valid: [
        { kind: 'card', number: '4' },
        { kind: 'bank', iban: 'DE' },
        { kind: 'card', number: '4', iban: 'DE' },
      ],
      invalid: [{ kind: 'card' }, { kind: 'bank' }, { kind: 'card', iban: 'DE' }, {}, 'card'],
    },
  ],
  ['then alone', { schema: 'ThenOnly', valid: ['ab', 5, null, {}], invalid: ['a', ''] }],
  ['else alone', { schema: 'ElseOnly', valid: [1, 'x'], invalid: [true, null, {}] }],
  ['if alone asserts nothing', { schema: 'IfAlone', valid: [1, 10], invalid: ['x', 1.5] }],
  [
    'dependentRequired and dependentSchemas',
    {
      schema: 'Billing',
      valid: [
        {},
        { billing: 'b', zip: '12345', country: 'DE' },
        { zip: '12345' },
        { country: 'DE' },
      ],
      invalid: [
        { billing: 'b' },
        { billing: 'b', zip: '12345' },
        { zip: '1234' },
        { billing: 'b', zip: 'x', country: 'DE' },
      ],
    },
  ],
  [
    'contains',
    { schema: 'Tags', valid: [['main'], ['a', 'main']], invalid: [[], ['a'], ['a', 'b'], 'main'] },
  ],
  [
    'contains with minContains: 0',
    { schema: 'AnyTags', valid: [[], ['a'], ['main']], invalid: [{}] },
  ],
  [
    'nested in items',
    {
      schema: 'Nested',
      valid: [{ payments: [{ kind: 'card', number: '4' }] }, { payments: [] }],
      invalid: [{ payments: [{ kind: 'card', number: '4' }, { kind: 'card' }] }],
    },
  ],
  [
    'then evaluates its properties for unevaluatedProperties only where it applies',
    {
      schema: 'Closed',
      valid: [{ a: 1, b: 'x' }, { a: 2 }, {}],
      invalid: [{ a: 2, b: 'x' }, { a: 1, b: 2 }, { c: 1 }],
    },
  ],
];

describeGuardCases(FILE, cases);

describe('conditional assertions', () => {
  const fixture = useFixture(FILE);

  it('name what the value lacks in the validation issues', () => {
    expect(fixture().validate('Payment', { kind: 'card' }).issues?.[0]?.message).toBe(
      'does not meet it: expected the `then` schema, as it matches `if`, found object with 1 property',
    );
    expect(fixture().validate('Billing', { billing: 'b' }).issues?.[0]?.message).toBe(
      'does not meet it: expected "zip", "country" beside "billing" (`dependentRequired`), found object with 1 property',
    );
    expect(fixture().validate('Tags', ['a']).issues?.[0]?.message).toBe(
      'does not meet it: expected an item the `contains` schema allows, found array of 1 item',
    );
  });

  it('leave the types alone, and the testing kit answers with values that meet them', async () => {
    const doc = parse(await readFile(join(ROOT, 'test/fixtures/schemas', FILE), 'utf8')) as Record<
      string,
      unknown
    >;
    const answer = (name: string) => ({
      '200': {
        description: 'OK',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
      },
    });
    doc.paths = {
      '/payments': { get: { operationId: 'getPayment', responses: answer('Payment') } },
      '/billing': { get: { operationId: 'getBilling', responses: answer('Billing') } },
    };
    const out = join(await tempDir('conditionals-'), 'sdk');
    const { warnings } = await generate({ spec: await writeSpec(doc), out, name: 'cond-sdk' });
    expect(warnings.filter((warning) => warning.key.startsWith('testing:'))).toEqual([]);
    // The testing kit imports msw, from the package's node_modules as a user's would hold it
    // (alone, this file did not find it: 'Could not resolve "msw"').
    await linkNodeModules(out);
    const types = await readFile(join(out, 'src/types.ts'), 'utf8');
    expect(types).toMatch(
      /export interface Payment \{\n {2}kind: 'card' \| 'bank';\n {2}number\?: string;\n {2}iban\?: string;\n\}/,
    );
    const guards = (await import(join(out, 'src/guards.ts'))) as Record<
      string,
      (v: unknown) => boolean
    >;
    const { fixtures } = (await import(join(out, 'src/testing/index.ts'))) as {
      fixtures: Record<string, Record<string, unknown>>;
    };
    const payment = fixtures['payments']!['get'];
    expect(payment).toEqual({ kind: 'card', number: 'string' });
    expect(guards['isPayment']!(payment)).toBe(true);
    expect(guards['isBilling']!(fixtures['billing']!['get'])).toBe(true);
  });
});
