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
  const servers = {
    base: serverURLs(docs.base.servers),
    head: serverURLs(docs.head.servers),
  };
  return changes.map((change) => {
    const rule = change.verdicts[0]?.ruleId;
    if (/^#\/servers\/\d+$/.test(change.path)) {
      const removed = change.kind === 'removed';
      const server = getByPointer(removed ? docs.base : docs.head, change.path);
      const url = isRecord(server) ? resolvedServer(server) : undefined;
      const other = removed ? servers.head : servers.base;
      if (url !== undefined && other.has(url) && isRecord(server)) {
        const written = `server \`${String(server.url)}\``;
        const was = getByPointer(docs.base, change.path);
        return asPatch(
          change,
          change.kind === 'modified' && isRecord(was)
            ? `${written} (was \`${String(was.url)}\`): the same URL, ${url}, so every request goes where it went`
            : `${written} ${removed ? 'removed' : 'added'}, and another server is the same URL, ${url}: every request goes where it went`,
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

/** Each server's URL as a client resolves it: variables at their defaults, no trailing `/`. */
function serverURLs(servers: unknown): Set<string> {
  const urls = new Set<string>();
  if (Array.isArray(servers))
    for (const server of servers) {
      const url = isRecord(server) ? resolvedServer(server) : undefined;
      if (url !== undefined) urls.add(url);
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
  return missing ? undefined : url.replace(/\/+$/, '');
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
