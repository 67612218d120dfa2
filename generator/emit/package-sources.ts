/**
 * Step 3 of the pipeline: every emitter of the package, in order. The pipeline runs them one at a
 * time and renders each one's files before the next runs, so the statement structures of one
 * emitter (the guards of a large spec run to hundreds of MB) are garbage before the next starts.
 */
import type { ApiModel } from '../model/types.ts';
import { clientRuntimeFiles, emitClient } from './client.ts';
import { runtimeRenames } from './client/runtime-text.ts';
import { emitDates, emitDatesRuntime } from './dates.ts';
import { emitGuardRuntime, emitGuards } from './guards.ts';
import { responseBodyGuards } from './guards/response-bodies.ts';
import { emitIndexModule } from './index-module.ts';
import { emitOpenapiTypes } from './openapi-types.ts';
import { emitPackageFiles } from './package.ts';
import { emitSchemaTypes } from './schema-types.ts';
import { emitTesting, emitTestingRuntime, emitTestingStub } from './testing.ts';
import type { EmittedSourceFile, EmittedTextFile } from './types.ts';

/** An emitted file; `format: false` keeps its text as it is (the writer's prettier pass skips it). */
export type PackageFile = (EmittedSourceFile | EmittedTextFile) & { format?: boolean };

/** One emitter, named for timings and messages. */
export interface PackageEmitter {
  name: string;
  emit: () => PackageFile[];
}

/**
 * A file copied from templates/: templates are kept prettier-formatted with the repository's
 * settings (the generator's, write/format.ts), so formatting them again would change nothing and
 * cost a third of a small spec's formatting time. test/generator/formatted.test.ts checks that
 * every generated source is in prettier's form.
 */
const asTemplate = <T extends PackageFile>(file: T): T => ({ ...file, format: false });

export function packageEmitters(model: ApiModel): PackageEmitter[] {
  // The order does not change the output (the tree is sorted by path). Prettier (on worker threads)
  // works while the rest is emitted, so what is quick to emit and long to format comes first: the
  // schema types and openapi-typescript's, then the guards (the largest file to format on a small
  // spec).
  return [
    { name: 'schema-types', emit: () => [emitSchemaTypes(model)] },
    // In prettier's form at any size, by rules (write/format-by-rules/; over 2 MB on GitHub's).
    { name: 'openapi-types', emit: () => [emitOpenapiTypes(model)] },
    {
      name: 'guards',
      emit: () => [
        emitGuards(model.schemas, {
          typesModule: './types.js',
          unsafePatterns: model.sdk.unsafePatterns ?? 're2js',
          responses: responseBodyGuards(model),
        }),
        asTemplate(emitGuardRuntime()),
      ],
    },
    {
      name: 'client',
      emit: () => [
        ...emitClient(model),
        ...clientRuntimeFiles(runtimeRenames(model)).map(asTemplate),
      ],
    },
    {
      name: 'dates',
      emit: () => [
        emitDates(model.schemas, { typesModule: './types.js', guardsModule: './guards.js' }),
        asTemplate(emitDatesRuntime()),
      ],
    },
    {
      name: 'testing',
      emit: () => [
        emitTesting(model),
        asTemplate(emitTestingRuntime(runtimeRenames(model))),
        emitTestingStub(),
      ],
    },
    { name: 'package', emit: () => [...emitPackageFiles(model), emitIndexModule()] },
  ];
}

/** Every file at once (for tests and tools that want the whole list). */
export function emitPackage(model: ApiModel): PackageFile[] {
  return packageEmitters(model).flatMap((emitter) => emitter.emit());
}
