/**
 * The `collect` mode: the same checks as `check.ts`, but each failure pushes an issue (with its
 * JSON pointer) and checking goes on, so one call reports every problem. It only runs after the
 * `is` check failed, so clarity matters more than speed here. Arrays, objects and scalars go
 * through the walk shared with `check.ts` (walk.ts), in this file's {@link collectMode}.
 */
import type { SchemaNode, UnionNode } from '../../model/schema-types.ts';
import { stringLiteral } from '../../model/names.ts';
import { branchTest, partTests, uniqueMapping, variantKinds } from './check.ts';
import type { Code, PathExpr } from './code.ts';
import {
  enumExpected,
  enumTest,
  negate,
  objectTest,
  readProperty,
  scalarConstraints,
  someTest,
  typeFail,
} from './conditions.ts';
import { acceptedKinds, summary, VALUE_KINDS, valuesText } from './describe.ts';
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

/** Emits statements that push an issue to `issues` for every way the value in `x` fails `node`. */
export function emitCollect(
  node: SchemaNode,
  x: string,
  path: PathExpr,
  code: Code,
  g: GenContext,
): void {
  const shared = g.file.sharedFunction('collect', node, g.root, g.owner);
  if (shared !== undefined) {
    code.line(`${shared}(${x}, ${path.render()}, issues);`);
    return;
  }
  skipNull(node, x, code, (c) => emitCore(node, x, path, c, g));
}

/** `issues.push(issue(path, "expected", x, note))`; `note` is a JS expression when given. */
function push(g: GenContext, path: PathExpr, expected: string, x: string, note?: string): string {
  const args = [path.render(), stringLiteral(expected), x, ...(note === undefined ? [] : [note])];
  return `issues.push(${g.file.runtime('issue')}(${args.join(', ')}));`;
}

function emitCore(node: SchemaNode, x: string, path: PathExpr, code: Code, g: GenContext): void {
  switch (node.kind) {
    case 'any':
      return;
    case 'never':
      code.line(push(g, path, 'no value', x));
      return;
    case 'ref':
      code.line(
        `${g.file.schemaFunction('collect', node.target)}(${x}, ${path.render()}, issues);`,
      );
      return;
    case 'enum':
      code.ifLine(
        negate(enumTest(node.values, x, g.file)),
        push(g, path, enumExpected(node.values), x),
      );
      return;
    case 'null':
    case 'boolean':
      code.ifLine(typeFail(node, x), push(g, path, summary(node), x));
      return;
    case 'string':
    case 'number':
      emitScalar(node, x, code, g, collectMode(path, g));
      return;
    case 'array':
      emitArray(node, x, code, g, collectMode(path, g));
      return;
    case 'object':
      emitObject(node, x, code, g, collectMode(path, g));
      return;
    case 'union':
      emitUnion(node, x, path, code, g);
      return;
    case 'allOf': {
      const parts = memberParts(node, g.file.budget);
      if (parts) {
        for (const part of parts)
          code.line(
            `${g.file.part('collect', node, part, g.owner)}(${x}, ${path.render()}, issues);`,
          );
      } else for (const member of node.members) emitCollect(member, x, path, code, g);
      return;
    }
    case 'not':
      // A conditional assertion (if/then, dependentRequired, …) names what the value lacks.
      code.ifLine(
        branchTest(node.node, x, g),
        node.reason === undefined
          ? push(g, path, `not ${summary(node.node)}`, x, '"must not match"')
          : push(g, path, node.reason, x, '"does not meet it"'),
      );
      return;
  }
}

/**
 * The body of a collect part function (split.ts): the issues of its properties (of the record in
 * `x`), of its patternProperties (for the key in local `key` of the record in `x`) or allOf
 * members (of the value in `x`), at the JSON pointer in `path`.
 */
export function emitCollectPart(
  node: SchemaNode,
  part: Part,
  x: string,
  path: PathExpr,
  code: Code,
  g: GenContext,
  key?: string,
): void {
  if (part.kind === 'patterns' && node.kind === 'object' && key !== undefined) {
    const keyed = collectMode(path, g).at({ name: key });
    emitKeyPatterns(node, part.from, part.to, 'value', x, key, code, g, keyed);
  } else if (part.kind === 'properties' && node.kind === 'object') {
    emitProperties(node, part.from, part.to, x, code, g, collectMode(path, g));
  } else if (part.kind === 'members' && node.kind === 'allOf') {
    for (const member of node.members.slice(part.from, part.to))
      emitCollect(member, x, path, code, g);
  } else {
    throw new Error(`guards: no collect part of ${part.kind} in a ${node.kind} node`);
  }
}

/** The collect mode of the shared walk at `path`: every failure pushes an issue there. */
function collectMode(path: PathExpr, g: GenContext): Mode {
  return {
    name: 'collect',
    callPart: (fn, x, code) => code.line(`${fn}(${x}, ${path.render()}, issues);`),
    at: (step) =>
      collectMode(
        'key' in step
          ? path.key(step.key)
          : path.dynamic(
              'index' in step ? step.index : `${g.file.runtime('pointerToken')}(${step.name})`,
            ),
        g,
      ),
    check: (node, x, code) => emitCollect(node, x, path, code, g),
    passes: (node, x) => branchTest(node, x, g),
    fail: (expected, x, note) => push(g, path, expected, x, note),
    missing: (name, expected) =>
      `issues.push(${g.file.runtime('missingIssue')}(${path.key(name).render()}, ${stringLiteral(expected)}));`,
    failOr: (cond, failure, rest, code) => {
      const fail = code.child();
      fail.line(failure);
      code.ifElse(cond, fail, rest);
    },
    propertyName: (node, k, code) => emitPropertyName(node, k, path, code, g),
    uniqueItems: (x, a, code) => {
      const d = g.fn.derived(x, 'duplicate');
      const inner = code.child();
      inner.line(`const ${d} = ${g.file.runtime('duplicateItems')}(${a});`);
      const note = `"items " + ${d}[0] + " and " + ${d}[1] + " are equal"`;
      inner.ifLine(`${d} !== undefined`, push(g, path, 'array of unique items', a, note));
      code.block('', inner);
    },
    forbidKey: (x, o, k, code) => {
      const e = g.fn.derived(x, 'entry');
      code.line(`const ${e} = ${o}[${k}];`);
      code.line(push(g, path, 'no additional property', e, '"unexpected property"'));
    },
    forbidUsesKey: true,
  };
}

/** propertyNames: string rules one by one (only the failing ones are reported), else the whole schema. */
function emitPropertyName(
  node: SchemaNode,
  k: string,
  path: PathExpr,
  code: Code,
  g: GenContext,
): void {
  const note = '"invalid property name"';
  if (node.kind === 'string' && !node.nullable) {
    for (const c of scalarConstraints(node, k, g.file)) {
      code.ifLine(c.fail, push(g, path, `property name: ${c.expected}`, k, note));
    }
    return;
  }
  code.ifLine(
    negate(branchTest(node, k, g)),
    push(g, path, `property name: ${summary(node, 1)}`, k, note),
  );
}

function emitUnion(node: UnionNode, x: string, path: PathExpr, code: Code, g: GenContext): void {
  const { discriminator } = node;
  if (!discriminator) {
    emitPlainUnion(node, x, path, code, g);
    return;
  }
  const d = g.fn.derived(x, 'tag');
  const mapping = uniqueMapping(discriminator.mapping);
  const propPath = path.key(discriminator.propertyName);
  const cases = code.child();
  for (const { value, target } of mapping) {
    cases.line(`case ${stringLiteral(value)}:`);
    cases.line(`  ${g.file.schemaFunction('collect', target)}(${x}, ${path.render()}, issues);`);
    cases.line('  break;');
  }
  const values = valuesText(mapping.map((m) => m.value));
  cases.line('default:');
  cases.line(
    `  if (${d} === undefined) issues.push(${g.file.runtime('missingIssue')}(${propPath.render()}, ${stringLiteral(values)}, "missing discriminator property"));`,
  );
  cases.line(`  else ${push(g, propPath, values, d, '"unknown discriminator value"')}`);
  const dispatch = code.child();
  dispatch.line(
    `const ${d} = ${readProperty(`(${x} as Record<string, unknown>)`, discriminator.propertyName, g.file)};`,
  );
  dispatch.block(`switch (${d})`, cases);
  const otherwise = code.child();
  if (variantKinds(node, g).every((k) => k === 'object'))
    otherwise.line(push(g, path, summary(node), x));
  else emitPlainUnion(node, x, path, otherwise, g);
  code.ifElse(objectTest(x), dispatch, otherwise);
}

function emitPlainUnion(
  node: UnionNode,
  x: string,
  path: PathExpr,
  code: Code,
  g: GenContext,
): void {
  const parts = variantParts(node, g.file.budget);
  const anyOf = matchesAnyInResponses(node, g.file.schemas);
  const tests = parts
    ? partTests(node, parts, anyOf ? 'is' : 'count', x, g)
    : node.variants.map((v) => branchTest(v, x, g));
  const none = code.child();
  emitNoMatch(node, x, path, none, g);
  if (anyOf) {
    code.ifBlock(negate(someTest(tests)), none);
    return;
  }
  const n = g.fn.derived(x, 'matches');
  const body = code.child();
  if (parts) body.line(`const ${n} = ${tests.join(' + ')};`);
  else {
    body.line(`let ${n} = 0;`);
    for (const test of tests) body.ifLine(test, `${n}++;`);
  }
  const many = body.child();
  many.line(
    push(
      g,
      path,
      `exactly one of ${summary(node)}`,
      x,
      `"matches " + ${n} + " of the oneOf schemas"`,
    ),
  );
  body.ifElse(`${n} === 0`, none, many.isEmpty ? many : wrapElseIf(n, many));
  code.block('', body);
}

function wrapElseIf(n: string, many: Code): Code {
  const out = many.child();
  out.ifBlock(`${n} > 1`, many);
  return out;
}

/**
 * No variant matched: when exactly one variant accepts the value's JSON kind, report that
 * variant's own issues (precise paths); otherwise one issue naming every variant.
 */
function emitNoMatch(node: UnionNode, x: string, path: PathExpr, code: Code, g: GenContext): void {
  const accepted = node.variants.map((v) => acceptedKinds(v, g.file.schemas));
  const byVariant = new Map<number, string[]>();
  for (const kind of VALUE_KINDS) {
    const candidates = accepted.flatMap((kinds, i) => (kinds.has(kind) ? [i] : []));
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined)
      byVariant.set(only, [...(byVariant.get(only) ?? []), kind]);
  }
  const fallback = push(g, path, summary(node), x);
  if (byVariant.size === 0) {
    code.line(fallback);
    return;
  }
  const cases = code.child();
  for (const [index, kinds] of byVariant) {
    const variant = node.variants[index];
    if (!variant) continue;
    for (const kind of kinds) cases.line(`case ${stringLiteral(kind)}:`);
    const inner = cases.child();
    emitCollect(variant, x, path, inner, g);
    inner.line('break;');
    cases.block('', inner);
  }
  cases.line('default:');
  cases.line(`  ${fallback}`);
  code.block(`switch (${g.file.runtime('jsonKind')}(${x}))`, cases);
}
