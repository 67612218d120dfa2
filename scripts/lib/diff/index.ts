/**
 * `diffSpecs()`: the spec at a base (a git ref or a file) against the working tree's, rated change
 * by change, with the overall semver bump. What `npm run diff` prints and `npm run release` uses.
 *
 * 1. the base is materialised (spec-source.ts) and both specs are generated into temporary
 *    packages with the working tree's generator, so only the spec's changes show;
 * 2. the wire level (`redocly diff`, wire.ts) and the SDK level (the TypeScript surface, sdk.ts)
 *    are compared, rated by the head spec's compatibility promise (rules.ts);
 * 3. nothing is written outside the temporary folder (work-dir.ts), which is removed at the end.
 */
import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath } from '../../../generator/context.ts';
import type { SourcePlace } from '../../../generator/index.ts';
import type { PaginationModel } from '../../../generator/model/types.ts';
import { OPENAPI_JSON_PATH } from '../../../generator/package-files.ts';
import { CommandError } from '../command-error.ts';
import { shellWord } from '../../../generator/escape.ts';
import { compareChanges, type Change } from './change.ts';
import {
  loosenedRules,
  maxLevel,
  rulesetOf,
  strictestRuleset,
  type Bump,
  type Ruleset,
} from './rules.ts';
import { resolveBase, type SpecSource } from './spec-source.ts';
import { schemaUses, type SchemaUse } from './uses.ts';
import { compareWire } from './wire.ts';
import { exampleChanges } from './examples.ts';
import { orderChanges } from './order.ts';
import { packageChanges } from './package-changes.ts';
import { withPathRenamesGrouped } from './sdk-path-renames.ts';
import { withRemovalsGrouped } from './sdk-removals.ts';
import { withRenamesSaidOnce } from './wire-rename-lines.ts';
import { claimWorkDir } from './work-dir.ts';

export type { Change } from './change.ts';
export type { Bump } from './rules.ts';

export interface DiffOptions {
  /** A git ref (`origin/main`, `v1.2.0`, a commit) or the path of a spec file. */
  base: string;
  /** The working tree's root file. Default `spec/openapi.yaml`. */
  spec?: string;
  /** Folder relative paths start from (and the git repository is found from). Default `process.cwd()`. */
  cwd?: string;
}

export interface DiffReport {
  bump: Bump;
  /** Every change, most severe first, the SDK's before the wire's. */
  changes: Change[];
  base: { label: string };
  head: { label: string };
  /** The npm package the SDK level compared (the head's name). */
  packageName: string;
  /** The head client's methods (`client.plans.list`): lines name all of a resource's as `*()`. */
  methods: string[];
}

/** Redocly's changes of an Example Object or a map of them (its node types `Example`, `ExamplesMap`). */
const EXAMPLE_KINDS = /^wire\/examples?(-map)?-(added|removed|modified)$/;

const TOOLCHAIN_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function diffSpecs(options: DiffOptions): Promise<DiffReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const specPath = options.spec ?? 'spec/openapi.yaml';
  const headRoot = resolve(cwd, specPath);
  if (!existsSync(headRoot)) {
    throw new CommandError(
      `the spec ${specPath} does not exist (in ${cwd})`,
      'pass the root file of the spec with --spec',
    );
  }
  const { dir: tempDir, release } = await claimWorkDir();
  try {
    const base = await resolveBase(options.base, { cwd, specPath, tempDir });
    const head: SpecSource = { root: headRoot, label: `${specPath} (working tree)` };
    // The generated packages resolve their dependency (openapi-fetch) from here.
    await symlink(join(TOOLCHAIN_ROOT, 'node_modules'), join(tempDir, 'node_modules'), 'dir');
    const baseSdk = await generateSide(base, join(tempDir, 'base-sdk'), cwd);
    const headSdk = await generateSide(head, join(tempDir, 'head-sdk'), cwd);
    // Rated by the stricter of the base's promise and the head's: an edit cannot lower its own.
    const headRules = rulesetOf(headSdk.bundled, specPath);
    const baseRules = baseRulesetOf(baseSdk.bundled, base.label) ?? headRules;
    const ruleset = strictestRuleset(baseRules, headRules);
    const loosened = loosenedRules(baseRules, headRules);

    // Lines place changes in the working tree's files, the ones the user edits (wire.ts).
    const display = (file: string) => displayPath(cwd, file);
    const wire = compareWire(
      { bundled: baseSdk.bundled },
      { bundled: headSdk.bundled, place: headSdk.place, display },
      ruleset,
      tempDir,
    );
    wire.catch(() => undefined); // awaited below; the SDK comparison runs meanwhile
    const { compareSdk } = await import('./sdk.ts');
    const sdk = withRemovalsGrouped(
      withPathRenamesGrouped(
        compareSdk(baseSdk, headSdk, ruleset.sdk, ruleset.errorResponseRemoved),
        baseSdk,
        headSdk,
        ruleset.sdk['typed-path-renamed'],
      ),
      baseSdk,
      headSdk,
    );
    const promise: Change[] =
      loosened.length === 0
        ? []
        : [
            {
              level: ruleset.sdk['compatibility-loosened'],
              kind: 'sdk/compatibility-loosened',
              location: 'x-sdk.compatibility',
              message: `the compatibility promise rates ${loosened.join(', ')}: this diff still rates by the stricter levels (the base's), the new ones hold from the next diff`,
            },
          ];
    const rated = withRenamesSaidOnce([
      ...promise,
      ...sdk,
      // Examples are examples.ts's: Redocly's lines for them ("response 200 added" for an
      // examples map) say less.
      ...(await wire).filter((change) => !EXAMPLE_KINDS.test(change.kind)),
      ...orderChanges(baseSdk.bundled, headSdk.bundled, ruleset.sdk['order-changed'], {
        place: headSdk.place,
        display,
      }),
      ...exampleChanges(baseSdk.bundled, headSdk.bundled, ruleset.sdk['examples-changed'], {
        place: headSdk.place,
        display,
      }),
    ]);
    // A package whose files change is never "no changes": the release must be able to ship it.
    const changes = (
      rated.length > 0
        ? rated
        : packageChanges(baseSdk.bundled, headSdk.bundled, ruleset.sdk['package-changed'], {
            place: headSdk.place,
            display,
          })
    ).sort(compareChanges);
    return {
      bump: maxLevel(changes.map((change) => change.level)),
      changes,
      base: { label: base.label },
      head: { label: head.label },
      packageName: headSdk.packageName,
      methods: [...headSdk.operations.keys()],
    };
  } finally {
    await release();
  }
}

/**
 * The base's promise; undefined when its `x-sdk.compatibility` is not valid (the base was never
 * released with it): the head's alone rates the diff then.
 */
function baseRulesetOf(doc: Record<string, unknown>, label: string): Ruleset | undefined {
  try {
    return rulesetOf(doc, label);
  } catch (error) {
    if (error instanceof CommandError) return undefined;
    throw error;
  }
}

interface GeneratedSide {
  dir: string;
  clientName: string;
  packageName: string;
  bundled: Record<string, unknown>;
  /** What the spec's operations use each schema type for, by exported type name (uses.ts). */
  uses: Map<string, Set<SchemaUse>>;
  /** Where a place of `bundled` was written. */
  place: (pointer: string, at?: 'value' | 'key') => SourcePlace | undefined;
  /** The operation behind each client method (`client.plans.retrieve` → `GET /plans/{plan}`). */
  operations: Map<string, string>;
  /** The client's defaults (generate()'s `package.client`). */
  client: { environment: Record<string, string>; baseURL?: string; credential?: string };
  /** How each paginated method pages (generate()'s `package.pagination`). */
  pagination: Map<string, PaginationModel>;
  /** Each method's operationId (generate()'s `package.operationIds`). */
  operationIds: Map<string, string>;
  /** Each method's own types (generate()'s `package.methodTypes`). */
  methodTypes: Map<string, string[]>;
}

/** Generates one side's package; a spec that does not bundle is reported as that side's. */
async function generateSide(side: SpecSource, out: string, cwd: string): Promise<GeneratedSide> {
  // Loaded only when needed, so that bad input (an unknown ref) is reported at once.
  const { generate, GeneratorError } = await import('../../../generator/index.ts');
  try {
    // Only the package's types are compared: prettier would change none of them.
    const result = await generate({ spec: side.root, out, cwd, format: false });
    if (result.package === undefined) throw new Error('generate() ran no pipeline'); // only with check
    const bundled = JSON.parse(await readFile(join(out, OPENAPI_JSON_PATH), 'utf8')) as Record<
      string,
      unknown
    >;
    const uses = new Map<string, Set<SchemaUse>>();
    for (const [pointer, used] of schemaUses(bundled))
      for (const name of result.package.schemaTypes[pointer] ?? []) uses.set(name, used);
    return {
      dir: out,
      clientName: result.package.clientName,
      packageName: result.package.name,
      bundled,
      uses,
      place: result.package.sourcePlace,
      operations: new Map(Object.entries(result.package.operations)),
      client: result.package.client,
      pagination: new Map(Object.entries(result.package.pagination)),
      operationIds: new Map(Object.entries(result.package.operationIds)),
      methodTypes: new Map(Object.entries(result.package.methodTypes)),
    };
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    const message =
      side.materialised === undefined
        ? error.message
        : error.message.split(side.materialised.dir + '/').join(`${side.materialised.ref}:`);
    throw new CommandError(
      `the spec at ${side.label} cannot be generated:\n${message}`,
      side.materialised === undefined
        ? `compare again once it generates (${lintCommand(displayPath(cwd, side.root))} shows every problem)`
        : `compare with a --base whose spec is valid, or fix it at ${side.materialised.ref}`,
    );
  }
}

/**
 * The lint command for the spec that failed, as the user can run it from `cwd`: the base file
 * (`release/openapi.json`) as well as the working tree's spec, never the default spec for another.
 */
function lintCommand(spec: string): string {
  return `npm run lint:spec -- --spec ${shellWord(spec)}`;
}
