/**
 * A warning about a shared component (a `components/parameters` entry that many operations
 * `$ref`) names its one place once: the model reads the component once per operation that uses
 * it, and each read added the same place again, so one header parameter was "(and 19 more
 * places)", or twenty identical `also` lines (found on VTEX's descriptions). With `--strict`, it
 * is one error, not one per use.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from './fixture-model.ts';

afterAll(removeTempDirs);

const uses = (path: string) => ({
  get: {
    parameters: [{ $ref: '#/components/parameters/Accept' }],
    responses: { '204': { description: 'ok' } },
  },
  [path.endsWith('c') ? 'delete' : 'post']: {
    parameters: [{ $ref: '#/components/parameters/Accept' }],
    responses: { '204': { description: 'ok' } },
  },
});
const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Shared', version: '1' },
  paths: { '/a': uses('/a'), '/b': uses('/b'), '/c': uses('/c') },
  components: {
    parameters: { Accept: { name: 'Accept', in: 'header', schema: { type: 'string' } } },
  },
};

describe('a warning about a component many operations use', () => {
  it('lists its place once', async () => {
    const model = await specModel(await writeSpec(SPEC));
    const warning = model.warnings.find((w) => w.key === 'parameter:ignored-header');
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      '#/components/parameters/Accept/name',
    ]);
    expect(warning?.message).not.toMatch(/more place|also/);
  });

  it('is one error with --strict', async () => {
    const error = await specModel(await writeSpec(SPEC), true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    const report = (error as GeneratorError).report;
    expect(report.match(/header parameter "Accept" is ignored/g)).toHaveLength(1);
  });
});
