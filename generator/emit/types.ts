import type { SourceFileStructure } from 'ts-morph';

/**
 * What an emitter hands to the writer: one file's statements, built from the model in one batch.
 * The writer adds the generated-file header, creates the file with ts-morph in one call, formats it
 * with prettier and writes it atomically with the rest.
 */
export interface EmittedSourceFile {
  /** Path relative to the output folder, with `/` separators, e.g. `src/guards.ts`. */
  path: string;
  statements: NonNullable<SourceFileStructure['statements']>;
}

/** A non-TypeScript file (JSON, Markdown): its full text, header added by the writer where possible. */
export interface EmittedTextFile {
  path: string;
  text: string;
}
