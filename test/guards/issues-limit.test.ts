/**
 * What a failed check reports is bounded: a list of 200,000 empty objects where each item has
 * three required properties (600 KB of JSON, a response well under `maxResponseSize`) made 600,000
 * issues, and a 3 MB one (a million `{}`) 15 million issues, 2 GB of heap and half a minute for
 * the Gigs `PlanList` guard: a hostile or broken server crashed a client that validates
 * responses. Checking stops after MAX_ISSUES issues, whether the guard calls other guards
 * (`collectIssues`) or not, and the last issue says more were left out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ISSUES } from '../../templates/guards/runtime.ts';
import { compileDoc, guardFunction, type SpecGuards } from './compile.ts';

let spec: SpecGuards;
beforeAll(async () => {
  const item = { type: 'object', required: ['a', 'b', 'c'], properties: { a: { type: 'string' } } };
  spec = await compileDoc(
    {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: {
          // No reference: its validate function collects on its own.
          Rows: { type: 'array', items: item },
          Item: item,
          // Calls another guard: its validate function goes through collectIssues.
          Page: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } },
          },
        },
      },
    },
    '3.1',
  );
});

const many = (count: number): object[] => Array.from({ length: count }, () => ({}));

describe('a value with more issues than MAX_ISSUES', () => {
  it.each([
    ['a guard that calls no other', 'validateRows', () => many(200_000)],
    ['a guard that calls others', 'validatePage', () => ({ items: many(200_000) })],
  ])(
    '%s: the first MAX_ISSUES issues, then one that says the rest were left out',
    (_name, fn, value) => {
      const started = Date.now();
      const result = guardFunction(spec.guards, fn)(value()) as {
        ok: boolean;
        issues: { path: string; message: string }[];
      };
      expect(result.ok).toBe(false);
      expect(result.issues).toHaveLength(MAX_ISSUES + 1);
      expect(result.issues[0]!.path).toMatch(/^(\/items)?\/0\/a$/);
      expect(result.issues.at(-1)!.message).toBe(
        `more issues than the first ${MAX_ISSUES}: checking stopped there`,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    },
  );

  it('up to MAX_ISSUES issues are all listed, with no note', () => {
    const items = Math.floor(MAX_ISSUES / 3);
    const result = guardFunction(spec.guards, 'validateRows')(many(items)) as {
      issues: { message: string }[];
    };
    expect(result.issues).toHaveLength(items * 3);
    expect(result.issues.at(-1)!.message).toBe('missing required property: expected any value');
  });

  it('the guards work as before after a check that stopped early', () => {
    guardFunction(spec.guards, 'validatePage')({ items: many(10_000) });
    const result = guardFunction(
      spec.guards,
      'validatePage',
    )({ items: [{ a: 1, b: 1, c: 1 }] }) as {
      issues: { path: string }[];
    };
    expect(result.issues.map((issue) => issue.path)).toEqual(['/items/0/a']);
  });
});
