/**
 * The client's name never takes a name the package exports for something else: the runtime's
 * (`APIError`, `Page`), the guards' (`GuardError`) or a schema's. Such a name gets `Client`
 * appended, as a JavaScript global's does (`APIError` → `APIErrorClient`); when the spec asked for
 * it (`x-sdk.clientName`), a warning says so. The entry, the README's examples and prose, and the
 * docs then name the client and the runtime each by its own name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import { writeSpec } from '../generator/helpers.ts';
import { fixtureModel } from '../model/fixture-model.ts';
import { diagnostics, faultPackage, readmeModules, type FaultPackage } from './package.ts';

describe('x-sdk.clientName naming the runtime error class', () => {
  let pkg: FaultPackage;
  beforeAll(async () => {
    pkg = await faultPackage('client-name.yaml');
  });

  it('gives the client `APIErrorClient`, with a warning at x-sdk.clientName', () => {
    const { sdk, clientExports, warnings } = pkg.model;
    expect(sdk.clientName).toBe('APIErrorClient');
    expect(clientExports.options).toBe('APIErrorClientOptions');
    // The runtime keeps its names: nothing is exported as `APIErrorAPIError`.
    expect(clientExports.runtime.filter((entry) => entry.exportedAs !== entry.name)).toEqual([]);
    const warning = warnings.find((w) => w.key === 'client-name');
    expect(warning?.location.pointer).toBe('#/x-sdk/clientName');
    expect(warning?.message).toMatch(
      /the client cannot be named `APIError`: the package exports the client runtime's `APIError`, so the client is `APIErrorClient`\n {2}fix: .*`clientName: APIErrorClient`/,
    );
  });

  it('is an error with --strict', async () => {
    const error = await fixtureModel('client-name.yaml', true).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/cannot be named `APIError`.*--strict/);
  });

  it('has a README whose examples and prose name the client and the error class apart', () => {
    const readme = pkg.files.get('README.md') ?? '';
    expect(readme).toContain('new APIErrorClient(');
    expect(readme).not.toMatch(/new APIError\(|APIErrorAPIError/);
    expect(readme).toContain('error instanceof APIError)');
    expect(readme).toMatch(/rejects the call with an\n`APIError`, or the subclass/);
    expect(pkg.files.get('src/client.ts')).toMatch(/export class APIErrorClient\b/);
    expect(diagnostics(pkg, readmeModules(pkg))).toEqual([]);
  });

  it('exports both from the entry, each under its own name', () => {
    expect(
      diagnostics(pkg, {
        'src/check.ts': `
import { APIError, APIErrorClient, type APIErrorClientOptions } from './index.js';
const options: APIErrorClientOptions = { baseURL: 'https://api.example.com' };
export const client = new APIErrorClient(options);
export const isApiError = (error: unknown): boolean => error instanceof APIError;
export const status = (error: APIError): number => error.status;
`,
      }),
    ).toEqual([]);
  });
});

describe('a client name another export has', () => {
  async function clientOf(doc: Record<string, unknown>) {
    const ctx = resolveContext({ spec: await writeSpec({ openapi: '3.1.0', paths: {}, ...doc }) });
    const model = await buildModel(await loadAndBundle(ctx), ctx);
    const warning = model.warnings.find((w) => w.key === 'client-name');
    return { name: model.sdk.clientName, warning: warning?.message.split('\n')[0] };
  }

  it.each([
    ['the runtime error', 'API Error', 'APIErrorClient'],
    ['a runtime type', 'Page', 'PageClient'],
    ['the runtime options', 'Client Options', 'ClientOptionsClient'],
    ['the guards', 'Guard Error', 'GuardErrorClient'],
    ['the response guards table type', 'Response Guards', 'ResponseGuardsClient'],
  ])('from the title, like %s: `Client` appended, silently', async (_case, title, want) => {
    expect(await clientOf({ info: { title, version: '1' } })).toEqual({
      name: want,
      warning: undefined,
    });
  });

  it("from the title, like a schema: `Client` appended (not the schema's number), with a warning at the schema", async () => {
    const doc = {
      info: { title: 'Plan', version: '1' },
      components: { schemas: { Plan: { type: 'object' } } },
    };
    // Adding or removing the schema renames the package's main export: never silently.
    expect(await clientOf(doc)).toEqual({
      name: 'PlanClient',
      warning: expect.stringMatching(
        /openapi\.json #\/components\/schemas\/Plan: the schema #\/components\/schemas\/Plan takes the name `Plan` the client has from `info.title`, so the client is `PlanClient`: code that imports `Plan` gets the spec's type instead$/,
      ),
    });
  });

  it.each([
    ['Page', 'PageClient', /the package exports the client runtime's `Page`/],
    ['GuardError', 'GuardErrorClient', /the package exports the guards' or dates' `GuardError`/],
    ['Plan', 'PlanClient', /the schema `Plan` has it/],
    ['Map', 'MapClient', /it is a JavaScript global/],
  ])('from x-sdk.clientName %s: %s, with a warning', async (clientName, want, why) => {
    const found = await clientOf({
      info: { title: 'Shop', version: '1' },
      'x-sdk': { clientName },
      components: { schemas: { Plan: { type: 'object' } } },
    });
    expect(found.name).toBe(want);
    expect(found.warning).toMatch(why);
    expect(found.warning).toContain(`so the client is \`${want}\``);
  });

  it('a free clientName is kept, without a warning', async () => {
    expect(
      await clientOf({
        info: { title: 'Shop', version: '1' },
        'x-sdk': { clientName: 'shop api' },
      }),
    ).toEqual({ name: 'ShopApi', warning: undefined });
  });

  it.each([`Gigs'); process.exit(1); ('`, 'Shop<API>', 'Shop/API'])(
    'a clientName with characters no name has is an error naming one: %s',
    async (clientName) => {
      await expect(
        clientOf({ info: { title: 'Shop', version: '1' }, 'x-sdk': { clientName } }),
      ).rejects.toThrow(
        /`x-sdk\.clientName` .* is not a class name: it has "[^"]+", which no name has/,
      );
    },
  );
});
