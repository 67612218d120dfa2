/**
 * The docs site's SDK section: the package's name and version and its changelog, appended to the
 * bundled spec's `info.description` (Redoc shows its `##` headings as pages of the sidebar). Read
 * from the generated package: its package.json and the CHANGELOG.md `npm run release` writes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isRecord } from '../../generator/load/pointer.ts';

export const DEFAULT_PACKAGE_DIR = 'generated';

export interface ReleaseNotes {
  packageName: string;
  version: string;
  /** The changelog's entries (Markdown, `##` per version), without its title; undefined before the first release. */
  changelog: string | undefined;
}

/** The package's name, version and changelog; undefined when `packageDir` has no package.json. */
export async function readReleaseNotes(packageDir: string): Promise<ReleaseNotes | undefined> {
  const pkg = await readFile(join(packageDir, 'package.json'), 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  if (!isRecord(pkg) || typeof pkg.name !== 'string' || typeof pkg.version !== 'string')
    return undefined;
  const changelog = await readFile(join(packageDir, 'CHANGELOG.md'), 'utf8').catch(() => undefined);
  const first = changelog?.search(/^## /m) ?? -1;
  return {
    packageName: pkg.name,
    version: pkg.version,
    changelog: changelog === undefined || first < 0 ? undefined : changelog.slice(first).trim(),
  };
}

/** Appends the "SDK" and "Changelog" sections to `info.description` (entries one heading level down). */
export function addReleaseNotes(document: Record<string, unknown>, notes: ReleaseNotes): void {
  const info = isRecord(document.info) ? document.info : (document.info = {});
  const spec = `${notes.packageName}@${notes.version}`;
  const sections = [
    '## SDK',
    '',
    `The TypeScript SDK for this API is the npm package \`${notes.packageName}\`, version ${notes.version}:`,
    '',
    '```sh',
    `npm install ${spec}`,
    '```',
  ];
  if (notes.changelog !== undefined)
    sections.push('', '## Changelog', '', notes.changelog.replace(/^(#{2,5}) /gm, '#$1 '));
  const description = typeof info.description === 'string' ? info.description.trimEnd() : '';
  info.description = `${description === '' ? '' : `${description}\n\n`}${sections.join('\n')}\n`;
}
