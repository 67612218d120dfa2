/**
 * The date helpers of the generated package (generated/src/dates.ts, exported from its index) on
 * every response example of our spec: reviving puts Dates where the spec says date-time, does not
 * change the input, and serializing gives back the same JSON; the guards decide the same on the
 * wire form before and after.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as guards from '../../generated/src/guards.ts';
import * as entry from '../../generated/src/index.ts';
import {
  formatDateTime,
  revivePlanList,
  reviveSubscriptionChange,
  serializePlanList,
  serializeSubscriptionChange,
} from '../../generated/src/index.ts';
import type { PlanList, SubscriptionChange } from '../../generated/src/index.ts';

interface Doc {
  paths: Record<string, Record<string, { responses?: Record<string, Response> }>>;
  components: { examples: Record<string, { value: unknown }> };
}
interface Response {
  content?: Record<
    string,
    { schema?: { $ref?: string }; examples?: Record<string, { $ref: string }> }
  >;
}

const doc = JSON.parse(
  readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'),
) as Doc;
const lastToken = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** [operation and example, schema name, example value] for every JSON response example. */
function responseExamples(): [string, string, unknown][] {
  const out: [string, string, unknown][] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const json = response.content?.['application/json'];
        const ref = json?.schema?.$ref;
        if (!json || !ref) continue;
        for (const [name, example] of Object.entries(json.examples ?? {})) {
          const value = doc.components.examples[lastToken(example.$ref)]?.value;
          out.push([`${method.toUpperCase()} ${path} ${status} ${name}`, lastToken(ref), value]);
        }
      }
    }
  }
  return out;
}

type Fn = (value: unknown) => unknown;
const fns = entry as unknown as Record<string, Fn | undefined>;
const guardFns = guards as unknown as Record<string, Fn | undefined>;

function countDates(value: unknown): number {
  if (value instanceof Date) return 1;
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce<number>((n, v) => n + countDates(v), 0);
}

/** Every string in the value that a date-time example of the spec looks like. */
function countDateTexts(value: unknown): number {
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) ? 1 : 0;
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce<number>((n, v) => n + countDateTexts(v), 0);
}

const examples = responseExamples();

describe('date helpers on the response examples of the spec', () => {
  it('cover every example (all response schemas hold dates)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
    for (const [where, schema] of examples)
      expect(fns[`revive${schema}`], where).toBeTypeOf('function');
  });

  it.each(examples)('%s (%s)', (_where, schema, value) => {
    const revive = fns[`revive${schema}`];
    const serialize = fns[`serialize${schema}`];
    const is = guardFns[`is${schema}`];
    if (!revive || !serialize || !is) throw new Error(`no helpers for ${schema}`);
    expect(is(value)).toBe(true);
    const text = JSON.stringify(value);
    const revived = revive(value);
    expect(JSON.stringify(value), 'the input is unchanged').toBe(text);
    // Every date-time string of the example is revived (the examples have no other strings like them).
    expect(countDates(revived)).toBe(countDateTexts(value));
    expect(countDates(revived)).toBeGreaterThan(0);
    const back = serialize(revived);
    expect(JSON.stringify(back)).toBe(text);
    expect(is(back)).toBe(true);
    expect(is(value)).toBe(true);
  });
});

describe('revived values', () => {
  const list = doc.components.examples.PlanList?.value as PlanList;
  const change = doc.components.examples.SubscriptionChange?.value as SubscriptionChange;

  it('PlanList: each plan’s createdAt is a Date, the rest is untouched', () => {
    const revived = revivePlanList(list);
    const [plan] = revived.items;
    expect(plan?.createdAt).toEqual(new Date(Date.UTC(2021, 0, 21, 19, 38, 34)));
    expect(plan?.price).toBe(list.items[0]?.price);
    expect(revived.moreItemsAfter).toBeNull();
  });

  it('SubscriptionChange: the change’s dates and its plan’s and SIM’s are Dates', () => {
    const revived = reviveSubscriptionChange(change);
    expect(revived.createdAt).toBeInstanceOf(Date);
    expect(revived.scheduledAt).toBeInstanceOf(Date);
    expect(revived.plan?.createdAt).toBeInstanceOf(Date);
    expect(revived.sim?.createdAt).toBeInstanceOf(Date);
    expect(revived.appliedAt === null || revived.appliedAt instanceof Date).toBe(true);
    expect(JSON.stringify(serializeSubscriptionChange(revived))).toBe(JSON.stringify(change));
  });

  it('a changed Date serializes in UTC, the others as they came', () => {
    const revived = revivePlanList(list);
    const first = revived.items[0];
    if (!first) throw new Error('the example has a plan');
    first.createdAt = new Date(Date.UTC(2024, 5, 1, 12, 0, 0, 250));
    const wire = serializePlanList(revived);
    expect(wire.items[0]?.createdAt).toBe('2024-06-01T12:00:00.250Z');
    expect(guards.isPlanList(wire)).toBe(true);
    expect(formatDateTime(new Date(Date.UTC(2024, 5, 1)))).toBe('2024-06-01T00:00:00Z');
  });
});
