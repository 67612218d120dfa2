/**
 * The first root server is the client's default base URL, with each `{variable}` replaced by its
 * default. A `{name}` that `variables` does not declare, or a brace no variable closes, stayed in
 * that URL as written: requests went to `https://%7Bregion%7D.example.com` or failed to parse.
 * Such a server is a warning naming the variable and the fix, and the client takes no default
 * base URL from it (callers pass `baseURL`), as for a server that is not http(s).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, writeSpec } from '../generator/helpers.ts';
import { specModel } from '../model/fixture-model.ts';

afterAll(removeTempDirs);

function spec(server: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Servers', version: '1' },
    servers: [server, { url: 'https://fallback.example.com' }],
    paths: {},
  };
}

describe('the default server URL with a variable no default fills', () => {
  it.each([
    ['a variable without a declaration', { url: 'https://{region}.example.com/v1' }, '{region}'],
    [
      'one of two declared',
      { url: 'https://{region}.example.com/{version}', variables: { version: { default: 'v1' } } },
      '{region}',
    ],
    ['an unclosed brace', { url: 'https://api.example.com/{version' }, '{'],
    ['a stray closing brace', { url: 'https://api.example.com/version}' }, '}'],
  ])('%s: a warning, and no default base URL', async (_name, server, left) => {
    const model = await specModel(await writeSpec(spec(server)));
    expect(model.info.serverUrl).toBeUndefined();
    const warning = model.warnings.find((w) => w.key === 'server:unfilled-template');
    expect(warning?.location.pointer).toBe('#/servers/0/url');
    expect(warning?.problem).toContain(left);
    expect(warning?.hint).toMatch(/variables: \{ .*default/);
    await expect(specModel(await writeSpec(spec(server)), true)).rejects.toThrow(/--strict/);
  });

  it('every variable declared: the URL with their defaults, and no warning', async () => {
    const model = await specModel(
      await writeSpec(
        spec({
          url: 'https://{region}.example.com/{version}',
          variables: { region: { default: 'eu', enum: ['eu', 'us'] }, version: { default: 'v1' } },
        }),
      ),
    );
    expect(model.info.serverUrl).toBe('https://eu.example.com/v1');
    // The spec has no operations, which is its own warning; none is about the server.
    expect(model.warnings.filter((w) => w.key !== 'no-operations')).toEqual([]);
  });
});
