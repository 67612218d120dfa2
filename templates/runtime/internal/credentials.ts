/**
 * Private helper: the client's credentials, one per security scheme it can fill (its token and,
 * where the spec asks for more than one way, its `credentials`), and which of them a call sends.
 *
 * An operation's `security` is a list of alternatives, each a set of schemes that are all sent
 * together (OpenAPI 3.1.1 §4.8.30: "only one of the Security Requirement Objects in the list needs
 * to be satisfied"; within one, all schemes are required). A call sends the first alternative the
 * client has every credential of; `{}` (none) only when it has none of the others.
 */
import { SDKError } from '../errors.ts';
import { readEnv } from './env.ts';
import { encodeComponent } from './percent.ts';

/**
 * Where a credential goes, from the spec's security scheme: a header (`Authorization` with the
 * `Bearer` scheme, an API key header), a query parameter or a cookie. With the `Basic` scheme the
 * credential is `username:password`, sent base64-encoded (RFC 7617).
 */
export interface Auth {
  in: 'header' | 'query' | 'cookie';
  name: string;
  /** Put before the credential in the header: `Bearer`, `Basic`. */
  scheme?: string | undefined;
}

/** A security scheme the client takes a credential for besides its token (`ClientCoreOptions.credentialSchemes`). */
export interface CredentialScheme {
  /** The scheme's name in `components.securitySchemes`: its key in the client's `credentials`. */
  scheme: string;
  auth: Auth;
  /** The environment variable the credential defaults to (internal/env.ts `readEnv`). */
  env?: string | undefined;
}

/** One credential as it is sent: in a header, the query or a cookie, under `name`. */
export interface SentCredential {
  in: Auth['in'];
  name: string;
  /** What is sent (`Bearer abc`, base64 for Basic). */
  value: string;
  /** The credential and the forms it travels in (base64, percent-encoded), for redaction. */
  secrets: string[];
}

/** `value` sent as `auth` says; undefined for no value (`undefined` or `''`). */
export function sentCredential(value: string | undefined, auth: Auth): SentCredential | undefined {
  if (value === undefined || value === '') return undefined;
  const encoded = auth.scheme === 'Basic' ? base64(value) : value;
  return {
    in: auth.in,
    name: auth.name,
    value: auth.scheme === undefined ? encoded : `${auth.scheme} ${encoded}`,
    secrets: secretForms([value, encoded, encodeURIComponent(value), encodeComponent(value)]),
  };
}

/**
 * The credentials `given` holds for `schemes`, by scheme name (its own properties only: a key like
 * `__proto__` is a scheme's name like any other), each else from its environment variable.
 * @throws SDKError when one is not a string, naming its key.
 */
export function givenCredentials(
  given: unknown,
  schemes: readonly CredentialScheme[],
): Map<string, SentCredential> {
  const sent = new Map<string, SentCredential>();
  // A plain object: the properties of a Map or another class's instance would never be read.
  const prototype: unknown =
    typeof given === 'object' && given !== null ? Object.getPrototypeOf(given) : undefined;
  if (given !== undefined && prototype !== Object.prototype && prototype !== null)
    throw new SDKError(
      `The option credentials must be an object of credentials by security scheme name (${schemes.map(({ scheme }) => JSON.stringify(scheme)).join(', ')}).`,
    );
  const own = given as Readonly<Record<string, unknown>> | undefined;
  for (const { scheme, auth, env } of schemes) {
    const value = own !== undefined && Object.hasOwn(own, scheme) ? own[scheme] : undefined;
    if (value !== undefined && typeof value !== 'string')
      throw new SDKError(
        `The option credentials[${JSON.stringify(scheme)}] must be a string, got ${kindOf(value)}.`,
      );
    const credential = sentCredential(
      value ?? (env === undefined ? undefined : readEnv(env)),
      auth,
    );
    if (credential !== undefined) sent.set(scheme, credential);
  }
  return sent;
}

/**
 * `query` with the credentials that go in the query, each where the call gives no value of its own
 * under that name: a declared `api_key` parameter the caller passes is sent as passed, as the
 * call's own headers win over the client's.
 */
export function withQueryCredentials(
  query: Readonly<Record<string, unknown>> | undefined,
  credentials: Readonly<Record<string, string>> | undefined,
): Readonly<Record<string, unknown>> | undefined {
  if (credentials === undefined) return query;
  const own = query ?? {};
  const added = Object.entries(credentials).filter(
    ([name]) => !Object.hasOwn(own, name) || own[name] === undefined,
  );
  return added.length === 0 ? query : { ...own, ...Object.fromEntries(added) };
}

/** What a value is, never what it holds (it may be a secret): `null`, `an array`, `a number`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`;
}

/**
 * The schemes a call sends: the first alternative of `security` whose every scheme `has` a
 * credential, else `[]` when the operation takes calls without one; undefined when the client
 * meets none of them (the call then goes as any other, with the token if there is one).
 */
export function chosenAlternative(
  security: readonly (readonly string[])[],
  has: (scheme: string) => boolean,
): readonly string[] | undefined {
  const met = security.find((names) => names.length > 0 && names.every(has));
  return met ?? (security.some((names) => names.length === 0) ? [] : undefined);
}

/**
 * The forms a secret may come back in besides those given (RFC 3986 §2.1: `%2f` is `%2F`; JSON
 * may escape `/` as `\/`, and a body that is not labelled JSON is not parsed to undo it): each
 * given form, with its percent-escapes in lowercase hex, and as JSON string content.
 */
function secretForms(forms: readonly string[]): string[] {
  const all = new Set<string>();
  for (const form of forms) {
    for (const variant of [form, form.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())]) {
      const json = JSON.stringify(variant).slice(1, -1);
      all.add(variant).add(json).add(json.replace(/\//g, '\\/'));
    }
  }
  return [...all];
}

/** Base64 of UTF-8 text, for the Basic scheme (RFC 7617). */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/**
 * Throws an `SDKError` (naming the cookie, never the value) when a cookie credential holds a
 * character a cookie value cannot (RFC 6265 §4.1.1 cookie-octet: a space, `"`, `,`, `;`, `\\`):
 * `tok en;admin=1` would send the cookie `tok` and another, `admin=1`. It is not percent-encoded:
 * the server compares the credential as it arrives.
 */
export function assertCookieValue(value: string, name: string): void {
  const bad = /[^\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]/.exec(value);
  if (bad === null) return;
  const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  throw new SDKError(
    `The "${name}" cookie credential has a character a cookie value cannot hold (U+${code} at index ${bad.index}); nothing was sent. ` +
      'A cookie value holds visible ASCII but `"`, `,`, `;` and `\\` (RFC 6265 §4.1.1): use a token without them.',
  );
}
