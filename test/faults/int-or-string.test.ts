/**
 * `x-kubernetes-int-or-string: true` on a schema without `type` (Kubernetes' `IntOrString`:
 * `targetPort`, `maxUnavailable`) is an integer or a string: `string | number` in src/types.ts,
 * the resource files' params and src/openapi.ts, and guards that accept both and nothing else.
 * Beside a `type`, the `type` decides.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { importModules } from '../guards/compile.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, EQUAL, specPackage } from './package.ts';

afterAll(removeTempDirs);

const intOrString = { 'x-kubernetes-int-or-string': true };
const spec = (version: string) => ({
  openapi: version,
  info: { title: 'Ports', version: '1' },
  paths: {
    '/ports': {
      get: {
        operationId: 'getPort',
        parameters: [{ name: 'port', in: 'query', schema: intOrString }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Port' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      IntOrString: { ...intOrString, description: 'a port' },
      Port: {
        type: 'object',
        properties: {
          targetPort: intOrString,
          maxUnavailable: { $ref: '#/components/schemas/IntOrString' },
          named: { ...intOrString, type: 'string' },
          ...(version === '3.0.3'
            ? { maybe: { ...intOrString, nullable: true } }
            : { maybe: { anyOf: [intOrString, { type: 'null' }] } }),
        },
      },
    },
  },
});

describe.each(['3.0.3', '3.1.0'])('x-kubernetes-int-or-string, OpenAPI %s', (version) => {
  it('is string | number in the types, params and openapi.ts', async () => {
    const pkg = await specPackage(spec(version));
    const client = pkg.model.sdk.clientName;
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { IntOrString, Port, components, operations } from './types.js';
import type { ${client} } from './client.js';
same<IntOrString, string | number>(true);
same<Port['targetPort'], string | number | undefined>(true);
same<Port['named'], string | undefined>(true);
same<Port['maybe'], string | number | null | undefined>(true);
same<components['schemas']['IntOrString'], string | number>(true);
same<NonNullable<operations['getPort']['parameters']['query']>['port'], string | number | undefined>(true);
type Params = NonNullable<Parameters<${client}['ports']['get']>[0]>;
same<Params['port'], string | number | undefined>(true);
`,
      }),
    ).toEqual([]);
  });

  it('has guards that accept an integer or a string, and nothing else', async () => {
    const pkg = await specPackage(spec(version));
    const guards = await importModules({
      'guards.ts': pkg.files.get('src/guards.ts') ?? '',
      'guards-runtime.ts': pkg.files.get('src/guards-runtime.ts') ?? '',
    });
    const isIntOrString = guards.isIntOrString!;
    const isPort = guards.isPort!;
    expect([8080, '8080', 'http', -1, 0].map((v) => isIntOrString(v))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([1.5, null, true, {}, [], undefined].map((v) => isIntOrString(v))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isPort({ targetPort: 80, maxUnavailable: '25%', maybe: null })).toBe(true);
    expect(isPort({ targetPort: false })).toBe(false);
    expect(isPort({ named: 3 })).toBe(false);
  });
});
