/**
 * The calling convention the model decides for each operation (model/operation-shape.ts), and the
 * client options it refuses because the client could not give them a safe home.
 */
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { buildModel } from '../../generator/model/build.ts';
import { operationShape } from '../../generator/model/operation-shape.ts';
import type { ApiModel, OperationModel } from '../../generator/model/types.ts';
import { clientModel } from '../fixtures/models/client-model.ts';
import { clientSpec } from '../fixtures/models/client-spec.ts';

const model = clientModel();
function operation(operationId: string): OperationModel {
  const found = model.operations.find((op) => op.operationId === operationId);
  if (found === undefined) throw new Error(`no fixture operation ${operationId}`);
  return found;
}

describe('operationShape', () => {
  it.each<
    [
      string,
      {
        operationId: string;
        want: { form: string; paramsRequired: boolean; flatBody: boolean; pathArgs: string[] };
      },
    ]
  >([
    [
      'client option only',
      {
        operationId: 'retrievePlan',
        want: { form: 'flat', paramsRequired: false, flatBody: false, pathArgs: ['plan'] },
      },
    ],
    [
      'optional query',
      {
        operationId: 'listPlans',
        want: { form: 'flat', paramsRequired: false, flatBody: false, pathArgs: [] },
      },
    ],
    [
      'object body with a required key',
      {
        operationId: 'createPlan',
        want: { form: 'flat', paramsRequired: true, flatBody: true, pathArgs: [] },
      },
    ],
    [
      'object body, all keys optional',
      {
        operationId: 'updatePlan',
        want: { form: 'flat', paramsRequired: false, flatBody: true, pathArgs: ['plan'] },
      },
    ],
    [
      'array body',
      {
        operationId: 'bulkWidgets',
        want: { form: 'nested', paramsRequired: true, flatBody: false, pathArgs: [] },
      },
    ],
    [
      'colliding body key, optional body',
      {
        operationId: 'replaceWidget',
        want: { form: 'nested', paramsRequired: false, flatBody: false, pathArgs: ['id'] },
      },
    ],
    [
      'multipart object body (encoded from an object, so flat like JSON)',
      {
        operationId: 'uploadWidget',
        want: { form: 'flat', paramsRequired: true, flatBody: true, pathArgs: ['id'] },
      },
    ],
    [
      'required header',
      {
        operationId: 'tracedWidgets',
        want: { form: 'flat', paramsRequired: true, flatBody: false, pathArgs: [] },
      },
    ],
    [
      'query key colliding with a client option',
      {
        operationId: 'scopedWidgets',
        want: { form: 'nested', paramsRequired: false, flatBody: false, pathArgs: [] },
      },
    ],
    [
      'nothing to pass',
      {
        operationId: 'legacyWidget',
        want: { form: 'none', paramsRequired: false, flatBody: false, pathArgs: [] },
      },
    ],
    [
      'locals renamed',
      {
        operationId: 'getWidget',
        want: {
          form: 'none',
          paramsRequired: false,
          flatBody: false,
          pathArgs: ['path2', 'params2'],
        },
      },
    ],
  ])('%s', (_name, { operationId, want }) => {
    const shape = operationShape(operation(operationId), model);
    expect({
      form: shape.form,
      paramsRequired: shape.paramsRequired,
      flatBody: shape.flatBody,
      pathArgs: shape.pathArgs.map((slot) => slot.local),
    }).toEqual(want);
  });

  it('takes the idempotency header name from the model and keeps it out of params', () => {
    const shape = operationShape(operation('deletePlan'), model);
    expect(shape.idempotencyHeader).toBe('Idempotency-Key');
    expect([...shape.query, ...shape.headers]).toEqual([]);
  });

  it('makes params optional when the body has only defaulted, unrequired properties', () => {
    const create = operation('createPlan');
    const onlyDefaulted = clientModel();
    const planCreate = onlyDefaulted.schemas.find((schema) => schema.name === 'PlanCreate');
    if (planCreate?.node.kind !== 'object') throw new Error('fixture changed');
    expect(operationShape(create, onlyDefaulted).paramsRequired).toBe(true);
    planCreate.node.properties = planCreate.node.properties.filter((p) => p.name !== 'name');
    expect(planCreate.node.properties.some((p) => p.node.default !== undefined)).toBe(true);
    expect(operationShape(create, onlyDefaulted).paramsRequired).toBe(false);
  });

  it('takes one argument for a name the path template repeats', () => {
    const repeated: OperationModel = {
      ...operation('retrievePlan'),
      path: '/projects/{project}/plans/{plan}/copies/{plan}',
    };
    expect(operationShape(repeated, model).pathArgs.map((slot) => slot.local)).toEqual(
      operationShape(operation('retrievePlan'), model).pathArgs.map((slot) => slot.local),
    );
  });

  it('rejects a path placeholder without a parameter, naming the operation', () => {
    const broken: OperationModel = {
      ...operation('retrievePlan'),
      path: '/projects/{project}/plans/{planId}',
    };
    expect(() => operationShape(broken, model)).toThrow(GeneratorError);
    expect(() => operationShape(broken, model)).toThrow(
      /#\/paths\/~1projects~1\{project\}~1plans~1\{plan\}\/get.*planId/s,
    );
  });
});

describe('the model refuses client options it cannot give a safe home', () => {
  function withOption(name: string, operationId: string): ApiModel {
    // A deep copy: the fixture's operations are shared between calls.
    const changed = structuredClone(clientModel());
    for (const op of changed.operations) {
      for (const parameter of op.parameters)
        if (parameter.clientOption === 'project') parameter.clientOption = name;
    }
    changed.sdk.clientOptions = [{ ...changed.sdk.clientOptions[0]!, name }];
    const target = changed.operations.find((op) => op.operationId === operationId)!;
    target.parameters.push({ ...changed.operations[0]!.parameters[0]!, clientOption: name });
    return changed;
  }

  /** The model of client-spec.ts with its `project` client option renamed to `name`. */
  function modelWithOption(name: string): Promise<ApiModel> {
    const document = JSON.parse(
      JSON.stringify(clientSpec).replaceAll(
        '"x-sdk-client-option":"project"',
        `"x-sdk-client-option":"${name}"`,
      ),
    ) as Record<string, unknown>;
    const spec = {
      document,
      version: '3.1' as const,
      file: 'client-spec.json',
      hash: '',
      sources: new Map(),
    };
    return buildModel(spec, { packageName: 'fixture-sdk', packageVersion: '1.0.0' });
  }

  it('a client option named like a built-in option', async () => {
    expect(
      (await modelWithOption('project')).sdk.clientOptions.map((option) => option.name),
    ).toContain('project');
    await expect(modelWithOption('timeout')).rejects.toThrow(
      /client option "timeout".*fix: give the parameter another/s,
    );
  });

  it('a client option named like a key of nested params', () => {
    const changed = withOption('body', 'bulkWidgets');
    const bulk = changed.operations.find((op) => op.operationId === 'bulkWidgets')!;
    bulk.path = '/widgets/{project}/bulk';
    expect(() => operationShape(bulk, changed)).toThrow(/client option "body" would clash/);
  });
});

describe('a method that takes nested params because two of its keys share a name', () => {
  /** The model of client-spec.ts with `PlanUpdate` (the body of `updatePlan`) given `properties`. */
  function withUpdateProperties(properties: Record<string, unknown>): Promise<ApiModel> {
    const document = structuredClone(clientSpec) as unknown as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    Object.assign(document.components.schemas.PlanUpdate!.properties, properties);
    const spec = {
      document: document as unknown as Record<string, unknown>,
      version: '3.1' as const,
      file: 'client-spec.json',
      hash: '',
      sources: new Map(),
    };
    return buildModel(spec, { packageName: 'fixture-sdk', packageVersion: '1.0.0' });
  }
  const nested = (model: ApiModel) => model.warnings.filter((w) => w.key === 'params:nested');

  it('is said at the operation, naming the key, when a body property takes a client option’s name', async () => {
    // Adding an optional `project` to the body reshaped `plans.update()` for every caller, silently.
    const model = await withUpdateProperties({ project: { type: 'string' } });
    const update = model.operations.find((op) => op.operationId === 'updatePlan')!;
    expect(update.shape.form).toBe('nested');
    const [warning, ...more] = nested(model);
    expect(more).toEqual([]);
    expect(warning!.location.pointer).toBe(update.pointer);
    expect(warning!.problem).toMatch(/^`project` is the name of two keys of the params object/);
    expect(warning!.problem).toContain('`{ query, headers, body }`');
    expect(warning!.hint).toMatch(/rename the body property or the parameter/);
  });

  it('and when a body property is a member every object has', async () => {
    const model = await withUpdateProperties({ constructor: { type: 'string' } });
    const [warning] = nested(model);
    expect(warning!.problem).toMatch(
      /^`constructor` is the name of a member every JavaScript object has/,
    );
  });

  it('and when a body property is `then`, said as what it is: a promise’s member', async () => {
    // helper-107: it was called "a member every JavaScript object has", which `then` is not.
    const model = await withUpdateProperties({ then: { type: 'string' } });
    const [warning] = nested(model);
    expect(warning!.problem).toMatch(
      /^`then` is a promise's member \(an object with a `then` is awaited as a promise\)/,
    );
  });

  it('with both reasons at once, each name is given its own', async () => {
    // helper-112: "`project`, `then` are the name of two keys", though `then` collides with nothing.
    const model = await withUpdateProperties({
      project: { type: 'string' },
      then: { type: 'string' },
    });
    const [warning] = nested(model);
    expect(warning!.problem).toMatch(
      /^`project` is the name of two keys of the params object \([^)]*\), and `then` is a promise's member /,
    );
  });

  it('is not said for params that are flat, or nested because of the body’s kind', async () => {
    const model = await withUpdateProperties({ note: { type: 'string' } });
    const op = (id: string) => model.operations.find((o) => o.operationId === id)!;
    expect(op('updatePlan').shape.form).toBe('flat');
    expect(op('bulkWidgets').shape.form).toBe('nested');
    const said = nested(model).flatMap((w) => w.places.map((place) => place.location.pointer));
    expect(said).not.toContain(op('updatePlan').pointer);
    expect(said).not.toContain(op('bulkWidgets').pointer);
  });
});
