/**
 * A client generated from a spec written in a test: the package is generated into a temporary
 * folder (removed by `removeTempDirs`), given the repository's node_modules, and its client class
 * imported from source and constructed with `options` (a `baseURL` of a test server). `out` is the
 * package's folder, for a test that compiles a consumer file in it.
 */
import { join } from 'node:path';
import { generate, type GenerateResult } from '../../generator/index.ts';
import { linkNodeModules, tempDir, writeSpec } from '../generator/helpers.ts';

/** A resource's methods, called as the test calls them. */
export type Methods = Record<string, (...args: unknown[]) => Promise<unknown>>;

export async function specClient(
  spec: Record<string, unknown>,
  clientName: string,
  options: Record<string, unknown>,
): Promise<{ result: GenerateResult; client: Record<string, Methods>; out: string }> {
  const out = join(await tempDir('spec-client-'), 'sdk');
  const result = await generate({ spec: await writeSpec(spec), out, name: 'spec-client-sdk' });
  await linkNodeModules(out);
  const exports = (await import(join(out, 'src/client.ts'))) as Record<
    string,
    new (options: Record<string, unknown>) => Record<string, Methods>
  >;
  const Client = exports[clientName];
  if (Client === undefined) throw new Error(`the package exports no ${clientName}`);
  return { result, client: new Client(options), out };
}
