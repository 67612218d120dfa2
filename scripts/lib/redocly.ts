import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Path of the Redocly CLI's entry script in this project's node_modules. */
export function redoclyBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@redocly/cli/package.json');
  const pkg = require(pkgPath) as { bin: string | Record<string, string> };
  const bin =
    typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin['redocly'] ?? Object.values(pkg.bin)[0]);
  if (bin === undefined) throw new Error('@redocly/cli declares no binary');
  return join(dirname(pkgPath), bin);
}

/** The environment for Redocly runs: no telemetry, no update checks. */
export function quietNodeEnv(): NodeJS.ProcessEnv {
  return { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
}
