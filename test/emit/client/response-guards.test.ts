/** Which operations name a response schema for validation, and the table of guards built from them. */
import { responseBodyGuards } from '../../../generator/emit/guards/response-bodies.ts';
import { describe, expect, it } from 'vitest';
import {
  emitResponseGuardsFile,
  responseSchemaOf,
} from '../../../generator/emit/client/response-guards-file.ts';
import type { OperationModel, ResponseModel } from '../../../generator/model/types.ts';
import { printSourceFiles } from '../../../generator/write/print.ts';
import { arr, clientModel, ref, str } from '../../fixtures/models/client-model.ts';
import { diagnostics, faultPackage } from '../../faults/package.ts';

/** The fixture's first operation with this success response, its own body guard named `PlanOwn`. */
function withSuccess(successResponse: ResponseModel | undefined): OperationModel {
  const [operation] = clientModel().operations;
  if (operation === undefined) throw new Error('the fixture has operations');
  const { successResponse: _drop, ...rest } = operation;
  const own = { ...rest, typeNames: { ...rest.typeNames, responseGuard: 'PlanOwn' } };
  return successResponse === undefined ? own : { ...own, successResponse };
}

describe('responseSchemaOf', () => {
  it.each<[string, ResponseModel | undefined, string | undefined]>([
    [
      'a JSON $ref',
      { status: '200', contentType: 'application/json', schema: ref('Plan') },
      'Plan',
    ],
    [
      'a +json $ref',
      { status: '201', contentType: 'application/problem+json', schema: ref('Plan') },
      'Plan',
    ],
    [
      'a nullable $ref',
      {
        status: '200',
        contentType: 'application/json',
        schema: { ...ref('Plan'), nullable: true },
      },
      'PlanOwn',
    ],
    [
      'an array of refs',
      { status: '200', contentType: 'application/json', schema: arr(ref('Plan')) },
      'PlanOwn',
    ],
    [
      'an inline schema',
      { status: '200', contentType: 'application/json', schema: str() },
      'PlanOwn',
    ],
    ['text', { status: '200', contentType: 'text/plain', schema: ref('Plan') }, undefined],
    ['no content (204)', { status: '204' }, undefined],
    ['no success response', undefined, undefined],
  ])('%s → %s', (_name, success, want) => {
    expect(responseSchemaOf(withSuccess(success))).toBe(want);
  });
});

describe('emitResponseGuardsFile', () => {
  it('is an empty table when no operation names a schema the model has, nor has a guard of its own', () => {
    const model = clientModel();
    const operations = model.operations.map((operation) => {
      const { responseGuard: _drop, ...typeNames } = operation.typeNames;
      return { ...operation, typeNames };
    });
    const file = emitResponseGuardsFile({ ...model, schemas: [], operations }, 'responseGuards');
    const [text] = printSourceFiles([file]);
    expect(text).toContain('export const responseGuards = new ResponseGuards({})');
    expect(text).not.toContain("from './guards.js'");
  });

  it("lists the operations' own guards beside the schemas', by name", () => {
    const [text] = printSourceFiles([emitResponseGuardsFile(clientModel(), 'responseGuards')]);
    expect(text).toMatch(
      /Widget: validateWidget,\s*WidgetBulkResponse: validateWidgetBulkResponse,/,
    );
  });

  it('gives bodies of one shape and type one set of guards: three Widget[] lists share the first', () => {
    const [table] = printSourceFiles([emitResponseGuardsFile(clientModel(), 'responseGuards')]);
    for (const name of ['WidgetBulkResponse', 'WidgetScopedResponse', 'WidgetTracedResponse'])
      expect(table).toMatch(new RegExp(`${name}: validateWidgetBulkResponse\\b`));
    const { bodies, shared } = responseBodyGuards(clientModel());
    expect(bodies.map((body) => body.name)).not.toContain('WidgetTracedResponse');
    expect(shared.get('WidgetTracedResponse')).toBe('WidgetBulkResponse');
    expect(bodies.find((body) => body.name === 'WidgetBulkResponse')?.subject).toMatch(
      /and 2 more operations'$/,
    );
  });

  it('uses the name it is given, in the example too', () => {
    const [text] = printSourceFiles([
      emitResponseGuardsFile(clientModel(), 'FixtureResponseGuards'),
    ]);
    expect(text).toContain('export const FixtureResponseGuards = new ResponseGuards({');
    expect(text).toContain(
      "new Fixture({ responseValidation: 'warn', responseGuards: FixtureResponseGuards });",
    );
  });
});

describe('a spec without named schemas', () => {
  it("lists the operations' own guards, and the package compiles", async () => {
    const pkg = await faultPackage('inline-bodies-without-schemas.yaml');
    expect(pkg.files.get('src/response-guards.ts')).toMatch(
      /TagCountResponse: validateTagCountResponse,\s*TagListResponse: validateTagListResponse\b/,
    );
    expect(diagnostics(pkg)).toEqual([]);
  });
});
