/**
 * The error reports of the generated package's guards (generated/src/guards.ts) on our spec's
 * PlanList with several problems deep inside: validatePlanList lists every one, in document
 * order, with its JSON pointer, what was expected and what was found; assertPlanList throws a
 * GuardError whose message shows the first five and the count.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GuardError,
  assertPlanList,
  isPlanList,
  validatePlanList,
} from '../../generated/src/guards.ts';
import type { PlanList } from '../../generated/src/types.ts';

const bundled = JSON.parse(
  readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'),
) as { components: { examples: { PlanList: { value: PlanList } } } };
const example = bundled.components.examples.PlanList.value;

/** Five copies of the spec example's plan (ids pln_0 … pln_4), as plain JSON. */
function planList(items = 5): Record<string, unknown> {
  const [plan] = example.items;
  return JSON.parse(
    JSON.stringify({
      ...example,
      items: Array.from({ length: items }, (_, i) => ({ ...plan, id: `pln_${i}` })),
    }),
  ) as Record<string, unknown>;
}

/** Sets (or, with `undefined`, deletes) the value at a JSON pointer. */
function put(root: unknown, pointer: string, value: unknown): void {
  const tokens = pointer.slice(1).split('/');
  const last = tokens.pop() ?? '';
  let parent = root;
  for (const token of tokens) parent = (parent as Record<string, unknown>)[token];
  const holder = parent as Record<string, unknown>;
  if (value === undefined) delete holder[last];
  else holder[last] = value;
}

const spoiled = planList();
put(spoiled, '/items/0/requirements/user.birthday', undefined);
put(spoiled, '/items/0/simTypes/1', 'nano');
put(spoiled, '/items/1/price/currency', 'usd');
put(spoiled, '/items/1/validity/unit', 'week');
put(
  spoiled,
  '/items/2/metadata',
  Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
);
put(spoiled, '/items/2/coverage/countries/1', 'fra');
put(spoiled, '/items/3/price/amount', -5);
put(spoiled, '/items/4/limits/throttling', { thresholdBytes: '1' });
put(spoiled, '/moreItemsAfter', 5);

const issue = (path: string, expected: string, found: string) => ({
  path,
  expected,
  found,
  message: `expected ${expected}, found ${found}`,
});
const missing = (path: string, expected: string) => ({
  path,
  expected,
  found: 'missing',
  message: `missing required property: expected ${expected}`,
});

const EXPECTED_ISSUES = [
  missing('/items/0/requirements/user.birthday', 'RequirementLevel'),
  issue('/items/0/simTypes/1', 'one of "eSIM", "pSIM"', 'string "nano"'),
  issue('/items/1/price/currency', 'string matching /^[A-Z]{3}$/u', 'string "usd"'),
  issue('/items/1/validity/unit', 'one of "day", "month"', 'string "week"'),
  issue('/items/2/metadata', 'object with at most 10 properties', 'object with 11 properties'),
  issue('/items/2/coverage/countries/1', 'string matching /^[A-Z]{2}$/u', 'string "fra"'),
  issue('/items/3/price/amount', 'integer >= 0', '-5'),
  // throttling is `oneOf: [Throttling, null]`: an object can only be a Throttling, so its own
  // issues are reported, at their own paths.
  issue('/items/4/limits/throttling/thresholdBytes', 'integer', 'string "1"'),
  missing('/items/4/limits/throttling/bandwidthBitsPerSecond', 'integer'),
  issue('/moreItemsAfter', 'string | null', '5'),
];

describe('error reports on PlanList', () => {
  it('accepts the valid list and returns it as is', () => {
    const valid = planList();
    expect(isPlanList(valid)).toBe(true);
    const result = validatePlanList(valid);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toBe(valid);
  });

  it('validatePlanList reports every problem with its path, in document order', () => {
    expect(isPlanList(spoiled)).toBe(false);
    const result = validatePlanList(spoiled);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toEqual(EXPECTED_ISSUES);
  });

  it('assertPlanList throws a GuardError with the first five issues and the count', () => {
    let thrown: unknown;
    try {
      assertPlanList(spoiled);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GuardError);
    const error = thrown as GuardError;
    expect(error.name).toBe('GuardError');
    expect(error.schema).toBe('PlanList');
    expect(error.issues).toEqual(EXPECTED_ISSUES);
    expect(error.message).toBe(
      [
        'Invalid PlanList (10 issues):',
        '  /items/0/requirements/user.birthday: missing required property: expected RequirementLevel',
        '  /items/0/simTypes/1: expected one of "eSIM", "pSIM", found string "nano"',
        '  /items/1/price/currency: expected string matching /^[A-Z]{3}$/u, found string "usd"',
        '  /items/1/validity/unit: expected one of "day", "month", found string "week"',
        '  /items/2/metadata: expected object with at most 10 properties, found object with 11 properties',
        '  … and 5 more',
      ].join('\n'),
    );
  });

  it('assertPlanList narrows and returns nothing on a valid list', () => {
    const valid: unknown = planList();
    expect(() => assertPlanList(valid)).not.toThrow();
  });

  it('reports a problem deep in item 150 of 200 with its index', () => {
    const long = planList(200);
    put(long, '/items/150/limits/throttling/bandwidthBitsPerSecond', 1.5);
    const result = validatePlanList(long);
    expect(result.ok ? [] : result.issues).toEqual([
      issue('/items/150/limits/throttling/bandwidthBitsPerSecond', 'integer', '1.5'),
    ]);
  });
});
