/**
 * `x-…` keys of the Paths Object are specification extensions (path-extensions.yaml), not paths:
 * no operation, resource, path-template check or server warning comes from them.
 */
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../model/fixture-model.ts';
import { faultPackage } from './package.ts';

describe('specification extensions among the paths', () => {
  it('are no operations, and nothing is checked or warned about in them', async () => {
    const model = await fixtureModel('path-extensions.yaml', true);
    expect(model.operations.map((operation) => `${operation.method} ${operation.path}`)).toEqual([
      'get /things',
    ]);
    expect(model.resources.map((resource) => resource.name)).toEqual(['things']);
    expect(model.warnings).toEqual([]);
  });

  it('give the package no method or resource file for them', async () => {
    const { files } = await faultPackage('path-extensions.yaml');
    const resources = [...files.keys()].filter((path) => path.startsWith('src/resources/'));
    expect(resources.sort()).toEqual(['src/resources/index.ts', 'src/resources/things.ts']);
    expect(files.get('src/resources/things.ts')).not.toMatch(/listInternal|x-internal/);
  });
});
