/**
 * Formats generated text with prettier, with fixed options (generator/prettier-options.ts), so the
 * output never depends on a prettier config near the output folder.
 *
 * TypeScript goes through prettier's `babel-ts` parser, which printed every file of our package
 * and of GitHub's identically to the `typescript` parser in a quarter less time; if it ever
 * rejects a file, the `typescript` parser formats it instead.
 */
import type { Options } from 'prettier';
import { PRETTIER_OPTIONS } from '../prettier-options.ts';

/** The option sets to try, in order, for a path; empty for files prettier does not handle. */
export function formatAttempts(path: string): Options[] {
  const withParser = (parser: string): Options => ({ ...PRETTIER_OPTIONS, parser, filepath: path });
  if (/\.(ts|mts|cts)$/.test(path)) return [withParser('babel-ts'), withParser('typescript')];
  // As prettier reads them by name: a package manifest as JSON.stringify writes it.
  if (/(^|\/)(package|package-lock|composer)\.json$/.test(path))
    return [withParser('json-stringify')];
  if (/\.json$/.test(path)) return [withParser('json')];
  if (/\.md$/.test(path)) return [withParser('markdown')];
  return [];
}

/**
 * prettier, loaded on first use. The launcher's CommonJS build (scripts/generator-build.mjs) runs
 * from V8's code cache, where a dynamic `import()` fails (Node 20 loses the script's import hook
 * for cached code), so it takes prettier's CommonJS entry, whose own `import()` works; ES modules
 * have no `require`.
 */
const loadPrettier = async (): Promise<typeof import('prettier')> =>
  typeof require === 'function'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
      (require('prettier') as typeof import('prettier'))
    : import('prettier');

/** Formats on this thread (loading prettier here on first use). */
export async function formatText(path: string, text: string): Promise<string> {
  const attempts = formatAttempts(path);
  if (attempts.length === 0) return text;
  const { format } = await loadPrettier();
  let lastError: unknown;
  for (const options of attempts) {
    try {
      return await format(text, options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
