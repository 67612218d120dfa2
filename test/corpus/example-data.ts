/**
 * The example check's data of one corpus spec (generate-one.ts writes it after generating): the
 * examples, the document with every example's schema named (`augmented.json`), its version and
 * the guards of that document (`example-guards.ts`, from the same model builder and guards emitter
 * as the package), read from the spec as generate() reads it: bundled, then repaired by the
 * generator's own repairSloppySchemas (model/build.ts applies it before building the schemas).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveContext } from '../../generator/context.ts';
import { emitGuardRuntime, emitGuards } from '../../generator/emit/guards.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildSchemaModel } from '../../generator/model/build-schema.ts';
import { repairSloppySchemas } from '../../generator/model/sloppy-schemas.ts';
import { Warnings } from '../../generator/warnings.ts';
import { printSourceFile } from '../../generator/write/print.ts';
import { augment, collectExamples } from './examples.ts';

/** How many examples were written, or why the data could not be made (never thrown). */
export type ExampleDataResult = { examples: number } | { examplesError: string };

export async function writeExampleData(spec: string, data: string): Promise<ExampleDataResult> {
  try {
    const bundled = await loadAndBundle(resolveContext({ spec }));
    // Its warnings are the generator's, already reported by the generation.
    repairSloppySchemas(bundled.document, spec, new Warnings());
    const examples = collectExamples(bundled.document);
    const augmented = augment(bundled.document, examples);
    const schemas = buildSchemaModel(augmented.doc, { file: spec, version: bundled.version });
    mkdirSync(data, { recursive: true });
    const named = examples.map((example) => ({
      ...example,
      name: augmented.names.get(example.where),
    }));
    writeFileSync(join(data, 'examples.json'), JSON.stringify(named));
    writeFileSync(join(data, 'augmented.json'), JSON.stringify(augmented.doc));
    writeFileSync(join(data, 'version.json'), JSON.stringify(bundled.version));
    writeFileSync(
      join(data, 'example-guards.ts'),
      printSourceFile(emitGuards(schemas, { typesModule: './types.js' })),
    );
    writeFileSync(join(data, 'guards-runtime.ts'), printSourceFile(emitGuardRuntime()));
    return { examples: examples.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      examplesError:
        `the corpus harness could not make the example data of ${spec} (test/corpus/example-data.ts), ` +
        `though the generator accepted the spec: ${message}. Read the spec in that step as ` +
        `generate() reads it (the same loading and repairs), or fix the step's own mistake.`,
    };
  }
}
