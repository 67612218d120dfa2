/**
 * Links in the spec's text that the README copies: a description written for another renderer
 * links into that renderer's pages (Redoc's and Scalar's `#tag/planets/GET/planets`), which the
 * README does not have (helper-109: `@scalar/galaxy`'s "all planets"). Such a link keeps its text
 * and loses its target; a link to a section the README has stays a link.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../generator/helpers.ts';
import { danglingAnchors } from '../generator/readme-anchors.ts';
import { specPackage } from './package.ts';

afterAll(removeTempDirs);

describe('README links copied from the spec', () => {
  it('to a #fragment the README has no heading for: the text alone; to one it has: kept', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: {
        title: 'Galaxy',
        version: '1.0.0',
        description:
          'Browse [all planets](#tag/planets/GET/planets), read [the errors](#errors), see [the site](https://example.com/#top).',
      },
      paths: {
        '/planets': {
          get: {
            operationId: 'listPlanets',
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    });
    const readme = pkg.files.get('README.md')!;
    expect(readme).toContain(
      'Browse all planets, read [the errors](#errors), see [the site](https://example.com/#top).',
    );
    expect(danglingAnchors(readme)).toEqual([]);
  });
});
