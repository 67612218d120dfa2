/**
 * Reviewable regeneration: a spec edit changes exactly the generated files that carry what was
 * edited, no file changes only in its header line, and `generate --check` names the change in API
 * terms before the files.
 *
 * Each case runs the real generator on a temporary copy of `spec/`. The expected files come from a
 * principle, not from a snapshot of today's output (the emitters keep changing): a file must change
 * when, and only when, it now mentions what the edit introduced (the case's marker). On top of that
 * every case names files that must change (the bundled spec and openapi-typescript's types carry
 * every schema and operation) and files no spec edit of its kind may touch.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import type { ApiChange } from '../../generator/write/api-changes.ts';
import { RECORD_PATH } from '../../generator/write/record.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { ROOT } from '../helpers/spec.ts';
import {
  addOptionalPlanProperty,
  addPlanOperation,
  addPlanStatusValue,
  changePlanNameDescription,
  copySpec,
} from './spec-edits.ts';

afterAll(removeTempDirs);

/** Files no edit of the spec's schemas or operations has a reason to touch. */
const NEVER = [
  'package.json',
  'tsconfig.json',
  'src/index.ts',
  'src/client.ts',
  'src/guards-runtime.ts',
  'src/dates-runtime.ts',
];
const isRuntime = (path: string) => path.startsWith('src/runtime/');

interface Case {
  name: string;
  edit: (specDir: string) => Promise<void>;
  /** What the edit introduces; a generated file changes exactly when it starts to mention it. */
  marker: RegExp;
  mustChange: string[];
  /** The `--check` report's API changes. */
  api: ApiChange[];
}

const CASES: Case[] = [
  {
    name: 'add an optional property to Plan',
    edit: addOptionalPlanProperty,
    marker: /nickname/i,
    mustChange: ['openapi.json', 'src/openapi.ts', 'src/guards.ts'],
    api: [
      { change: 'changed', subject: 'schema', name: 'Plan', detail: 'property `nickname` added' },
    ],
  },
  {
    name: 'add an operation',
    edit: addPlanOperation,
    marker: /replicate/i,
    mustChange: ['openapi.json', 'src/openapi.ts', 'src/resources/plans.ts', 'README.md'],
    api: [
      {
        change: 'added',
        subject: 'operation',
        name: 'POST /projects/{project}/plans/{plan}/replicate',
      },
    ],
  },
  {
    name: 'change one description',
    edit: changePlanNameDescription,
    marker: /Zanzibar/,
    mustChange: ['openapi.json', 'src/openapi.ts'],
    api: [
      { change: 'changed', subject: 'schema', name: 'Plan', detail: 'property `name` changed' },
    ],
  },
  {
    name: 'add an enum value',
    edit: addPlanStatusValue,
    marker: /suspended/,
    mustChange: ['openapi.json', 'src/openapi.ts', 'src/guards.ts'],
    api: [{ change: 'changed', subject: 'schema', name: 'PlanStatus', detail: '`enum`' }],
  },
];

let base: string;
let baseTree: Map<string, string>;

beforeAll(async () => {
  base = await copySpec(await tempDir('regen-base-'));
  await symlink(join(ROOT, 'node_modules'), join(base, 'node_modules'), 'dir');
  await generate({ cwd: base });
  baseTree = await readTree(join(base, 'generated'));
});

describe('a spec edit changes only the files that carry it', () => {
  it.each(CASES)('$name', async ({ edit, marker, mustChange, api }) => {
    const dir = await copySpec(await tempDir('regen-edit-'));
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir'); // prettier's cache
    await edit(join(dir, 'spec'));

    // --check against the package generated from the unedited spec: what would change.
    const checked = await generate({ cwd: dir, out: join(base, 'generated'), check: true });
    const check = checked.check!;
    expect(check.removed).toEqual([]);
    expect(check.api).toEqual(api);

    await generate({ cwd: dir });
    const tree = await readTree(join(dir, 'generated'));
    const carriers = [...tree.keys()]
      .filter((path) => marker.test(tree.get(path)!) && !marker.test(baseTree.get(path) ?? ''))
      .sort();
    const touched = [...check.added, ...check.changed].sort();
    // Besides the files that carry the edit, only the one manifest that records what the package
    // was made from (hashes of the spec's files and of the output) changes with every edit.
    expect(touched).toEqual([...new Set([...carriers, RECORD_PATH])].sort());
    expect(touched).toEqual(expect.arrayContaining(mustChange));
    expect(touched.filter((path) => NEVER.includes(path) || isRuntime(path))).toEqual([]);

    // The bytes on disk agree with --check: the same files differ from the unedited package.
    const differing = [...tree.keys()].filter((path) => tree.get(path) !== baseTree.get(path));
    expect(differing.sort()).toEqual(touched);
    for (const path of differing)
      expect(withoutHeader(path, tree.get(path)!)).not.toBe(
        withoutHeader(path, baseTree.get(path) ?? ''),
      );
  });

  it('the header line is the same for every version of the spec: no hash, no version', () => {
    const headers = new Set(
      [...baseTree]
        .filter(([path]) => /\.(ts|mjs|md)$/.test(path))
        .map(([, text]) => text.split('\n')[0]),
    );
    expect(headers.size).toBe(2); // one `//` line for TypeScript, one HTML comment for Markdown
    for (const header of headers) {
      // The copy is in no project (no package.json, no .git above it): the spec's file name.
      expect(header).toMatch(/generated by .* from openapi\.yaml\. Do not edit/);
      expect(header).not.toMatch(/[0-9a-f]{12}|sha256|\d+\.\d+\.\d+/);
    }
  });

  it('`generate --check` prints the API change, then the files', async () => {
    const dir = await copySpec(await tempDir('regen-cli-'));
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    await addOptionalPlanProperty(join(dir, 'spec'));
    const out = relative(dir, join(base, 'generated'));
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'generator/cli.ts'), '--check', '--out', out],
      { cwd: dir, encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${out}/ is out of date with spec/openapi.yaml.`);
    expect(lines.slice(1, 3)).toEqual([
      `API changes since ${out}/ was generated:`,
      '  changed schema Plan: property `nickname` added',
    ]);
    expect(lines[3]).toBe('Files `npm run generate` would change:');
    expect(lines.slice(4)).toEqual(
      expect.arrayContaining(['  changed openapi.json', '  changed src/openapi.ts']),
    );
    // The last line says what to run: the same command without --check.
    expect(lines.at(-1)).toBe(
      `fix: run npm run generate -- --out ${out}, review the changes and commit them`,
    );
  });
});

/** Every file under `dir` → its text, by `/`-separated relative path. */
async function readTree(dir: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/');
    tree.set(path, await readFile(join(dir, path), 'utf8'));
  }
  return tree;
}

/** The file without the generated-file notice (its first line; package.json's `x-generated`). */
function withoutHeader(path: string, text: string): string {
  if (path === 'package.json') {
    const { 'x-generated': _notice, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(rest);
  }
  return /\.(ts|mjs|md)$|tsconfig\.json$/.test(path) ? text.split('\n').slice(1).join('\n') : text;
}
