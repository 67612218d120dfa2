/**
 * What one generated guards file shares between its functions, and how the names the generator
 * invents are made. Every invented name is derived from the schema it serves, never numbered
 * across the file, so a change to one schema changes only that schema's lines (issue 9):
 * - module constants (regexes, sets, deep values; each compiled once) are named after their
 *   schema (`patternPlan_1`) and printed right before its functions;
 * - private helper functions (union branches, shapes a schema repeats inside itself) are named
 *   after their schema (`isPlan_1`) and printed right after its functions;
 * - locals are named after what they hold (`createdAt`, `items`, `itemsIndex`), numbered only
 *   when two would take the same name in one function.
 * - a big inline subtree gets a helper named after its content (`isShape_3fa2c1d0e4`), shared by
 *   every schema that has one of that shape, printed at the end of the file in name order.
 * Whether and how something is shared depends on the subtree alone, never on how often other
 * schemas use it, so adding or changing a schema never renames or reshapes another's code.
 */
import type { JsonValue, RegexModel, SchemaNode } from '../../model/schema-types.ts';
import { camelCase, stringLiteral } from '../../model/names.ts';
import type { NamedSchema } from '../../model/types.ts';
import { patternEngine, type UnsafePatterns } from '../../model/patterns.ts';
import type { GuardMemo } from './recursion.ts';
import { Shapes, shapeHash, sharedByContent } from './shapes.ts';
import type { Part } from './split.ts';

export type Mode = 'is' | 'collect';

/**
 * What a part function (split.ts) does: check its items (`is`), report their issues (`collect`),
 * count the union variants its value matches (`count`, for oneOf), or say whether one of its
 * patternProperties patterns matches a key (`matches`).
 */
export type PartMode = Mode | 'count' | 'matches';

export interface HelperRequest {
  name: string;
  mode: Mode;
  node: SchemaNode;
  /** The named schema whose functions the helper belongs to. */
  owner: string;
}

/** A part function to generate: the `part` of `node`'s properties, members or variants. */
export interface PartRequest {
  name: string;
  mode: PartMode;
  node: SchemaNode;
  owner: string;
  part: Part;
}

export interface ModuleConstant {
  name: string;
  type?: string;
  initializer: string;
}

/** The names the guards runtime exports: no local may shadow them. */
const RUNTIME_NAMES = [
  'RE2JS',
  'GuardError',
  'formatIssues',
  'issue',
  'missingIssue',
  'describeValue',
  'jsonKind',
  'codePointLength',
  'multipleOf',
  'deepEqual',
  'duplicateItems',
  'ownProperty',
  'pointerToken',
  'MAX_DEPTH',
  'guardCalls',
  'beginCheck',
  'endCheck',
  'beginCollect',
  'endCollect',
  'collectIssues',
];

/** The parameters of every guard function. */
const PARAMETERS = ['value', 'path', 'issues'];

export class FileScope {
  readonly schemas: ReadonlyMap<string, NamedSchema>;
  readonly runtimeUsed = new Set<string>();
  /** Helpers asked for and not generated yet (of the current owner and of shared shapes). */
  readonly pending: (HelperRequest | PartRequest)[] = [];
  /** Owner scopes of the shapes shared by content, by owner name (`Shape_3fa2c1d0e4`). */
  readonly sharedOwners = new Map<string, OwnerScope>();
  /** True once a pattern runs on re2js: the file imports it. */
  usesRe2js = false;
  private owner: OwnerScope | undefined;

  constructor(
    schemas: readonly NamedSchema[],
    private readonly unsafePatterns: UnsafePatterns,
    /** How long a sequence of checks one function may hold (split.ts `FUNCTION_BUDGET`). */
    readonly budget: number,
  ) {
    this.schemas = new Map(schemas.map((s) => [s.name, s]));
  }

  /** Starts the functions of one named schema: its constants and helpers are its own. */
  beginSchema(schema: Pick<NamedSchema, 'name' | 'node'>): void {
    this.owner = new OwnerScope(schema.name, schema.node);
  }

  /** Continues the functions of a shape shared by content (see {@link sharedFunction}). */
  beginShared(owner: string): void {
    const scope = this.sharedOwners.get(owner);
    if (!scope) throw new Error(`guards: no shared shape ${owner}`);
    this.owner = scope;
  }

  /** The constants of the current owner, to print before its functions. */
  get constants(): readonly ModuleConstant[] {
    return this.owner?.constants ?? [];
  }

  private get current(): OwnerScope {
    if (!this.owner) throw new Error('guards: beginSchema() before generating code');
    return this.owner;
  }

  /** The guard functions of the file's schemas and bodies (`isX`, `collectX`), by name. */
  private readonly guardNames = new Set<string>();

  /**
   * Claims the guard functions of these targets, before any code is made: a runtime helper whose
   * name one of them takes (`collectIssues`, the guard of a schema named `Issues`) is imported
   * under another ({@link runtime}).
   */
  reserveGuards(names: readonly string[]): void {
    for (const name of names)
      for (const verb of ['is', 'assert', 'validate', 'collect'])
        this.guardNames.add(`${verb}${name}`);
  }

  /**
   * A runtime helper by name, recorded for the import: its own name, or `collectIssuesRuntime`
   * where a guard of the file has that name.
   */
  runtime(name: string): string {
    this.runtimeUsed.add(name);
    return this.runtimeAlias(name);
  }

  /** The local name of a runtime helper (see {@link runtime}). */
  runtimeAlias(name: string): string {
    if (!this.guardNames.has(name)) return name;
    let alias = `${name}Runtime`;
    for (let i = 2; this.guardNames.has(alias); i++) alias = `${name}Runtime${i}`;
    return alias;
  }

  /**
   * `patternPlan_1`: a `pattern` or `patternProperties` key pattern, compiled once at module level
   * on the engine patterns.ts picks; undefined when the guards do not check it (it is invalid, or
   * not proven safe and left out).
   */
  pattern(regex: RegexModel): string | undefined {
    const engine = patternEngine(regex, this.unsafePatterns);
    if (engine.engine === 'none') return undefined;
    if (engine.engine === 're2js') {
      this.usesRe2js = true;
      const initializer = `RE2JS.compile(${stringLiteral(engine.source)})`;
      return this.current.constant('pattern', initializer, 'RE2JS');
    }
    const args =
      regex.flags === '' ? stringLiteral(regex.source) : `${stringLiteral(regex.source)}, "u"`;
    return this.current.constant('pattern', `new RegExp(${args})`, 'RegExp');
  }

  /** `enumPlan_1`: a set of primitive values for fast membership. */
  valueSet(values: readonly (string | number | boolean | null)[]): string {
    const items = values.map(primitiveLiteral).join(', ');
    return this.current.constant('enum', `new Set<unknown>([${items}])`, 'ReadonlySet<unknown>');
  }

  /** `keysPlan_1`: a set of declared property names. */
  keySet(names: readonly string[]): string {
    return this.current.constant(
      'keys',
      `new Set<string>([${names.map(stringLiteral).join(', ')}])`,
      'ReadonlySet<string>',
    );
  }

  /** `valuePlan_1`: an object or array from `enum`/`const`, parsed from JSON text so no key is special. */
  jsonValue(value: JsonValue): string {
    return this.current.constant(
      'value',
      `JSON.parse(${stringLiteral(JSON.stringify(value))})`,
      'unknown',
    );
  }

  /** `valuesPlan_1`: objects and arrays of a long `enum`, parsed from JSON text, to search. */
  jsonValues(values: readonly JsonValue[]): string {
    return this.current.constant(
      'values',
      `JSON.parse(${stringLiteral(JSON.stringify(values))})`,
      'readonly unknown[]',
    );
  }

  /**
   * `isNode_calls`: what the remembering guard function `fn` keeps between its calls
   * (templates/guards/runtime.ts `GuardCalls`), `found` being what it keeps per value, and `memo`
   * how (guards/recursion.ts): one per function.
   */
  guardCalls(fn: string, found: string, memo: GuardMemo): string {
    const name = `${fn}_calls`;
    const args = memo.recursive && !memo.primitives ? '' : `${memo.recursive}, ${memo.primitives}`;
    const initializer = `${this.runtime('guardCalls')}<${found}>(${args})`;
    this.current.constants.push({ name, initializer });
    return name;
  }

  /**
   * The function that checks `node` when it should not be printed inline: the helper of a big
   * shape, shared by content, or of a shape the current schema repeats inside itself. Never for
   * `root`, the node whose function is being written.
   */
  sharedFunction(
    mode: Mode,
    node: SchemaNode,
    root: SchemaNode,
    owner: string,
  ): string | undefined {
    if (node === root) return undefined;
    if (sharedByContent(node)) return this.contentHelper(mode, node);
    return this.current.shapes.isRepeated(node) ? this.helper(mode, node, owner) : undefined;
  }

  /** The guard function of a named schema (`isPlan`, `collectPlan`). */
  schemaFunction(mode: Mode, target: string): string {
    return `${mode}${target}`;
  }

  /**
   * A private helper that checks `node` in `mode` (`isPlan_1`, `collectPlan_1`), named after the
   * schema it belongs to. Nodes of one shape share it, and both modes share the number. Queued
   * for generation on first request.
   */
  helper(mode: Mode, node: SchemaNode, owner: string): string {
    const scope = this.current;
    const shape = shapeHash(node);
    let helper = scope.helperIndex.get(shape);
    if (helper === undefined) {
      helper = `${owner}_${scope.helperIndex.size + 1}`;
      scope.helperIndex.set(shape, helper);
    }
    return this.request(scope, mode, helper, node, owner);
  }

  /**
   * `isShape_3fa2c1d0e4`: the helper of a big shape, named after its content. Its is-mode function
   * is queued with the first request, in whatever mode (a collect function's union branches call
   * it too, so it is always used).
   */
  private contentHelper(mode: Mode, node: SchemaNode): string {
    const owner = `Shape_${shapeHash(node).slice(0, 10)}`;
    let scope = this.sharedOwners.get(owner);
    if (!scope) {
      scope = new OwnerScope(owner, node);
      this.sharedOwners.set(owner, scope);
      this.request(scope, 'is', owner, node, owner);
    }
    return this.request(scope, mode, owner, node, owner);
  }

  /**
   * `isPlan_properties1`: the function of one part of a sequence too long for one function
   * (split.ts), named after the owner of the function that calls it and numbered in the order the
   * owner's sequences of that kind are split (nearly always one: its root's); both modes share the
   * number. Queued on first request.
   */
  part(mode: PartMode, node: SchemaNode, part: Part, owner: string): string {
    const scope = this.current;
    const key = `${part.kind}\u0000${shapeHash(node)}`;
    let offset = scope.partOffsets.get(key);
    if (offset === undefined) {
      offset = scope.partTotals.get(part.kind) ?? 0;
      scope.partOffsets.set(key, offset);
      scope.partTotals.set(part.kind, offset + part.count);
    }
    const name = `${mode}${owner}_${part.kind}${offset + part.index}`;
    if (!scope.helperNames.has(name)) {
      scope.helperNames.add(name);
      this.pending.push({ name, mode, node, owner, part });
    }
    return name;
  }

  private request(
    scope: OwnerScope,
    mode: Mode,
    helper: string,
    node: SchemaNode,
    owner: string,
  ): string {
    const name = `${mode}${helper}`;
    if (!scope.helperNames.has(name)) {
      scope.helperNames.add(name);
      this.pending.push({ name, mode, node, owner });
    }
    return name;
  }
}

/** One named schema's (or shared shape's) share of the file: constants, helpers, repeated shapes. */
export class OwnerScope {
  readonly constants: ModuleConstant[] = [];
  readonly shapes: Shapes;
  readonly helperIndex = new Map<string, string>();
  readonly helperNames = new Set<string>();
  /** Where the part numbers of each split sequence start, by kind and shape (`FileScope.part`). */
  readonly partOffsets = new Map<string, number>();
  /** How many parts the sequences of each kind have taken so far. */
  readonly partTotals = new Map<string, number>();
  private readonly constantNames = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly name: string,
    root: SchemaNode,
  ) {
    this.shapes = new Shapes(root);
  }

  constant(prefix: string, initializer: string, type: string): string {
    const key = `${type}\u0000${initializer}`;
    const existing = this.constantNames.get(key);
    if (existing !== undefined) return existing;
    const index = (this.counts.get(prefix) ?? 0) + 1;
    this.counts.set(prefix, index);
    const name = `${prefix}${this.name}_${index}`;
    this.constants.push({ name, type, initializer });
    this.constantNames.set(key, name);
    return name;
  }
}

export function primitiveLiteral(value: string | number | boolean | null): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return String(value);
}

/**
 * Per function: locals named after what they hold. A name is taken once per function; a second
 * claim of the same name gets a number (`id2`). Names that would shadow a parameter, a runtime
 * helper or a guard function (`issues`, `issue`, `isActive`) get a leading underscore: module
 * names never start with one.
 */
export class FunctionScope {
  private readonly taken = new Set<string>(PARAMETERS);

  /** A local for the value of property `name` (`createdAt`, `userBirthday`). */
  property(name: string): string {
    return this.claim(camelCase(name));
  }

  /**
   * A local derived from the one that holds the value (`items` → `itemsIndex`); for the function's
   * `value` itself, the plain word (`index`).
   */
  derived(holder: string, word: string): string {
    return this.claim(this.base(holder, word));
  }

  /** Like {@link derived}, for a loop variable that is never read: `_key`. */
  unused(holder: string, word: string): string {
    return this.claim(`_${this.base(holder, word)}`);
  }

  private base(holder: string, word: string): string {
    return holder === 'value' ? word : `${holder}${word.charAt(0).toUpperCase()}${word.slice(1)}`;
  }

  private claim(wanted: string): string {
    const base =
      RUNTIME_NAMES.includes(wanted) ||
      PARAMETERS.includes(wanted) ||
      /^(is|assert|validate|collect)[A-Z0-9_]/.test(wanted)
        ? `_${wanted}`
        : wanted;
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}${i}`;
    this.taken.add(name);
    return name;
  }
}

/** Everything a generator needs while writing one function body. */
export interface GenContext {
  file: FileScope;
  fn: FunctionScope;
  /** The named schema being generated (names its helpers). */
  owner: string;
  /** The node the function being written checks (never replaced by a call to itself). */
  root: SchemaNode;
}
