/**
 * The JS conditions both guard modes share: type tests, scalar constraint failures, enum
 * membership and property reads. Each takes the name of a local holding the value.
 */
import type {
  ArrayNode,
  JsonValue,
  NumberNode,
  ObjectNode,
  SchemaNode,
  StringNode,
} from '../../model/schema-types.ts';
import { stringLiteral } from '../../model/names.ts';
import { numberText } from '../code-print.ts';
import { boundText, countText, valuesText, valueText } from './describe.ts';
import { primitiveLiteral, type FileScope } from './scope.ts';
import { pushAll } from '../../json.ts';

export type TypedNode = StringNode | NumberNode | ArrayNode | ObjectNode;

/** True when `x` has the node's JSON type (for typed and loose nodes alike). */
export function typeTest(
  node: SchemaNode & { kind: 'null' | 'boolean' | TypedNode['kind'] },
  x: string,
): string {
  switch (node.kind) {
    case 'null':
      return `${x} === null`;
    case 'boolean':
      return `typeof ${x} === "boolean"`;
    case 'string':
      return `typeof ${x} === "string"`;
    case 'number':
      if (node.loose) return `typeof ${x} === "number"`;
      return node.integer
        ? `Number.isInteger(${x})`
        : `typeof ${x} === "number" && Number.isFinite(${x})`;
    case 'array':
      return `Array.isArray(${x})`;
    case 'object':
      return objectTest(x);
  }
}

/** The negation of {@link typeTest}, written so TypeScript narrows `x` after it. */
export function typeFail(
  node: SchemaNode & { kind: 'null' | 'boolean' | TypedNode['kind'] },
  x: string,
): string {
  switch (node.kind) {
    case 'null':
      return `${x} !== null`;
    case 'boolean':
      return `typeof ${x} !== "boolean"`;
    case 'string':
      return `typeof ${x} !== "string"`;
    case 'number':
      return node.integer
        ? `typeof ${x} !== "number" || !Number.isInteger(${x})`
        : `typeof ${x} !== "number" || !Number.isFinite(${x})`;
    case 'array':
      return `!Array.isArray(${x})`;
    case 'object':
      return objectFail(x);
  }
}

export function objectTest(x: string): string {
  return `typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x})`;
}

export function objectFail(x: string): string {
  return `typeof ${x} !== "object" || ${x} === null || Array.isArray(${x})`;
}

/** A failed constraint: `fail` is true when the value breaks it; `expected` describes the rule. */
export interface Constraint {
  fail: string;
  expected: string;
}

/** Constraints of a string or number node on a value already known to have its type. */
export function scalarConstraints(
  node: StringNode | NumberNode,
  x: string,
  file: FileScope,
): Constraint[] {
  const out: Constraint[] = [];
  if (node.kind === 'string') {
    const min = node.minLength;
    const max = node.maxLength;
    // UTF-16 length bounds the code point count (len/2 <= count <= len): count only when unsure.
    if (min !== undefined) {
      const fail =
        min === 1
          ? `${x}.length === 0`
          : `${x}.length < ${2 * min} && (${x}.length < ${min} || ${file.runtime('codePointLength')}(${x}) < ${min})`;
      out.push({ fail, expected: countText('character', true, min) });
    }
    if (max !== undefined) {
      out.push({
        fail: `${x}.length > ${max} && ${file.runtime('codePointLength')}(${x}) > ${max}`,
        expected: countText('character', false, max),
      });
    }
    const pattern = node.pattern && file.pattern(node.pattern);
    if (node.pattern && pattern !== undefined) {
      out.push({
        fail: `!${pattern}.test(${x})`,
        expected: `string matching /${node.pattern.source}/${node.pattern.flags}`,
      });
    }
    return out;
  }
  if (node.minimum) {
    out.push({
      fail: `${x} ${node.minimum.exclusive ? '<=' : '<'} ${numberLiteral(node.minimum.value)}`,
      expected: boundText(node, node.minimum, true),
    });
  }
  if (node.maximum) {
    out.push({
      fail: `${x} ${node.maximum.exclusive ? '>=' : '>'} ${numberLiteral(node.maximum.value)}`,
      expected: boundText(node, node.maximum, false),
    });
  }
  if (node.multipleOf !== undefined) {
    const m = node.multipleOf;
    // `%` is exact for integer divisors; decimal ones need the float-tolerant helper.
    const fail = Number.isInteger(m)
      ? `${x} % ${numberLiteral(m)} !== 0`
      : `!${file.runtime('multipleOf')}(${x}, ${numberLiteral(m)})`;
    out.push({ fail, expected: `multiple of ${numberText(m)}` });
  }
  return out;
}

function numberLiteral(value: number): string {
  return value < 0 ? `(${primitiveLiteral(value)})` : primitiveLiteral(value);
}

/** Length constraints of an array held in local `a`. */
export function arrayCountConstraints(node: ArrayNode, a: string): Constraint[] {
  const out: Constraint[] = [];
  if (node.minItems !== undefined)
    out.push({
      fail: `${a}.length < ${node.minItems}`,
      expected: countText('item', true, node.minItems),
    });
  if (node.maxItems !== undefined)
    out.push({
      fail: `${a}.length > ${node.maxItems}`,
      expected: countText('item', false, node.maxItems),
    });
  return out;
}

/** Property-count constraints, given a local `n` holding the count. */
export function propertyCountConstraints(node: ObjectNode, n: string): Constraint[] {
  const out: Constraint[] = [];
  if (node.minProperties !== undefined) {
    out.push({
      fail: `${n} < ${node.minProperties}`,
      expected: countText('property', true, node.minProperties),
    });
  }
  if (node.maxProperties !== undefined) {
    out.push({
      fail: `${n} > ${node.maxProperties}`,
      expected: countText('property', false, node.maxProperties),
    });
  }
  return out;
}

/** Enums with more values than this are looked up in a constant, not compared one by one. */
export const SMALL_ENUM = 4;

/** True when `x` is one of `values` (deep equality for objects and arrays). */
export function enumTest(values: readonly JsonValue[], x: string, file: FileScope): string {
  if (values.length === 0) return 'false';
  const primitives = values.filter(
    (v): v is string | number | boolean | null => v === null || typeof v !== 'object',
  );
  const deep = values.filter((v) => v !== null && typeof v === 'object');
  const tests: string[] = [];
  if (primitives.length > SMALL_ENUM) tests.push(`${file.valueSet(primitives)}.has(${x})`);
  else
    pushAll(
      tests,
      primitives.map((v) => `${x} === ${primitiveLiteral(v)}`),
    );
  if (deep.length > SMALL_ENUM) {
    // One constant and a loop: a chain of a thousand `||` would overflow TypeScript's binder.
    const listed = x === 'listed' ? 'listed2' : 'listed';
    const equal = `${file.runtime('deepEqual')}(${x}, ${listed})`;
    tests.push(`${file.jsonValues(deep)}.some((${listed}) => ${equal})`);
  } else
    pushAll(
      tests,
      deep.map((v) => `${file.runtime('deepEqual')}(${x}, ${file.jsonValue(v)})`),
    );
  return tests.join(' || ');
}

export function enumExpected(values: readonly JsonValue[]): string {
  const [only] = values;
  if (values.length === 0) return 'no value';
  if (values.length === 1 && only !== undefined) return valueText(only);
  return `one of ${valuesText(values, ', ')}`;
}

/** Keys every object inherits from Object.prototype: read with `ownProperty` so absence stays absence. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Reads property `name` of the record in local `o`. */
export function readProperty(o: string, name: string, file: FileScope): string {
  if (INHERITED.has(name)) return `${file.runtime('ownProperty')}(${o}, ${stringLiteral(name)})`;
  return `${o}[${stringLiteral(name)}]`;
}

const SMALL_KEY_LIST = 8;

/** True when key `k` is one of the declared property names. */
export function declaredKeyTest(names: readonly string[], k: string, file: FileScope): string {
  if (names.length === 0) return 'false';
  if (names.length > SMALL_KEY_LIST) return `${file.keySet(names)}.has(${k})`;
  return names.map((n) => `${k} === ${stringLiteral(n)}`).join(' || ');
}

/** The expression to print a statement-level failure (in `is` mode) for a failing condition. */
/**
 * `a || b || …`: `true` when a test is the literal `true` (a variant that accepts anything), `false`
 * when there is none, and without literal `false` tests. A literal condition would leave a branch
 * TypeScript finds unreachable.
 */
export function someTest(tests: readonly string[]): string {
  if (tests.includes('true')) return 'true';
  const left = tests.filter((test) => test !== 'false');
  return left.length === 0 ? 'false' : left.join(' || ');
}

export function negate(test: string): string {
  if (test === 'true') return 'false';
  if (test === 'false') return 'true';
  const equality = /^([\w$]+) === ("(?:[^"\\]|\\.)*"|[\w.-]+)$/.exec(test);
  if (equality) return `${equality[1]!} !== ${equality[2]!}`;
  return /^[\w.$]+\([^()]*\)$/.test(test) || /^[\w$]+$/.test(test) ? `!${test}` : `!(${test})`;
}
