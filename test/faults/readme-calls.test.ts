/**
 * The README's calls for bodies whose schema is spread over several schemas: each call is a value
 * of the method's type (test/faults/compile.test.ts compiles them), built from every schema that
 * declares a property, and never an example the type refuses.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, faultPackage, readmeModules, specPackage } from './package.ts';

const calls = async (fixture: string): Promise<string[]> => {
  const readme = (await faultPackage(fixture)).files.get('README.md')!;
  // Each operation's own call (the options examples pass `{ maxRetries: 0 }` and the like too).
  const lines = (readme.match(/^await client\..*;$/gm) ?? []).filter(
    (line) => !/Retries|timeout/.test(line),
  );
  return [...new Set(lines)];
};

describe('README calls', () => {
  it('build a property required by one allOf member from the member that declares it', async () => {
    expect(await calls('required-in-other-member.yaml')).toEqual([
      "await client.firewalls.create({ rules: { inbound_policy: 'ACCEPT', outbound_policy: 'ACCEPT' } });",
    ]);
  });

  it('leave out an example with a key no oneOf variant declares, and use one that fits', async () => {
    expect(await calls('object-beside-oneof-example.yaml')).toEqual([
      "await client.integrations.add({ body: { acr: 'acr' } });",
      "await client.integrations.replace('id', { body: { github: 'ghp_example' } });",
    ]);
  });
});

describe('the typed path client example (helper-133 6)', () => {
  it('passes a required cookie parameter, which openapi-fetch requires and no SDK method takes', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Cookies', version: '1.0.0' },
      paths: {
        '/me': {
          get: {
            operationId: 'getMe',
            parameters: [
              { name: 'session', in: 'cookie', required: true, schema: { type: 'string' } },
            ],
            responses: { '200': { description: 'The caller.' } },
          },
        },
      },
    });
    expect(pkg.files.get('README.md')).toContain(
      "await api.GET('/me', {\n  params: { cookie: { session: 'session' } },\n});",
    );
    expect(diagnostics(pkg, readmeModules(pkg))).toEqual([]);
  });
});

describe('the types example (helper-159)', () => {
  it('imports no type of the package when no schema, params or result has one', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Pings', version: '1.0.0' },
      paths: {
        '/ping': { post: { operationId: 'ping', responses: { '204': { description: 'Done.' } } } },
      },
    });
    const readme = pkg.files.get('README.md')!;
    expect(readme).not.toContain('import type {  }');
    expect(readme).not.toContain('A type for every schema');
    expect(readme).toContain(
      "// The raw types of the OpenAPI description (openapi-typescript):\nimport type { components, operations, paths } from 'pings-sdk';",
    );
    expect(diagnostics(pkg, readmeModules(pkg))).toEqual([]);
  });
});
