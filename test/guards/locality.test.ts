/**
 * Issue 9: names the guards emitter invents are derived from the schema they serve, so a change to
 * one schema changes only that schema's lines of src/guards.ts. Each case edits one schema of
 * test/fixtures/schemas/locality.yaml (or adds one), prints the guards of both versions as the
 * package has them (prettier included), diffs them with git, and checks that every changed line
 * belongs to the edited schema: its functions and helpers, its constants, its name in the type
 * import, or a helper named after a shape that only it uses.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { emitGuards } from '../../generator/emit/guards.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import { printSourceFile } from '../../generator/write/print.ts';
import { loadFixture, type Doc } from './harness.ts';

type Schemas = Record<string, Record<string, unknown>>;

const dir = mkdtempSync(join(tmpdir(), 'guards-locality-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function guardsText(doc: Doc, version: '3.0' | '3.1'): Promise<string> {
  const schemas = buildSchemaModel(doc, { file: 'locality.yaml', version });
  const text = printSourceFile(emitGuards(schemas, { typesModule: './types.js' }));
  return format(text, { parser: 'typescript', singleQuote: true, printWidth: 100 });
}

/** Line numbers (1-based) changed on each side, from `git diff --no-index --unified=0`. */
function changedLines(before: string, after: string): { old: number[]; new: number[] } {
  const a = join(dir, 'before.ts');
  const b = join(dir, 'after.ts');
  writeFileSync(a, before);
  writeFileSync(b, after);
  let out: string;
  try {
    out = execFileSync('git', ['diff', '--no-index', '--unified=0', a, b], { encoding: 'utf8' });
  } catch (error) {
    // Exit code 1: the files differ.
    out = String((error as { stdout?: string }).stdout ?? '');
  }
  const lines = { old: [] as number[], new: [] as number[] };
  for (const match of out.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    const [, oldStart, oldCount, newStart, newCount] = match;
    const range = (start: string | undefined, count: string | undefined) =>
      Array.from({ length: Number(count ?? 1) }, (_, i) => Number(start) + i);
    lines.old.push(...range(oldStart, oldCount));
    lines.new.push(...range(newStart, newCount));
  }
  return lines;
}

/**
 * For each line, the top-level declaration it belongs to (its name; a JSDoc goes with the
 * declaration after it), or `import` for the module doc and the import and export statements.
 */
function owners(text: string): string[] {
  const lines = text.split('\n');
  const names = new Array<string>(lines.length).fill('import');
  const first = lines.findIndex((line) => /^(?:export )?(?:function|const) /.test(line));
  let start = first;
  while (start > 0 && /^ ?\*|^\/\*\*/.test(lines[start - 1] ?? '')) start--;
  let current = '';
  let docStart = -1;
  for (let i = start < 0 ? lines.length : start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const declared = /^(?:export )?(?:function|const) ([\w$]+)/.exec(line);
    if (line.startsWith('/**') && docStart < 0) docStart = i;
    if (declared?.[1]) {
      current = declared[1];
      for (let j = docStart < 0 ? i : docStart; j <= i; j++) names[j] = current;
      docStart = -1;
    } else if (docStart < 0) {
      names[i] = current;
    }
  }
  return names;
}

/** The names imported and re-exported at the top of the file. */
function importedNames(text: string): Set<string> {
  const names = owners(text);
  const header = text
    .split('\n')
    .filter((_, i) => names[i] === 'import')
    .join('\n')
    .replace(/\/\*\*[\s\S]*?\*\//g, '');
  return new Set(
    [...header.matchAll(/\{([^}]*)\}/g)].flatMap((m) =>
      (m[1] ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  );
}

/** Declarations of schema `x`: its functions and helpers, its constants. */
function belongsTo(name: string, x: string): boolean {
  return (
    new RegExp(`^(is|assert|validate|collect)${x}(_\\d+)?$`).test(name) ||
    new RegExp(`^(pattern|enum|keys|value)${x}_\\d+$`).test(name)
  );
}

/** Shared shape helpers (`isShape_…`) that no function outside schema `x` calls in `text`. */
function shapesOnlyUsedBy(text: string, x: string): Set<string> {
  const names = owners(text);
  const lines = text.split('\n');
  const only = new Set<string>();
  const shapes = new Set(names.filter((n) => /^(is|collect)Shape_/.test(n)));
  for (const shape of shapes) {
    const owner = shape.replace(/^(is|collect)/, '');
    const users = new Set(
      lines.flatMap((line, i) => {
        const name = names[i] ?? '';
        return line.includes(`${shape}(`) && !name.includes(owner) ? [name] : [];
      }),
    );
    if ([...users].every((user) => belongsTo(user, x) || only.has(user))) only.add(owner);
  }
  return only;
}

function offending(text: string, changed: number[], x: string): string[] {
  const names = owners(text);
  const lines = text.split('\n');
  const ownShapes = shapesOnlyUsedBy(text, x);
  return changed.flatMap((n) => {
    const name = names[n - 1] ?? '';
    const line = lines[n - 1] ?? '';
    if (name === 'import' || belongsTo(name, x) || line.trim() === '') return [];
    if ([...ownShapes].some((shape) => name.includes(shape))) return [];
    return [`line ${n} (${name}): ${line}`];
  });
}

/** Runtime helpers a guards file may start or stop importing with one schema's change. */
const RUNTIME =
  /^(codePointLength|deepEqual|describeValue|duplicateItems|issue|jsonKind|missingIssue|multipleOf|ownProperty|pointerToken)$/;

const { doc: base, version } = loadFixture('locality.yaml');
const schemasOf = (doc: Doc): Schemas => (doc.components as { schemas: Schemas }).schemas;

/** A copy of the fixture with `edit` applied to its `components.schemas`. */
function edited(edit: (schemas: Schemas) => Schemas): Doc {
  const copy = structuredClone(base);
  (copy.components as { schemas: Schemas }).schemas = edit(schemasOf(copy));
  return copy;
}

/** `schemas` with `entry` inserted before the key `before`. */
function insertBefore(schemas: Schemas, before: string, entry: Schemas): Schemas {
  const out: Schemas = {};
  for (const [key, value] of Object.entries(schemas)) {
    if (key === before) Object.assign(out, entry);
    out[key] = value;
  }
  return out;
}

const postal = () => structuredClone(schemasOf(base).Shipment?.properties) as Schemas;

const cases: [string, string, (schemas: Schemas) => Schemas][] = [
  [
    'an optional property with a pattern, an enum and an inline object',
    'Account',
    (s) => {
      const properties = s.Account?.properties as Schemas;
      properties.nickname = {
        type: 'object',
        properties: {
          text: { type: 'string', pattern: '^[A-Z][a-z]+$' },
          style: { enum: ['plain', 'bold', 'italic', 'underline', 'strike'] },
        },
      };
      return s;
    },
  ],
  [
    'a property first in the list, with a union (a new helper)',
    'Invoice',
    (s) => {
      const invoice = s.Invoice as { properties: Schemas };
      invoice.properties = {
        due: { oneOf: [{ type: 'string', pattern: '^[0-9-]+$' }, { type: 'integer' }] },
        ...invoice.properties,
      };
      return s;
    },
  ],
  [
    'a new schema in the middle, reusing a pattern and the shared inline shape',
    'Warehouse',
    (s) =>
      insertBefore(s, 'Person', {
        Warehouse: {
          type: 'object',
          properties: {
            code: { type: 'string', pattern: '^[0-9]{5}$' },
            site: postal().from as Record<string, unknown>,
            kind: { enum: ['open', 'frozen', 'closed', 'archived', 'pending'] },
          },
        },
      }),
  ],
  [
    'a new schema that is the first user of a new big shape',
    'Depot',
    (s) =>
      insertBefore(s, 'Account', {
        Depot: {
          type: 'object',
          properties: Object.fromEntries(
            Array.from({ length: 14 }, (_, i) => [
              `slot${i}`,
              { type: 'string', maxLength: i + 1 },
            ]),
          ),
        },
      }),
  ],
  [
    'new enum values',
    'Status',
    (s) => {
      (s.Status as { enum: string[] }).enum.push('overdue');
      return s;
    },
  ],
  [
    'a schema removed',
    'Invoice',
    (s) => {
      delete s.Invoice;
      return s;
    },
  ],
  [
    'a property of the shared inline shape changed in one schema only',
    'Invoice',
    (s) => {
      // A copy: in the fixture, billing is the very object Shipment's from and to are (a YAML alias).
      const properties = s.Invoice?.properties as Schemas;
      const billing = structuredClone(properties.billing) as { properties: Schemas };
      billing.properties.zip = { type: 'string', pattern: '^[0-9]{4,5}$' };
      properties.billing = billing;
      return s;
    },
  ],
];

describe('a change to one schema changes only its lines of guards.ts', () => {
  it.each(cases)('%s (%s)', async (_name, schema, edit) => {
    const before = await guardsText(base, version);
    const after = await guardsText(edited(edit), version);
    expect(after).not.toBe(before);
    const changed = changedLines(before, after);
    expect(changed.old.length + changed.new.length).toBeGreaterThan(0);
    const problems = [
      ...offending(before, changed.old, schema).map((p) => `before: ${p}`),
      ...offending(after, changed.new, schema).map((p) => `after: ${p}`),
    ];
    expect(problems).toEqual([]);
    // The imports change only by the schema's own type and the runtime helpers it uses.
    const [was, is] = [importedNames(before), importedNames(after)];
    const difference = [...was, ...is].filter((n) => was.has(n) !== is.has(n));
    expect(difference.filter((n) => n !== schema && !RUNTIME.test(n))).toEqual([]);
  });
});
