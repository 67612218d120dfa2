/**
 * The dates module on date-time strings that compositions put in reach
 * (test/fixtures/schemas/dates-compositions.yaml): an allOf member's additionalProperties and
 * patternProperties, unevaluatedProperties, inline anyOf/oneOf variants of different JSON kinds.
 * The guard accepts each wire value, the reviver makes a Date of exactly the date-times there, and
 * the revived type says Date at the same places.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, EQUAL, specPackage } from '../faults/package.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { compileDates, loadFixture, type GuardsModule } from './harness.ts';
import { compileDoc } from './compile.ts';

const AT = '2021-01-21T19:38:34Z';
let dates: GuardsModule;
let guards: GuardsModule;
let datesDiagnostics: string;

beforeAll(async () => {
  const { doc, version } = loadFixture('dates-compositions.yaml');
  const compiled = compileDates(doc, version, 'dates-compositions.yaml');
  datesDiagnostics = compiled.diagnostics;
  dates = await compiled.load();
  guards = (await compileDoc(doc, version)).guards;
}, 120_000);

function call(module: GuardsModule, name: string, value: unknown): unknown {
  const fn = module[name];
  if (typeof fn !== 'function') throw new Error(`no function ${name}`);
  return fn(value);
}

/** Every place whose value is a string on the wire and a Date once revived, as pointers. */
function revivedPointers(wire: unknown, revived: unknown, at = ''): string[] {
  if (typeof wire === 'string') return revived instanceof Date ? [at] : [];
  if (typeof wire !== 'object' || wire === null) return [];
  if (typeof revived !== 'object' || revived === null) return [];
  return Object.keys(wire).flatMap((key) =>
    revivedPointers(
      (wire as Record<string, unknown>)[key],
      (revived as Record<string, unknown>)[key],
      `${at}/${key}`,
    ),
  );
}

describe('dates that compositions put in reach', () => {
  it('type-check under strict settings', () => {
    expect(datesDiagnostics).toBe('');
  });

  // `@` stands for a date-time.
  it.each([
    ['MemberAdditional', '{"id":"@","other":"@"}', ['/id', '/other']],
    ['MemberPatterns', '{"id":"x","at_1":"@","note":"@"}', ['/at_1']],
    ['MemberBoth', '{"at":"@","note":"x","more":["@"]}', ['/at', '/more/0']],
    ['Unevaluated', '{"id":"x","at":"@"}', ['/at']],
    ['UnevaluatedBesideAllOf', '{"id":"x","name":"n","title":"t","at":"@"}', ['/at']],
    ['UnevaluatedMember', '{"id":"x","at":"@"}', ['/at']],
    ['ObjectOrText', '{"at":"@"}', ['/at']],
    ['ObjectOrText', '"@"', []],
    ['ObjectOrDates', '{"at":"@"}', ['/at']],
    ['ObjectOrDates', '["x","@",{"a":"@"}]', ['/1', '/2/a']],
    ['ObjectOrDates', '"@"', ['']],
    ['ObjectOrDates', 'null', []],
    ['MapsOfVariants', '[{"a":"@","b":1}]', ['/0/a']],
  ])('revive%s(%s) revives exactly the date-times at %j', (name, text, pointers) => {
    const wire: unknown = JSON.parse(text.replaceAll('"@"', JSON.stringify(AT)));
    expect(call(guards, `is${name}`, wire)).toBe(true);
    const revived = call(dates, `revive${name}`, wire);
    expect(revivedPointers(wire, revived)).toEqual(pointers);
    expect(JSON.stringify(call(dates, `serialize${name}`, revived))).toBe(JSON.stringify(wire));
  });

  it('have Date in the revived types at the same places, in the package the pipeline makes', async () => {
    const { doc } = loadFixture('dates-compositions.yaml');
    const pkg = await specPackage(doc);
    try {
      const check = `${EQUAL}
import type { Revived } from './dates.js';
type R = Revived;
same<R['MemberAdditional']['id'], Date | undefined>(true);
export const other: Date | undefined = ({} as R['MemberAdditional'])['other'];
same<R['MemberPatterns']['id'], string>(true);
same<R['MemberBoth']['at'], Date | undefined>(true);
export const more: Date | Date[] | undefined = ({} as R['MemberBoth'])['more'];
export const unevaluated: unknown = ({} as R['Unevaluated'])['at'];
same<Exclude<R['ObjectOrText'], string>['at'], Date>(true);
same<Extract<R['ObjectOrText'], string>, string>(true);
same<Extract<R['ObjectOrDates'], Date>, Date>(true);
same<Extract<R['ObjectOrDates'], unknown[]>[1], Date | undefined>(true);
export const item: R['MapsOfVariants'][number][string] = new Date();
`;
      expect(diagnostics(pkg, { 'src/check.ts': check }).join('\n')).toBe('');
    } finally {
      await removeTempDirs();
    }
  }, 120_000);
});
