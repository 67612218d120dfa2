/**
 * The generated package's `.prettierignore`: with the prettier options its package.json carries
 * (emit/package.ts), `prettier --check .` in the package (a repository of its own, a CI step of
 * the user's) passes on the files as written. It lists what the generator writes in another form
 * on purpose, and the files too large to format (write/render.ts), which are known only once
 * rendered: so it is written here, not by an emitter.
 */
import { generatedNotice, headerLine } from '../header.ts';
import { OPENAPI_JSON_PATH, PRETTIERIGNORE_PATH } from '../package-files.ts';

/**
 * The `.prettierignore` of the package generated from `spec`, whose files in `asPrinted` were
 * written as printed.
 */
export function prettierIgnore(asPrinted: readonly string[], spec: { specSource: string }): string {
  return `${[
    headerLine(PRETTIERIGNORE_PATH, generatedNotice(spec)),
    '',
    '# The bundled spec, as JSON tools write it.',
    OPENAPI_JSON_PATH,
    '# Its examples are type-checked exactly as written.',
    'README.md',
    '# The build output.',
    'dist',
    ...(asPrinted.length === 0
      ? []
      : ['# Too large to format in reasonable time: written as printed.', ...asPrinted]),
  ].join('\n')}\n`;
}
