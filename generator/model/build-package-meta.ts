/**
 * The package metadata the spec gives: its licence (`info.license`) and its repository (root
 * `x-sdk.repository`), in the forms npm and publint want.
 */
import { GeneratorError } from '../errors.ts';
import { isRecord } from '../json.ts';
import type { PackageRepository } from './types.ts';

/**
 * The package's license: the SPDX `info.license.identifier` (OpenAPI 3.1), else `info.license.name`
 * when it reads like an SPDX id (`MIT`, `Apache-2.0`); `UNLICENSED` (npm's word for "no licence
 * granted") when the spec names none.
 */
export function packageLicense(doc: Record<string, unknown>): string {
  const license = isRecord(doc.info) && isRecord(doc.info.license) ? doc.info.license : {};
  for (const candidate of [license.identifier, license.name]) {
    if (
      typeof candidate === 'string' &&
      /^[A-Za-z0-9.+-]+(?: (?:OR|AND|WITH) [A-Za-z0-9.+-]+)*$/.test(candidate.trim())
    ) {
      return candidate.trim();
    }
  }
  return 'UNLICENSED';
}

/**
 * The repository of the package, from the root `x-sdk.repository`: a URL string
 * (`https://github.com/acme/acme-sdk`) or `{ url, directory }` for a package inside a monorepo.
 * Web URLs of git hosts become the `git+https://….git` form npm normalises to; `undefined` when
 * the spec gives none.
 */
export function packageRepository(
  doc: Record<string, unknown>,
  specFile: string,
): PackageRepository | undefined {
  const sdk = isRecord(doc['x-sdk']) ? doc['x-sdk'] : {};
  const raw = sdk.repository;
  if (raw === undefined) return undefined;
  const pointer = '#/x-sdk/repository';
  const fix =
    'write `repository: https://github.com/<owner>/<repo>` or `repository: { url: …, directory: packages/sdk }`';
  const url = typeof raw === 'string' ? raw : isRecord(raw) ? raw.url : undefined;
  const directory = isRecord(raw) ? raw.directory : undefined;
  const problems: GeneratorError[] = [];
  // No query or fragment: npm's `.git` would land after them (`…/b?x=1#top.git`), and a clone
  // URL has neither.
  if (
    typeof url !== 'string' ||
    !/^(?:git\+)?(?:https?|ssh|git):\/\/[^\s/?#]+\/[^\s?#]+$/.test(url)
  ) {
    problems.push(
      new GeneratorError(
        '`x-sdk.repository` must be the URL of a git repository (without a query or fragment)',
        { file: specFile, pointer },
        fix,
      ),
    );
  }
  if (
    directory !== undefined &&
    (typeof directory !== 'string' || directory.trim() === '' || directory.startsWith('/'))
  ) {
    problems.push(
      new GeneratorError(
        '`x-sdk.repository.directory` must be a relative folder',
        { file: specFile, pointer: `${pointer}/directory` },
        fix,
      ),
    );
  }
  // Both at once, so that one run reports them (build-info.ts gathers every x-sdk problem).
  if (problems.length > 0 || typeof url !== 'string') throw GeneratorError.all(problems);
  let normalised = url.replace(/\/+$/, '');
  if (/^https?:\/\//.test(normalised)) normalised = `git+${normalised}`;
  if (!normalised.endsWith('.git')) normalised += '.git';
  return typeof directory === 'string'
    ? { type: 'git', url: normalised, directory }
    : { type: 'git', url: normalised };
}
