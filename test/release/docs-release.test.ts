/**
 * The docs site's SDK section: the package's version and its changelog, from the generated
 * package, appended to the description Redoc shows (the site in Chromium: test/docs/site.test.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addReleaseNotes, readReleaseNotes } from '../../scripts/lib/docs-release.ts';
import { prependEntry } from '../../scripts/lib/release/changelog.ts';
import { removeTempDirs, tempDir } from '../generator/helpers.ts';

afterAll(removeTempDirs);

async function packageDir(changelog?: string): Promise<string> {
  const dir = join(await tempDir('docs-release-'), 'generated');
  await mkdir(dir);
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'shop-sdk', version: '1.1.0' }),
  );
  if (changelog !== undefined) await writeFile(join(dir, 'CHANGELOG.md'), changelog);
  return dir;
}

describe('the SDK section of the docs', () => {
  it('names the package and version, and lists the changelog one heading level down', async () => {
    let changelog = prependEntry(
      undefined,
      '## 1.0.0 (2026-01-01)\n\nInitial release.\n',
      'shop-sdk',
    );
    changelog = prependEntry(
      changelog,
      '## 1.1.0 (2026-02-01)\n\n### Added\n\n- `client.x()`\n',
      'shop-sdk',
    );
    const notes = await readReleaseNotes(await packageDir(changelog));
    expect(notes).toMatchObject({ packageName: 'shop-sdk', version: '1.1.0' });
    const document: Record<string, unknown> = {
      info: { title: 'Shop', description: 'The shop.\n' },
    };
    addReleaseNotes(document, notes!);
    expect((document.info as { description: string }).description).toBe(
      [
        'The shop.',
        '',
        '## SDK',
        '',
        'The TypeScript SDK for this API is the npm package `shop-sdk`, version 1.1.0:',
        '',
        '```sh',
        'npm install shop-sdk@1.1.0',
        '```',
        '',
        '## Changelog',
        '',
        '### 1.1.0 (2026-02-01)',
        '',
        '#### Added',
        '',
        '- `client.x()`',
        '',
        '### 1.0.0 (2026-01-01)',
        '',
        'Initial release.',
        '',
      ].join('\n'),
    );
  });

  it('before the first release: the package and version only; no package: nothing', async () => {
    const document: Record<string, unknown> = { info: { title: 'Shop' } };
    addReleaseNotes(document, (await readReleaseNotes(await packageDir()))!);
    const description = (document.info as { description: string }).description;
    expect(description).toMatch(/^## SDK\n[^]*npm install shop-sdk@1\.1\.0\n```\n$/);
    expect(description).not.toContain('Changelog');
    expect(await readReleaseNotes(join(await tempDir('docs-release-'), 'none'))).toBeUndefined();
  });
});
