/**
 * `format: binary` in a text body (`text/csv`, `text/plain`, XML, Turtle) is typed `string`, as the
 * SDK sends and reads such a body, without the `schema:binary-as-text` warning, whose reason
 * ("JSON, a form and a parameter carry strings only") and fix (base64) are about other places
 * (helper-139). JSON records are JSON: a binary string in one is warned about as in JSON.
 */
import { describe, expect, it } from 'vitest';
import { textOnlyBinaryStrings } from '../../generator/model/binary-places.ts';
import { Warnings } from '../../generator/warnings.ts';

const BINARY = { type: 'string', format: 'binary' };

function docWith(content: Record<string, unknown>, put?: Record<string, unknown>) {
  return {
    openapi: '3.0.3',
    info: { title: 'text bodies', version: '1' },
    paths: {
      '/export': {
        get: { responses: { '200': { description: 'ok', content } } },
        ...(put === undefined
          ? {}
          : {
              put: { requestBody: { content: put }, responses: { '204': { description: 'ok' } } },
            }),
      },
    },
    components: { schemas: { Data: BINARY } },
  };
}

function run(doc: Record<string, unknown>) {
  const warnings = new Warnings();
  const textOnly = textOnlyBinaryStrings(doc, 'spec.yaml', warnings);
  const places = warnings
    .list()
    .filter((warning) => warning.key === 'schema:binary-as-text')
    .flatMap((warning) => warning.places)
    .map((place) => ({
      pointer: place.location.pointer,
      problem: place.problem,
      hint: place.hint,
    }));
  return { textOnly: [...textOnly].sort(), places };
}

const at = (type: string) =>
  `#/paths/~1export/get/responses/200/content/${type.replace('/', '~1')}`;

describe('a binary string in a text body', () => {
  it.each(['text/csv', 'text/plain', 'text/xml', 'application/rdf+xml', 'text/turtle'])(
    'is typed string without a warning in %s',
    (type) => {
      expect(run(docWith({ [type]: { schema: BINARY } }))).toEqual({
        textOnly: [`${at(type)}/schema`],
        places: [],
      });
      expect(run(docWith({ [type]: { schema: { $ref: '#/components/schemas/Data' } } }))).toEqual({
        textOnly: ['#/components/schemas/Data'],
        places: [],
      });
    },
  );

  it('is still warned about where JSON reaches it too, at the JSON place', () => {
    const ref = { schema: { $ref: '#/components/schemas/Data' } };
    const { textOnly, places } = run(docWith({ 'text/csv': ref, 'application/json': ref }));
    expect(textOnly).toEqual(['#/components/schemas/Data']);
    expect(places).toHaveLength(1);
    expect(places[0]!.problem).toContain(`travels as text (at ${at('application/json')})`);
  });

  it('is warned about in JSON records, which are JSON', () => {
    const { places } = run(docWith({ 'application/jsonl': { schema: BINARY } }));
    expect(places.map((place) => place.pointer)).toEqual([`${at('application/jsonl')}/schema`]);
  });

  it('that is a raw body too is a Blob, with a warning that names the text body', () => {
    const ref = { schema: { $ref: '#/components/schemas/Data' } };
    const { textOnly, places } = run(
      docWith({ 'text/csv': ref }, { 'application/octet-stream': ref }),
    );
    expect(textOnly).toEqual([]);
    expect(places).toEqual([
      {
        pointer: '#/components/schemas/Data',
        problem: `this binary string is a file part (at #/paths/~1export/put/requestBody/content/application~1octet-stream) and a text body too (at ${at('text/csv')}): it is typed \`Blob\`, but the SDK sends and reads a text body as a string`,
        hint: 'give the text body a schema of its own: `type: string` (a text body is a string whatever its format)',
      },
    ]);
  });
});
