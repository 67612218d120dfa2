/**
 * `npm run dev`: the edit loop for spec authors (the server: scripts/lib/dev-server.ts). Watches
 * the spec; on each save regenerates the package, refreshes the docs page served on 127.0.0.1 and
 * lints the spec.
 *
 *   npm run dev [-- --spec spec/openapi.yaml] [--out generated] [--port 4000] [--config redocly.yaml]
 *
 * The flags are read before the server's modules load (the generator, Redocly: seconds), so
 * `--help` and a mistyped flag answer at once.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { terminalLines } from '../generator/escape.ts';
import { printFailure } from './lib/command-error.ts';
import { readFlags } from './lib/command-line.ts';
import { isEntryPoint } from './lib/entry-point.ts';

const USAGE =
  'Usage: npm run dev [-- --spec spec/openapi.yaml] [--out generated] [--port 4000] [--config redocly.yaml]\n' +
  'Watches the spec; on each save regenerates the package, refreshes the docs page and lints.';

async function main(argv: string[]): Promise<void> {
  const flags = readFlags(
    argv,
    {
      spec: { type: 'string', default: 'spec/openapi.yaml' },
      out: { type: 'string', default: 'generated' },
      port: { type: 'string', default: '4000' },
      config: { type: 'string', default: 'redocly.yaml' },
    },
    USAGE,
  );
  if ('exitCode' in flags) {
    process.exitCode = flags.exitCode;
    return;
  }
  const { values } = flags;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`error: --port must be a port number (0 to 65535), not ${values.port}`);
    process.exitCode = 2;
    return;
  }
  const config = resolve(values.config);
  const { startDevServer } = await import('./lib/dev-server.ts');
  let server: Awaited<ReturnType<typeof startDevServer>>;
  try {
    server = await startDevServer({
      spec: values.spec,
      out: values.out,
      port,
      config: (await readFile(config).catch(() => undefined)) === undefined ? undefined : config,
      log: (line) => console.log(terminalLines(line)),
    });
  } catch (error) {
    await printFailure(error);
    process.exitCode = 1;
    return;
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (isEntryPoint(import.meta.url)) await main(process.argv.slice(2));
