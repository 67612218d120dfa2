/**
 * The `is` mode: straight-line code that returns false at the first failure and allocates
 * nothing on valid input. Union branches that are not simple expressions become private helpers.
 */
import type { ArrayNode, ObjectNode, SchemaNode, UnionNode } from '../../model/schema-types.ts';
import { stringLiteral } from '../../model/names.ts';
import type { Code } from './code.ts';
import {
  arrayCountConstraints,
  declaredKeyTest,
  enumTest,
  negate,
  objectFail,
  objectTest,
  propertyCountConstraints,
  readProperty,
  scalarConstraints,
  typeFail,
  typeTest,
} from './conditions.ts';
import { acceptedKinds } from './describe.ts';
import { isRequiredInResponse } from './properties.ts';
import type { FileScope, GenContext } from './scope.ts';

/** Emits statements that `return false` unless the value in local `x` matches `node`. */
export function emitCheck(node: SchemaNode, x: string, code: Code, g: GenContext): void {
  const shared = g.file.sharedFunction('is', node, g.root, g.owner);
  if (shared !== undefined) {
    code.ifLine(`!${shared}(${x})`, 'return false;');
    return;
  }
  if (node.nullable && node.kind !== 'any') {
    const inner = code.child();
    emitCore(node, x, inner, g);
    code.ifBlock(`${x} !== null`, inner);
    return;
  }
  emitCore(node, x, code, g);
}

function emitCore(node: SchemaNode, x: string, code: Code, g: GenContext): void {
  switch (node.kind) {
    case 'any':
      return;
    case 'never':
      code.line('return false;');
      return;
    case 'ref':
      code.ifLine(`!${g.file.schemaFunction('is', node.target)}(${x})`, 'return false;');
      return;
    case 'enum':
      code.ifLine(negate(enumTest(node.values, x, g.file)), 'return false;');
      return;
    case 'null':
    case 'boolean':
      code.ifLine(typeFail(node, x), 'return false;');
      return;
    case 'string':
    case 'number': {
      const body = code.child();
      for (const c of scalarConstraints(node, x, g.file)) body.ifLine(c.fail, 'return false;');
      typed(node, x, body, code);
      return;
    }
    case 'array':
      emitArray(node, x, code, g);
      return;
    case 'object':
      emitObject(node, x, code, g);
      return;
    case 'union':
      emitUnion(node, x, code, g);
      return;
    case 'allOf':
      node.members.forEach((member, i) => {
        // A member printed inline gets a fresh alias: what earlier members narrowed `x` to
        // (another type, even `never`) must not constrain its checks.
        let value = x;
        if (i > 0 && printsInline(member, g)) {
          value = g.fn.derived(x, 'member');
          code.line(`const ${value}: unknown = ${x};`);
        }
        emitCheck(member, value, code, g);
      });
      return;
    case 'not':
      code.ifLine(branchTest(node.node, x, g), 'return false;');
      return;
  }
}

/**
 * True when `node` is checked by inline code (not only by a call that takes `unknown`): type
 * tests, but also the comparisons of a union's or a `not`'s simple branches (`x === "auto"`).
 */
function printsInline(node: SchemaNode, g: GenContext): boolean {
  if (node.kind === 'ref' || node.kind === 'any') return false;
  return g.file.sharedFunction('is', node, g.root, g.owner) === undefined;
}

/** A typed node: the type check, then `body` (its constraints); loose nodes skip other types. */
function typed(
  node: SchemaNode & { kind: 'string' | 'number' | 'array' | 'object'; loose: boolean },
  x: string,
  body: Code,
  code: Code,
): void {
  if (node.loose) {
    code.ifBlock(typeTest(node, x), body);
    return;
  }
  code.ifLine(typeFail(node, x), 'return false;');
  code.append(body);
}

function emitArray(node: ArrayNode, x: string, code: Code, g: GenContext): void {
  const body = code.child();
  const a = g.fn.derived(x, 'items');
  for (const c of arrayCountConstraints(node, a)) body.ifLine(c.fail, 'return false;');
  node.prefixItems.forEach((item, index) => {
    const e = g.fn.derived(x, `at${index}`);
    const checks = body.child();
    emitCheck(item, e, checks, g);
    if (checks.isEmpty) return;
    const inner = body.child();
    inner.line(`const ${e} = ${a}[${index}];`);
    inner.append(checks);
    body.ifBlock(`${a}.length > ${index}`, inner);
  });
  const items = node.items;
  if (items && items.kind === 'never' && !items.nullable) {
    body.ifLine(`${a}.length > ${node.prefixItems.length}`, 'return false;');
  } else if (items) {
    const i = g.fn.derived(x, 'index');
    const e = g.fn.derived(x, 'item');
    const checks = body.child();
    emitCheck(items, e, checks, g);
    if (!checks.isEmpty) {
      const inner = body.child();
      inner.line(`const ${e} = ${a}[${i}];`);
      inner.append(checks);
      body.block(`for (let ${i} = ${node.prefixItems.length}; ${i} < ${a}.length; ${i}++)`, inner);
    }
  }
  if (node.uniqueItems)
    body.ifLine(`${g.file.runtime('duplicateItems')}(${a}) !== undefined`, 'return false;');
  const withLocal = body.child();
  if (!body.isEmpty) {
    withLocal.line(`const ${a}: readonly unknown[] = ${x};`);
    withLocal.append(body);
  }
  typed(node, x, withLocal, code);
}

function emitObject(node: ObjectNode, x: string, code: Code, g: GenContext): void {
  const body = code.child();
  const o = g.fn.derived(x, 'record');
  for (const prop of node.properties) {
    const required = isRequiredInResponse(prop, g.file.schemas);
    const p = g.fn.property(prop.name);
    const checks = body.child();
    emitCheck(prop.node, p, checks, g);
    if (!required && checks.isEmpty) continue;
    body.line(`const ${p} = ${readProperty(o, prop.name, g.file)};`);
    if (required) {
      body.ifLine(`${p} === undefined`, 'return false;');
      body.append(checks);
    } else {
      body.ifBlock(`${p} !== undefined`, checks);
    }
  }
  for (const name of node.requiredWithoutSchema) {
    body.ifLine(`${readProperty(o, name, g.file)} === undefined`, 'return false;');
  }
  if (node.minProperties !== undefined || node.maxProperties !== undefined) {
    const n = g.fn.derived(x, 'count');
    body.line(`const ${n} = Object.keys(${o}).length;`);
    for (const c of propertyCountConstraints(node, n)) body.ifLine(c.fail, 'return false;');
  }
  emitKeyLoop(node, x, o, body, g);
  const withLocal = body.child();
  if (!body.isEmpty) {
    withLocal.line(`const ${o} = ${x} as Record<string, unknown>;`);
    withLocal.append(body);
  }
  typed(node, x, withLocal, code);
}

/** True when additionalProperties restricts anything. */
export function checksAdditional(node: ObjectNode): boolean {
  const additional = node.additionalProperties;
  return additional !== undefined && !(additional.kind === 'any' && !additional.nullable);
}

/**
 * The patternProperties the guards run, each with its compiled pattern. `anyKey` is true when one
 * cannot run (invalid, or not proven safe: patterns.ts): it is taken to match any key, so
 * additionalProperties judges no key of the object.
 */
export function keyPatterns(
  node: ObjectNode,
  file: FileScope,
): { patterns: { test: string; node: SchemaNode }[]; anyKey: boolean } {
  const patterns: { test: string; node: SchemaNode }[] = [];
  let anyKey = false;
  for (const { pattern, node: valueNode } of node.patternProperties) {
    const test = file.pattern(pattern);
    if (test === undefined) anyKey = true;
    else patterns.push({ test, node: valueNode });
  }
  return { patterns, anyKey };
}

/** `for (const k in o)`: propertyNames, patternProperties and additionalProperties. */
function emitKeyLoop(node: ObjectNode, x: string, o: string, code: Code, g: GenContext): void {
  const keys = keyPatterns(node, g.file);
  const additional = checksAdditional(node) && !keys.anyKey ? node.additionalProperties : undefined;
  if (!node.propertyNames && keys.patterns.length === 0 && !additional) return;
  const onlyForbids =
    !node.propertyNames && keys.patterns.length === 0 && node.properties.length === 0;
  // `for (const _k in o) return false;` when any key fails: `_` marks the key as unused.
  const k =
    onlyForbids && additional?.kind === 'never' && !additional.nullable
      ? g.fn.unused(x, 'key')
      : g.fn.derived(x, 'key');
  const loop = code.child();
  if (node.propertyNames) emitCheck(node.propertyNames, k, loop, g);
  const m = additional && keys.patterns.length > 0 ? g.fn.derived(x, 'matched') : undefined;
  if (m) loop.line(`let ${m} = false;`);
  for (const { test, node: valueNode } of keys.patterns) {
    const inner = loop.child();
    if (m) inner.line(`${m} = true;`);
    const e = g.fn.derived(x, 'entry');
    const checks = inner.child();
    emitCheck(valueNode, e, checks, g);
    if (!checks.isEmpty) {
      inner.line(`const ${e} = ${o}[${k}];`);
      inner.append(checks);
    }
    loop.ifBlock(`${test}.test(${k})`, inner);
  }
  if (additional) {
    const names = node.properties.map((p) => p.name);
    const skip = [declaredKeyTest(names, k, g.file), ...(m ? [m] : [])].filter(
      (t) => t !== 'false',
    );
    const inner = loop.child();
    if (additional.kind === 'never' && !additional.nullable) {
      inner.line('return false;');
    } else {
      const e = g.fn.derived(x, 'entry');
      inner.line(`const ${e} = ${o}[${k}];`);
      emitCheck(additional, e, inner, g);
    }
    if (skip.length === 0) loop.append(inner);
    else loop.ifBlock(negate(skip.join(' || ')), inner);
  }
  code.block(`for (const ${k} in ${o})`, loop);
}

function emitUnion(node: UnionNode, x: string, code: Code, g: GenContext): void {
  const { discriminator } = node;
  if (!discriminator) {
    emitPlainUnion(node, x, code, g);
    return;
  }
  // OpenAPI discriminator: the property's value picks the one branch to check.
  const cases = code.child();
  for (const { value, target } of uniqueMapping(discriminator.mapping)) {
    cases.line(`case ${stringLiteral(value)}:`);
    cases.line(`  if (!${g.file.schemaFunction('is', target)}(${x})) return false;`);
    cases.line('  break;');
  }
  cases.line('default:');
  cases.line('  return false;');
  const dispatch = code.child();
  dispatch.block(
    `switch (${readProperty(`(${x} as Record<string, unknown>)`, discriminator.propertyName, g.file)})`,
    cases,
  );
  const objectOnly = variantKinds(node, g).every((k) => k === 'object');
  if (objectOnly) {
    code.ifLine(objectFail(x), 'return false;');
    code.append(dispatch);
    return;
  }
  // A variant that is not an object (an array, a string) is found the plain way.
  const otherwise = code.child();
  emitPlainUnion(node, x, otherwise, g);
  code.ifElse(objectTest(x), dispatch, otherwise);
}

/** The kinds of value any variant accepts (the union's own `nullable` is handled before). */
export function variantKinds(node: UnionNode, g: GenContext): string[] {
  return [...new Set(node.variants.flatMap((v) => [...acceptedKinds(v, g.file.schemas)]))];
}

export function uniqueMapping<T extends { value: string }>(mapping: readonly T[]): T[] {
  const seen = new Set<string>();
  return mapping.filter((m) => !seen.has(m.value) && seen.add(m.value));
}

function emitPlainUnion(node: UnionNode, x: string, code: Code, g: GenContext): void {
  const tests = node.variants.map((v) => branchTest(v, x, g));
  if (node.mode === 'anyOf' || tests.length === 1 || kindsAreDisjoint(node, g)) {
    // Any order gives the same answer: plain comparisons first, calls after.
    const ordered = [
      ...tests.filter((t) => !t.includes('(')),
      ...tests.filter((t) => t.includes('(')),
    ];
    code.ifLine(negate(ordered.join(' || ')), 'return false;');
    return;
  }
  const n = g.fn.derived(x, 'matches');
  code.line(`let ${n} = 0;`);
  for (const test of tests) code.ifLine(test, `${n}++;`);
  code.ifLine(`${n} !== 1`, 'return false;');
}

/**
 * True when no two variants accept a value of the same JSON kind (`oneOf: [Throttling, null]`), so
 * at most one can match and oneOf is checked like anyOf, stopping at the first match. (Every value
 * has one kind, and {@link acceptedKinds} over-approximates: schemas that could accept anything
 * accept every kind.)
 */
function kindsAreDisjoint(node: UnionNode, g: GenContext): boolean {
  const seen = new Set<string>();
  for (const variant of node.variants) {
    for (const kind of acceptedKinds(variant, g.file.schemas)) {
      if (seen.has(kind)) return false;
      seen.add(kind);
    }
  }
  return true;
}

/**
 * A boolean expression for "x matches node": inline when it is one short test, otherwise a call
 * to a private helper function generated for the node.
 */
export function branchTest(node: SchemaNode, x: string, g: GenContext): string {
  const core = inlineTest(node, x, g);
  if (core === undefined) {
    const fn =
      g.file.sharedFunction('is', node, g.root, g.owner) ?? g.file.helper('is', node, g.owner);
    return `${fn}(${x})`;
  }
  if (!node.nullable || node.kind === 'any') return core;
  return core === 'false' ? `${x} === null` : `${x} === null || ${core}`;
}

function inlineTest(node: SchemaNode, x: string, g: GenContext): string | undefined {
  switch (node.kind) {
    case 'any':
      return 'true';
    case 'never':
      return 'false';
    case 'ref':
      return `${g.file.schemaFunction('is', node.target)}(${x})`;
    case 'enum':
      return enumTest(node.values, x, g.file);
    case 'null':
    case 'boolean':
      return typeTest(node, x);
    case 'string':
    case 'number':
      if (node.loose || scalarConstraints(node, x, g.file).length > 0) return undefined;
      return typeTest(node, x);
    default:
      return undefined;
  }
}
