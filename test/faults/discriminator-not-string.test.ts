/**
 * A discriminator whose property a variant declares as no string (discriminator-not-string.yaml):
 * no value of the property could match a mapping key, so the guards refused every value and the
 * types held a `never`. It is a warning at the discriminator, and the oneOf/anyOf decides.
 */
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../model/fixture-model.ts';
import { diagnostics, EQUAL, faultPackage, packageIs } from './package.ts';

const FIXTURE = 'discriminator-not-string.yaml';

describe('a discriminator whose property is not a string', () => {
  it('is a warning at the discriminator, naming the variant and the fix; a string one is not', async () => {
    const model = await fixtureModel(FIXTURE);
    const found = model.warnings.filter((w) => w.key === 'discriminator:not-string');
    expect(found.map((w) => [w.location.pointer, w.more])).toEqual([
      ['#/components/schemas/Code/discriminator/propertyName', 1],
    ]);
    expect(found[0]!.problem).toMatch(/"n" is declared `type: integer` in One\b/);
    expect(found[0]!.hint).toMatch(/string/);
    await expect(fixtureModel(FIXTURE, true)).rejects.toThrow(/--strict/);
  });

  it('types the union as its variants, and the guards accept what the variants accept', async () => {
    const pkg = await faultPackage(FIXTURE);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Code, Many, Off, On, One, Switch } from './types.js';
same<Code, One | Many>(true);
same<Switch, On | Off>(true);
`,
      }),
    ).toEqual([]);
    const is = await packageIs(pkg);
    expect([{ n: 1 }, { n: 2 }, { n: '2' }, {}].map((v) => is('Code', v))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([{ on: true }, { on: 0 }, { on: 'On' }].map((v) => is('Switch', v))).toEqual([
      true,
      true,
      false,
    ]);
    expect([{ kind: 'Cat' }, { kind: 'dog' }, { kind: 'Dog' }].map((v) => is('Pet', v))).toEqual([
      true,
      true,
      false,
    ]);
  });
});
