/**
 * URLs with credentials (`https://user:secret@host`) are refused: whatever URL the spec holds is
 * shipped in the package (the client's default base URL, the README, the bundled openapi.json, the
 * docs) and shows in error messages, so a password in one would be published with every release.
 *
 * Checked: every URL-valued field of the bundled document's OpenAPI objects (`url` of servers at
 * the root, on path items and operations, contact, license, external docs, `termsOfService`, OAuth
 * and OpenID Connect URLs, `x-sdk.repository`), and each server URL with its variables filled in by
 * their `default` and each `enum` value; each as written and as a browser or fetch would read it.
 * Values are data, not OpenAPI objects: a `url` inside an example, a default, an enum or const
 * value or a specification extension (`x-…`) is what the API sends or the spec's author noted, and
 * is published as written (public specs redact such examples as `***@`).
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { holdsObjects } from '../document-keys.ts';
import { isRecord } from '../json.ts';
import { findInObjects } from '../pointer.ts';

const URL_FIELDS = new Set([
  'url',
  'termsOfService',
  'openIdConnectUrl',
  'authorizationUrl',
  'tokenUrl',
  'refreshUrl',
]);

/** Where the check looks: not in data, extensions or an Example Object's `value`. */
const holdsUrls = (key: string) => key !== 'value' && holdsObjects(key);

/** `scheme://` followed by an authority that holds a `@`: RFC 3986's userinfo. */
const USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)@/;

/** Every URL with credentials, each at its place, in document order (empty when there is none). */
export function credentialProblems(
  document: Record<string, unknown>,
  file: string,
): GeneratorError[] {
  const problems: GeneratorError[] = [];
  const check = (url: string, pointer: string, template?: string) => {
    const problem = credentialProblem(url, pointer, file, template);
    if (problem !== undefined) problems.push(problem);
  };
  findInObjects(
    document,
    (node, pointer) => {
      for (const [key, value] of Object.entries(node))
        if (typeof value === 'string' && URL_FIELDS.has(key))
          check(value, joinPointer(pointer, key));
      if (typeof node.url === 'string' && isRecord(node.variables))
        checkServerVariables(node.url, node.variables, pointer, check);
      return undefined;
    },
    holdsUrls,
  );
  const sdk = document['x-sdk'];
  if (isRecord(sdk) && typeof sdk.repository === 'string')
    check(sdk.repository, '#/x-sdk/repository');
  return problems;
}

type Check = (url: string, pointer: string, template?: string) => void;

/** A server URL with each variable value put in (the others at their defaults). */
function checkServerVariables(
  url: string,
  variables: Record<string, unknown>,
  pointer: string,
  check: Check,
): void {
  const defaults = new Map<string, string>();
  for (const [name, variable] of Object.entries(variables))
    if (isRecord(variable) && typeof variable.default === 'string')
      defaults.set(name, variable.default);
  const fill = (name: string, value: string) =>
    url.replace(/\{([^{}]+)\}/g, (whole, other: string) =>
      other === name ? value : (defaults.get(other) ?? whole),
    );
  for (const [name, variable] of Object.entries(variables)) {
    if (!isRecord(variable)) continue;
    const at = joinPointer(pointer, 'variables', name);
    if (typeof variable.default === 'string')
      check(fill(name, variable.default), joinPointer(at, 'default'), url);
    if (Array.isArray(variable.enum)) {
      variable.enum.forEach((value, index) => {
        if (typeof value === 'string')
          check(fill(name, value), joinPointer(at, 'enum', index), url);
      });
    }
  }
}

/**
 * `url` with its credentials replaced by `***`, or undefined when it has none: as written
 * (`scheme://user:pass@`), or as the WHATWG URL parser (fetch, browsers) reads it, which also finds
 * them in `https:/user:pass@host`, `https:\\user:pass@host`, `//user:pass@host` and with tabs or
 * line breaks inside.
 */
function redacted(url: string): string | undefined {
  const written = USERINFO.exec(url.trim());
  if (written !== null) {
    if (isSshLogin(written[1]!.slice(0, -3), written[2]!.includes(':'))) return undefined;
    return url.trim().replace(USERINFO, '$1***@');
  }
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://base.invalid/');
  } catch {
    return undefined;
  }
  if (parsed.username === '' && parsed.password === '') return undefined;
  if (isSshLogin(parsed.protocol.slice(0, -1), parsed.password !== '')) return undefined;
  parsed.username = '***';
  parsed.password = '';
  return parsed.href;
}

/**
 * Schemes whose user name is the account to log in as, not a secret: npm's repository form
 * `git+ssh://git@github.com/acme/sdk.git` names the `git` account. A password is still refused.
 */
const SSH_SCHEMES = new Set(['ssh', 'git+ssh', 'ssh+git', 'sftp']);

function isSshLogin(scheme: string, hasPassword: boolean): boolean {
  return !hasPassword && SSH_SCHEMES.has(scheme.toLowerCase());
}

/** The problem of one URL with credentials, or undefined when it has none. */
function credentialProblem(
  url: string,
  pointer: string,
  file: string,
  template?: string,
): GeneratorError | undefined {
  const shown = redacted(url);
  if (shown === undefined) return undefined;
  return new GeneratorError(
    `the URL ${JSON.stringify(shown)}${template === undefined ? '' : ` (${JSON.stringify(redacted(template) ?? template)} with this value)`} carries credentials (\`user:password@\`); they would be published in the generated client, its README, the bundled openapi.json and the docs, and show in error messages`,
    { file, pointer },
    'remove the `user:password@` part from the URL; give credentials at run time instead (the client takes a token option and reads it from the environment)',
  );
}
