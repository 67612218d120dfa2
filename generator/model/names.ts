/**
 * Making names from any spec safe to print as TypeScript: every identifier that reaches an emitter
 * has gone through this module (building an AST does not sanitise anything). Spec text that lands
 * in strings, comments or Markdown is escaped by generator/escape.ts, re-exported here.
 */
import ts from 'typescript';
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
 * Server2go]. Accented Latin letters count as their base letters (`Größe` → [Grosse]); letters of
 * other scripts are kept as they are (`名前 list` → [名前, list], `ИмяПользователя` → [Имя,
 * Пользователя]), since JavaScript identifiers may hold any letter (ECMA-262 §12.7, ID_Start and
 * ID_Continue). A word never starts with a combining mark.
 */
export function words(text: string): string[] {
  return (
    foldLatin(text)
      .replace(/[^\0-\x7F]/gu, (char) => (isIdentifierChar(char) ? char : ' '))
      .replace(/([\p{Ll}\p{Nd}])(\p{Lu})/gu, '$1 $2')
      // `HTTPServer` → HTTP Server, but an acronym's plural stays one word: `URLs`, `VirtualWANs`
      // → Virtual WANs, `getUserIDs` → get User IDs (not UR Ls, WA Ns, I Ds).
      .replace(/(\p{Lu}+)(\p{Lu}(?!s(?![\p{L}\p{Nd}]))\p{Ll})/gu, '$1 $2')
      .split(/[^\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}]+/u)
      .map((word) => word.replace(/^[\p{Mn}\p{Mc}]+/u, ''))
      .filter((word) => word.length > 0)
  );
}

/**
 * A literal path segment as the text it stands for, for names: its percent-escapes decoded
 * (RFC 3986 §2.1), so that `/user%20groups` names `userGroups` as `/user groups` would, and
 * `/caf%C3%A9s` names `cafes` as `/cafés` does. The escapes' hex digits were read as letters
 * (`/enc%20oded` named `enc20oded`). Runs of escapes are decoded together (a character's UTF-8
 * bytes); a run that is no UTF-8 (`%FF`), and a decoded brace or slash, is a word break.
 */
export function decodedSegment(segment: string): string {
  return segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    let text: string;
    try {
      text = decodeURIComponent(run);
    } catch {
      return ' ';
    }
    return text.replace(/[{}/]/g, ' ');
  });
}

/**
 * {@link words} in ASCII letters and digits only, for names outside TypeScript that must be ASCII:
 * npm package names, environment variables, file names. Words with no ASCII letter are left out.
 */
export function asciiWords(text: string): string[] {
  return words(text)
    .map((word) => word.replace(/[^A-Za-z0-9]+/g, ''))
    .filter((word) => word.length > 0);
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
 * decomposition (NFKD) without the combining marks on Latin letters, plus the letters it leaves
 * whole. Other scripts keep their marks and are composed again (NFC), so `이름` stays `이름` and the
 * vowel signs of `नाम` stay in it. Characters that show nothing (Unicode's Default_Ignorable_Code_Point:
 * zero-width joiners, the Hangul fillers U+3164 and U+115F) are dropped: a name must be visible.
 */
function foldLatin(text: string): string {
  return text
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(/[ßæÆœŒøØłŁđĐðÐþÞı]/g, (letter) => FOLDED[letter] ?? letter)
    .normalize('NFC');
}

/**
 * Whether TypeScript's scanner reads `char` (one code point) inside an identifier. Node's regular
 * expressions and case mappings follow the Unicode of its ICU, TypeScript's scanner an older one
 * (and an engine running the package may be older still): a letter added since (`Ɤ` U+A7CB,
 * Todhri `𐗀` U+105C0: 4,652 of them for TypeScript 5.9 on Node 20), or U+2E2F, a letter Unicode
 * keeps out of identifiers, made a name that did not parse. In {@link words} such characters
 * separate words as punctuation does; a case mapping that yields one is not made.
 */
function isIdentifierChar(char: string): boolean {
  return ts.isIdentifierPart(char.codePointAt(0)!, ts.ScriptTarget.ES2022);
}

/**
 * `text` in upper or lower case, where every character of the result is one TypeScript reads in
 * an identifier; else character by character, a character whose other case it does not read kept
 * as it is (`ɤ`: Unicode 16 gave it the capital `Ɤ`).
 */
function changeCase(text: string, to: 'upper' | 'lower'): string {
  const change = (part: string) => (to === 'upper' ? part.toUpperCase() : part.toLowerCase());
  const whole = change(text);
  if ([...whole].every(isIdentifierChar)) return whole;
  return [...text]
    .map((char) => {
      const changed = change(char);
      return [...changed].every(isIdentifierChar) ? changed : char;
    })
    .join('');
}

/** `word` with its first letter in upper case (when TypeScript reads that letter: {@link changeCase}). */
export function capitalize(word: string): string {
  return changeCase(word.charAt(0), 'upper') + word.slice(1);
}

/** `name` made to start as an identifier must: `_` before a digit of any script, or a mark. */
export function identifierStart(name: string): string {
  const first = name.codePointAt(0);
  return first === undefined || ts.isIdentifierStart(first, ts.ScriptTarget.ES2022)
    ? name
    : `_${name}`;
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
  const camel = camelJoin(words(text));
  return guardIdentifier(camel.length > 0 ? camel : 'unnamed');
}

/**
 * Words joined in camelCase. A first word in capitals is an acronym or a shout and is lower-cased
 * whole: `API keys` → `apiKeys`, `HTTPRequest` → `httpRequest`, `CREATE` → `create` (not `aPIKeys`),
 * and so is an acronym's plural: `URLs` → `urls` (not `uRLs`).
 */
export function camelJoin(list: readonly string[]): string {
  const [first = '', ...rest] = list;
  const head = /^[\p{Lu}\p{Nd}]+s?$/u.test(first)
    ? changeCase(first, 'lower')
    : changeCase(first.charAt(0), 'lower') + first.slice(1);
  return head + rest.map(capitalize).join('');
}

function guardIdentifier(name: string): string {
  const safe = identifierStart(name);
  return RESERVED.has(safe) ? `${safe}_` : safe;
}

/** True when `name` can be printed as a bare property key (`{ name: … }`, `obj.name`). */
function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A property key as it must be printed: bare when possible, otherwise a quoted string literal. */
export function propertyKey(name: string): string {
  return isIdentifierName(name) ? name : keyLiteral(name);
}

/**
 * A key's string literal, each letter, digit or mark that TypeScript does not read in an
 * identifier written as a `\uXXXX` escape. Prettier unquotes a key whose text its own identifier
 * table accepts, unless the key holds an escape; that table takes U+2E2F, which TypeScript does
 * not, so `'aⸯ': string` became `aⸯ: string`, which did not parse (a newer table would take the
 * letters of {@link isIdentifierChar} too).
 */
function keyLiteral(name: string): string {
  return stringLiteral(name).replace(/[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]/gu, (char) =>
    char < '\x80' || isIdentifierChar(char)
      ? char
      : [...Array(char.length).keys()]
          .map((unit) => `\\u${char.charCodeAt(unit).toString(16).toUpperCase().padStart(4, '0')}`)
          .join(''),
  );
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
 * Who claimed a name, for the warning that a later claimant was renamed: where it is written (a
 * JSON pointer), what it is in words (`the schema #/components/schemas/PlanItem`) and how its
 * owner would give it another name (`rename the key …`).
 */
export interface NameOwner {
  pointer: string;
  what: string;
  fix: string;
}

/** A claim that did not get the name it wanted, because `holder` (or the package itself) has it. */
export interface NameCollision {
  wanted: string;
  got: string;
  owner: NameOwner;
  /** Undefined: the name is one the package declares itself (reserved). */
  holder: NameOwner | undefined;
}

/**
 * One claim of {@link NameRegistry.claimAll}: the name it wants, and the spec's own name for what
 * wants it (a schema key, a parameter's name, an operationId), which ranks it among the others.
 */
export interface RankedClaim {
  wanted: string;
  /** The name as the spec writes it: exactly `wanted` ranks first, the rest by code points. */
  raw: string;
  owner?: NameOwner;
  /** Ranks claims of one raw name (a location, a JSON pointer): never a position in the spec. */
  tieBreak?: string;
}

/** Orders two strings by their code points (`<` compares UTF-16 units: `\uFFFF` > `😀` there). */
function compareCodePoints(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

/**
 * The one rule for which of several spec names that want one identifier keeps it: the one that is
 * the identifier exactly (`Pet` beside `pet`), then the others by their spec names in code-point
 * order. It reads the names alone, never where the spec lists them: reordering a spec's keys
 * names everything as before, and a new name beside one that is exact renames nothing.
 */
function rankClaims(a: RankedClaim, b: RankedClaim): number {
  return (
    Number(b.raw === b.wanted) - Number(a.raw === a.wanted) ||
    compareCodePoints(a.raw, b.raw) ||
    compareCodePoints(a.tieBreak ?? '', b.tieBreak ?? '')
  );
}

/**
 * Hands out unique names within one namespace. The first claimant of a name keeps it; later ones
 * get a numeric suffix (`Plan`, `Plan2`). Names that collide are claimed together through
 * {@link claimAll}, which orders them by {@link rankClaims}; single claims (a kind of name after
 * another: schemas', then the client's) are made in a fixed order by the caller.
 * A claim that names its owner and is renamed is passed to `onCollision` (the model warns).
 */
export class NameRegistry {
  private readonly taken = new Map<string, NameOwner | undefined>();

  constructor(
    reserved: Iterable<string> = [],
    private readonly onCollision?: (collision: NameCollision) => void,
  ) {
    for (const name of reserved) this.taken.set(name, undefined);
  }

  /** Takes `name` for `owner` as it is (a name settled elsewhere, such as a schema's). */
  reserve(name: string, owner: NameOwner): void {
    if (!this.taken.has(name)) this.taken.set(name, owner);
  }

  claim(wanted: string, owner?: NameOwner): string {
    const got = this.#take(wanted, owner);
    this.#report(wanted, got, owner);
    return got;
  }

  #take(wanted: string, owner: NameOwner | undefined): string {
    let candidate = wanted;
    for (let i = 2; this.taken.has(candidate); i++) candidate = `${wanted}${i}`;
    this.taken.set(candidate, owner);
    return candidate;
  }

  #report(wanted: string, got: string, owner: NameOwner | undefined): void {
    if (got !== wanted && owner !== undefined)
      this.onCollision?.({ wanted, got, owner, holder: this.taken.get(wanted) });
  }

  /**
   * Claims every name of `claims` at once, in {@link rankClaims} order, and returns the names they
   * got in the order of `claims`. Every claim that can have its name as it is gets it before any
   * is numbered: a number never takes a name another claim wants (`pet_` is `Pet3`, not `Pet2`,
   * beside `Pet` and `Pet2`). Renames are reported in the order of `claims` (the spec's).
   */
  claimAll(claims: readonly RankedClaim[]): string[] {
    const order = claims
      .map((_, index) => index)
      .sort((a, b) => rankClaims(claims[a]!, claims[b]!));
    const got: (string | undefined)[] = claims.map(() => undefined);
    for (const index of order) {
      const { wanted, owner } = claims[index]!;
      if (this.taken.has(wanted)) continue;
      this.taken.set(wanted, owner);
      got[index] = wanted;
    }
    for (const index of order)
      got[index] ??= this.#take(claims[index]!.wanted, claims[index]!.owner);
    claims.forEach(({ wanted, owner }, index) => this.#report(wanted, got[index]!, owner));
    return got as string[];
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** Who took `name`: undefined when nobody has, or the package reserved it for itself. */
  holder(name: string): NameOwner | undefined {
    return this.taken.get(name);
  }
}
