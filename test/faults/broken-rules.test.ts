/**
 * Parts OpenAPI forbids that the SDK bent without a word (broken-rules.yaml): an empty server
 * variable `enum`, a parameter with two media types, with neither `schema` nor `content` or with
 * both, an `encoding` key naming no property, response header names no message can carry, links
 * to operations that are not there. Each is a warning at its place, with the fix; the package
 * still compiles.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, faultPackage } from './package.ts';

describe('parts OpenAPI forbids', () => {
  it('are each warned about at its place, with the fix, and the package compiles', async () => {
    const pkg = await faultPackage('broken-rules.yaml');
    const places = pkg.model.warnings.flatMap((warning) =>
      warning.places.map((place) => [warning.key, place.location.pointer]),
    );
    const op = '#/paths/~1things/post';
    expect(places).toEqual(
      expect.arrayContaining([
        ['server:empty-enum:env', '#/servers/0/variables/env/enum'],
        ['parameter:content-entries', `${op}/parameters/0/content`],
        ['parameter:no-schema', `${op}/parameters/1`],
        ['parameter:schema-and-content', `${op}/parameters/2/content`],
        ['encoding:no-property', `${op}/requestBody/content/multipart~1form-data/encoding/fiel`],
        ['header:name-not-a-token', `${op}/responses/201/headers/X "Quoted"`],
        ['header:name-not-a-token', `${op}/responses/201/headers/X:Colon`],
        ['link:no-operation', `${op}/responses/201/links/gone/operationId`],
        ['link:no-operation', `${op}/responses/201/links/nowhere/operationRef`],
      ]),
    );
    // Only these: a right encoding key, header name, link or component key is not warned about.
    const ruled = places.filter(([key]) =>
      /^(server:empty-enum|parameter:(content-entries|no-schema|schema-and-content)|encoding:|header:name|link:)/.test(
        key!,
      ),
    );
    expect(ruled).toHaveLength(9);
    const byKey = new Map(pkg.model.warnings.map((warning) => [warning.key, warning]));
    expect(byKey.get('encoding:no-property')!.hint).toMatch(/did you mean `file`\?/);
    expect(byKey.get('parameter:content-entries')!.problem).toMatch(
      /has 2 media types \(application\/json, text\/plain\).*reads only the first, application\/json/,
    );
    expect(byKey.get('server:empty-enum:env')!.hint).toMatch(/enum: \["prod"\]/);
    const links = byKey.get('link:no-operation')!;
    expect(links.places.map((place) => place.hint)).toEqual([
      expect.stringMatching(/did you mean `createThing`\?/),
      expect.stringMatching(/point it at an operation/),
    ]);
    expect(pkg.model.warnings.map((warning) => warning.message).join('\n')).not.toMatch(
      /undefined|\[object Object\]/,
    );
    expect(diagnostics(pkg)).toEqual([]);
  });
});
