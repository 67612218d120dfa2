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
});
