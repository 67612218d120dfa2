/**
 * What `--check` and the release check report as API changes between two bundled documents
 * (generator/write/api-changes.ts): operations by method and path, components, the document's
 * other sections.
 */
import { describe, expect, it } from 'vitest';
import { apiChanges } from '../../generator/write/api-changes.ts';

const operation = (summary: string) => ({ summary, responses: { '200': { description: 'ok' } } });

describe('API changes', () => {
  it('an x- key of the Paths Object is an extension, never an operation', () => {
    const before = { paths: { '/a': { get: operation('A') } } };
    const after = {
      paths: { '/a': { get: operation('A') }, 'x-internal': { get: operation('hidden') } },
    };
    expect(apiChanges(before, after)).toEqual([
      { change: 'added', subject: 'extension', name: 'paths.x-internal' },
    ]);
    const edited = {
      paths: { '/a': { get: operation('A') }, 'x-internal': { get: operation('renamed') } },
    };
    expect(apiChanges(after, edited)).toEqual([
      { change: 'changed', subject: 'extension', name: 'paths.x-internal' },
    ]);
  });

  it('operations are still keyed by method and path', () => {
    const before = { paths: { '/a': { get: operation('A') } } };
    const after = { paths: { '/a': { get: operation('A'), post: operation('B') } } };
    expect(apiChanges(before, after)).toEqual([
      { change: 'added', subject: 'operation', name: 'POST /a' },
    ]);
  });

  it('a schema split into allOf parts has its properties moved, not removed (helper-113 5)', () => {
    const string = { type: 'string' };
    const whole = {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: string, name: string },
    };
    const split = {
      allOf: [
        { type: 'object', required: ['id'], properties: { id: string } },
        { type: 'object', required: ['name'], properties: { name: string } },
      ],
    };
    const doc = (schema: unknown) => ({ components: { schemas: { Coverage: schema } } });
    const [change] = apiChanges(doc(whole), doc(split));
    expect(change?.detail).toBe(
      'properties `id`, `name` moved into `allOf`; `type`, `required`, `allOf`',
    );
    expect(apiChanges(doc(split), doc(whole))[0]?.detail).toBe(
      'properties `id`, `name` moved out of `allOf`; `allOf`, `type`, `required`',
    );
    const renamed = { ...split, allOf: [split.allOf[0], { properties: { title: string } }] };
    expect(apiChanges(doc(whole), doc(renamed))[0]?.detail).toMatch(
      /^property `title` added; property `name` removed; property `id` moved into `allOf`;/,
    );
  });
});
