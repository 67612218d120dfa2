/**
 * The options every generated file is formatted with: fixed (the repository's own style), so the
 * output never depends on a prettier config near the output folder. A module of its own: the
 * formatter (write/format.ts) uses them, and the package's manifest names them (emit/package.ts),
 * so that prettier finds them in the package too.
 */
import type { Options } from 'prettier';

export const PRETTIER_OPTIONS: Options = {
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  endOfLine: 'lf',
};
