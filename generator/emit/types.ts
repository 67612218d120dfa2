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
  /**
   * Top-level statements (as printed, without their leading comments) that the emitter printed in
   * prettier's form itself (emit/code-print.ts): the writer keeps them as they are instead of
   * giving them to prettier (write/format-by-rules/).
   */
  inPrettierForm?: ReadonlySet<string>;
}

/**
 * A file as text (JSON, Markdown, or TypeScript printed elsewhere), header added by the writer
 * where possible.
 */
export interface EmittedTextFile {
  path: string;
  text: string;
  /**
   * `'typescript'`: type declarations as TypeScript's printer writes them (src/openapi.ts). The
   * writer gives them prettier's form by rules where they cover the text, and by prettier only
   * for the rest (write/format-by-rules/).
   */
  printedBy?: 'typescript';
}
