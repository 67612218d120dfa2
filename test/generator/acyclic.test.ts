/**
 * The bundled document must not contain itself (generator/load/acyclic.ts): a bundler that files a
 * section into itself would make every later walk loop until the heap runs out. Shared objects
 * that do not contain themselves (a YAML alias used twice) are fine.
 */
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { assertAcyclic } from '../../generator/load/acyclic.ts';

describe('assertAcyclic', () => {
  it('refuses an object that contains itself, naming both places', () => {
    const schemas: Record<string, unknown> = { Cat: { type: 'object' } };
    schemas.schemas = schemas;
    const document = { openapi: '3.1.0', components: { schemas } };
    const error = (() => {
      try {
        assertAcyclic(document, 'spec.yaml');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).location).toEqual({
      file: 'spec.yaml',
      pointer: '#/components/schemas/schemas',
    });
    expect((error as GeneratorError).message).toMatch(
      /#\/components\/schemas\/schemas is the same object as #\/components\/schemas/,
    );
    expect((error as GeneratorError).hint).toMatch(/#\/components\/schemas\/<Name>/);
  });

  it('names every place where the document contains itself, in document order', () => {
    const schemas: Record<string, unknown> = { Cat: { type: 'object' } };
    schemas.schemas = schemas;
    const paths: Record<string, unknown> = {};
    paths.again = { paths };
    const error = (() => {
      try {
        assertAcyclic({ paths, components: { schemas } }, 'spec.yaml');
      } catch (caught) {
        return caught;
      }
    })() as GeneratorError;
    expect(error.problems.map((problem) => problem.location.pointer)).toEqual([
      '#/paths/again/paths',
      '#/components/schemas/schemas',
    ]);
  });

  it('refuses a loop through an array', () => {
    const list: unknown[] = [];
    list.push({ items: list });
    expect(() => assertAcyclic({ x: list }, 'spec.yaml')).toThrow(
      /#\/x\/0\/items is the same object as #\/x/,
    );
  });

  it('accepts the same object in two places (an alias), and deep documents', () => {
    const shared = { type: 'string' };
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 20_000; i++) deep = { items: deep };
    expect(() =>
      assertAcyclic({ a: shared, b: [shared, shared], deep }, 'spec.yaml'),
    ).not.toThrow();
  });
});
