/**
 * What one generated guards file shares between its functions: module-level constants (regexes,
 * sets, deep values; each compiled once), runtime helpers in use, and private helper functions
 * (for union branches and for shapes the spec repeats inline), generated after the function
 * that first asked for them.
 */
import type { JsonValue, RegexModel, SchemaNode } from '../../model/schema-types.ts';
import { stringLiteral } from '../../model/names.ts';
import type { NamedSchema } from '../../model/types.ts';
import { Shapes } from './shapes.ts';

export type Mode = 'is' | 'collect';

export interface HelperRequest {
  name: string;
  mode: Mode;
  node: SchemaNode;
  /** The named schema whose functions the helper belongs to. */
  owner: string;
}

export interface ModuleConstant {
  name: string;
  type?: string;
  initializer: string;
}

export class FileScope {
  readonly schemas: ReadonlyMap<string, NamedSchema>;
  readonly constants: ModuleConstant[] = [];
  readonly runtimeUsed = new Set<string>();
  /** Helpers asked for and not generated yet. */
  readonly pending: HelperRequest[] = [];
  private readonly constantNames = new Map<string, string>();
  private readonly helperIndex = new Map<number, string>();
  private readonly helperNames = new Set<string>();
  private readonly helperCount = new Map<string, number>();
  readonly shapes: Shapes;

  constructor(schemas: readonly NamedSchema[]) {
    this.schemas = new Map(schemas.map((s) => [s.name, s]));
    this.shapes = new Shapes(schemas);
  }

  /** A runtime helper by name, recorded for the import. */
  runtime(name: string): string {
    this.runtimeUsed.add(name);
    return name;
  }

  /** `pattern0`: the regex, compiled once at module level. */
  pattern(regex: RegexModel): string {
    const args =
      regex.flags === '' ? stringLiteral(regex.source) : `${stringLiteral(regex.source)}, "u"`;
    return this.constant('pattern', `new RegExp(${args})`, 'RegExp');
  }

  /** `enum0`: a set of primitive values for fast membership. */
  valueSet(values: readonly (string | number | boolean | null)[]): string {
    const items = values.map(primitiveLiteral).join(', ');
    return this.constant('enum', `new Set<unknown>([${items}])`, 'ReadonlySet<unknown>');
  }

  /** `keys0`: a set of declared property names. */
  keySet(names: readonly string[]): string {
    return this.constant(
      'keys',
      `new Set<string>([${names.map(stringLiteral).join(', ')}])`,
      'ReadonlySet<string>',
    );
  }

  /** `value0`: an object or array from `enum`/`const`, parsed from JSON text so no key is special. */
  jsonValue(value: JsonValue): string {
    return this.constant('value', `JSON.parse(${stringLiteral(JSON.stringify(value))})`, 'unknown');
  }

  private constant(prefix: string, initializer: string, type: string): string {
    const key = `${type}\u0000${initializer}`;
    const existing = this.constantNames.get(key);
    if (existing !== undefined) return existing;
    const name = `${prefix}${this.constants.length}`;
    this.constants.push({ name, type, initializer });
    this.constantNames.set(key, name);
    return name;
  }

  /**
   * The function that checks `node` when it should not be printed inline: the named schema of
   * the same shape, or a shared helper for a shape the spec repeats. Never for `root`, the node
   * whose function is being written.
   */
  sharedFunction(
    mode: Mode,
    node: SchemaNode,
    root: SchemaNode,
    owner: string,
  ): string | undefined {
    if (node === root) return undefined;
    const named = this.shapes.namedFor(node);
    if (named !== undefined) return this.schemaFunction(mode, named);
    return this.shapes.isRepeated(node) ? this.helper(mode, node, owner) : undefined;
  }

  /** The guard function of a named schema (`isPlan`, `collectPlan`). */
  schemaFunction(mode: Mode, target: string): string {
    return `${mode}${target}`;
  }

  /**
   * A private helper that checks `node` in `mode` (`isPlan_1`, `collectPlan_1`), named after the
   * first schema that needs it. Nodes of one shape share it, and both modes share the number.
   * Queued for generation on first request.
   */
  helper(mode: Mode, node: SchemaNode, owner: string): string {
    const shape = this.shapes.id(node);
    let helper = this.helperIndex.get(shape);
    if (helper === undefined) {
      const index = (this.helperCount.get(owner) ?? 0) + 1;
      this.helperCount.set(owner, index);
      helper = `${owner}_${index}`;
      this.helperIndex.set(shape, helper);
    }
    const name = `${mode}${helper}`;
    if (!this.helperNames.has(name)) {
      this.helperNames.add(name);
      this.pending.push({ name, mode, node, owner });
    }
    return name;
  }
}

export function primitiveLiteral(value: string | number | boolean | null): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return String(value);
}

/** Per function: fresh local names (`o1`, `p2`, …) that cannot clash with module names. */
export class FunctionScope {
  private next = 0;

  local(prefix: 'o' | 'p' | 'a' | 'e' | 'i' | 'k' | 'n' | 'm' | 'd' | 'v'): string {
    return `${prefix}${this.next++}`;
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
