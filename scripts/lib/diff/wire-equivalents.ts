/**
 * Changes Redocly rates as it finds them in the text, read for what they do on the wire:
 * - a server written otherwise for the same URL (a trailing `/`, which the client's URL joining
 *   drops; `https://{host}.example.com` with `host` defaulting to `api`): no client sends
 *   elsewhere, so a patch, not "server removed" (major) beside "server added" (minor);
 * - an HTTP security scheme's `scheme` in another case (`bearer` → `Bearer`: auth scheme names are
 *   case-insensitive, RFC 9110 §11.1) or its `bearerFormat` (a hint that documents the token,
 *   OpenAPI 3.1.1 §4.8.27): the same `Authorization` header is sent, so a patch;
 * - an operation's `security` that now allows calls without a credential (`security: []`, or a
 *   `{}` among its requirements): Redocly says "security added", which reads as the opposite.
 */
import { isRecord } from '../../../generator/json.ts';
import { getByPointer, pointerTokens } from '../../../generator/pointer.ts';
import type { RedoclyChange } from './redocly-diff.ts';
import type { Level } from './rules.ts';

interface Docs {
  base: Record<string, unknown>;
  head: Record<string, unknown>;
}

export function withEquivalentsRead(changes: RedoclyChange[], docs: Docs): RedoclyChange[] {
  return changes.map((change) => {
    const rule = change.verdicts[0]?.ruleId;
    // A servers list (the root's, a path's, an operation's) whose URLs, resolved, are the same in
    // the same order: every request goes where it went, however they are written.
    const list = /^(.*)\/servers(?:\/\d+)?$/.exec(change.path)?.[1];
    if (list !== undefined) {
      const before = serverURLs(getByPointer(docs.base, `${list}/servers`));
      const after = serverURLs(getByPointer(docs.head, `${list}/servers`));
      if (before !== undefined && after !== undefined && before.join('\n') === after.join('\n')) {
        const server = getByPointer(change.kind === 'removed' ? docs.base : docs.head, change.path);
        const written = isRecord(server) ? `server \`${String(server.url)}\`` : 'the servers';
        return asPatch(
          change,
          `${written} written otherwise, the same URL${after.length === 1 ? '' : 's'} as before, in the same order (${after.join(', ')}): every request goes where it went`,
        );
      }
    }
    // Tags group operations in the docs (OpenAPI 3.1.1 §4.8.22): on the wire nothing changes. The
    // SDK's resources are named after them, and the SDK's side rates what that changes
    // (helper-134 7: a tag renamed read as "tag added", minor, with the SDK unchanged).
    if (
      (/^#\/tags(?:\/|$)/.test(change.path) ||
        /^#\/paths\/[^/]+\/[^/]+\/tags(?:\/|$)/.test(change.path)) &&
      change.impact !== 'patch'
    )
      return {
        ...change,
        impact: 'patch',
        verdicts: change.verdicts.map((verdict) => ({ ...verdict, impact: 'patch' })),
      };
    // Documentation of the API (helper-160 2): its `info` (contact, license, terms of service),
    // `externalDocs` anywhere. Nothing a request or response holds changes: a patch, as a
    // description changed is, not a minor as Redocly rates something added. (A licence is the
    // package's too: a patch all the same, as no code changes.)
    const documentation = documentationName(change);
    if (documentation !== undefined && change.impact !== 'patch')
      return asPatch(
        change,
        `${documentation} ${change.kind === 'modified' ? 'changed' : change.kind}: ${
          // build-package-meta.ts: the package's `license` is the spec's.
          /^#\/info\/license(\/|$)/.test(change.path)
            ? "the package's licence (package.json `license`) follows it"
            : 'documentation only'
        }, requests and responses are as before`,
      );
    if (rule === 'security-scheme-changed' && change.kind === 'modified') {
      const [from, to] = [change.base?.value, change.revision?.value];
      const name = /securitySchemes\/([^/]+)/.exec(change.path)?.[1] ?? 'the scheme';
      if (
        change.property === 'scheme' &&
        typeof from === 'string' &&
        typeof to === 'string' &&
        from.toLowerCase() === to.toLowerCase()
      )
        return asPatch(
          change,
          `\`scheme\` of security scheme \`${name}\` written \`${to}\` (was \`${from}\`): HTTP auth scheme names are case-insensitive (RFC 9110 §11.1), so the same credential is sent`,
        );
      if (change.property === 'bearerFormat')
        return asPatch(
          change,
          `\`bearerFormat\` of security scheme \`${name}\` ${typeof to === 'string' ? `set to \`${to}\`` : 'removed'}: it documents the token's format (OpenAPI 3.1.1 §4.8.27), the same \`Authorization\` header is sent`,
        );
    }
    // The root's requirements emptied (`security: []`): Redocly says "security requirement
    // `bearer` removed", a patch, where every operation that names none of its own needs no
    // credential now.
    if (/^#\/security(?:\/\d+)?$/.test(change.path)) {
      const requirements = docs.head.security;
      if (Array.isArray(requirements) && allowsNone(requirements))
        return withMessage(
          { ...change, impact: change.impact === 'patch' ? 'minor' : change.impact },
          'the root `security` allows calls without a credential now: every operation without `security` of its own no longer needs one, and the SDK stops sending its token for them',
        );
    }
    if (/\/security$/.test(change.path) && change.kind !== 'removed') {
      const requirements = getByPointer(docs.head, change.path);
      if (Array.isArray(requirements) && allowsNone(requirements))
        return withMessage(
          change,
          requirements.length === 0
            ? 'security `[]`: calls no longer need a credential, and the SDK stops sending its token for them'
            : 'security allows calls without a credential now (`{}` among its requirements): the SDK sends its token when it has one',
        );
    }
    return change;
  });
}

/**
 * A server variable's `enum` changed: each value is a URL the API is served at (OpenAPI 3.1.1
 * §4.8.6), so a value removed is a server removed, at that rule's level (`server-removed`), and a
 * value added a server added (minor), not "requests that send it are now rejected" (a parameter's
 * wording) at Redocly's patch. The SDK's default URL uses the variable's `default`, compared apart.
 */
export function withServerVariablesRead(
  changes: RedoclyChange[],
  docs: Docs,
  serverRemoved: Level,
): RedoclyChange[] {
  return changes.map((change) => {
    const at = /^(.*\/servers\/\d+)\/variables\/([^/]+)(?:\/enum)?$/.exec(change.path) ?? undefined;
    if (at === undefined || (change.property !== 'enum' && !change.path.endsWith('/enum')))
      return change;
    const [, serverPath, token] = at as unknown as [string, string, string];
    const name = pointerTokens(`#/${token}`)[0] ?? token;
    const values = (doc: Record<string, unknown>) => {
      const list = getByPointer(doc, `${serverPath}/variables/${token}/enum`);
      return Array.isArray(list)
        ? list.filter((v): v is string => typeof v === 'string')
        : undefined;
    };
    const [before, after] = [values(docs.base), values(docs.head)];
    // An enum added or dropped whole is Redocly's line: no enum allows any value.
    if (before === undefined || after === undefined) return change;
    const removed = before.filter((value) => !after.includes(value));
    const added = after.filter((value) => !before.includes(value));
    if (removed.length + added.length === 0) return change;
    const urls = (doc: Record<string, unknown>, list: string[]) => {
      const server = getByPointer(doc, serverPath);
      return list
        .map((value) => {
          if (!isRecord(server)) return `\`${value}\``;
          const url = resolvedServer(server, { [name]: value });
          return url === undefined ? `\`${value}\`` : `\`${value}\` (${url})`;
        })
        .join(', ');
    };
    const variable = `server variable \`${name}\``;
    const parts: string[] = [];
    if (removed.length > 0)
      parts.push(
        `enum ${removed.length > 1 ? 'values' : 'value'} ${urls(docs.base, removed)} removed: the API is no longer served there, so clients whose \`baseURL\` names ${removed.length > 1 ? 'them' : 'it'} must move`,
      );
    if (added.length > 0)
      parts.push(
        `enum ${added.length > 1 ? 'values' : 'value'} ${urls(docs.head, added)} added: the API is served there too`,
      );
    const level: Level = removed.length > 0 ? serverRemoved : 'minor';
    return {
      ...withMessage(change, `${variable}: ${parts.join('; ')}`),
      impact: level,
      verdicts: change.verdicts.map((verdict) => ({ ...verdict, impact: level })),
    };
  });
}

/**
 * Each server's URL as a client resolves it, in order: variables at their defaults, scheme and
 * host in lower case (RFC 3986 §6.2.2.1), no trailing `/`; undefined for no list, or a server
 * that cannot be resolved so.
 */
function serverURLs(servers: unknown): string[] | undefined {
  if (!Array.isArray(servers)) return undefined;
  const urls: string[] = [];
  for (const server of servers) {
    const url = isRecord(server) ? resolvedServer(server) : undefined;
    if (url === undefined) return undefined;
    urls.push(url);
  }
  return urls;
}

/** A server's URL with its variables at their defaults, or at the values `chosen` gives. */
function resolvedServer(
  server: Record<string, unknown>,
  chosen: Record<string, string> = {},
): string | undefined {
  if (typeof server.url !== 'string') return undefined;
  const variables = isRecord(server.variables) ? server.variables : {};
  let missing = false;
  const url = server.url.replace(/\{([^}]*)\}/g, (_, name: string) => {
    if (Object.hasOwn(chosen, name)) return chosen[name]!;
    const variable = variables[name];
    if (isRecord(variable) && typeof variable.default === 'string') return variable.default;
    missing = true;
    return '';
  });
  return missing ? undefined : normalURL(url);
}

/**
 * A base URL as requests use it: scheme and host in lower case (RFC 3986 §6.2.2.1), no trailing
 * `/` (one `/` joins it to a path either way: runtime/internal/url.ts).
 */
export function normalURL(url: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0];
  const normal = absolute === undefined ? url : absolute.toLowerCase() + url.slice(absolute.length);
  return normal.replace(/\/+$/, '');
}

function allowsNone(requirements: unknown[]): boolean {
  return (
    requirements.length === 0 ||
    requirements.some((entry) => isRecord(entry) && Object.keys(entry).length === 0)
  );
}

/**
 * The documentation a change is in, as a reader finds it (`` `info.contact` ``, `` `externalDocs` ``
 * of an operation or schema); undefined for a change that is not to documentation only.
 */
function documentationName(change: RedoclyChange): string | undefined {
  const tokens = pointerTokens(change.path);
  const property =
    change.kind === 'modified' && change.property !== undefined ? [change.property] : [];
  if (tokens[0] === 'info') return `\`${[...tokens, ...property].join('.')}\``;
  const docs = tokens.lastIndexOf('externalDocs');
  if (docs >= 0 || change.typeName === 'ExternalDocs')
    return `\`${[...tokens.slice(docs < 0 ? tokens.length : docs), ...property].join('.') || 'externalDocs'}\``;
  return undefined;
}

function asPatch(change: RedoclyChange, message: string): RedoclyChange {
  return {
    ...withMessage(change, message),
    impact: 'patch',
    verdicts: change.verdicts.map((verdict) => ({ ...verdict, impact: 'patch' })),
  };
}

function withMessage(change: RedoclyChange, message: string): RedoclyChange {
  return { ...change, said: message };
}

/**
 * A `propertyNames` subschema added to or removed from a schema is a constraint on its keys, as
 * Redocly rates it in a request body (`schema-constraint-changed`): in a response Redocly reports
 * it as a schema added or removed (`schema-added`, minor), which the changelog takes for a new
 * type an SDK line names, and its line said only "schema `propertyNames` added". Read as the
 * keyword changed on its schema, with no rule's verdict, it is said where the schema is used
 * ("keys longer than 40 characters are no longer returned"), at `level`, the constraint's.
 */
export function withKeySchemasAsConstraints(
  changes: RedoclyChange[],
  level: Level,
): RedoclyChange[] {
  return changes.map((change) => {
    if (change.typeName !== 'Schema' || change.kind === 'modified') return change;
    const keyword = /\/propertyNames$/.exec(change.path);
    if (keyword === null || change.verdicts.some((v) => v.ruleId === 'schema-constraint-changed'))
      return change;
    const [base, revision] =
      change.kind === 'added'
        ? [{ ...change.revision, value: undefined }, change.revision]
        : [change.base, { ...change.base, value: undefined }];
    return {
      ...change,
      path: change.path.slice(0, keyword.index),
      kind: 'modified',
      property: 'propertyNames',
      impact: level,
      verdicts: [],
      rule: 'schema-constraint-changed',
      base,
      revision,
    };
  });
}
