/**
 * The dates emitter on test/fixtures/schemas/dates.yaml (every shape it reaches, and some it leaves
 * alone): the module type-checks under strict settings against openapi-typescript's types, has no
 * `any`, revives exactly where the spec says date-time, and round-trips: serializing a revived
 * value gives back the same JSON, and the guards give the same verdicts throughout. Round trips
 * are also checked on generated values (the differential test's arbitraries) for every schema.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDates } from '../../generator/emit/dates/plan.ts';
import {
  compileDatesFixture,
  loadFixture,
  type CompiledDates,
  type GuardsModule,
} from './harness.ts';
import { ValueArbitraries } from './arbitraries.ts';
import { compileDoc } from './compile.ts';

const FIXTURE = 'dates.yaml';
let compiled: CompiledDates;
let dates: GuardsModule;

beforeAll(async () => {
  ({ compiled, dates } = await compileDatesFixture(FIXTURE));
}, 120_000);

function fn(name: string): (value: unknown) => unknown {
  const found = dates[name];
  if (typeof found !== 'function') throw new Error(`dates.ts has no function ${name}`);
  return found;
}

let guardsModule: Promise<GuardsModule> | undefined;

/** The fixture's guards (dates.ts imports them but does not export them). */
function guards(): Promise<GuardsModule> {
  const { doc, version } = loadFixture(FIXTURE);
  guardsModule ??= compileDoc(doc, version, FIXTURE).then((compiled) => compiled.guards);
  return guardsModule;
}

const AT = '2021-01-21T19:38:34Z';
const AT_TIME = Date.UTC(2021, 0, 21, 19, 38, 34);
const LATER = '2022-02-02T02:02:02.5+01:00';

describe('the emitted dates module', () => {
  it('type-checks under strict settings (exactOptionalPropertyTypes included), without any', () => {
    expect(compiled.diagnostics).toBe('');
    expect(compiled.anyCount).toBe(0);
  });

  it('has helpers for the schemas with reachable dates only', () => {
    const revivers = Object.keys(dates)
      .filter((k) => k.startsWith('revive'))
      .sort();
    expect(revivers).toEqual(
      [
        'Calendar',
        'Created',
        'Deleted',
        'EventList',
        'EventModel',
        'MaybeEvent',
        'Mixed',
        'Nested',
        'NullableEvent',
        'Stamp',
        'Stamped',
        'Timeline',
        'Tree',
      ].map((name) => `revive${name}`),
    );
    expect(Object.keys(dates).filter((k) => k.startsWith('serialize')).length).toBe(
      revivers.length + 1,
    );
    expect(typeof dates.serializeDates).toBe('function');
    expect(typeof dates.parseDateTime).toBe('function');
    expect(typeof dates.formatDateTime).toBe('function');
  });

  it('plans nothing for a spec without date-times', () => {
    expect(
      planDates(compiled.schemas.filter((s) => s.name === 'Plain' || s.name === 'Unreached')),
    ).toEqual(new Map());
  });
});

/** [schema, wire value, where Dates must be (JSON pointers), where strings must stay]. */
const cases: [string, unknown, string[], string[]][] = [
  [
    'EventModel',
    { id: 'e', createdAt: AT, updatedAt: null, 'user.birthday': LATER },
    ['/createdAt', '/user.birthday'],
    ['/id'],
  ],
  ['EventModel', { id: 'e', createdAt: AT }, ['/createdAt'], []],
  [
    'EventList',
    {
      items: [
        { id: 'a', createdAt: AT },
        { id: 'b', createdAt: LATER, updatedAt: AT },
      ],
      next: null,
    },
    ['/items/0/createdAt', '/items/1/createdAt', '/items/1/updatedAt'],
    [],
  ],
  ['Stamp', AT, [''], []],
  ['Stamped', { id: 's', createdAt: AT, stamp: LATER }, ['/createdAt', '/stamp'], ['/id']],
  ['Calendar', { launch: AT, review: LATER }, ['/launch', '/review'], []],
  [
    'Nested',
    { window: { start: AT }, history: [null, { at: LATER, note: AT }] },
    ['/window/start', '/history/1/at'],
    ['/history/1/note'],
  ],
  ['MaybeEvent', null, [], []],
  ['MaybeEvent', { id: 'm', createdAt: AT }, ['/createdAt'], []],
  ['Timeline', { type: 'created', at: AT }, ['/at'], []],
  ['Timeline', { type: 'deleted', at: LATER, reason: AT }, ['/at'], ['/reason']],
  ['Mixed', AT, [], ['']],
  ['Mixed', { id: 'x', createdAt: AT }, ['/createdAt'], []],
  [
    'Tree',
    { at: AT, children: [{ at: LATER, children: [{ at: AT }] }] },
    ['/at', '/children/0/at', '/children/0/children/0/at'],
    [],
  ],
  ['NullableEvent', null, [], []],
  ['NullableEvent', { at: AT }, ['/at'], []],
];

function at(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  return pointer
    .slice(1)
    .split('/')
    .reduce<unknown>((v, token) => (v as Record<string, unknown>)[token], value);
}

describe.each(cases)('revive%s(%j)', (name, wire, datePointers, stringPointers) => {
  it('puts Dates where the spec says date-time, and only there', async () => {
    const { [`is${name}`]: is } = await guards();
    expect(is?.(wire), 'the fixture value is valid').toBe(true);
    const before = JSON.stringify(wire);
    const revived = fn(`revive${name}`)(wire);
    expect(JSON.stringify(wire), 'the input is not changed').toBe(before);
    for (const pointer of datePointers) {
      const date = at(revived, pointer);
      expect(date, pointer).toBeInstanceOf(Date);
      expect((date as Date).getTime(), pointer).toBe(
        Date.parse(String(at(wire, pointer)).replace('.5+', '.500+')),
      );
    }
    for (const pointer of stringPointers)
      expect(typeof at(revived, pointer), pointer).toBe('string');
    expect(countDates(revived)).toBe(datePointers.length);
  });

  it('serializes back to the same JSON, valid for the guard', async () => {
    const { [`is${name}`]: is } = await guards();
    const revived = fn(`revive${name}`)(wire);
    const back = fn(`serialize${name}`)(revived);
    expect(JSON.stringify(back)).toBe(JSON.stringify(wire));
    expect(is?.(back)).toBe(true);
  });
});

function countDates(value: unknown): number {
  if (value instanceof Date) return 1;
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce<number>((n, v) => n + countDates(v), 0);
}

describe('what the helpers leave alone', () => {
  it('the date-time strings of Unreached stay strings, and it has no helpers', () => {
    expect(dates.reviveUnreached).toBeUndefined();
    expect(dates.revivePlain).toBeUndefined();
  });

  it('shares the parts without dates with the input', () => {
    const wire = { window: { start: AT }, history: [], extra: { deep: [1] } };
    const revived = fn('reviveNested')(wire) as typeof wire;
    expect(revived.extra).toBe(wire.extra);
    expect(revived).not.toBe(wire);
  });

  it('an absent optional date stays absent (no undefined key)', () => {
    const revived = fn('reviveEventModel')({ id: 'e', createdAt: AT }) as Record<string, unknown>;
    expect(Object.keys(revived).sort()).toEqual(['createdAt', 'id']);
    expect((revived.createdAt as Date).getTime()).toBe(AT_TIME);
  });

  it('a string that is not a date-time revives to an invalid Date and serializes back', () => {
    const wire = { id: 'e', createdAt: 'next tuesday' };
    const revived = fn('reviveEventModel')(wire) as { createdAt: Date };
    expect(revived.createdAt.getTime()).toBeNaN();
    expect(fn('serializeEventModel')(revived)).toEqual(wire);
  });

  it('a changed Date serializes in UTC', () => {
    const revived = fn('reviveEventModel')({ id: 'e', createdAt: AT }) as { createdAt: Date };
    revived.createdAt.setUTCFullYear(2030);
    expect(fn('serializeEventModel')(revived)).toEqual({
      id: 'e',
      createdAt: '2030-01-21T19:38:34Z',
    });
  });
});

describe('round trips on generated values', () => {
  it('for every schema with helpers: serialize(revive(v)) is v, and no guard verdict changes', async () => {
    const guardFns = await guards();
    const arbitraries = new ValueArbitraries(new Map(compiled.schemas.map((s) => [s.name, s])));
    let valid = 0;
    for (const schema of compiled.schemas) {
      const revive = dates[`revive${schema.name}`];
      const serialize = dates[`serialize${schema.name}`];
      const is = guardFns[`is${schema.name}`];
      if (!revive || !serialize || !is) continue;
      fc.assert(
        fc.property(arbitraries.forSchema(schema.name), (value) => {
          if (is(value) !== true) return;
          valid++;
          const text = JSON.stringify(value);
          const back = serialize(revive(value));
          expect(JSON.stringify(value)).toBe(text);
          expect(JSON.stringify(back)).toBe(text);
          expect(is(back)).toBe(true);
        }),
        { seed: 7, numRuns: 200 },
      );
    }
    expect(valid).toBeGreaterThan(1000);
  });
});
