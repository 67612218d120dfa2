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
import { getByPointer } from '../../../generator/pointer.ts';
import type { RedoclyChange } from './redocly-diff.ts';

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

function resolvedServer(server: Record<string, unknown>): string | undefined {
  if (typeof server.url !== 'string') return undefined;
  const variables = isRecord(server.variables) ? server.variables : {};
  let missing = false;
  const url = server.url.replace(/\{([^}]*)\}/g, (_, name: string) => {
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
