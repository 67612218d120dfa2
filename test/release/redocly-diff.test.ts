/**
 * The wire level's Redocly diff, run in process (scripts/lib/diff/redocly-diff.ts), against the
 * command it stands for: `redocly diff --format json` of the pinned @redocly/cli, on the same two
 * documents with the same config. Both must report the same changes, rated alike.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandError } from '../../scripts/lib/command-error.ts';
import { redoclyDiff, type RedoclyChange } from '../../scripts/lib/diff/redocly-diff.ts';
import { rulesetOf } from '../../scripts/lib/diff/rules.ts';
import { quietNodeEnv, redoclyBin } from '../../scripts/lib/redocly.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { ROOT } from '../helpers/spec.ts';

afterAll(removeTempDirs);

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Record<string, unknown>;
}

/** The parts of the bundled Gigs spec the edits touch. */
type Doc = Record<string, unknown> & {
  paths: Record<string, Record<string, { parameters: Parameter[] }>>;
  components: {
    schemas: Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }>;
  };
};

const bundled = async (): Promise<Doc> =>
  JSON.parse(await readFile(join(ROOT, 'generated/openapi.json'), 'utf8')) as Doc;

/** Edits of every kind the rules rate: removed, added, modified; requests and responses. */
function edited(doc: Doc): Doc {
  const head = structuredClone(doc);
  delete head.paths['/projects/{project}/plans/{plan}/archive'];
  const plan = head.components.schemas['Plan']!;
  delete plan.properties['activationTrigger'];
  plan.properties['nickname'] = { type: 'string', description: 'A name for the plan.' };
  plan.properties['id']!['maxLength'] = 64;
  const list = head.paths['/projects/{project}/plans']!['get']!;
  list.parameters = list.parameters.filter((parameter) => parameter.name !== 'provider');
  list.parameters.push({ name: 'region', in: 'query', required: true, schema: { type: 'string' } });
  head.components.schemas['PlanUpdateRequest']!.required = ['name'];
  return head;
}

/** What the CLI's JSON and the in-process report both say, in one comparable form. */
function comparable(changes: RedoclyChange[]) {
  const at = (location?: { file?: string; pointer?: string }) =>
    location === undefined ? undefined : `${basename(location.file ?? '')}${location.pointer ?? ''}`;
  return changes.map((change) => ({
    path: change.path,
    typeName: change.typeName,
    kind: change.kind,
    impact: change.impact,
    property: change.property,
    base: at(change.base),
    baseValue: change.base?.value,
    revision: at(change.revision),
    revisionValue: change.revision?.value,
    verdicts: change.verdicts.map((verdict) => ({
      ruleId: verdict.ruleId,
      impact: verdict.impact,
      message: verdict.message,
      at: at(verdict.location),
    })),
  }));
}

describe('Redocly diff in process', () => {
  it('reports what `redocly diff --format json` reports, rated by the same config', async () => {
    const base = await bundled();
    const head = edited(base);
    const ruleset = rulesetOf(head, 'head');
    // A level of rules.ts that is not Redocly's default, so that the config is seen to apply.
    ruleset.wire['path-removed'] = 'minor';
    const dir = await tempDir('redocly-diff-');
    const files = { base: join(dir, 'base.json'), head: join(dir, 'head.json') };
    await writeFile(files.base, JSON.stringify(base, null, 2));
    await writeFile(files.head, JSON.stringify(head, null, 2));
    const levels = Object.entries(ruleset.wire).map(([rule, level]) => `  ${rule}: ${level}\n`);
    await writeFile(
      join(dir, 'config.yaml'),
      `extends:\n  - diff-recommended\ndiff:\n${levels.join('')}`,
    );
    const cli = spawnSync(
      process.execPath,
      [
        redoclyBin(),
        'diff',
        files.base,
        files.head,
        '--format',
        'json',
        '--output',
        join(dir, 'out.json'),
        '--config',
        join(dir, 'config.yaml'),
        '--fail-on',
        'none',
        '--lint-config',
        'off',
      ],
      { cwd: dir, env: quietNodeEnv(), encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')) as {
      changes: RedoclyChange[];
    };

    const inProcess = await redoclyDiff(base, head, files, ruleset);

    expect(comparable(inProcess)).toEqual(comparable(report.changes));
    const kinds = new Set(inProcess.map((change) => change.kind));
    expect(kinds).toEqual(new Set(['added', 'removed', 'modified']));
    const removed = inProcess.find((change) =>
      change.verdicts.some((verdict) => verdict.ruleId === 'path-removed'),
    );
    expect(removed?.impact).toBe('minor');
    // Locations name the files given, in full.
    expect(removed?.base?.file).toBe(files.base);
  });

  it('refuses documents Redocly cannot resolve, naming the place, with no stack trace', async () => {
    const base = await bundled();
    const head = structuredClone(base);
    head.components.schemas['Plan']!.properties['extra'] = { $ref: '#/components/schemas/Nowhere' };
    const files = { base: '/virtual/base.json', head: '/virtual/head.json' };
    const error = await redoclyDiff(base, head, files, rulesetOf(head, 'head')).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).message).toMatch(/could not compare the two specs/);
    expect((error as CommandError).message).toContain('#/components/schemas/Plan/properties/extra');
  });
});
