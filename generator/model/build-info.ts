/**
 * `info`, the first server and the root `x-sdk` extension → ApiInfo and the package/client names.
 */
import { GeneratorError } from '../errors.ts';
import { isRecord } from '../json.ts';
import { pascalCase, words } from './names.ts';
import { exportName, kebabCase, NPM_PACKAGE_NAME, upperSnake } from './sdk-names.ts';
import type { ApiInfo } from './types.ts';
import type { Warnings } from '../warnings.ts';

export interface SdkSettings {
  /** The client's name as wanted; the model claims it (build-client-exports.ts `claimClientName`). */
  clientName: string;
  /** `x-sdk.clientName` as written, when the spec gives one. */
  clientNameGiven: string | undefined;
  envPrefix: string;
  packageName: string;
  packageVersion: string;
}

/**
 * The API's name where the spec gives none to show or to name things after: its title when that is
 * missing, empty or blank, and the client's name (`API`, `API_` variables, `api-sdk`) when the title
 * has no letter to make one of (`!!!`, `🚀`, `2.0`).
 */
const UNTITLED = 'API';

export function buildInfo(
  doc: Record<string, unknown>,
  report?: { file: string; warnings: Warnings },
): ApiInfo {
  const info = isRecord(doc.info) ? doc.info : {};
  const result: ApiInfo = {
    title: typeof info.title === 'string' && showsSomething(info.title) ? info.title : UNTITLED,
    version: typeof info.version === 'string' ? info.version : '0.0.0',
  };
  if (typeof info.description === 'string') result.description = info.description;
  const serverUrl = firstServerUrl(doc.servers);
  const scheme = serverUrl === undefined ? null : /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(serverUrl);
  if (scheme !== null && !/^https?$/i.test(scheme[1]!)) {
    // `javascript:`, `file:`, `data:`, `ftp:`: not where a fetch client can send requests.
    report?.warnings.add(
      'server:url-scheme',
      `the server URL ${JSON.stringify(serverUrl)} is not an http or https URL, so the client has no default base URL`,
      { file: report.file, pointer: '#/servers/0/url' },
      'write it with its scheme, `https://api.example.com/v1` (a host alone, `api.example.com:443`, reads as a scheme), or as a path such as `/v1`; callers pass `baseURL` meanwhile',
    );
  } else if (serverUrl !== undefined) result.serverUrl = serverUrl;
  return result;
}

/** Whether `text` has a character that shows: not only spaces, controls and invisible characters. */
function showsSomething(text: string): boolean {
  return /[^\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}]/u.test(text);
}

/** The text with its apostrophes taken out, when a letter is left among its words to name things after. */
function nameable(text: string): string | undefined {
  // Apostrophes join their word (`GitHub's` → `GitHubs`, not `GitHub S`).
  const joined = text.replace(/['\u2019]/g, '');
  return words(joined).some((word) => /\p{L}/u.test(word)) ? joined : undefined;
}

/** The first server's URL with its variables replaced by their defaults. */
function firstServerUrl(servers: unknown): string | undefined {
  if (!Array.isArray(servers) || !isRecord(servers[0]) || typeof servers[0].url !== 'string')
    return undefined;
  const server = servers[0];
  const variables = isRecord(server.variables) ? server.variables : {};
  return (server.url as string).replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isRecord(variable) && typeof variable.default === 'string' ? variable.default : whole;
  });
}

/**
 * Client and package names: the caller's flags win, then the root `x-sdk` extension
 * (`clientName`, `envPrefix`, `packageName`), then names derived from `info.title`.
 */
export function buildSdkSettings(
  doc: Record<string, unknown>,
  info: ApiInfo,
  file: string,
  overrides: { packageName: string | undefined; packageVersion: string | undefined },
  warnings: Warnings,
): SdkSettings {
  const raw = doc['x-sdk'];
  if (raw !== undefined && !isRecord(raw)) {
    throw new GeneratorError(
      '`x-sdk` must be an object',
      { file, pointer: '#/x-sdk' },
      'write `x-sdk: { clientName: MyApi, envPrefix: MY_API }` or remove it',
    );
  }
  const ext = raw ?? {};
  // Derived names start from the words of the text (`GitHub v3 REST API`), not from the PascalCase
  // name, which has lost the word boundaries (`GitHubV3RESTAPI`). A title without a letter names
  // things as a missing one does (`API`); a `clientName` without one is refused, being asked for.
  const explicit = stringField(ext, 'clientName', file);
  if (explicit !== undefined && nameable(explicit) === undefined) {
    throw new GeneratorError(
      `\`x-sdk.clientName\` ${JSON.stringify(explicit)} has no letter to make a class name of`,
      { file, pointer: '#/x-sdk/clientName' },
      'write the name the client class should have, e.g. `clientName: Gigs`, or remove it to name the client after `info.title`',
    );
  }
  const nameSource =
    (explicit === undefined ? undefined : nameable(explicit)) ?? nameable(info.title) ?? UNTITLED;
  const clientName = exportName(pascalCase(nameSource), 'Client');
  const envPrefix =
    stringField(ext, 'envPrefix', file) ??
    (upperSnake(nameSource).replace(/^[^A-Z]+/, '') || upperSnake(UNTITLED));
  if (!/^[A-Z][A-Z0-9_]*$/.test(envPrefix)) {
    throw new GeneratorError(
      `\`x-sdk.envPrefix\` ${JSON.stringify(envPrefix)} is not an environment variable prefix`,
      { file, pointer: '#/x-sdk/envPrefix' },
      'use upper-case letters, digits and underscores, starting with a letter, e.g. `GIGS`',
    );
  }
  const packageName =
    overrides.packageName ??
    stringField(ext, 'packageName', file) ??
    `${kebabCase(nameSource) || kebabCase(UNTITLED)}-sdk`;
  if (!NPM_PACKAGE_NAME.test(packageName)) {
    throw new GeneratorError(
      `${JSON.stringify(packageName)} is not a valid npm package name`,
      overrides.packageName !== undefined
        ? { file: '--name' }
        : { file, pointer: '#/x-sdk/packageName' },
      'use lower-case letters, digits, `-`, `.` and `_`, optionally scoped: `@scope/name`',
    );
  }
  return {
    clientName,
    clientNameGiven: explicit,
    envPrefix,
    packageName,
    packageVersion: packageVersion(
      info.version,
      overrides.packageVersion ?? versionField(ext, file),
      overrides.packageVersion === undefined
        ? { file, pointer: '#/x-sdk/packageVersion' }
        : { file: '--package-version' },
      (version) =>
        warnings.add(
          'package-version',
          `info.version ${JSON.stringify(info.version)} is not a semantic version, so the package's version is ${version}`,
          { file, pointer: '#/info/version' },
          "set `x-sdk.packageVersion` to the SDK's version (`npm run release` writes it) or pass `--package-version`; `info.version` stays the API description's own version",
        ),
    ),
  };
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/**
 * npm needs a semantic version. The caller's (`--package-version`) or the spec's root
 * `x-sdk.packageVersion` (which `npm run release` writes) must be one; else `info.version` is used
 * when it is one or names one with parts left out (`1.2` → `1.2.0`, `v2` → `2.0.0`), and otherwise
 * becomes a prerelease of 0.0.0 (`2022-11-28` → `0.0.0-2022-11-28`),
 * with a warning: such a version sorts below every release, so npm users would not get it as an
 * update.
 */
function packageVersion(
  specVersion: string,
  given: string | undefined,
  source: { file: string; pointer?: string },
  derived: (version: string) => void,
): string {
  if (given !== undefined) {
    if (!SEMVER.test(given)) {
      throw new GeneratorError(
        `${JSON.stringify(given)} is not a semantic version`,
        source,
        'use a version like 1.2.3',
      );
    }
    return given;
  }
  if (SEMVER.test(specVersion)) return specVersion;
  // `1`, `1.2`, `v2.1`: the release it names, with the missing parts 0.
  const short = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(specVersion.trim());
  if (short !== null)
    return short
      .slice(1)
      .map((part) => Number(part ?? 0))
      .join('.');
  const tag = specVersion.replace(/[^0-9A-Za-z-]+/g, '-').replace(/^-+|-+$/g, '');
  const version = tag === '' ? '0.0.0' : `0.0.0-${tag}`;
  derived(version);
  return version;
}

/** `x-sdk.packageVersion`: the SDK's version, kept apart from the API description's `info.version`. */
function versionField(ext: Record<string, unknown>, file: string): string | undefined {
  return stringField(ext, 'packageVersion', file);
}

function stringField(ext: Record<string, unknown>, key: string, file: string): string | undefined {
  const value = ext[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new GeneratorError(
      `\`x-sdk.${key}\` must be a non-empty string`,
      { file, pointer: `#/x-sdk/${key}` },
      `set \`${key}\` to a string or remove it`,
    );
  }
  return value;
}
