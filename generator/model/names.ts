/**
 * Making names from any spec safe to print as TypeScript: every identifier that reaches an emitter
 * has gone through this module (building an AST does not sanitise anything). Spec text that lands
 * in strings, comments or Markdown is escaped by generator/escape.ts, re-exported here.
 */
import { stringLiteral } from '../escape.ts';

export { escapeJsDoc, stringLiteral } from '../escape.ts';

const RESERVED = new Set([
  // ECMAScript reserved words and strict-mode future reserved words
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'let',
  'static',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
  'await',
  'arguments',
  'eval',
  // TypeScript type names that cannot be redeclared as types
  'any',
  'unknown',
  'never',
  'number',
  'string',
  'boolean',
  'symbol',
  'object',
  'bigint',
  'undefined',
  'type',
  'as',
  'is',
  'keyof',
  'infer',
  'declare',
  'module',
  'namespace',
  'readonly',
  'abstract',
  'async',
  'constructor',
  'get',
  'set',
  'of',
  'from',
  'require',
  'global',
]);

/**
 * Splits any text into words: `user.birthday` → [user, birthday]; `HTTPServer2go` → [HTTP,
 * Server2go]. Accented Latin letters count as their base letters (`Größe` → [Grosse]).
 */
export function words(text: string): string[] {
  return asciiLetters(text)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const FOLDED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
};

/**
 * Accented Latin letters as their base letters (`Ünïcødé` → `Unicode`): Unicode's compatibility
 * decomposition (NFKD) without the combining marks, plus the letters it leaves whole. Other
 * scripts are left as they are (and so make no word).
 */
function asciiLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæÆœŒøØłŁđĐðÐþÞı]/g, (letter) => FOLDED[letter] ?? letter);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * `plan documents` → `PlanDocuments`; a valid type name (never starts with a digit). Whether it may
 * be exported as it is (it may be a JavaScript global) is sdk-names.ts `exportName`'s decision.
 */
export function pascalCase(text: string): string {
  const joined = words(text).map(capitalize).join('');
  return guardIdentifier(joined.length > 0 ? joined : 'Unnamed');
}

/** `plan-documents` → `planDocuments`; safe as a value name. */
export function camelCase(text: string): string {
  const pascal = words(text).map(capitalize).join('');
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return guardIdentifier(camel.length > 0 ? camel : 'unnamed');
}

function guardIdentifier(name: string): string {
  const safe = /^[0-9]/.test(name) ? `_${name}` : name;
  return RESERVED.has(safe) ? `${safe}_` : safe;
}

/** True when `name` can be printed as a bare property key (`{ name: … }`, `obj.name`). */
export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A property key as it must be printed: bare when possible, otherwise a quoted string literal. */
export function propertyKey(name: string): string {
  return isIdentifierName(name) ? name : stringLiteral(name);
}

/**
 * A key as it must be printed in an object literal: like {@link propertyKey}, but `__proto__` is
 * computed (`["__proto__"]`), since `{ __proto__: x }` and `{ "__proto__": x }` set the prototype.
 */
export function literalKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : propertyKey(name);
}

/**
 * A property access: `.name` when possible, otherwise `["user.birthday"]` (`quote` prints the
 * string literal: JSON's double quotes by default, prettier's single quotes in README code).
 */
export function propertyAccess(
  name: string,
  quote: (text: string) => string = stringLiteral,
): string {
  return isIdentifierName(name) ? `.${name}` : `[${quote(name)}]`;
}

/**
 * Hands out unique names within one namespace. The first claimant of a name keeps it; later ones
 * get a numeric suffix (`Plan`, `Plan2`). Claims are made in a deterministic order by the caller.
 */
export class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  claim(wanted: string): string {
    let candidate = wanted;
    for (let i = 2; this.taken.has(candidate); i++) candidate = `${wanted}${i}`;
    this.taken.add(candidate);
    return candidate;
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }
}
