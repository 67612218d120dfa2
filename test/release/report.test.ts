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

describe('spec text in the report', () => {
  // A property name from a pull request's spec: a bidi override, an isolate, BEL, an ANSI colour,
  // U+2028, and Markdown that would load an image and show a link if it rendered.
  const name = 'safe\u202E\u2066evil\u0007\u001b[31mRED\u2028x` ![t](https://evil.example/p.png) <img src=x> [click](https://evil.example) `y';
  /** The characters of the name that must never be printed as they are. */
  const rawIn = (text: string) =>
    [...'\u0007\u001b\u202e\u2066\u2028'].filter((char) => text.includes(char));
  const hostile: DiffReport = {
    ...report,
    changes: [
      {
        level: 'major',
        kind: 'sdk/result-property-removed',
        location: 'client.plans.list()',
        message: `\`client.plans.list()\` result: property \`${name}\` removed`,
      },
    ],
  };

  it('text: control and invisible characters are shown as escapes, none reaches the terminal', () => {
    const text = renderReport(hostile, 'text');
    expect(text).toContain('safe\\u202E\\u2066evil\\u0007\\u001B[31mRED\\u2028x');
    expect(rawIn(text)).toEqual([]);
  });

  it('Markdown: the name opens no image, link or HTML, and each name stays a code span', () => {
    const markdown = renderReport(hostile, 'markdown');
    const line = markdown.split('\n').find((l) => l.includes('result: property'))!;
    expect(line).toContain('`client.plans.list()` result: property `safe\\u202E\\u2066evil\\u0007\\u001B[31mRED');
    // What the backtick in the name cut out of its span is escaped text: no `![`, `[…](`, `<img`.
    for (const raw of ['![t](', ' [click](', ' <img']) expect(line).not.toContain(raw);
    expect(line).toContain('!\\[t\\](https://evil.example/p.png) \\<img src=x\\> \\[click\\]');
    expect(rawIn(markdown)).toEqual([]);
  });

  it('JSON: the same values, with invisible characters escaped in the text', () => {
    const json = renderReport(hostile, 'json');
    expect(rawIn(json)).toEqual([]);
    const parsed = JSON.parse(json) as { changes: { message: string }[] };
    expect(parsed.changes[0]!.message).toBe(hostile.changes[0]!.message);
  });
});
