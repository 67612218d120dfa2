/** templates/dates/runtime.ts as it stands: the runtime copied next to every generated dates module. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitDatesRuntime } from '../../generator/emit/dates.ts';
import {
  formatDateTime,
  parseDateTime,
  reviveDates,
  serializeDates,
  serializeValue,
  type DatePlan,
} from '../../templates/dates/runtime.ts';

describe('parseDateTime', () => {
  it.each([
    ['2021-01-21T19:38:34Z', Date.UTC(2021, 0, 21, 19, 38, 34)],
    ['2021-01-21T19:38:34.5Z', Date.UTC(2021, 0, 21, 19, 38, 34, 500)],
    ['2021-01-21T19:38:34.123456789Z', Date.UTC(2021, 0, 21, 19, 38, 34, 123)],
    ['2021-01-21T21:38:34+02:00', Date.UTC(2021, 0, 21, 19, 38, 34)],
    ['2021-01-21T19:38:34-00:30', Date.UTC(2021, 0, 21, 20, 8, 34)],
    ['2021-01-21t19:38:34z', Date.UTC(2021, 0, 21, 19, 38, 34)],
    ['2021-01-21 19:38:34Z', Date.UTC(2021, 0, 21, 19, 38, 34)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['0001-01-01T00:00:00Z', -62_135_596_800_000],
    ['0099-06-01T00:00:00-05:30', new Date('0099-06-01T05:30:00Z').getTime()],
    // RFC 3339 §5.6 allows a leap second; a Date cannot hold one: the last millisecond before it.
    ['2016-12-31T23:59:60Z', Date.UTC(2016, 11, 31, 23, 59, 59, 999)],
    // The same second in another offset (RFC 3339 §5.7), and at the end of June.
    ['2016-12-31T15:59:60-08:00', Date.UTC(2016, 11, 31, 23, 59, 59, 999)],
    ['2015-07-01T01:59:60+02:00', Date.UTC(2015, 5, 30, 23, 59, 59, 999)],
  ])('%s is %i', (text, time) => {
    expect(parseDateTime(text).getTime()).toBe(time);
  });

  it.each([
    'yesterday',
    '2021-01-21',
    '2021-01-21T19:38:34',
    '2021-13-01T00:00:00Z',
    'Thu, 21 Jan 2021 19:38:34 GMT',
    '',
    // Fields out of range (RFC 3339 §5.7), which Date.parse reads as another day.
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2021-04-31T00:00:00Z',
    '2021-01-00T00:00:00Z',
    '2021-01-21T24:00:00Z',
    '2021-01-21T10:60:00Z',
    '2021-01-21T10:00:61Z',
    '2021-01-21T10:00:00+24:00',
    '2021-01-21T10:00:00+02:60',
    // A leap second only ends a month in UTC (§5.7).
    '2021-01-21T10:00:60Z',
    '2016-12-31T23:58:60Z',
    '2016-12-30T23:59:60Z',
    '2016-12-31T23:59:60+01:00',
  ])('%j is an invalid Date', (text) => {
    const date = parseDateTime(text);
    expect(date).toBeInstanceOf(Date);
    expect(date.getTime()).toBeNaN();
    // Still written back as it came.
    expect(formatDateTime(date)).toBe(text);
  });
});

describe('formatDateTime', () => {
  it.each([
    '2021-01-21T19:38:34Z',
    '2021-01-21T19:38:34.500Z',
    '2021-01-21T21:38:34+02:00',
    '2021-01-21t19:38:34z',
    '2021-01-21T19:38:34.123456789Z',
    'yesterday',
  ])('gives back %j unchanged', (text) => {
    expect(formatDateTime(parseDateTime(text))).toBe(text);
  });

  it('writes a changed Date in UTC, without zero milliseconds', () => {
    const date = parseDateTime('2021-01-21T21:38:34+02:00');
    date.setUTCHours(20);
    expect(formatDateTime(date)).toBe('2021-01-21T20:38:34Z');
    date.setUTCMilliseconds(250);
    expect(formatDateTime(date)).toBe('2021-01-21T20:38:34.250Z');
  });

  it('writes a Date made elsewhere in UTC', () => {
    expect(formatDateTime(new Date(Date.UTC(2024, 1, 29, 0, 0, 0)))).toBe('2024-02-29T00:00:00Z');
  });

  it('a changed invalid Date is written as its new time', () => {
    const date = parseDateTime('soon');
    date.setTime(Date.UTC(2020, 0, 1));
    expect(formatDateTime(date)).toBe('2020-01-01T00:00:00Z');
  });

  it('throws a RangeError for an invalid Date it did not parse', () => {
    expect(() => formatDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('throws a RangeError for a Date outside the years 0000 to 9999, which has no RFC 3339 date-time', () => {
    const after = new Date(Date.UTC(10000, 0, 1));
    expect(() => formatDateTime(after)).toThrow(/year 10000 has no RFC 3339 date-time/);
    const before = new Date(Date.UTC(2000, 0, 1));
    before.setUTCFullYear(-2);
    expect(() => formatDateTime(before)).toThrow(/year -2 has no RFC 3339 date-time/);
    // The edges have 4 digits.
    const first = new Date(Date.UTC(2000, 0, 1));
    first.setUTCFullYear(0);
    expect(formatDateTime(first)).toBe('0000-01-01T00:00:00Z');
    expect(formatDateTime(new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)))).toBe(
      '9999-12-31T23:59:59.999Z',
    );
  });
});

describe('serializeDates', () => {
  it('replaces every Date, deeply, and copies only what changed', () => {
    const untouched = { a: [1, 'x'] };
    const value = {
      at: parseDateTime('2021-01-21T19:38:34Z'),
      list: [{ at: new Date(Date.UTC(2020, 0, 1)) }, null],
      untouched,
    };
    const wire = serializeDates(value);
    expect(wire).toEqual({
      at: '2021-01-21T19:38:34Z',
      list: [{ at: '2020-01-01T00:00:00Z' }, null],
      untouched: { a: [1, 'x'] },
    });
    expect(wire.untouched).toBe(untouched);
    expect(value.at).toBeInstanceOf(Date);
  });

  it('returns a value without Dates as it is', () => {
    const value = { a: [{ b: 'c' }] };
    expect(serializeDates(value)).toBe(value);
  });

  it('keeps a __proto__ key an own property', () => {
    const value = JSON.parse('{"__proto__": "2021-01-21T19:38:34Z", "x": 1}') as Record<
      string,
      unknown
    >;
    value.x = new Date(0);
    const wire = serializeDates(value);
    expect(Object.keys(wire)).toEqual(['__proto__', 'x']);
    expect(Object.getPrototypeOf(wire)).toBe(Object.prototype);
    expect(JSON.stringify(wire)).toBe(
      '{"__proto__":"2021-01-21T19:38:34Z","x":"1970-01-01T00:00:00Z"}',
    );
  });
});

const AT = '2021-01-21T19:38:34Z';
const tree: DatePlan = { properties: { at: 'date-time', children: { items: () => tree } } };

/** `{ at, children: [ … ] }` nested `levels` deep. */
function deepTree(levels: number): Record<string, unknown> {
  let node: Record<string, unknown> = { at: AT };
  for (let i = 0; i < levels; i++) node = { at: AT, children: [node] };
  return node;
}

describe('reviveDates', () => {
  it('revives what the plan points at and leaves what does not fit', () => {
    const value = { at: AT, children: [{ at: 5 }, null, { children: 'no' }], other: AT };
    const revived = reviveDates(value, tree) as typeof value;
    expect(revived.at).toBeInstanceOf(Date);
    expect(revived.children).toEqual([{ at: 5 }, null, { children: 'no' }]);
    expect(revived.other).toBe(AT);
    expect(reviveDates(null, tree)).toBeNull();
    expect(reviveDates([AT], tree)).toEqual([AT]);
  });

  it('keeps a cycle a cycle instead of following it', () => {
    const node: Record<string, unknown> = { at: AT };
    node.children = [node, node];
    const revived = reviveDates(node, tree) as { at: Date; children: unknown[] };
    expect(revived).not.toBe(node);
    expect(revived.at).toBeInstanceOf(Date);
    expect(revived.children[0]).toBe(revived);
    expect(revived.children[1]).toBe(revived);
  });

  it('revives a value 100,000 levels deep without exhausting the call stack', () => {
    const revived = reviveDates(deepTree(100_000), tree);
    let node = revived as { at: unknown; children?: unknown[] };
    let levels = 0;
    while (node.children) {
      expect(node.at).toBeInstanceOf(Date);
      node = node.children[0] as typeof node;
      levels++;
    }
    expect(levels).toBe(100_000);
  });

  it('ends a loop of plans that refer to each other', () => {
    const a: DatePlan = () => b;
    const b: DatePlan = () => a;
    expect(() => reviveDates({ at: AT }, a)).toThrow(TypeError);
  });
});

describe('serializeDates on cyclic and deep values', () => {
  it('does not follow a cycle forever', () => {
    const node: Record<string, unknown> = { at: new Date(0) };
    node.self = node;
    const wire = serializeValue(node) as Record<string, unknown>;
    expect(wire.at).toBe('1970-01-01T00:00:00Z');
  });

  it('serializes a value 100,000 levels deep without exhausting the call stack', () => {
    const revived = reviveDates(deepTree(100_000), tree);
    let node = serializeValue(revived) as { at: unknown; children?: unknown[] };
    let levels = 0;
    for (; node.children; levels++) {
      expect(node.at).toBe(AT);
      node = node.children[0] as typeof node;
    }
    expect(levels).toBe(100_000);
    const plain = deepTree(100_000);
    expect(serializeValue(plain)).toBe(plain);
  });
});

describe('the emitted runtime file', () => {
  it('is templates/dates/runtime.ts unchanged', () => {
    const template = readFileSync(
      new URL('../../templates/dates/runtime.ts', import.meta.url),
      'utf8',
    );
    expect(emitDatesRuntime()).toEqual({
      path: 'src/dates-runtime.ts',
      statements: [template.trimEnd()],
    });
  });
});
