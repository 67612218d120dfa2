/**
 * `x-kubernetes-int-or-string: true` on a schema without `type` (Kubernetes' `IntOrString`:
 * `targetPort`, `maxUnavailable`) is an integer or a string: `string | number` in src/types.ts,
 * the resource files' params and src/openapi.ts, and guards that accept both and nothing else.
 * Beside a `type` of scalars (`type: string`, which Kubernetes never writes beside it) it is
 * honoured too, with a warning at the extension naming the fix; beside `type: object` it cannot
 * hold, and the `type` decides, with a warning. Before, any `type` silently won.
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
          count: { ...intOrString, type: 'integer' },
          both: { ...intOrString, type: ['integer', 'string'] },
          shape: { ...intOrString, type: 'object' },
          ...(version === '3.0.3'
            ? { maybe: { ...intOrString, nullable: true } }
            : { maybe: { anyOf: [intOrString, { type: 'null' }] } }),
        },
      },
    },
  },
});

describe.each(['3.0.3', '3.1.0'])('x-kubernetes-int-or-string, OpenAPI %s', (version) => {
  it('beside a type: a warning at the extension with the reading and the fix, but where both are allowed', async () => {
    const pkg = await specPackage(spec(version));
    const warnings = pkg.model.warnings.filter((w) => w.key === 'int-or-string-beside-type');
    const places = warnings.flatMap((w) => w.places);
    const at = (property: string) =>
      `#/components/schemas/Port/properties/${property}/x-kubernetes-int-or-string`;
    expect(places.map((p) => p.location.pointer)).toEqual([at('named'), at('count'), at('shape')]);
    expect(places.map((p) => p.problem)).toEqual([
      expect.stringMatching(
        /beside `type: string`: read as string or integer, as the extension says; the `type` alone would refuse integers$/,
      ),
      expect.stringMatching(
        /beside `type: integer`: read as integer or string, .* would refuse strings$/,
      ),
      expect.stringMatching(
        /beside `type: object`, which holds neither: the extension is ignored and the `type` decides$/,
      ),
    ]);
    expect(places[0]?.hint).toMatch(
      /^remove `type` \(Kubernetes writes none beside the extension\)/,
    );
    expect(places[2]?.hint).toMatch(/^remove the extension, or the `type`/);
  });

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
same<Port['named'], string | number | undefined>(true);
same<Port['count'], string | number | undefined>(true);
same<Port['both'], string | number | undefined>(true);
same<Port['shape'], Record<string, unknown> | undefined>(true);
same<components['schemas']['Port']['named'], string | number | undefined>(true);
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
    expect(isPort({ named: 3, count: 'three' })).toBe(true);
    expect(isPort({ named: 1.5 })).toBe(false);
    expect(isPort({ shape: 3 })).toBe(false);
  });
});
