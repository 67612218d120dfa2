/**
 * The `collect` mode: the same checks as `check.ts`, but each failure pushes an issue (with its
 * JSON pointer) and checking goes on, so one call reports every problem. It only runs after the
 * `is` check failed, so clarity matters more than speed here.
 */
import type { ArrayNode, ObjectNode, SchemaNode, UnionNode } from '../../model/schema-types.ts';
import { stringLiteral } from '../../model/names.ts';
import { branchTest, checksAdditional, keyPatterns, uniqueMapping, variantKinds } from './check.ts';
import type { Code, PathExpr } from './code.ts';
import {
  arrayCountConstraints,
  declaredKeyTest,
  enumExpected,
  enumTest,
  negate,
  objectTest,
  propertyCountConstraints,
  readProperty,
  scalarConstraints,
  typeFail,
  typeTest,
} from './conditions.ts';
import { acceptedKinds, countText, summary, VALUE_KINDS, valuesText } from './describe.ts';
import { isRequiredInResponse } from './properties.ts';
import type { GenContext } from './scope.ts';

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
  if (node.nullable && node.kind !== 'any') {
    const inner = code.child();
    emitCore(node, x, path, inner, g);
    code.ifBlock(`${x} !== null`, inner);
    return;
  }
  emitCore(node, x, path, code, g);
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
    case 'number': {
      const body = code.child();
      for (const c of scalarConstraints(node, x, g.file))
        body.ifLine(c.fail, push(g, path, c.expected, x));
      typed(node, x, path, body, code, g);
      return;
    }
    case 'array':
      emitArray(node, x, path, code, g);
      return;
    case 'object':
      emitObject(node, x, path, code, g);
      return;
    case 'union':
      emitUnion(node, x, path, code, g);
      return;
    case 'allOf':
      for (const member of node.members) emitCollect(member, x, path, code, g);
      return;
    case 'not':
      code.ifLine(
        branchTest(node.node, x, g),
        push(g, path, `not ${summary(node.node)}`, x, '"must not match"'),
      );
      return;
  }
}

/** The type check with its issue, then `body` (constraints) in the else branch. */
function typed(
  node: SchemaNode & { kind: 'string' | 'number' | 'array' | 'object'; loose: boolean },
  x: string,
  path: PathExpr,
  body: Code,
  code: Code,
  g: GenContext,
): void {
  if (node.loose) {
    code.ifBlock(typeTest(node, x), body);
    return;
  }
  const fail = code.child();
  fail.line(push(g, path, summary(node), x));
  code.ifElse(typeFail(node, x), fail, body);
}

function emitArray(node: ArrayNode, x: string, path: PathExpr, code: Code, g: GenContext): void {
  const body = code.child();
  const a = g.fn.derived(x, 'items');
  for (const c of arrayCountConstraints(node, a)) body.ifLine(c.fail, push(g, path, c.expected, a));
  node.prefixItems.forEach((item, index) => {
    const e = g.fn.derived(x, `at${index}`);
    const checks = body.child();
    emitCollect(item, e, path.key(String(index)), checks, g);
    if (checks.isEmpty) return;
    const inner = body.child();
    inner.line(`const ${e} = ${a}[${index}];`);
    inner.append(checks);
    body.ifBlock(`${a}.length > ${index}`, inner);
  });
  const items = node.items;
  const start = node.prefixItems.length;
  if (items && items.kind === 'never' && !items.nullable) {
    body.ifLine(`${a}.length > ${start}`, push(g, path, countText('item', false, start), a));
  } else if (items) {
    const i = g.fn.derived(x, 'index');
    const e = g.fn.derived(x, 'item');
    const checks = body.child();
    emitCollect(items, e, path.dynamic(i), checks, g);
    if (!checks.isEmpty) {
      const inner = body.child();
      inner.line(`const ${e} = ${a}[${i}];`);
      inner.append(checks);
      body.block(`for (let ${i} = ${start}; ${i} < ${a}.length; ${i}++)`, inner);
    }
  }
  if (node.uniqueItems) {
    const d = g.fn.derived(x, 'duplicate');
    const inner = body.child();
    inner.line(`const ${d} = ${g.file.runtime('duplicateItems')}(${a});`);
    inner.ifLine(
      `${d} !== undefined`,
      push(
        g,
        path,
        'array of unique items',
        a,
        `"items " + ${d}[0] + " and " + ${d}[1] + " are equal"`,
      ),
    );
    body.block('', inner);
  }
  const withLocal = body.child();
  if (!body.isEmpty) {
    withLocal.line(`const ${a}: readonly unknown[] = ${x};`);
    withLocal.append(body);
  }
  typed(node, x, path, withLocal, code, g);
}

function emitObject(node: ObjectNode, x: string, path: PathExpr, code: Code, g: GenContext): void {
  const body = code.child();
  const o = g.fn.derived(x, 'record');
  for (const prop of node.properties) {
    const required = isRequiredInResponse(prop, g.file.schemas);
    const p = g.fn.property(prop.name);
    const propPath = path.key(prop.name);
    const checks = body.child();
    emitCollect(prop.node, p, propPath, checks, g);
    if (!required && checks.isEmpty) continue;
    body.line(`const ${p} = ${readProperty(o, prop.name, g.file)};`);
    if (required) {
      const missing = body.child();
      missing.line(
        `issues.push(${g.file.runtime('missingIssue')}(${propPath.render()}, ${stringLiteral(summary(prop.node))}));`,
      );
      body.ifElse(`${p} === undefined`, missing, checks);
    } else {
      body.ifBlock(`${p} !== undefined`, checks);
    }
  }
  for (const name of node.requiredWithoutSchema) {
    const missing = `issues.push(${g.file.runtime('missingIssue')}(${path.key(name).render()}, "any value"));`;
    body.ifLine(`${readProperty(o, name, g.file)} === undefined`, missing);
  }
  if (node.minProperties !== undefined || node.maxProperties !== undefined) {
    const n = g.fn.derived(x, 'count');
    body.line(`const ${n} = Object.keys(${o}).length;`);
    for (const c of propertyCountConstraints(node, n))
      body.ifLine(c.fail, push(g, path, c.expected, o));
  }
  emitKeyLoop(node, x, o, path, body, g);
  const withLocal = body.child();
  if (!body.isEmpty) {
    withLocal.line(`const ${o} = ${x} as Record<string, unknown>;`);
    withLocal.append(body);
  }
  typed(node, x, path, withLocal, code, g);
}

function emitKeyLoop(
  node: ObjectNode,
  x: string,
  o: string,
  path: PathExpr,
  code: Code,
  g: GenContext,
): void {
  const keys = keyPatterns(node, g.file);
  const additional = checksAdditional(node) && !keys.anyKey ? node.additionalProperties : undefined;
  if (!node.propertyNames && keys.patterns.length === 0 && !additional) return;
  const k = g.fn.derived(x, 'key');
  const keyPath = path.dynamic(`${g.file.runtime('pointerToken')}(${k})`);
  const loop = code.child();
  if (node.propertyNames) emitPropertyName(node.propertyNames, k, keyPath, loop, g);
  const m = additional && keys.patterns.length > 0 ? g.fn.derived(x, 'matched') : undefined;
  if (m) loop.line(`let ${m} = false;`);
  for (const { test, node: valueNode } of keys.patterns) {
    const inner = loop.child();
    if (m) inner.line(`${m} = true;`);
    const e = g.fn.derived(x, 'entry');
    const checks = inner.child();
    emitCollect(valueNode, e, keyPath, checks, g);
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
    const e = g.fn.derived(x, 'entry');
    inner.line(`const ${e} = ${o}[${k}];`);
    if (additional.kind === 'never' && !additional.nullable) {
      inner.line(push(g, keyPath, 'no additional property', e, '"unexpected property"'));
    } else {
      emitCollect(additional, e, keyPath, inner, g);
    }
    if (skip.length === 0) loop.append(inner);
    else loop.ifBlock(negate(skip.join(' || ')), inner);
  }
  code.block(`for (const ${k} in ${o})`, loop);
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
  const tests = node.variants.map((v) => branchTest(v, x, g));
  const none = code.child();
  emitNoMatch(node, x, path, none, g);
  if (node.mode === 'anyOf' || tests.length === 1) {
    code.ifBlock(negate(tests.join(' || ')), none);
    return;
  }
  const n = g.fn.derived(x, 'matches');
  const body = code.child();
  body.line(`let ${n} = 0;`);
  for (const test of tests) body.ifLine(test, `${n}++;`);
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
