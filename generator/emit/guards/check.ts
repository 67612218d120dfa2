/**
 * The `is` mode: straight-line code that returns false at the first failure and allocates
 * nothing on valid input. Union branches that are not simple expressions become private helpers.
 * Arrays, objects and scalars go through the walk shared with `collect.ts` (walk.ts), in this
 * file's {@link checkMode}.
 */
import type { SchemaNode, UnionNode } from '../../model/schema-types.ts';
import { stringLiteral } from '../../model/names.ts';
import type { Code } from './code.ts';
import {
  enumTest,
  negate,
  objectFail,
  objectTest,
  readProperty,
  scalarConstraints,
  someTest,
  typeFail,
  typeTest,
} from './conditions.ts';
import { acceptedKinds } from './describe.ts';
import { matchesAnyInResponses } from './properties.ts';
import type { GenContext } from './scope.ts';
import { memberParts, variantParts, type Part } from './split.ts';
import {
  emitArray,
  emitKeyPatterns,
  emitObject,
  emitProperties,
  emitScalar,
  skipNull,
  type Mode,
} from './walk.ts';

/** Emits statements that `return false` unless the value in local `x` matches `node`. */
export function emitCheck(node: SchemaNode, x: string, code: Code, g: GenContext): void {
  const shared = g.file.sharedFunction('is', node, g.root, g.owner);
  if (shared !== undefined) {
    code.ifLine(`!${shared}(${x})`, 'return false;');
    return;
  }
  skipNull(node, x, code, (c) => emitCore(node, x, c, g));
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
    case 'number':
      emitScalar(node, x, code, g, checkMode(g));
      return;
    case 'array':
      emitArray(node, x, code, g, checkMode(g));
      return;
    case 'object':
      emitObject(node, x, code, g, checkMode(g));
      return;
    case 'union':
      emitUnion(node, x, code, g);
      return;
    case 'allOf': {
      const parts = memberParts(node, g.file.budget);
      if (parts) {
        for (const part of parts)
          code.ifLine(`!${g.file.part('is', node, part, g.owner)}(${x})`, 'return false;');
      } else emitMembers(node.members, x, code, g);
      return;
    }
    case 'not':
      code.ifLine(branchTest(node.node, x, g), 'return false;');
      return;
  }
}

/** The checks of allOf members, one after the other, on the value in `x`. */
function emitMembers(members: readonly SchemaNode[], x: string, code: Code, g: GenContext): void {
  members.forEach((member, i) => {
    // A member printed inline gets a fresh alias: what earlier members narrowed `x` to
    // (another type, even `never`) must not constrain its checks.
    let value = x;
    if (i > 0 && printsInline(member, g)) {
      value = g.fn.derived(x, 'member');
      code.line(`const ${value}: unknown = ${x};`);
    }
    emitCheck(member, value, code, g);
  });
}

/**
 * The body of a part function (split.ts) on the value in `x` (for properties and patterns, the
 * record; for patterns, `key` is the local of the key): in `is` mode the checks of its items,
 * returning true when they pass; in `count` mode the number of its union variants that match.
 */
export function emitCheckPart(
  node: SchemaNode,
  part: Part,
  mode: 'is' | 'count',
  x: string,
  code: Code,
  g: GenContext,
  key?: string,
): void {
  if (part.kind === 'patterns' && node.kind === 'object' && key !== undefined) {
    const keyed = checkMode(g).at({ name: key });
    emitKeyPatterns(node, part.from, part.to, 'value', x, key, code, g, keyed);
    code.line('return true;');
  } else if (part.kind === 'properties' && node.kind === 'object') {
    emitProperties(node, part.from, part.to, x, code, g, checkMode(g));
    code.line('return true;');
  } else if (part.kind === 'members' && node.kind === 'allOf') {
    emitMembers(node.members.slice(part.from, part.to), x, code, g);
    code.line('return true;');
  } else if (part.kind === 'variants' && node.kind === 'union') {
    const variants = node.variants.slice(part.from, part.to);
    if (mode === 'is') {
      code.line(`return ${someTest(anyOfTests(variants, x, g))};`);
      return;
    }
    const n = g.fn.derived(x, 'matches');
    code.line(`let ${n} = 0;`);
    for (const variant of variants) code.ifLine(branchTest(variant, x, g), `${n}++;`);
    code.line(`return ${n};`);
  } else {
    throw new Error(`guards: no ${part.kind} in a ${node.kind} node`);
  }
}

/** The branch tests of anyOf variants: any order gives the same answer, plain comparisons first. */
function anyOfTests(variants: readonly SchemaNode[], x: string, g: GenContext): string[] {
  const tests = variants.map((v) => branchTest(v, x, g));
  return [...tests.filter((t) => !t.includes('(')), ...tests.filter((t) => t.includes('('))];
}

/**
 * The tests of a union's variant `parts` on the value in `x`: whether one of each part's variants
 * matches (`is`), or how many do (`count`).
 */
export function partTests(
  node: UnionNode,
  parts: readonly Part[],
  mode: 'is' | 'count',
  x: string,
  g: GenContext,
): string[] {
  return parts.map((part) => `${g.file.part(mode, node, part, g.owner)}(${x})`);
}

/**
 * True when `node` is checked by inline code (not only by a call that takes `unknown`): type
 * tests, but also the comparisons of a union's or a `not`'s simple branches (`x === "auto"`).
 */
function printsInline(node: SchemaNode, g: GenContext): boolean {
  if (node.kind === 'ref' || node.kind === 'any') return false;
  return g.file.sharedFunction('is', node, g.root, g.owner) === undefined;
}

/** The `is` mode of the shared walk: every failure is `return false;`, wherever it is. */
function checkMode(g: GenContext): Mode {
  const mode: Mode = {
    name: 'is',
    callPart: (fn, x, code) => code.ifLine(`!${fn}(${x})`, 'return false;'),
    at: () => mode,
    check: (node, x, code) => emitCheck(node, x, code, g),
    passes: (node, x) => branchTest(node, x, g),
    fail: () => 'return false;',
    missing: () => 'return false;',
    failOr: (cond, failure, rest, code) => {
      code.ifLine(cond, failure);
      code.append(rest);
    },
    propertyName: (node, k, code) => emitCheck(node, k, code, g),
    uniqueItems: (_x, a, code) =>
      code.ifLine(`${g.file.runtime('duplicateItems')}(${a}) !== undefined`, 'return false;'),
    forbidKey: (_x, _o, _k, code) => code.line('return false;'),
    forbidUsesKey: false,
  };
  return mode;
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
  const parts = variantParts(node, g.file.budget);
  if (matchesAnyInResponses(node, g.file.schemas) || kindsAreDisjoint(node, g)) {
    const tests = parts ? partTests(node, parts, 'is', x, g) : anyOfTests(node.variants, x, g);
    code.ifLine(negate(someTest(tests)), 'return false;');
    return;
  }
  const n = g.fn.derived(x, 'matches');
  if (parts) {
    code.line(`const ${n} = ${partTests(node, parts, 'count', x, g).join(' + ')};`);
  } else {
    code.line(`let ${n} = 0;`);
    for (const variant of node.variants) code.ifLine(branchTest(variant, x, g), `${n}++;`);
  }
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
