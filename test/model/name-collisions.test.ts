/**
 * Parts of a spec that want the same TypeScript name (schema keys differing in case or
 * punctuation, an operation's own types or a resource's class beside a schema, two resources with
 * one singular): all but one are renamed with a number (ranked by names.ts `rankClaims`, not by
 * spec position), and each rename is a warning naming both places, the names each got and the fix.
 */
import { describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import { writeSpec } from '../generator/helpers.ts';

async function modelOf(doc: Record<string, unknown>, strict = false) {
  const ctx = resolveContext({ spec: await writeSpec(doc), strict });
  return buildModel(await loadAndBundle(ctx), ctx);
}

const object = { type: 'object', properties: { id: { type: 'string' } } };
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

const spec = {
  openapi: '3.1.0',
  info: { title: 'Collisions', version: '1' },
  paths: {
    '/plans': {
      get: {
        'x-sdk-method': 'plans.list',
        responses: { '200': { description: 'ok', ...json(object) } },
      },
      post: {
        'x-sdk-method': 'plan.list',
        requestBody: json(object),
        responses: { '200': { description: 'ok', ...json(object) } },
      },
    },
  },
  components: {
    schemas: {
      'plan-item': object,
      PlanItem: object,
      plan: object,
      Plan: object,
      PlanListParams: object,
      GuardError: object,
    },
  },
};

const collisions = (model: Awaited<ReturnType<typeof modelOf>>) =>
  model.warnings
    .filter((w) => w.key.startsWith('name-collision:'))
    .map((w) => [w.location.pointer, w.problem]);

describe('names two parts of a spec want', () => {
  it('are a warning each, naming both places and the name each got', async () => {
    const model = await modelOf(spec);
    expect(model.schemas.map((s) => [s.originalName, s.name])).toEqual([
      ['plan-item', 'PlanItem2'],
      ['PlanItem', 'PlanItem'],
      ['plan', 'Plan2'],
      ['Plan', 'Plan'],
      ['PlanListParams', 'PlanListParams'],
      ['GuardError', 'GuardError2'],
    ]);
    expect(collisions(model)).toEqual([
      [
        '#/components/schemas/plan-item',
        'the schema #/components/schemas/plan-item would be named `PlanItem`, but the schema #/components/schemas/PlanItem is named `PlanItem`, so it is named `PlanItem2`',
      ],
      [
        '#/components/schemas/plan',
        'the schema #/components/schemas/plan would be named `Plan`, but the schema #/components/schemas/Plan is named `Plan`, so it is named `Plan2`',
      ],
      [
        '#/components/schemas/GuardError',
        'the schema #/components/schemas/GuardError would be named `GuardError`, but the package declares `GuardError` itself, so it is named `GuardError2`',
      ],
      [
        '#/paths/~1plans/get',
        'the params type of `client.plans.list()` (GET /plans) would be named `PlanListParams`, but the schema #/components/schemas/PlanListParams is named `PlanListParams`, so it is named `PlanListParams3`',
      ],
      [
        '#/paths/~1plans/get',
        'the response type of `client.plans.list()` (GET /plans) would be named `PlanListResponse`, but the response type of `client.plan.list()` (POST /plans) (#/paths/~1plans/post) is named `PlanListResponse`, so it is named `PlanListResponse2`',
      ],
      [
        '#/paths/~1plans/post',
        'the params type of `client.plan.list()` (POST /plans) would be named `PlanListParams`, but the schema #/components/schemas/PlanListParams is named `PlanListParams`, so it is named `PlanListParams2`',
      ],
    ]);
    // A resource class beside a schema of its name is named as beside a global, with no warning
    // (users reach it as `client.plan`); before, `Plan3`, a number to guess.
    expect(model.resources.map((r) => [r.name, r.className])).toEqual([
      ['plans', 'Plans'],
      ['plan', 'PlanResource'],
    ]);
    const planItem = model.warnings.find((w) => w.key === 'name-collision:PlanItem2');
    expect(planItem?.hint).toBe(
      'rename the `components.schemas` key "plan-item" (and its $refs), or rename the `components.schemas` key "PlanItem" (and its $refs), so that the two make different names (the generator reads no naming extension such as `x-typescript-name`)',
    );
    expect(model.warnings.find((w) => w.key === 'name-collision:PlanListResponse2')?.hint).toBe(
      'give GET /plans another `x-sdk-method` (the type is named after its resource and method), or give POST /plans another `x-sdk-method` (the type is named after its resource and method), so that the two make different names (the generator reads no naming extension such as `x-typescript-name`)',
    );
  });

  it('are errors with --strict', async () => {
    await expect(modelOf(spec, true)).rejects.toThrow(/would be named `GuardError`/);
  });

  it('are not reported when names differ', async () => {
    const model = await modelOf({
      ...spec,
      paths: { '/plans': { get: spec.paths['/plans'].get } },
      components: { schemas: { PlanItem: object, Plan: object } },
    });
    expect(collisions(model)).toEqual([]);
  });
});
