/**
 * `npm run diff`'s report as printed (text and Markdown), from a report made by hand: its summary
 * counts what it lists, and a wire change inside a shared schema names every operation using it.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../scripts/lib/diff/change.ts';
import type { DiffReport } from '../../scripts/lib/diff/index.ts';
import { renderReport } from '../../scripts/lib/diff/report.ts';

const inPlan = (location: string): Change => ({
  level: 'minor',
  kind: 'sdk/result-property-added',
  location,
  message: `\`${location}\` result: new optional property \`nickname\``,
  inType: { name: 'Plan', message: '`Plan`: new optional property `nickname`', use: 'results' },
});

const report: DiffReport = {
  bump: 'major',
  changes: [
    {
      level: 'major',
      kind: 'sdk/method-removed',
      location: 'client.plans.search()',
      message: '`client.plans.search()` removed',
    },
    inPlan('client.plans.list()'),
    inPlan('client.plans.retrieve()'),
    inPlan('client.plans.update()'),
    {
      level: 'major',
      kind: 'wire/operation-removed',
      location: 'POST /plans/search',
      message: 'operation removed',
    },
    {
      level: 'minor',
      kind: 'wire/schema-added',
      location: 'GET /plans',
      message: 'property `nickname` added',
      schema: 'Plan',
      operations: ['GET /plans', 'GET /plans/{plan}', 'PATCH /plans/{plan}', 'POST /plans', 'POST /plans/{plan}/archive'],
    },
  ],
  base: { label: 'main' },
  head: { label: 'spec/openapi.yaml (working tree)' },
  packageName: 'gigs-sdk',
  methods: ['client.plans.list', 'client.plans.retrieve', 'client.plans.update'],
};

describe('the report', () => {
  it('counts the lines it lists, per layer, and says they are changes', () => {
    const text = renderReport(report, 'text');
    expect(text.split('\n')[0]).toBe(
      'spec/openapi.yaml (working tree) against main: major (SDK: 2 changes, 1 major, 1 minor; wire: 2 changes, 1 major, 1 minor)',
    );
    // The three methods' changes to `Plan` are one line, counted once.
    expect(text).toContain(
      '  minor `Plan`: new optional property `nickname` — in results of `client.plans.*()`\n',
    );
    expect(renderReport(report, 'markdown')).toContain(
      ': major (SDK: 2 changes, 1 major, 1 minor; wire: 2 changes, 1 major, 1 minor).',
    );
  });

  it('a wire change inside a shared schema names the schema, the first operations and how many more', () => {
    expect(renderReport(report, 'text')).toContain(
      '  minor `Plan` (in `GET /plans`, `GET /plans/{plan}`, `PATCH /plans/{plan}` and 2 more operations): property `nickname` added\n',
    );
    const json = JSON.parse(renderReport(report, 'json')) as { changes: Record<string, unknown>[] };
    expect(json.changes.at(-1)).toMatchObject({ location: 'GET /plans', operations: report.changes.at(-1)!.operations });
  });
});
