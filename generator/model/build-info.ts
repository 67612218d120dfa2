/**
 * `info`, the servers and the root `x-sdk` extension → ApiInfo and the package/client names. The
 * first root server is the client's default base URL (a relative one warned about: only a page can
 * resolve it); every server (root, path item, operation) is checked for a URL no client can send
 * requests to.
 */
import { pathItemEntries } from '../document-keys.ts';
import { GeneratorError, joinPointer, reporting } from '../errors.ts';
import { isRecord } from '../json.ts';
import { HTTP_METHODS } from './build-operations.ts';
import { packageRepository } from './build-package-meta.ts';
import { pathPlaceholders, templateProblem } from './path-template.ts';
import { asciiWords, pascalCase, words } from './names.ts';
import { exportName, kebabCase, npmNameProblem, upperSnake } from './sdk-names.ts';
import type { ApiInfo, PackageRepository } from './types.ts';
import type { Warnings } from '../warnings.ts';
import { hasEmptyHost, isBlockedPort } from '../../templates/runtime/internal/url.ts';

export interface SdkSettings {
  /** The client's name as wanted; the model claims it (build-client-exports.ts `claimClientName`). */
  clientName: string;
  /** `x-sdk.clientName` as written, when the spec gives one. */
  clientNameGiven: string | undefined;
  envPrefix: string;
  packageName: string;
  packageVersion: string;
  /** `x-sdk.repository` in npm's form (build-package-meta.ts), when the spec gives one. */
  repository: PackageRepository | undefined;
  /**
   * Whether `--name` and `--package-version` name another package name or version than the spec
   * alone does: the generation record keeps only options that change the output (write/record.ts).
   */
  overridden: { packageName: boolean; packageVersion: boolean };
}

/**
 * The API's name where the spec gives none to show or to name things after: its title when that is
 * missing, empty or blank, and the client's name (`API`, `API_` variables, `api-sdk`) when the title
 * has no letter to make one of (`!!!`, `🚀`, `2.0`).
 */
const UNTITLED = 'API';

/**
 * `info.version`, which OpenAPI requires as a string. YAML reads `version: 1.10` as the number 1.1:
 * the text the file writes is used (load/ keeps it: `writtenVersion`; else the number's), with a
 * warning that says to quote it; any other value is 0.0.0, with a warning.
 */
function apiVersion(
  version: unknown,
  report?: { file: string; warnings: Warnings; writtenVersion?: string },
): string {
  if (typeof version === 'string') return version;
  // A number as the file writes it (`1.10`, which YAML reads as 1.1), when load/ kept the text.
  const asWritten =
    typeof version === 'number' ? (report?.writtenVersion ?? String(version)) : undefined;
  const written = asWritten ?? JSON.stringify(version) ?? 'nothing';
  const read = asWritten ?? '0.0.0';
  report?.warnings.add(
    'info-version-type',
    version === undefined
      ? `info.version is missing (OpenAPI requires it); it is read as "${read}"`
      : `info.version must be a string, found ${written}${typeof version === 'number' ? ' (YAML reads an unquoted `1.0` as a number)' : ''}; it is read as "${read}"`,
    { file: report.file, pointer: version === undefined ? '#/info' : '#/info/version' },
    version === undefined
      ? "add the API's version to `info`, as a string: `version: '1.0.0'`"
      : `quote it as the API's version is written: \`version: '${asWritten ?? '1.0.0'}'\``,
  );
  return read;
}

export function buildInfo(
  doc: Record<string, unknown>,
  report?: { file: string; warnings: Warnings; writtenVersion?: string },
): ApiInfo {
  const info = isRecord(doc.info) ? doc.info : {};
  if (!isRecord(doc.info)) {
    // OpenAPI requires `info` with `title` and `version`: say so once, not as a version to quote.
    report?.warnings.add(
      'info-missing',
      `the document has no \`info\` object (OpenAPI requires one, with \`title\` and \`version\`), so the client is named \`${UNTITLED}\`, its variables \`${UNTITLED}_…\`, and the API's version is "0.0.0"`,
      { file: report.file, pointer: '#' },
      "add `info: { title: 'Shop API', version: '1.0.0' }` with the API's own title and version (the client, package and variables are named after the title; `x-sdk.clientName` names them otherwise)",
    );
  }
  const result: ApiInfo = {
    title: typeof info.title === 'string' && showsSomething(info.title) ? info.title : UNTITLED,
    version: isRecord(doc.info) ? apiVersion(info.version, report) : '0.0.0',
  };
  if (typeof info.description === 'string') result.description = info.description;
  const server = firstServerUrl(doc.servers);
  const unfilled =
    server === undefined ? undefined : unfilledTemplate(server.template, server.variables);
  const serverUrl = unfilled === undefined ? server?.url : undefined;
  if (server !== undefined && unfilled !== undefined) {
    // Sent as written, `{region}` is a host no request reaches (`%7Bregion%7D`).
    report?.warnings.add(
      'server:unfilled-template',
      `the server URL ${JSON.stringify(server.template)} (the first of the root \`servers\`) has ${unfilled.problem}, so the client has no default base URL`,
      { file: report.file, pointer: '#/servers/0/url' },
      `declare each variable of the URL under the server's \`variables\` with its value, \`variables: { ${unfilled.name}: { default: … } }\` (a brace the URL really holds is written %7B or %7D); callers pass \`baseURL\` meanwhile`,
    );
  } else if (serverUrl !== undefined && !isHttpOrPath(serverUrl)) {
    // `javascript:`, `file:`, `data:`, `ftp:`: not where a fetch client can send requests.
    report?.warnings.add(
      'server:url-scheme',
      `the server URL ${JSON.stringify(serverUrl)} (the first of the root \`servers\`) is not an http or https URL, so the client has no default base URL`,
      { file: report.file, pointer: '#/servers/0/url' },
      'write it with its scheme, `https://api.example.com/v1` (a host alone, `api.example.com:443`, reads as a scheme), or as a path such as `/v1`; callers pass `baseURL` meanwhile',
    );
  } else if (serverUrl !== undefined && !parses(serverUrl)) {
    // `https://example.com:99999/v1`, `https://exa mple.com`: every client built on the default
    // would throw at construction (helper-119 H4).
    report?.warnings.add(
      'server:invalid-url',
      `the server URL ${JSON.stringify(serverUrl)} (the first of the root \`servers\`) is not a valid URL to send requests to (RFC 3986 as the WHATWG URL parser reads it, with a host, on a port fetch connects to), so the client has no default base URL`,
      { file: report.file, pointer: '#/servers/0/url' },
      "write a URL that parses, such as `https://api.example.com/v1`: a host without spaces, an IPv6 address in brackets (`https://[::1]:8080`), a port from 1 to 65535 that fetch does not block (not 25, 6000, …: the Fetch standard's bad ports); callers pass `baseURL` meanwhile",
    );
  } else if (serverUrl !== undefined) {
    result.serverUrl = serverUrl;
    if (serverUrl.includes('#')) {
      // The runtime keeps a base URL's query (`?api-version=…`) in every request, and drops its
      // fragment, which no request carries (RFC 3986 §3.5; templates/runtime/internal/url.ts).
      report?.warnings.add(
        'server:url-fragment',
        `the server URL ${JSON.stringify(serverUrl)} (the first of the root \`servers\`) has a fragment (\`#${serverUrl.slice(serverUrl.indexOf('#') + 1)}\`), which no request carries: the client drops it`,
        { file: report.file, pointer: '#/servers/0/url' },
        `remove the fragment: \`${serverUrl.slice(0, serverUrl.indexOf('#'))}\``,
      );
    }
    if (isRelative(serverUrl)) {
      result.serverUrlRelative = true;
      // OpenAPI 3.1 §4.8.5: relative to where the description is served, which a client outside a
      // browser does not know.
      report?.warnings.add(
        'server:relative-url',
        `the server URL ${JSON.stringify(serverUrl)} (the first of the root \`servers\`) is relative, so the client's default base URL is relative: in a browser it is resolved against the page; elsewhere (Node, Deno, Bun) calls fail until callers pass an absolute \`baseURL\``,
        { file: report.file, pointer: '#/servers/0/url' },
        "write the API's absolute URL first, `https://api.example.com/api`, for a default that works everywhere; or keep it, and callers outside a browser pass `baseURL: 'https://…/api'`",
      );
    }
  }
  if (report !== undefined) {
    warnUnusableServers(doc, report);
  }
  return result;
}

/**
 * Whether `url` is an http(s) URL or a path (no scheme): what a fetch client can send requests to.
 * Read as the WHATWG URL parser reads it, which drops leading and trailing spaces and controls and
 * every tab and line break (` javascript:…` and `java\tscript:…` are `javascript:` URLs).
 */
function isHttpOrPath(url: string): boolean {
  const read = url
    // eslint-disable-next-line no-control-regex -- C0 controls are what the URL parser drops
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .replace(/[\t\n\r]/g, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(read);
  return scheme === null || /^https?$/i.test(scheme[1]!);
}

/**
 * Whether the WHATWG URL parser reads `url` (a relative one against an http base): what the
 * runtime needs of a base URL (templates/runtime/internal/url.ts `baseURLProblem`).
 */
function parses(url: string): boolean {
  // `https:///v1`: the parser skips the empty host and reads `v1` as the host (helper-121 V11).
  if (hasEmptyHost(url)) return false;
  const read = isRelative(url)
    ? URL.canParse(url, 'https://host.invalid/')
      ? new URL(url, 'https://host.invalid/')
      : undefined
    : URL.canParse(url)
      ? new URL(url)
      : undefined;
  // A port fetch never connects to (the Fetch standard's "bad port" list, and 0): every call
  // failed as a connection error, retried.
  return read !== undefined && !isBlockedPort(read);
}

/** Whether an http(s) URL or path has no scheme (`/api`, `./v1`, `v2`, `//host/x`): a relative reference. */
function isRelative(url: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url.trim());
}

/**
 * Every server of the spec other than the client's default (the first root server with its
 * variables' defaults, checked above): each root server, each path item's and each operation's,
 * with each variable's `enum` values put in too. One that is not http(s) is a warning naming the
 * server and its place; the same URL elsewhere is counted, not repeated.
 */
function warnUnusableServers(
  doc: Record<string, unknown>,
  report: { file: string; warnings: Warnings },
): void {
  const lists: { pointer: string; owner: string; servers: unknown }[] = [
    { pointer: '#/servers', owner: 'the root', servers: doc.servers },
  ];
  for (const [path, item] of pathItemEntries(doc.paths)) {
    if (!isRecord(item)) continue;
    const at = joinPointer('#/paths', path);
    lists.push({
      pointer: joinPointer(at, 'servers'),
      owner: `path ${path}`,
      servers: item.servers,
    });
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      lists.push({
        pointer: joinPointer(at, method, 'servers'),
        owner: `${method.toUpperCase()} ${path}`,
        servers: operation.servers,
      });
    }
  }
  for (const { pointer, owner, servers } of lists) {
    if (!Array.isArray(servers)) continue;
    servers.forEach((server: unknown, index) => {
      if (!isRecord(server) || typeof server.url !== 'string') return;
      const at = joinPointer(pointer, index);
      warnDefaultsOutsideEnum(
        server.variables,
        at,
        `server ${index + 1} of ${owner}'s \`servers\``,
        report,
      );
      warnValuesThatReshapeTheUrl(
        server.url,
        server.variables,
        at,
        `server ${index + 1} of ${owner}'s \`servers\``,
        report,
      );
      for (const variant of serverUrls(server.url, server.variables, at)) {
        // The client's default base URL: warned about above, as what it costs.
        if (variant.pointer === '#/servers/0/url') continue;
        if (isHttpOrPath(variant.url) && !parses(variant.url)) {
          report.warnings.add(
            `server:invalid-url:${variant.url}`,
            `the server URL ${JSON.stringify(variant.url)}${variant.template === undefined ? '' : ` (${JSON.stringify(variant.template)} with this value)`} (server ${index + 1} of ${owner}'s \`servers\`) is not a valid URL to send requests to (RFC 3986 as the WHATWG URL parser reads it, with a host, on a port fetch connects to): no client can send requests there`,
            { file: report.file, pointer: variant.pointer },
            'write a URL that parses, such as `https://api.example.com/v1`: a host without spaces, an IPv6 address in brackets, a port from 1 to 65535 that fetch does not block; or remove the server',
          );
          continue;
        }
        if (isHttpOrPath(variant.url)) continue;
        report.warnings.add(
          `server:url-scheme:${variant.url}`,
          `the server URL ${JSON.stringify(variant.url)}${variant.template === undefined ? '' : ` (${JSON.stringify(variant.template)} with this value)`} (server ${index + 1} of ${owner}'s \`servers\`) is not an http or https URL: no client can send requests there`,
          { file: report.file, pointer: variant.pointer },
          'write it with its scheme, `https://api.example.com/v1`, or as a path such as `/v1`, or remove the server',
        );
      }
    });
  }
}

/**
 * A server variable whose `default` is not one of its `enum` values (OpenAPI 3.1.1 §4.8.6: it
 * must be one; 3.0: should be): the client's base URL, built from the defaults, is then a URL
 * the spec says the server does not take. A warning at the `default`. An empty `enum` (which
 * OpenAPI forbids) is a warning at the `enum`.
 */
function warnDefaultsOutsideEnum(
  rawVariables: unknown,
  at: string,
  server: string,
  report: { file: string; warnings: Warnings },
): void {
  if (!isRecord(rawVariables)) return;
  for (const [name, variable] of Object.entries(rawVariables)) {
    if (isRecord(variable) && Array.isArray(variable.enum) && variable.enum.length === 0) {
      // OpenAPI 3.1.1 §4.8.6: "The array MUST NOT be empty"; read as no enum.
      report.warnings.add(
        `server:empty-enum:${name}`,
        `the variable \`${name}\` (${server}) has an empty \`enum\`, which OpenAPI forbids (it lists the values the server takes, at least one): it is read as no enum, any value`,
        { file: report.file, pointer: joinPointer(at, 'variables', name, 'enum') },
        `list the values the server takes (e.g. \`enum: [${JSON.stringify(typeof variable.default === 'string' ? variable.default : 'prod')}]\`), or remove \`enum\``,
      );
      continue;
    }
    if (!isRecord(variable) || !Array.isArray(variable.enum)) continue;
    if (typeof variable.default !== 'string' || variable.enum.includes(variable.default)) continue;
    const values = variable.enum.map((value: unknown) => JSON.stringify(value)).join(', ');
    report.warnings.add(
      `server:default-not-in-enum:${name}`,
      `the default ${JSON.stringify(variable.default)} of the variable \`${name}\` (${server}) is not one of its enum values (${values}): the URL built from the defaults is one the spec says the server does not take (OpenAPI 3.1.1 §4.8.6: the default must be one of them)`,
      { file: report.file, pointer: joinPointer(at, 'variables', name, 'default') },
      `make the default one of ${values}, or add ${JSON.stringify(variable.default)} to the enum`,
    );
  }
}

/**
 * A server variable's `default` or `enum` value holding a character that cuts the part of the URL
 * the variable stands in (RFC 3986 §3) where the template goes on after it: `/` or `?` in the host
 * (`{tenant}` = `acme/evil` in `https://{tenant}.example.com` sends every call to the host `acme`),
 * `?` in the path; anywhere, `#` (a fragment, never sent), a space (no URL holds one), and in the
 * host `\` (an `@` makes credentials, refused on its own). The values are put in as they are
 * (OpenAPI 3.1.1 §4.8.6: substituted, not encoded), so the URL is another than the spec means. A
 * variable that ends its part may start the next (`https://{host}` with `api.example.com/v1`).
 */
function warnValuesThatReshapeTheUrl(
  url: string,
  rawVariables: unknown,
  at: string,
  server: string,
  report: { file: string; warnings: Warnings },
): void {
  if (!isRecord(rawVariables)) return;
  // Each part ends where the template (its variables blanked) has the character that ends it.
  const blank = url.replace(/\{[^{}]*\}/g, (whole) => '_'.repeat(whole.length));
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(blank)?.[0].length ?? 0;
  const authorityEnd = scheme === 0 ? 0 : blank.slice(scheme).search(/[/?#]|$/) + scheme;
  const queryStart = blank.indexOf('?');
  for (const [name, variable] of Object.entries(rawVariables)) {
    if (!isRecord(variable)) continue;
    const place = url.indexOf(`{${name}}`);
    if (place === -1) continue;
    const inHost = place < authorityEnd;
    const part = inHost ? 'host' : queryStart !== -1 && place > queryStart ? 'query' : 'path';
    // Where the template goes on in the same part after the variable (`{tenant}.example.com`), a
    // character that ends the part cuts it there; a variable that ends its part may start the
    // next one (`https://{host}` with `api.example.com/v1`, `{basePath}` with `/v1?x=1`).
    const partEnd = inHost
      ? authorityEnd
      : part === 'path' && queryStart !== -1
        ? queryStart
        : url.length;
    const continues = url.slice(place + name.length + 2, partEnd).replace(/\{[^{}]*\}/g, '') !== '';
    const ending = new RegExp(
      `[\\s#${inHost ? '\\\\' : ''}${continues ? (inHost ? '/?' : part === 'path' ? '?' : '') : ''}]`,
      'u',
    );
    const values: [unknown, string][] = [
      [variable.default, joinPointer(at, 'variables', name, 'default')],
      ...(Array.isArray(variable.enum) ? variable.enum : []).map(
        (value: unknown, i): [unknown, string] => [
          value,
          joinPointer(at, 'variables', name, 'enum', i),
        ],
      ),
    ];
    for (const [value, pointer] of values) {
      if (typeof value !== 'string') continue;
      const found = ending.exec(value)?.[0];
      if (found === undefined) continue;
      report.warnings.add(
        `server:value-reshapes-url:${name}`,
        `the value ${JSON.stringify(value)} of the variable \`${name}\` (${server}) holds ${JSON.stringify(found)}, which ${/\s/u.test(found) ? 'no URL holds' : `ends the URL's ${part} where \`{${name}}\` stands`}: a server variable is put in as written (OpenAPI 3.1.1 §4.8.6), so the URL is another than the one meant`,
        { file: report.file, pointer },
        part === 'host'
          ? 'make it a host name or a part of one (letters, digits, `-` and `.`)'
          : `percent-encode it (${JSON.stringify(found)} as ${encodeURIComponent(found)}), or remove it from the value`,
      );
    }
  }
}

/**
 * The servers of the paths and operations that have their own (OpenAPI 3.1.1 §4.8.9.1,
 * §4.8.10.1: they override the root's), by `<method> <path>`: the first one's URL with its
 * variables at their defaults, when it is other than the client's default (the first root
 * server). An absolute http(s) one takes the calls while the caller gives the client no
 * `baseURL`. A relative one (`/uploads`, `v2`) is relative to where the description is served
 * (§4.8.5), which the SDK does not know; the root's server is relative to that same place, so the
 * client resolves it against its base URL, whichever it uses (RFC 3986 §5.2): `/uploads` against
 * `https://api.example.com/v1` is `https://api.example.com/uploads`. Before, a relative one was
 * left out with a warning, and its calls went to the base URL's path.
 */
export function operationServers(
  doc: Record<string, unknown>,
  defaultUrl: string | undefined,
): Map<string, string> {
  const found = new Map<string, string>();
  const firstUrl = (servers: unknown, pointer: string): string | undefined => {
    if (!Array.isArray(servers)) return undefined;
    const [server] = servers as unknown[];
    if (!isRecord(server) || typeof server.url !== 'string') return undefined;
    if (unfilledTemplate(server.url, server.variables) !== undefined) return undefined;
    const url = (serverUrls(server.url, server.variables, pointer)[0]?.url ?? server.url).trim();
    // Those no client can send to are warned about as such (warnUnusableServers).
    return url !== '' && isHttpOrPath(url) && parses(url) ? url : undefined;
  };
  for (const [path, item] of pathItemEntries(doc.paths)) {
    if (!isRecord(item)) continue;
    const at = joinPointer('#/paths', path);
    const shared = firstUrl(item.servers, joinPointer(at, 'servers', 0));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const opAt = joinPointer(at, method);
      const url = firstUrl(operation.servers, joinPointer(opAt, 'servers', 0)) ?? shared;
      if (url !== undefined && url !== defaultUrl) found.set(`${method} ${path}`, url);
    }
  }
  return found;
}

/**
 * A server's URL with its variables at their defaults (at `<server>/url`), and with each `enum`
 * value of each variable put in, the others at their defaults (at that value).
 */
function serverUrls(
  url: string,
  rawVariables: unknown,
  at: string,
): { url: string; pointer: string; template?: string }[] {
  const variables = isRecord(rawVariables) ? rawVariables : {};
  const defaults = new Map<string, string>();
  for (const [name, variable] of Object.entries(variables))
    if (isRecord(variable) && typeof variable.default === 'string')
      defaults.set(name, variable.default);
  const fill = (name?: string, value?: string) =>
    url.replace(/\{([^{}]+)\}/g, (whole, other: string) =>
      other === name && value !== undefined ? value : (defaults.get(other) ?? whole),
    );
  const result: { url: string; pointer: string; template?: string }[] = [
    { url: fill(), pointer: joinPointer(at, 'url') },
  ];
  for (const [name, variable] of Object.entries(variables)) {
    if (!isRecord(variable) || !Array.isArray(variable.enum)) continue;
    variable.enum.forEach((value: unknown, index) => {
      if (typeof value === 'string')
        result.push({
          url: fill(name, value),
          pointer: joinPointer(at, 'variables', name, 'enum', index),
          template: url,
        });
    });
  }
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

/** The first server's URL as written, its variables, and the URL with their defaults filled in. */
function firstServerUrl(
  servers: unknown,
): { template: string; variables: unknown; url: string } | undefined {
  if (!Array.isArray(servers) || !isRecord(servers[0]) || typeof servers[0].url !== 'string')
    return undefined;
  const { url: template, variables } = servers[0];
  return { template, variables, url: serverUrls(template, variables, '#/servers/0')[0]!.url };
}

/**
 * What of a server URL's template no variable fills: a `{name}` without a variable of that name
 * and a string default, or a brace no template reads (an unclosed `{`, a stray `}`); with the
 * variable's name for the fix (`name` when there is none).
 */
function unfilledTemplate(
  template: string,
  variables: unknown,
): { problem: string; name: string } | undefined {
  const malformed = templateProblem(template);
  if (malformed !== undefined) return { problem: malformed, name: 'name' };
  const declared = isRecord(variables) ? variables : {};
  const left = [...new Set(pathPlaceholders(template))].filter((name) => {
    const variable = Object.hasOwn(declared, name) ? declared[name] : undefined;
    return !isRecord(variable) || typeof variable.default !== 'string';
  });
  if (left.length === 0) return undefined;
  return {
    problem: `${left.map((name) => `{${name}}`).join(', ')} but declares no such ${left.length === 1 ? 'variable' : 'variables'}`,
    name: /^[A-Za-z_$][\w$]*$/.test(left[0]!) ? left[0]! : JSON.stringify(left[0]),
  };
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
  warnUnknownSettings(ext, file, warnings);
  // Every setting is checked, a wrong one standing in with the derived value, so that one run
  // reports them all (with the rest of the spec's problems: build.ts).
  const problems: GeneratorError[] = [];
  const field = (key: string) => reporting(problems, () => stringField(ext, key, file));
  // Derived names start from the words of the text (`GitHub v3 REST API`), not from the PascalCase
  // name, which has lost the word boundaries (`GitHubV3RESTAPI`). A title without a letter names
  // things as a missing one does (`API`); a `clientName` without one is refused, being asked for.
  const explicit = field('clientName');
  if (explicit !== undefined && nameable(explicit) === undefined) {
    problems.push(
      new GeneratorError(
        `\`x-sdk.clientName\` ${JSON.stringify(explicit)} has no letter to make a class name of`,
        { file, pointer: '#/x-sdk/clientName' },
        'write the name the client class should have, e.g. `clientName: Gigs`, or remove it to name the client after `info.title`',
      ),
    );
  }
  // Words are made a class name (`shop api` → `ShopApi`); other characters are not words, and
  // dropping them would publish a class, package and variables the author never wrote.
  const stray = explicit === undefined ? undefined : /[^\p{L}\p{N} _.-]/u.exec(explicit)?.[0];
  if (stray !== undefined) {
    problems.push(
      new GeneratorError(
        `\`x-sdk.clientName\` ${JSON.stringify(explicit)} is not a class name: it has ${JSON.stringify(stray)}, which no name has`,
        { file, pointer: '#/x-sdk/clientName' },
        'write the name the client class should have (letters and digits, words joined as in `Gigs Core` → `GigsCore`), e.g. `clientName: Gigs`',
      ),
    );
  }
  const nameSource =
    (explicit === undefined ? undefined : nameable(explicit)) ?? nameable(info.title) ?? UNTITLED;
  const clientName = exportName(pascalCase(nameSource), 'Client');
  const givenEnvPrefix = field('envPrefix');
  const envPrefix =
    givenEnvPrefix ?? (upperSnake(nameSource).replace(/^[^A-Z]+/, '') || upperSnake(UNTITLED));
  if (!/^[A-Z][A-Z0-9_]*$/.test(envPrefix)) {
    problems.push(
      new GeneratorError(
        `\`x-sdk.envPrefix\` ${JSON.stringify(envPrefix)} is not an environment variable prefix`,
        { file, pointer: '#/x-sdk/envPrefix' },
        'use upper-case letters, digits and underscores, starting with a letter, e.g. `GIGS`',
      ),
    );
  }
  const givenPackageName = field('packageName');
  const specPackageName = givenPackageName ?? `${kebabCase(nameSource) || kebabCase(UNTITLED)}-sdk`;
  const packageName = overrides.packageName ?? specPackageName;
  // Words of another script (`用户服务 API`) name the client class, but not the npm package or the
  // environment variables, which are ASCII: named after the ASCII words alone, or "API", they would
  // collide with every other such API's (`api-sdk`, `API_TOKEN`).
  const unwritten = words(nameSource).filter((word) => !/^[A-Za-z0-9]+$/.test(word));
  const derived = [
    ...(overrides.packageName === undefined && givenPackageName === undefined
      ? [`the package \`${packageName}\``]
      : []),
    ...(givenEnvPrefix === undefined ? [`the variables \`${envPrefix}_…\``] : []),
  ];
  if (unwritten.length > 0 && derived.length > 0)
    warnings.add(
      'name-not-ascii',
      `${explicit === undefined ? 'info.title' : '`x-sdk.clientName`'} ${JSON.stringify(nameSource)} has words npm package names and environment variables cannot hold (${unwritten.map((word) => JSON.stringify(word)).join(', ')}), so ${derived.join(' and ')} are named after ${asciiWords(nameSource).length > 0 ? 'its other words alone' : `"${UNTITLED}"`}`,
      { file, pointer: explicit === undefined ? '#/info/title' : '#/x-sdk/clientName' },
      "name them in the spec's root: `x-sdk: { packageName: user-service-sdk, envPrefix: USER_SERVICE }`, with names of your API",
    );
  const nameProblem = npmNameProblem(packageName);
  if (nameProblem !== undefined) {
    problems.push(
      new GeneratorError(
        `${JSON.stringify(packageName)} is not a valid npm package name: ${nameProblem}`,
        overrides.packageName !== undefined
          ? { file: '--name' }
          : { file, pointer: '#/x-sdk/packageName' },
        'use lower-case letters, digits, `-`, `.` and `_` (at most 214 characters, not a Node.js module name such as `http`), optionally scoped: `@scope/name`',
      ),
    );
  }
  const version = reporting(problems, () =>
    packageVersion(
      info.version,
      overrides.packageVersion ?? versionField(ext, file),
      overrides.packageVersion === undefined
        ? { file, pointer: '#/x-sdk/packageVersion' }
        : { file: '--package-version' },
      (derived) =>
        warnings.add(
          'package-version',
          `info.version ${JSON.stringify(info.version)} is not a semantic version, so the package's version is ${derived}`,
          { file, pointer: '#/info/version' },
          "set `x-sdk.packageVersion` to the SDK's version (`npm run release` writes it) or pass `--package-version`; `info.version` stays the API description's own version",
        ),
    ),
  );
  const repository = reporting(problems, () => packageRepository(doc, file));
  if (problems.length > 0 || version === undefined) throw GeneratorError.all(problems);
  return {
    clientName,
    clientNameGiven: explicit,
    envPrefix,
    packageName,
    packageVersion: version,
    repository,
    overridden: {
      packageName: overrides.packageName !== undefined && overrides.packageName !== specPackageName,
      packageVersion:
        overrides.packageVersion !== undefined &&
        overrides.packageVersion !== specPackageVersion(info.version, ext, file),
    },
  };
}

/** The root `x-sdk` settings the generator reads (here and build-package-meta.ts). */
const SETTINGS = ['clientName', 'envPrefix', 'packageName', 'packageVersion', 'repository'];
/** Root `x-sdk` keys the toolchain's other commands read: `npm run diff`'s promise (rules.ts). */
const TOOLCHAIN_KEYS = ['compatibility'];

/**
 * A root `x-sdk` key the generator does not read (`clientname`, a setting it has not): what it
 * asks for is not done, so it is warned about, with the setting it looks like.
 */
function warnUnknownSettings(ext: Record<string, unknown>, file: string, warnings: Warnings): void {
  const plain = (key: string) => key.toLowerCase().replace(/[-_]/g, '');
  for (const key of Object.keys(ext)) {
    if (SETTINGS.includes(key) || TOOLCHAIN_KEYS.includes(key)) continue;
    const meant = [...SETTINGS, ...TOOLCHAIN_KEYS].find((setting) => plain(setting) === plain(key));
    warnings.add(
      'x-sdk:unknown-key',
      `\`x-sdk.${key}\` is not a setting of the generator, so it does nothing`,
      { file, pointer: joinPointer('#/x-sdk', key) },
      `${meant === undefined ? '' : `did you mean \`${meant}\`? `}the settings are ${SETTINGS.map((setting) => `\`${setting}\``).join(', ')}, and ${TOOLCHAIN_KEYS.map((key) => `\`${key}\``).join(', ')} for \`npm run diff\`; fix its spelling or remove it`,
    );
  }
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

/** The package's version the spec alone gives; undefined when that is not a version. */
function specPackageVersion(
  specVersion: string,
  ext: Record<string, unknown>,
  file: string,
): string | undefined {
  try {
    return packageVersion(specVersion, versionField(ext, file), { file }, () => undefined);
  } catch {
    return undefined;
  }
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
