/**
 * A spec whose schemas and tags take names of the runtime the package entry re-exports
 * (test/fixtures/faults/runtime-names.yaml): the spec's names win, the runtime's are exported as
 * `<Client><name>` (numbered where that is taken too), and the package compiles with both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_RUNTIME_EXPORTS } from '../../generator/reserved-names.ts';
import { diagnostics, faultPackage, readmeModules, type FaultPackage } from './package.ts';

describe('schemas and tags named like the runtime', () => {
  let pkg: FaultPackage;
  beforeAll(async () => {
    pkg = await faultPackage('runtime-names.yaml');
  });

  it('keep their names; the runtime and the client options take others', () => {
    const { clientExports, sdk } = pkg.model;
    expect(sdk.clientName).toBe('RuntimeNames');
    expect(clientExports.options).toBe('RuntimeNamesOptions2');
    const renamed = clientExports.runtime
      .filter((entry) => entry.exportedAs !== entry.name)
      .map((entry) => [entry.name, entry.exportedAs]);
    expect(renamed).toEqual([
      ['APIError', 'RuntimeNamesAPIError'],
      ['Page', 'RuntimeNamesPage2'],
      ['Logger', 'RuntimeNamesLogger'],
    ]);
    // Every runtime name is exported, once, in the list's order.
    expect(clientExports.runtime.map((entry) => entry.name)).toEqual(
      CLIENT_RUNTIME_EXPORTS.map(([, name]) => name),
    );
  });

  it('src/client.ts re-exports the runtime under those names', () => {
    const client = pkg.files.get('src/client.ts') ?? '';
    expect(client).toMatch(/\bAPIError as RuntimeNamesAPIError\b/);
    expect(client).toMatch(/\bPage as RuntimeNamesPage2\b/);
    expect(client).toMatch(/\bLogger as RuntimeNamesLogger\b/);
    expect(client).toMatch(/export interface RuntimeNamesOptions2\b/);
  });

  it("has README examples that use the runtime's exported names, and compile", () => {
    const readme = pkg.files.get('README.md') ?? '';
    expect(readme).toContain('error instanceof RuntimeNamesAPIError');
    expect(readme).not.toMatch(/instanceof APIError\b/);
    // The prose too: `APIError` is the schema here, the error class is `RuntimeNamesAPIError`.
    expect(readme).toMatch(/rejects the call with an\n`RuntimeNamesAPIError`, or the subclass/);
    expect(readme).toMatch(/`RuntimeNamesAPIError` itself for other statuses/);
    expect(readme).not.toMatch(/`APIError`/);
    const modules = readmeModules(pkg);
    expect(Object.keys(modules).length).toBeGreaterThan(5);
    expect(diagnostics(pkg, modules)).toEqual([]);
  });

  it('compiles, and the entry gives the schemas and the runtime each under its own name', () => {
    expect(
      diagnostics(pkg, {
        'src/check.ts': `
import {
  RuntimeNames,
  RuntimeNamesAPIError,
  type APIError,
  type Page,
  type RuntimeNamesPage,
  type RuntimeNamesPage2,
  type RuntimeNamesOptions,
  type RuntimeNamesOptions2,
  type Logger,
  type RuntimeNamesLogger,
} from './index.js';
export const schemaError: APIError = { code: 'bad' };
export const page: Page = { entries: ['a'] };
export const sized: RuntimeNamesPage = { size: 1 };
export const settings: RuntimeNamesOptions = { verbose: true };
export const options: RuntimeNamesOptions2 = { baseURL: 'https://api.example.com' };
export const client = new RuntimeNames(options);
export const resource: Logger = client.logger;
export const isRuntimeError = (error: unknown) => error instanceof RuntimeNamesAPIError;
export type Pages = RuntimeNamesPage2<Page, string>;
export type Level = RuntimeNamesLogger;
`,
      }),
    ).toEqual([]);
  });
});
