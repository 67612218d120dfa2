/**
 * scripts/lib/diff/wire-regroup.ts on documents written here: a schema regrouped with `allOf` read
 * for what it accepts, against Redocly's keyword-by-keyword changes (given here as Redocly writes
 * them: at the first place the schema is used). test/release/diff.test.ts runs the real
 * `redocly diff` on a repository.
 */
import { describe, expect, it } from 'vitest';
import type { RedoclyChange } from '../../scripts/lib/diff/redocly-diff.ts';
import { withRegroupsRead } from '../../scripts/lib/diff/wire-regroup.ts';

const RESPONSE = '#/paths/~1nodes/get/responses/200/content/application~1json/schema';
const REQUEST = '#/paths/~1nodes/post/requestBody/content/application~1json/schema';

/** A 3.1 document whose GET answers `schema` and whose POST takes `body`. */
function doc(schemas: Record<string, unknown>, body?: unknown): Record<string, unknown> {
  const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
  return {
    openapi: '3.1.0',
    paths: {
      '/nodes': {
        get: { responses: { 200: { description: 'ok', ...json({ $ref: '#/components/schemas/Node' }) } } },
        ...(body === undefined ? {} : { post: { requestBody: json(body), responses: {} } }),
      },
    },
    components: { schemas },
  };
}

/** What Redocly says when a schema became `allOf` parts (test/release/diff.test.ts saw it). */
function coarse(path: string): RedoclyChange[] {
  const verdict = (ruleId: string, message: string) => ({ ruleId, impact: 'major' as const, message });
  return [
    { path, typeName: 'Schema', kind: 'modified', impact: 'major', property: 'type', verdicts: [verdict('schema-type-changed', "Type widened from 'object' to 'any'.")] },
    { path: `${path}/allOf`, typeName: 'Schema', kind: 'added', impact: 'minor', verdicts: [] },
    { path: `${path}/properties`, typeName: 'SchemaProperties', kind: 'removed', impact: 'major', verdicts: [verdict('property-removed', 'All properties were removed.')] },
  ];
}

const FLAT_NODE = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', description: 'Its id.' },
    children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
  },
};
const BASE = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
const SPLIT_NODE = {
  allOf: [
    { $ref: '#/components/schemas/Base' },
    { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
  ],
};

describe('a schema regrouped with allOf', () => {
  it('that accepts the same values, recursive too, is no change', () => {
    const changes = withRegroupsRead(
      coarse(RESPONSE),
      { base: doc({ Node: FLAT_NODE }), head: doc({ Node: SPLIT_NODE, Base: BASE }) },
      {},
    );
    expect(changes).toEqual([]);
  });

  it('in a request, a property made required is required-properties-added at its level', () => {
    const flat = { type: 'object', properties: { name: { type: 'string' }, size: { type: 'integer' } } };
    const split = {
      allOf: [
        { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        { type: 'object', properties: { size: { type: 'integer' } } },
      ],
    };
    const changes = withRegroupsRead(
      coarse(REQUEST),
      { base: doc({ Node: FLAT_NODE }, flat), head: doc({ Node: FLAT_NODE }, split) },
      { 'required-properties-added': 'minor' },
    );
    expect(changes).toEqual([
      expect.objectContaining({
        path: REQUEST,
        kind: 'modified',
        impact: 'minor',
        verdicts: [expect.objectContaining({ ruleId: 'required-properties-added', message: 'Properties became required: `name`.' })],
      }),
    ]);
  });

  it('whose parts contradict keeps Redocly’s lines: coarse, never silent', () => {
    const contradicting = { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'string' }] };
    const given = coarse(RESPONSE);
    const changes = withRegroupsRead(
      given,
      { base: doc({ Node: FLAT_NODE }), head: doc({ Node: contradicting, Base: BASE }) },
      {},
    );
    expect(changes).toEqual(given);
  });

  it('whose property changed its type says so for that property, not that all were removed', () => {
    const changed = {
      allOf: [
        { $ref: '#/components/schemas/Base' },
        { type: 'object', properties: { children: { type: 'string' } } },
      ],
    };
    const changes = withRegroupsRead(
      coarse(RESPONSE),
      { base: doc({ Node: FLAT_NODE }), head: doc({ Node: changed, Base: BASE }) },
      {},
    );
    expect(changes).toEqual([
      expect.objectContaining({
        path: `${RESPONSE}/properties/children`,
        impact: 'major',
        verdicts: [
          expect.objectContaining({
            ruleId: 'schema-type-changed',
            message: 'Property `children` of `Node` changed: it accepts other values than before.',
          }),
        ],
      }),
    ]);
  });

  it('a $ref beside keywords of its own (3.1) is read as parts: the same values, no change', () => {
    const siblings = {
      $ref: '#/components/schemas/Base',
      type: 'object',
      properties: { children: FLAT_NODE.properties.children },
    };
    expect(
      withRegroupsRead(
        coarse(RESPONSE),
        { base: doc({ Node: FLAT_NODE }), head: doc({ Node: siblings, Base: BASE }) },
        {},
      ),
    ).toEqual([]);
  });

  it('unevaluatedProperties: false over parts reads as additionalProperties: false written flat', () => {
    const flat = { ...FLAT_NODE, additionalProperties: false };
    const split = { ...SPLIT_NODE, unevaluatedProperties: false };
    expect(
      withRegroupsRead(
        coarse(RESPONSE),
        { base: doc({ Node: flat }), head: doc({ Node: split, Base: BASE }) },
        {},
      ),
    ).toEqual([]);
    // additionalProperties beside parts sees none of their properties: not read as merged.
    const closedBeside = { ...SPLIT_NODE, additionalProperties: false, properties: {} };
    const given = coarse(RESPONSE);
    expect(
      withRegroupsRead(
        given,
        { base: doc({ Node: flat }), head: doc({ Node: closedBeside, Base: BASE }) },
        {},
      ),
    ).toEqual(given);
  });
});
