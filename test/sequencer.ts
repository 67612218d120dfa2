/**
 * The order `npm test` starts its files in: the slowest first, so that the two workers end
 * together instead of one running a long file alone at the end. Vitest's own order (longest first
 * only with the results of an earlier run on the machine; without them, as on CI, the largest file
 * first) started test/faults/compile.test.ts, 32 lines and ~45 s, last.
 *
 * The files that take longest (10 s or more in a whole run on a busy 2-core machine), longest
 * first; every other file after them, in vitest's order.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SLOWEST_FIRST = [
  'test/release/diff.test.ts',
  'test/generator/launcher.test.ts',
  'test/docs/site.test.ts',
  'test/faults/compile.test.ts',
  'test/release/workflow.test.ts',
  'test/guards/split.test.ts',
  'test/release/release.test.ts',
  'test/spec/lint.test.ts',
  'test/generator/kill.test.ts',
  'test/package/consumers.test.ts',
  'test/dev.test.ts',
  'test/generator/cli.test.ts',
  'test/faults/schema-types.test.ts',
  'test/release/regeneration.test.ts',
  'test/gates.test.ts',
  'test/faults/large-schemas.test.ts',
  'test/generator/terminal.test.ts',
  'test/generator/bad-input.test.ts',
  'test/guards/patterns-cli.test.ts',
  'test/package/build.test.ts',
  'test/generator/emit.test.ts',
  'test/docs/hostile.test.ts',
  'test/generator/names.test.ts',
  'test/generator/record.test.ts',
  'test/generator/check.test.ts',
];

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = SLOWEST_FIRST.indexOf(
        relative(spec.project.config.root, spec.moduleId).replaceAll('\\', '/'),
      );
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
