/**
 * Paths of files in the generated package that steps besides their emitter name: `--check` and
 * the generation record (write/), the release and diff scripts. A module of their own, so that
 * naming them does not load the emitters (and TypeScript with them).
 */

/** The package's manifest. */
export const PACKAGE_JSON_PATH = 'package.json';

/** The bundled spec the package ships, the one it was generated from. */
export const OPENAPI_JSON_PATH = 'openapi.json';

/** The package's prettier ignore file (write/prettier-files.ts). */
export const PRETTIERIGNORE_PATH = '.prettierignore';
