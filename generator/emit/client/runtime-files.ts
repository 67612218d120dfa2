/**
 * The client runtime shipped in the package: templates/runtime/**.ts (not tests), copied unchanged
 * to src/runtime/ except for import specifiers, which end in `.ts` in the templates (so vitest
 * and tsc run them in place) and `.js` in the package (NodeNext, compiled with tsc), and the names
 * its TSDoc and messages give the runtime's exports where the package exports them under others
 * (runtime-text.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renameRuntimeMentions } from './runtime-text.ts';
import { pushAll } from '../../json.ts';

export const RUNTIME_TEMPLATES_DIR = fileURLToPath(
  new URL('../../../templates/runtime/', import.meta.url),
);
const RUNTIME_OUTPUT_DIR = 'src/runtime';

export interface RuntimeFile {
  /** Path in the package, e.g. `src/runtime/internal/path.ts`. */
  path: string;
  text: string;
}

/** Runtime files the client emitter writes from the spec instead of copying (client/error-body-file.ts). */
const WRITTEN_FROM_SPEC = ['error-body.ts'];

/** `renames`: runtime name → the package's export name, where they differ (`runtimeRenames`). */
export function clientRuntimeFiles(
  renames: ReadonlyMap<string, string> = new Map(),
  dir: string = RUNTIME_TEMPLATES_DIR,
): RuntimeFile[] {
  return listTypeScript(dir)
    .filter((file) => !WRITTEN_FROM_SPEC.includes(relative(dir, file)))
    .map((file) => ({
      path: `${RUNTIME_OUTPUT_DIR}/${relative(dir, file).split(sep).join('/')}`,
      text: renameRuntimeMentions(rewriteSpecifiers(readFileSync(file, 'utf8')), renames),
    }));
}

/** `from './errors.ts'` → `from './errors.js'`, for relative specifiers in import and export declarations. */
export function rewriteSpecifiers(text: string): string {
  return text.replace(
    /(\b(?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*?)\.ts\2/g,
    (_whole, prefix: string, quote: string, specifier: string) =>
      `${prefix}${quote}${specifier}.js${quote}`,
  );
}

function listTypeScript(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) pushAll(files, listTypeScript(full));
    else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.test.ts') &&
      !entry.name.endsWith('.d.ts')
    )
      files.push(full);
  }
  return files;
}
