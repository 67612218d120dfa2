/**
 * Redocly's diff (`diffDocuments` of @redocly/openapi-core, the engine of `redocly diff`), run in
 * this process on two bundled documents, its changes in the shape of `redocly diff --format json`
 * (report version 1), the shape the wire level reads.
 *
 * In process rather than through the CLI: the command loads its whole bundle (about 0.5 s) for
 * every comparison, and a release compares more than once. The rules and their levels are the
 * ones the command would run with `--config` (`extends: diff-recommended` plus rules.ts's levels)
 * and `--lint-config off`, never the project's redocly.yaml.
 */
import {
  BaseResolver,
  createConfig,
  diffDocuments,
  makeDocumentFromString,
  typeOf,
  type JudgedChange,
  type LocatedNode,
  type Location,
} from '@redocly/openapi-core';
import { CommandError } from '../command-error.ts';
import type { Level, Ruleset } from './rules.ts';

/** A place in one of the two documents: the file named in `redoclyDiff`'s `files`, a pointer. */
export interface RedoclyLocation {
  file?: string;
  pointer?: string;
  value?: unknown;
}

export interface RedoclyChange {
  path: string;
  typeName: string;
  kind: 'added' | 'removed' | 'modified';
  impact: Level;
  property?: string;
  verdicts: { ruleId: string; impact: Level; message: string; location?: RedoclyLocation }[];
  base?: RedoclyLocation;
  revision?: RedoclyLocation;
  /** Our own words for the change where Redocly's would mislead (wire-equivalents.ts). */
  said?: string;
  /**
   * The rule a change without a verdict is of, where Redocly rated it under another
   * (wire-equivalents.ts `withKeySchemasAsConstraints`): its kind in the report.
   */
  rule?: string;
}

/**
 * The changes from `base` to `head`, every one rated by `ruleset.wire` (Redocly's default, `major`,
 * for a rule it does not list). `files` name the two documents in locations (nothing is written).
 * Throws a CommandError when Redocly finds errors that leave a document unresolved.
 */
export async function redoclyDiff(
  base: Record<string, unknown>,
  head: Record<string, unknown>,
  files: { base: string; head: string },
  ruleset: Ruleset,
): Promise<RedoclyChange[]> {
  const config = await createConfig({
    extends: ['diff-recommended'],
    diff: Object.fromEntries(Object.entries(ruleset.wire)),
  });
  const result = await diffDocuments({
    base: makeDocumentFromString(JSON.stringify(base, null, 2), files.base),
    revision: makeDocumentFromString(JSON.stringify(head, null, 2), files.head),
    config,
    externalRefResolver: new BaseResolver(config.resolve),
  });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map(
      (problem) =>
        `  ${problem.message}${problem.location[0] === undefined ? '' : ` (at ${problem.location[0].pointer ?? '#'})`}`,
    );
    throw new CommandError(
      `redocly diff could not compare the two specs:\n${lines.join('\n')}`,
      'check that both specs bundle (npm run lint:spec), then try again',
    );
  }
  return result.changes.sort(reportOrder).map(reported);
}

/** The order the command reports changes in: by path, then by the property modified. */
function reportOrder(a: JudgedChange, b: JudgedChange): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const property = (change: JudgedChange) => (change.kind === 'modified' ? change.property : '');
  return property(a) === property(b) ? 0 : property(a) < property(b) ? -1 : 1;
}

function reported(change: JudgedChange): RedoclyChange {
  return {
    path: change.path,
    typeName: typeOf(change.node),
    kind: change.kind,
    impact: change.impact,
    verdicts: change.verdicts.map(({ location, ...verdict }) => ({
      ...verdict,
      location: place(location),
    })),
    ...(change.kind === 'modified' ? { property: change.property } : {}),
    ...('base' in change ? { base: located(change.base) } : {}),
    ...('revision' in change ? { revision: located(change.revision) } : {}),
  };
}

function place(location: Location): RedoclyLocation {
  return { file: location.source.absoluteRef, pointer: location.pointer };
}

function located({ location, value }: LocatedNode): RedoclyLocation {
  return { ...place(location), value };
}
