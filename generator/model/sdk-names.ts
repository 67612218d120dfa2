/**
 * Naming rules of the SDK surface (resources, methods, generated type names, env vars, package
 * names), built on the identifier rules of names.ts.
 */
import { JS_GLOBALS } from './js-globals.ts';
import { asciiWords, camelJoin, capitalize, identifierStart, pascalCase, words } from './names.ts';
import validateNpmPackageName from 'validate-npm-package-name';

/** A name that must be a plain JavaScript identifier (a resource property, a method, an option). */
export const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A method name from any text: camelCase words. Reserved words are fine as method names
 * (`client.subscriptionChanges.delete(…)`), so only a leading digit and the members every object
 * or promise has (`constructor`, `toString`, `then`: see {@link isInheritedMember}) are guarded.
 */
export function methodName(text: string): string {
  let name = camelJoin(words(text));
  if (name === '') name = 'call';
  name = identifierStart(name);
  if (isInheritedMember(name)) name = `${name}_`;
  return name;
}

/**
 * A resource name from any text (a tag, a path segment, a title): camelCase words, or undefined
 * when the text has none. A resource is a property of the client (`client.default.list()`,
 * `client.import.create()`), never a variable, so reserved words are fine, as for methods: only a
 * leading digit is guarded here, and the members every object has where it is placed
 * (build-resources.ts).
 */
export function resourceName(text: string): string | undefined {
  const name = camelJoin(words(text));
  if (name === '') return undefined;
  return identifierStart(name);
}

/**
 * Members of `Object.prototype` and `Promise.prototype`. As a method, resource or client property
 * one would override what every object has (`String(resource)` would call the API) or make the
 * object thenable (`then`); as a key of a params object, `{}` would already "have" it.
 */
const INHERITED_MEMBERS: ReadonlySet<string> = new Set([
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'then',
  'catch',
  'finally',
]);

export function isInheritedMember(name: string): boolean {
  return INHERITED_MEMBERS.has(name);
}

/**
 * Singular of a resource name, simply: `planDocuments` → `planDocument`, `policies` → `policy`,
 * `classes` → `class`, `addons` → `addon`; anything else stays as it is.
 */
export function singular(name: string): string {
  if (/[^aeiou]ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|us)es$/.test(name)) return name.slice(0, -2);
  if (/[^s]s$/.test(name)) return name.slice(0, -1);
  return name;
}

/**
 * A generated type name from its parts, e.g. (`planDocuments`, `list`, `Params`) →
 * `PlanDocumentListParams`. The parts are joined before the identifier is guarded, so a part that
 * is a reserved word on its own (`Object`) does not get a suffix in the middle of the name.
 */
export function operationTypeName(resource: string, method: string, suffix: string): string {
  const joined = [...words(singular(resource)), ...words(method), suffix].map(capitalize).join('');
  return exportName(pascalCase(joined), 'Type');
}

/**
 * The functions the guards and dates modules export for a schema type X: `isX`, `assertX`,
 * `validateX`, `reviveX`, `serializeX`.
 */
const SCHEMA_FUNCTION_PREFIXES = ['is', 'assert', 'validate', 'revive', 'serialize'] as const;

/** What an exported name names, as the word `exportName` appends. */
export type ExportKind = 'Model' | 'Resource' | 'Client' | 'Type';

/**
 * The one rule for the names a package exports: a name that is a JavaScript global (every global of
 * the ES and DOM libraries, js-globals.ts), or for a schema type one whose guard or dates function
 * would be (`Finite` → `isFinite`), gets the word for what it names appended, so that importing it
 * never shadows the global: a schema `Error` → `ErrorModel` (`isErrorModel`, `assertErrorModel`,
 * …), a resource class `Storage` → `StorageResource`, a client `Map` → `MapClient`, any other
 * generated type `…Type`.
 */
export function exportName(name: string, kind: ExportKind): string {
  const taken =
    JS_GLOBALS.has(name) ||
    (kind === 'Model' &&
      SCHEMA_FUNCTION_PREFIXES.some((prefix) => JS_GLOBALS.has(`${prefix}${name}`)));
  return taken ? `${name}${kind}` : name;
}

/** `GitHub v3 REST API` → `GIT_HUB_V3_REST_API`. */
export function upperSnake(text: string): string {
  return asciiWords(text)
    .map((word) => word.toUpperCase())
    .join('_');
}

/** `Gigs Core` → `gigs-core`. */
export function kebabCase(text: string): string {
  return asciiWords(text)
    .map((word) => word.toLowerCase())
    .join('-');
}

/**
 * Why npm refuses `name` for a new package, in npm's own words (validate-npm-package-name, the
 * registry's rules: lower case, URL-safe, at most 214 characters, no `~'!()*`, not a Node.js core
 * module's name nor `node_modules`), or undefined when it takes it.
 */
export function npmNameProblem(name: string): string | undefined {
  const verdict = validateNpmPackageName(name);
  if (verdict.validForNewPackages) return undefined;
  // "node_modules is not a valid package name" says no more than the message it goes into.
  const reasons = [...(verdict.errors ?? []), ...(verdict.warnings ?? [])].filter(
    (reason) => !reason.endsWith('is not a valid package name'),
  );
  return reasons.length === 0 ? 'npm reserves it' : reasons.join('; ');
}
