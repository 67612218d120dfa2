/**
 * The dates module on date-time strings in every place a value can sit
 * (test/fixtures/schemas/dates-every-place.yaml): keys that are special in JavaScript (`__proto__`,
 * `constructor`, quotes and newlines), additionalProperties beside properties and beside
 * patternProperties, patternProperties, prefixItems, maps of arrays, recursion, nullable. Values
 * come from JSON.parse, as a response's do, so `__proto__` is an own key; the revived copy keeps
 * its prototype and its keys, and serializes back to the same JSON.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnostics, EQUAL, specPackage } from '../faults/package.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import {
  compileDatesFixture,
  loadFixture,
  type CompiledDates,
  type GuardsModule,
} from './harness.ts';

const AT = '2021-01-21T19:38:34Z';
const ODD = 'a\'b"c\\d\ne*/f';
let compiled: CompiledDates;
let dates: GuardsModule;

beforeAll(async () => {
  ({ compiled, dates } = await compileDatesFixture('dates-every-place.yaml'));
}, 120_000);

function revive(name: string, wire: unknown): unknown {
  const fn = dates[`revive${name}`];
  if (typeof fn !== 'function') throw new Error(`dates.ts has no function revive${name}`);
  return fn(wire);
}

function serialize(name: string, revived: unknown): unknown {
  const fn = dates[`serialize${name}`];
  if (typeof fn !== 'function') throw new Error(`dates.ts has no function serialize${name}`);
  return fn(revived);
}

/** Every own key and index of `value` whose value is a string in `wire` and a Date in `revived`, as pointers. */
function revivedPointers(wire: unknown, revived: unknown, at = ''): string[] {
  if (typeof wire === 'string') return revived instanceof Date ? [at] : [];
  if (typeof wire !== 'object' || wire === null) return [];
  if (typeof revived !== 'object' || revived === null) return [];
  // The copy keeps the wire object's prototype and exactly its keys.
  expect(Object.getPrototypeOf(revived), at).toBe(Object.getPrototypeOf(wire));
  expect(Object.keys(revived), at).toEqual(Object.keys(wire));
  return Object.keys(wire).flatMap((key) => {
    const inner = Object.getOwnPropertyDescriptor(wire, key)?.value as unknown;
    const out = Object.getOwnPropertyDescriptor(revived, key)?.value as unknown;
    return revivedPointers(inner, out, `${at}/${key}`);
  });
}

describe('dates in every place, under every key', () => {
  it('type-checks under strict settings, without any', () => {
    expect(compiled.diagnostics).toBe('');
    expect(compiled.anyCount).toBe(0);
  });

  // JSON text, as a response arrives: `__proto__` is then an own key (in an object literal here
  // it would set the prototype). `@` stands for a date-time.
  it.each([
    [
      'OddKeys',
      `{"__proto__":"@","constructor":"@","prototype":"@","hasOwnProperty":"@","toString":"@",${JSON.stringify(ODD)}:"@","plain":"@"}`,
      [
        '/__proto__',
        '/constructor',
        '/prototype',
        '/hasOwnProperty',
        '/toString',
        `/${ODD}`,
        '/plain',
      ],
    ],
    ['OddKeys', '{"plain":"@"}', ['/plain']],
    ['Extras', '{"id":"@","at":"@","extra":"@","toString":"@"}', ['/at', '/extra', '/toString']],
    ['Extras', '{"id":"x","__proto__":"@"}', ['/__proto__']],
    [
      'Patterned',
      '{"id":"@","at_1":"@","n_1":1,"more":["@","@"],"__proto__":["@"]}',
      ['/at_1', '/more/0', '/more/1', '/__proto__/0'],
    ],
    ['OnlyPatterns', '{"at_x":"@","other":"@","__proto__":"@"}', ['/at_x']],
    [
      'ArrayMap',
      '{"a":["@"],"constructor":["@","@"],"__proto__":["@"]}',
      ['/a/0', '/constructor/0', '/constructor/1', '/__proto__/0'],
    ],
    ['Pair', '["@","@","@","@"]', ['/0', '/2', '/3']],
    [
      'Tree',
      '{"at":"@","children":[{"at":"@","children":[]}],"next":{"at":"@","next":null}}',
      ['/at', '/children/0/at', '/next/at'],
    ],
    ['Maybe', '{"at":"@"}', ['/at']],
    ['Happening', '{"kind":"started","at":"@","when":"@"}', ['/at']],
    ['Happening', '{"kind":"constructor","at":"@","when":"@"}', ['/when']],
    ['Happening', '{"kind":"__proto__","note":"@"}', []],
    ['Happening', '{"kind":"toString","at":"@"}', []],
    ['Shape', '{"type":"circle","drawnAt":"@"}', ['/drawnAt']],
    ['Shape', '{"type":"square","drawnAt":"@"}', []],
  ])('revive%s(%s) revives exactly the date-times at %j', (name, text, pointers) => {
    const wire: unknown = JSON.parse(text.replaceAll('"@"', JSON.stringify(AT)));
    const revived = revive(name, wire);
    expect(revivedPointers(wire, revived)).toEqual(pointers);
    expect(JSON.stringify(serialize(name, revived))).toBe(JSON.stringify(wire));
  });

  it('leaves null, and values of other shapes, as they are', () => {
    expect(revive('Maybe', JSON.parse('{"at":null}'))).toEqual({ at: null });
    const odd = JSON.parse('{"__proto__":{"plain":"x"}}') as unknown;
    const revived = revive('OddKeys', odd) as object;
    expect(Object.getPrototypeOf(revived)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(revived, '__proto__')?.value).toEqual({ plain: 'x' });
  });
});

describe('the revived types of dates in every place', () => {
  it('have Date where the plan revives, the wire type elsewhere, in the package the pipeline makes', async () => {
    const { doc } = loadFixture('dates-every-place.yaml');
    const pkg = await specPackage(doc);
    try {
      const check = `${EQUAL}
import type { Revived } from './dates.js';
type R = Revived;
same<R['OddKeys']['__proto__'], Date | undefined>(true);
same<R['OddKeys']['constructor'], Date | undefined>(true);
same<R['OddKeys'][${JSON.stringify(ODD)}], Date | undefined>(true);
same<R['Extras']['id'], string>(true);
same<R['Extras']['at'], Date | undefined>(true);
// An additional property is a Date (read with noUncheckedIndexedAccess: or undefined).
declare const extra: R['Extras'][string];
export const extraIsDate: Date | undefined = extra;
export const dateIsExtra: R['Extras'][string] = new Date();
same<R['Patterned'][string], string | number | string[] | Date | Date[] | undefined>(true);
same<R['ArrayMap'][string], Date[]>(true);
same<R['Pair'], [Date?, string?, ...Date[]]>(true);
same<NonNullable<R['Tree']['next']>, R['Tree']>(true);
same<R['Maybe']['at'], Date | null | undefined>(true);
same<Extract<R['Happening'], { kind: 'started' }>['at'], Date | undefined>(true);
same<Extract<R['Happening'], { kind: 'constructor' }>['when'], Date | undefined>(true);
same<Extract<R['Shape'], { type: 'circle' }>['drawnAt'], Date | undefined>(true);
`;
      expect(diagnostics(pkg, { 'src/check.ts': check })).toEqual([]);
    } finally {
      await removeTempDirs();
    }
  }, 120_000);
});
