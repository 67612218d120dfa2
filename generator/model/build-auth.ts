/**
 * `components.securitySchemes` → AuthModel[], in spec order. OAuth 2 and OpenID Connect tokens are
 * sent as bearer tokens, so they become `bearer` too; the client never runs those flows itself.
 * Of these, `tokenAuth` picks the one the client fills from its `token` option; the client, the
 * README and the docs samples all follow that one choice.
 */
import { eachReporting, GeneratorError, joinPointer } from '../errors.ts';
import { getByRef, refOf } from '../pointer.ts';
import { isRecord } from '../json.ts';
import type { Warnings } from '../warnings.ts';
import type { AuthModel, OperationModel } from './types.ts';

/** RFC 9110 §5.6.2 `token`: what a header field name (and a cookie name) may hold. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The names `components.securitySchemes` declares, whatever their type (OpenAPI 3.1.1 §4.8.27). */
export function declaredSchemeNames(doc: Record<string, unknown>): Set<string> {
  const components = isRecord(doc.components) ? doc.components : {};
  return new Set(
    isRecord(components.securitySchemes) ? Object.keys(components.securitySchemes) : [],
  );
}

export function buildAuth(
  doc: Record<string, unknown>,
  file: string,
  warnings: Warnings,
): AuthModel[] {
  const components = isRecord(doc.components) ? doc.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const auth: AuthModel[] = [];
  // Every scheme's problem in one run.
  eachReporting(Object.entries(schemes), ([schemeName, raw]) => {
    const pointer = joinPointer('#/components/securitySchemes', schemeName);
    const ref = refOf(raw);
    const scheme = ref === undefined ? raw : getByRef(doc, ref);
    if (!isRecord(scheme)) {
      throw new GeneratorError(
        `security scheme ${JSON.stringify(schemeName)} is not an object`,
        { file, pointer },
        'define the scheme with `type: http` (and `scheme: bearer`), `type: apiKey` or `type: oauth2`',
      );
    }
    const model = authModel(schemeName, scheme, pointer, file);
    if (model !== undefined) auth.push(model);
    else warnUnsentScheme(schemeName, scheme, { file, pointer }, warnings);
  });
  return auth;
}

/**
 * The scheme the client fills from its `token`. Schemes that send the same credential the same
 * way ({@link credentialWay}: every OAuth 2 flow, OpenID Connect and HTTP bearer alike) count as
 * one. The way is the root `security`'s (OpenAPI 3.1 §4.8.1: the API's own requirement, which
 * every operation without one of its own takes), else the one the most operations' effective
 * `security` names (§4.8.10), so that one OAuth operation beside an API of API-key operations does
 * not turn the token into a bearer token for all of them. Among that way's schemes, or among all
 * when no requirement names any (a scheme declared but required nowhere, a legacy one, must not
 * carry the token in place of the one the API asks for): the first bearer scheme, else the first
 * API key in a header, else in the query, else in a cookie (which browsers do not let scripts
 * set; helper-147), else HTTP Basic (the token is then `username:password`); undefined when there
 * is none of these.
 */
export function tokenAuth(
  schemes: readonly AuthModel[],
  operations: readonly Pick<OperationModel, 'security'>[] = [],
  root: readonly string[] = [],
): AuthModel | undefined {
  const byName = new Map(schemes.map((scheme) => [scheme.schemeName, scheme]));
  const waysOf = (names: Iterable<string>) =>
    new Set(
      [...names].flatMap((name) => {
        const scheme = byName.get(name);
        return scheme === undefined ? [] : [credentialWay(scheme)];
      }),
    );
  let ways = waysOf(root);
  if (ways.size === 0) {
    const uses = new Map<string, number>();
    for (const operation of operations)
      for (const way of waysOf((operation.security?.alternatives ?? []).flat()))
        uses.set(way, (uses.get(way) ?? 0) + 1);
    const most = Math.max(0, ...uses.values());
    ways = new Set([...uses].filter(([, count]) => count === most).map(([way]) => way));
  }
  // The schemes of that way a requirement names (`lower` over an `upper` no one requires, which
  // sends the same header); all schemes when none names any.
  const named = new Set([
    ...root,
    ...operations.flatMap((operation) => (operation.security?.alternatives ?? []).flat()),
  ]);
  const candidates =
    ways.size === 0
      ? schemes
      : schemes.filter((scheme) => named.has(scheme.schemeName) && ways.has(credentialWay(scheme)));
  const apiKeyIn = (place: string) =>
    candidates.find((scheme) => scheme.kind === 'apiKey' && scheme.in === place);
  return (
    candidates.find((scheme) => scheme.kind === 'bearer') ??
    apiKeyIn('header') ??
    apiKeyIn('query') ??
    apiKeyIn('cookie') ??
    candidates.find((scheme) => scheme.kind === 'basic')
  );
}

/** The schemes the root `security` names, in order (every alternative's). */
export function rootSchemeNames(doc: Record<string, unknown>): string[] {
  const security = doc['security'];
  if (!Array.isArray(security)) return [];
  return security.flatMap((requirement) => (isRecord(requirement) ? Object.keys(requirement) : []));
}

/**
 * Whether every operation can be called without the token although some take one: each has an
 * effective `security` with a `{}` alternative (OpenAPI 3.1 §4.8.10: "optional"), or one of the
 * client's other credentials only (`credentialAlternatives`). A spec that declares security
 * nowhere is not one (its schemes are taken as required everywhere), nor one without operations.
 */
export function isTokenOptional(
  operations: readonly Pick<OperationModel, 'security' | 'credentialAlternatives'>[],
  token: AuthModel,
): boolean {
  return (
    operations.length > 0 &&
    operations.every(
      (operation) =>
        operation.security !== undefined &&
        // `security: []` (none at all) or `[{}]`: the operation takes no credential.
        (operation.security.alternatives.length === 0 ||
          operation.security.alternatives.some((names) => names.length === 0) ||
          operation.credentialAlternatives?.some((names) => !names.includes(token.schemeName)) ===
            true),
    )
  );
}

/**
 * How a scheme's credential travels: schemes with the same way take the same credential, so the
 * token meets a requirement of any of them. OAuth 2, OpenID Connect and HTTP bearer all send
 * `Authorization: Bearer <token>`; an API key is its place and name (a header's name in any case,
 * RFC 9110 §5.1; query and cookie names as written).
 */
export function credentialWay(scheme: AuthModel): string {
  switch (scheme.kind) {
    case 'bearer':
    case 'basic':
      return scheme.kind;
    case 'apiKey':
      return `${scheme.in} ${scheme.in === 'header' ? scheme.name.toLowerCase() : scheme.name}`;
  }
}

/**
 * Two schemes of one Security Requirement Object (all sent together) that send their credentials
 * another way each but in the same place: `bearer` and `basic` (both the `Authorization` header),
 * or an API key in `authorization` beside either. A request carries one such header, so the
 * requirement cannot be met (OpenAPI 3.1.1 §4.8.30). Undefined when there are none; the words
 * for the warning otherwise.
 */
export function placeClash(schemes: readonly AuthModel[]): string | undefined {
  const byPlace = new Map<string, AuthModel>();
  for (const scheme of schemes) {
    const place = credentialPlace(scheme);
    const other = byPlace.get(place);
    if (other !== undefined && credentialWay(other) !== credentialWay(scheme))
      return `${JSON.stringify(other.schemeName)} and ${JSON.stringify(scheme.schemeName)} both send their credential in ${placeWords(scheme)}, and a request carries one`;
    byPlace.set(place, scheme);
  }
  return undefined;
}

/** Where a scheme's credential goes on a request: a header's name in any case, a query or cookie name. */
function credentialPlace(scheme: AuthModel): string {
  return scheme.kind === 'apiKey'
    ? `${scheme.in} ${scheme.in === 'header' ? scheme.name.toLowerCase() : scheme.name}`
    : 'header authorization';
}

function placeWords(scheme: AuthModel): string {
  if (scheme.kind !== 'apiKey') return 'the Authorization header';
  const name = JSON.stringify(scheme.name);
  return scheme.in === 'header'
    ? `the ${name} header`
    : scheme.in === 'query'
      ? `the ${name} query parameter`
      : `the ${name} cookie`;
}

/**
 * Warns, once per set of schemes, about operations whose security the client cannot meet: it sends
 * its token the way the scheme `tokenAuth` picked sends it, and its other `credentials` one per
 * other way (model/credentials.ts). A Security Requirement Object list (OpenAPI 3.1 §4.8.30) is
 * met when any one of its alternatives is: `{}` (no credential) or one whose every scheme sends
 * its credential one of those ways, no two in one place ({@link clientMeets}). What is left is a
 * scheme the client cannot send (HTTP digest, mutual TLS, an unknown type) or two credentials in
 * one header. Such operations are still generated; their calls carry the token's credential (or
 * none), which the API may refuse, so the user should know before a call fails at run time. With
 * `--strict`, an error.
 */
export function warnUnmetSecurity(
  operations: readonly OperationModel[],
  schemes: readonly AuthModel[],
  sent: ClientCredentials,
  warnings: Warnings,
  file: string,
  declared: ReadonlySet<string> = new Set(schemes.map((scheme) => scheme.schemeName)),
): void {
  // A name no scheme has is a typo or a dangling name, said as such, not as a credential the
  // client cannot send.
  const undeclared = warnUndeclaredSchemes(operations, declared, warnings, file);
  const { token, credentials } = sent;
  const meets = clientMeets(schemes, sent);
  const byName = new Map(schemes.map((scheme) => [scheme.schemeName, scheme]));
  for (const operation of operations) {
    const alternatives = operation.security?.alternatives ?? [];
    if (alternatives.some((names) => names.some((name) => undeclared.has(name)))) continue;
    const optional = optionalUnmet(operation, meets);
    const met = !optional && alternatives.some(meets);
    if (met || alternatives.length === 0) continue;
    const wanted = [...new Set(alternatives.flat())].sort();
    // Alternatives that differ only in their scopes read the same: each is named once.
    const named = [
      ...new Set(
        alternatives
          .filter((names) => names.length > 0)
          .map((names) => names.map((name) => JSON.stringify(name)).join(' and ')),
      ),
    ].join(' or ');
    const clash = alternatives
      .map((names) => placeClash(names.flatMap((name) => byName.get(name) ?? [])))
      .find((words) => words !== undefined);
    const sends = optional
      ? `the client sends no credential there${token === undefined ? '' : `: its token is sent as ${JSON.stringify(token.schemeName)}, which this operation does not list`}`
      : token === undefined
        ? 'the client sends no credential (the spec has no bearer, API key or HTTP Basic scheme it can fill)'
        : credentials.length === 0
          ? `the client sends only its token, as ${JSON.stringify(token.schemeName)}`
          : `the client sends only its token, as ${JSON.stringify(token.schemeName)}, and its credentials ${credentials.map((scheme) => JSON.stringify(scheme.schemeName)).join(', ')}`;
    warnings.add(
      `security:unmet:${wanted.join(',')}`,
      `operation ${JSON.stringify(operation.operationId)} ${optional ? `takes the security ${named}, or none` : `requires the security ${named}`}, but ${sends}${clash === undefined ? '' : ` (${clash})`}`,
      { file, pointer: operation.security!.pointer },
      token === undefined
        ? 'pass the credential per call (the `headers` or `query` request options)'
        : `add \`{ ${token.schemeName}: [] }\` as an alternative in its security if the API accepts that credential there, or pass the credential per call (the \`headers\` or \`query\` request options)`,
    );
  }
}

/** The credentials the client sends: its token and its other `credentials` (model/credentials.ts). */
export interface ClientCredentials {
  token: AuthModel | undefined;
  credentials: readonly AuthModel[];
}

/**
 * Whether the client meets a Security Requirement Object (its scheme names): every scheme sends
 * its credential the way the token or one of the other credentials goes ({@link credentialWay}),
 * and no two of them go in one place ({@link placeClash}); `{}` is met by anything.
 */
function clientMeets(
  schemes: readonly AuthModel[],
  { token, credentials }: ClientCredentials,
): (names: readonly string[]) => boolean {
  const ways = new Set(
    [...(token === undefined ? [] : [token]), ...credentials].map(credentialWay),
  );
  const sendable = new Map(
    schemes
      .filter((scheme) => ways.has(credentialWay(scheme)))
      .map((scheme) => [scheme.schemeName, scheme]),
  );
  return (names) =>
    names.every((name) => sendable.has(name)) &&
    placeClash(names.map((name) => sendable.get(name)!)) === undefined;
}

/**
 * Whether an operation's security makes a credential optional (`{}`) beside requirements the
 * client meets none of (`[{}, { apiKey: [] }]` with a bearer token only): the token is then not
 * one it lists, and the call goes without it (OpenAPI 3.1 §4.8.10).
 */
function optionalUnmet(
  operation: Pick<OperationModel, 'security'>,
  meets: (names: readonly string[]) => boolean,
): boolean {
  const alternatives = operation.security?.alternatives ?? [];
  const named = alternatives.filter((names) => names.length > 0);
  return named.length > 0 && named.length < alternatives.length && !named.some(meets);
}

/**
 * Marks as anonymous (no credential sent) the operations whose security is optional and lists
 * no requirement the client meets ({@link optionalUnmet}): a bearer token went to an operation
 * that accepts none or an API key, a credential it never asked for (helper-122 6).
 */
export function withoutUnlistedToken(
  operations: OperationModel[],
  schemes: readonly AuthModel[],
  sent: ClientCredentials,
): void {
  const meets = clientMeets(schemes, sent);
  for (const operation of operations)
    if (!operation.anonymous && optionalUnmet(operation, meets)) operation.anonymous = true;
}

/**
 * Warns, once per name, about security requirements that name a scheme
 * `components.securitySchemes` does not declare (OpenAPI 3.1.1 §4.8.30: each name MUST be one
 * there); an error with `--strict`. Returns those names.
 */
function warnUndeclaredSchemes(
  operations: readonly OperationModel[],
  declared: ReadonlySet<string>,
  warnings: Warnings,
  file: string,
): Set<string> {
  const undeclared = new Set<string>();
  const known = [...declared].sort().map((name) => JSON.stringify(name));
  for (const operation of operations) {
    for (const name of new Set(operation.security?.alternatives.flat() ?? [])) {
      if (declared.has(name)) continue;
      undeclared.add(name);
      warnings.add(
        `security:undeclared:${name}`,
        `the security requirement names the scheme ${JSON.stringify(name)}, which #/components/securitySchemes does not declare (OpenAPI 3.1.1 §4.8.30: each name must be a scheme declared there)`,
        { file, pointer: operation.security!.pointer },
        known.length === 0
          ? `declare ${JSON.stringify(name)} under #/components/securitySchemes, or remove the requirement`
          : `correct the name (declared: ${known.join(', ')}), or declare ${JSON.stringify(name)} under #/components/securitySchemes`,
      );
    }
  }
  return undeclared;
}

function authModel(
  schemeName: string,
  scheme: Record<string, unknown>,
  pointer: string,
  file: string,
): AuthModel | undefined {
  const description = typeof scheme.description === 'string' ? scheme.description : undefined;
  switch (scheme.type) {
    case 'http': {
      const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
      if (httpScheme === 'basic')
        return withDescription({ kind: 'basic', schemeName }, description);
      if (httpScheme === 'bearer')
        return withDescription({ kind: 'bearer', schemeName }, description);
      // Other HTTP schemes (digest, hoba, …) need a handshake the client does not do.
      return undefined;
    }
    case 'oauth2':
    case 'openIdConnect':
      return withDescription({ kind: 'bearer', schemeName }, description);
    case 'apiKey': {
      const location = scheme.in;
      if (
        (location !== 'header' && location !== 'query' && location !== 'cookie') ||
        typeof scheme.name !== 'string'
      ) {
        throw new GeneratorError(
          `apiKey security scheme ${JSON.stringify(schemeName)} needs \`in\` (header, query or cookie) and \`name\``,
          { file, pointer },
          'add e.g. `in: header` and `name: X-API-Key`',
        );
      }
      // A header or cookie name outside RFC 9110's token characters can never be sent: the
      // client would fail at construction, so the spec is refused here instead.
      if (location !== 'query' && !HTTP_TOKEN.test(scheme.name)) {
        throw new GeneratorError(
          `apiKey security scheme ${JSON.stringify(schemeName)} names the ${location} ${JSON.stringify(scheme.name)}, which is not a valid ${location === 'header' ? 'HTTP field name (RFC 9110 §5.1)' : 'cookie name (RFC 6265 §4.1.1)'}`,
          { file, pointer: `${pointer}/name` },
          "use only letters, digits and ! # $ % & ' * + - . ^ _ ` | ~ in `name`, e.g. `X-API-Key`",
        );
      }
      return withDescription(
        { kind: 'apiKey', schemeName, in: location, name: scheme.name },
        description,
      );
    }
    default:
      // mutualTLS and unknown types: nothing the client can fill from an option.
      return undefined;
  }
}

const SCHEME_TYPES = ['apiKey', 'http', 'oauth2', 'openIdConnect', 'mutualTLS'];

/**
 * A scheme the client sends no credential for, said once per kind: an unknown `type` (not one of
 * OpenAPI 3.1 §4.8.27's; often a misspelling), or an HTTP scheme other than Basic and Bearer
 * (digest, hoba: a handshake the client does not do). Operations that require it get the unmet
 * security warning too. mutualTLS is a TLS certificate, not a request credential: not warned.
 */
function warnUnsentScheme(
  schemeName: string,
  scheme: Record<string, unknown>,
  place: { file: string; pointer: string },
  warnings: Warnings,
): void {
  const type = scheme.type;
  if (type === 'mutualTLS') return;
  if (type === 'http') {
    // A scheme left out is said as missing, at the Security Scheme Object (no `undefined`).
    const missing = scheme.scheme === undefined;
    warnings.add(
      'security-scheme:http-scheme',
      `security scheme ${JSON.stringify(schemeName)} is HTTP ${missing ? 'with no `scheme`' : JSON.stringify(scheme.scheme)}, which the client cannot send (it sends Basic and Bearer credentials only); it is left out of the client's authentication`,
      { file: place.file, pointer: missing ? place.pointer : joinPointer(place.pointer, 'scheme') },
      'use `scheme: bearer` or `scheme: basic` if the API accepts one, or pass the Authorization header per call (the `headers` request option)',
    );
    return;
  }
  const near =
    typeof type === 'string'
      ? SCHEME_TYPES.find((known) => known.toLowerCase() === type.toLowerCase())
      : undefined;
  warnings.add(
    'security-scheme:unknown-type',
    type === undefined
      ? `security scheme ${JSON.stringify(schemeName)} has no \`type\` (OpenAPI requires one: ${SCHEME_TYPES.join(', ')}); the client ignores it and sends no credential for it`
      : `security scheme ${JSON.stringify(schemeName)} has the type ${JSON.stringify(type)}, which is not an OpenAPI security scheme type (${SCHEME_TYPES.join(', ')}); the client ignores it and sends no credential for it`,
    // A missing `type` is said at the scheme, where it is to be written.
    {
      file: place.file,
      pointer: type === undefined ? place.pointer : joinPointer(place.pointer, 'type'),
    },
    near === undefined
      ? `set \`type\` to one of ${SCHEME_TYPES.join(', ')} (e.g. \`type: http\` with \`scheme: bearer\`), or pass its credential per call (the \`headers\` or \`query\` request options)`
      : `write \`type: ${near}\` (the type is case-sensitive)`,
  );
}

function withDescription(model: AuthModel, description: string | undefined): AuthModel {
  return description === undefined ? model : { ...model, description };
}
