/**
 * The walk both guard modes share: the null skip, a scalar's constraints, an array's items, an
 * object's properties and keys, each after the node's type check. What a mode does at each step
 * (check a part, fail, report a missing property) comes in as a {@link Mode}: `check.ts` returns
 * false, `collect.ts` pushes an issue. Unions, allOf and `not` differ per mode and stay there.
 */
import type {
  ArrayNode,
  EvaluatedItems,
  EvaluatedKeys,
  EvaluatedWhen,
  ObjectNode,
  SchemaNode,
} from '../../model/schema-types.ts';
import type { Code } from './code.ts';
import {
  arrayCountConstraints,
  declaredKeyTest,
  negate,
  propertyCountConstraints,
  readProperty,
  scalarConstraints,
  someTest,
  typeFail,
  typeTest,
} from './conditions.ts';
import { countText, summary } from './describe.ts';
import { isRequiredInResponse } from './properties.ts';
import type { FileScope, GenContext } from './scope.ts';
import { patternParts, propertyParts } from './split.ts';
import { pushAll } from '../../json.ts';

/**
 * Where a part sits below the value being walked: at a fixed `key` (a property name or an index),
 * at the array index held in local `index`, or at the object key held in local `name`.
 */
type Step = { key: string } | { index: string } | { name: string };

/** What one guard mode emits at the places the shared walk reaches. */
export interface Mode {
  /** Which mode this is: names the part functions it calls. */
  readonly name: 'is' | 'collect';
  /** Emits the call of part function `fn` (split.ts) on the value in `x`, failing when it does. */
  callPart(fn: string, x: string, code: Code): void;
  /** The mode for a part of the value (collect reports its issues at the part's pointer). */
  at(step: Step): Mode;
  /** Emits the mode's checks of `node` for the value in local `x`. */
  check(node: SchemaNode, x: string, code: Code): void;
  /** An expression, true when the value in `x` matches `node` (an `is` test in either mode). */
  passes(node: SchemaNode, x: string): string;
  /** The statement a failed check runs: the value in `x` is not `expected`; `note` is a JS expression. */
  fail(expected: string, x: string, note?: string): string;
  /** The statement run when required property `name` is missing; `expected` describes its schema. */
  missing(name: string, expected: string): string;
  /** "if `cond`, `failure`; else `rest`" (`is` returns at a failure, so there `rest` just follows). */
  failOr(cond: string, failure: string, rest: Code, code: Code): void;
  /** Emits the checks of the object key in local `k` against propertyNames' `node`. */
  propertyName(node: SchemaNode, k: string, code: Code): void;
  /** Emits the uniqueItems check of the array in local `a` (`x` names locals). */
  uniqueItems(x: string, a: string, code: Code): void;
  /** Emits the failure of a key no schema allows: the key in local `k` of the object in `o`. */
  forbidKey(x: string, o: string, k: string, code: Code): void;
  /** False when {@link forbidKey}'s failure does not read the key, so the loop may name it unused. */
  readonly forbidUsesKey: boolean;
}

/** Emits `core`'s checks of the value in `x`, only for non-null values when `node` is nullable. */
export function skipNull(
  node: SchemaNode,
  x: string,
  code: Code,
  core: (code: Code) => void,
): void {
  if (node.nullable && node.kind !== 'any') {
    const inner = code.child();
    core(inner);
    code.ifBlock(`${x} !== null`, inner);
    return;
  }
  core(code);
}

/** A string or number node: its type check, then its constraints (format, pattern, bounds). */
export function emitScalar(
  node: SchemaNode & { kind: 'string' | 'number' },
  x: string,
  code: Code,
  g: GenContext,
  mode: Mode,
): void {
  const body = code.child();
  for (const c of scalarConstraints(node, x, g.file)) body.ifLine(c.fail, mode.fail(c.expected, x));
  emitTyped(node, x, body, code, mode);
}

/** The type check of a typed node, then `body` (its constraints); loose nodes skip other types. */
function emitTyped(
  node: SchemaNode & { kind: 'string' | 'number' | 'array' | 'object'; loose: boolean },
  x: string,
  body: Code,
  code: Code,
  mode: Mode,
): void {
  if (node.loose) {
    code.ifBlock(typeTest(node, x), body);
    return;
  }
  mode.failOr(typeFail(node, x), mode.fail(summary(node), x), body, code);
}

/** `body` preceded by `declaration` (the local it reads); empty when `body` is, so nothing prints. */
function withLocal(declaration: string, body: Code): Code {
  const out = body.child();
  if (!body.isEmpty) {
    out.line(declaration);
    out.append(body);
  }
  return out;
}

/** An array node: its type check, then its counts, items and uniqueItems. */
export function emitArray(node: ArrayNode, x: string, code: Code, g: GenContext, mode: Mode): void {
  const body = code.child();
  const a = g.fn.derived(x, 'items');
  emitArrayItems(node, x, a, body, g, mode);
  if (node.uniqueItems) mode.uniqueItems(x, a, body);
  emitTyped(node, x, withLocal(`const ${a}: readonly unknown[] = ${x};`, body), code, mode);
}

/** The count constraints, prefixItems and items of the array in local `a` (`x` names locals). */
function emitArrayItems(
  node: ArrayNode,
  x: string,
  a: string,
  body: Code,
  g: GenContext,
  mode: Mode,
): void {
  for (const c of arrayCountConstraints(node, a)) body.ifLine(c.fail, mode.fail(c.expected, a));
  node.prefixItems.forEach((item, index) => {
    const e = g.fn.derived(x, `at${index}`);
    const checks = body.child();
    mode.at({ key: String(index) }).check(item, e, checks);
    body.ifBlock(`${a}.length > ${index}`, withLocal(`const ${e} = ${a}[${index}];`, checks));
  });
  if (node.unevaluatedItems) emitUnevaluatedItems(node, node.unevaluatedItems, x, a, body, g, mode);
  const items = node.items;
  const start = node.prefixItems.length;
  if (items && items.kind === 'never' && !items.nullable) {
    body.ifLine(`${a}.length > ${start}`, mode.fail(countText('item', false, start), a));
  } else if (items) {
    const i = g.fn.derived(x, 'index');
    const e = g.fn.derived(x, 'item');
    const checks = body.child();
    mode.at({ index: i }).check(items, e, checks);
    const loop = withLocal(`const ${e} = ${a}[${i}];`, checks);
    body.block(`for (let ${i} = ${start}; ${i} < ${a}.length; ${i}++)`, loop);
  }
}

/**
 * `unevaluatedItems` when which items it judges depends on the value (model/schema-types.ts
 * `evaluatedItems`): counts at run time the items the schemas that apply evaluate, in a local,
 * then checks every item after them (for `false`, reports the first).
 */
function emitUnevaluatedItems(
  node: ArrayNode,
  rest: SchemaNode,
  x: string,
  a: string,
  body: Code,
  g: GenContext,
  mode: Mode,
): void {
  const evaluated = node.evaluatedItems ?? { count: node.prefixItems.length };
  const n = g.fn.derived(x, 'evaluated');
  body.line(`let ${n} = ${Math.max(evaluated.count, node.prefixItems.length)};`);
  const count = (inner: EvaluatedItems, code: Code): void => {
    for (const entry of inner.conditional ?? []) {
      const then = code.child();
      if (entry.evaluated === 'all') then.line(`${n} = ${a}.length;`);
      else {
        if (entry.evaluated.count > 0)
          then.ifLine(`${n} < ${entry.evaluated.count}`, `${n} = ${entry.evaluated.count};`);
        count(entry.evaluated, then);
      }
      code.ifBlock(whenTest(entry.when, x, undefined, g, mode), then);
    }
  };
  count(evaluated, body);
  if (rest.kind === 'never' && !rest.nullable) {
    const first = `${a}[${n}]`;
    body.ifLine(
      `${a}.length > ${n}`,
      mode.at({ index: n }).fail('no unevaluated item', first, '"unexpected item"'),
    );
    return;
  }
  const i = g.fn.derived(x, 'index');
  const e = g.fn.derived(x, 'item');
  const checks = body.child();
  mode.at({ index: i }).check(rest, e, checks);
  body.block(
    `for (let ${i} = ${n}; ${i} < ${a}.length; ${i}++)`,
    withLocal(`const ${e} = ${a}[${i}];`, checks),
  );
}

/**
 * The test of when a subschema's annotations count (model/schema-types.ts `EvaluatedWhen`) on the
 * value in `x` (`o`: the same, read as a record, when it is an object): it passes, it fails, or a
 * property is present (never, in an array: dependentSchemas applies to objects only).
 */
function whenTest(
  when: EvaluatedWhen,
  x: string,
  o: string | undefined,
  g: GenContext,
  mode: Mode,
): string {
  if ('passes' in when) return mode.passes(when.passes, x);
  if ('fails' in when) return negate(mode.passes(when.fails, x));
  return o === undefined ? 'false' : `${readProperty(o, when.has, g.file)} !== undefined`;
}

/**
 * The tests that key `k` is evaluated by a schema that applies only sometimes (`evaluated`'s
 * `conditional`), with the locals they read declared in `code` before the key loop: each
 * condition is tested once per object (inside the conditions it is nested in). Undefined when a
 * pattern cannot run here (patterns.ts), as for {@link restOfKeys}.
 */
function conditionalKeyTests(
  evaluated: EvaluatedKeys,
  x: string,
  o: string,
  k: string,
  code: Code,
  g: GenContext,
  mode: Mode,
  within?: string,
): string[] | undefined {
  const tests: string[] = [];
  for (const entry of evaluated.conditional ?? []) {
    const flag = g.fn.derived(x, 'applies');
    const test = whenTest(entry.when, x, o, g, mode);
    code.line(`const ${flag} = ${within === undefined ? test : `${within} && ${group(test)}`};`);
    if (entry.evaluated === 'all') {
      tests.push(flag);
      continue;
    }
    const inner: string[] = [declaredKeyTest(entry.evaluated.names, k, g.file)];
    for (const pattern of entry.evaluated.patterns) {
      const patternTest = g.file.pattern(pattern);
      if (patternTest === undefined) return undefined;
      inner.push(`${patternTest}.test(${k})`);
    }
    const nested = conditionalKeyTests(entry.evaluated, x, o, k, code, g, mode, flag);
    if (nested === undefined) return undefined;
    const own = someTest(inner);
    if (own !== 'false') tests.push(`${flag} && ${group(own)}`);
    pushAll(tests, nested);
  }
  return tests;
}

function group(test: string): string {
  return /^[\w.$!]+(\([^()]*\))?$/.test(test) ? test : `(${test})`;
}

/** An object node: its type check, then its properties, required names, counts and keys. */
export function emitObject(
  node: ObjectNode,
  x: string,
  code: Code,
  g: GenContext,
  mode: Mode,
): void {
  const body = code.child();
  const o = g.fn.derived(x, 'record');
  emitObjectMembers(node, x, o, body, g, mode);
  emitTyped(node, x, withLocal(`const ${o} = ${x} as Record<string, unknown>;`, body), code, mode);
}

/** The properties, required names, property counts and key loop of the object in local `o`. */
function emitObjectMembers(
  node: ObjectNode,
  x: string,
  o: string,
  body: Code,
  g: GenContext,
  mode: Mode,
): void {
  const parts = propertyParts(node, g.file.budget);
  if (parts) {
    for (const part of parts) mode.callPart(g.file.part(mode.name, node, part, g.owner), o, body);
  } else {
    emitProperties(
      node,
      0,
      node.properties.length + node.requiredWithoutSchema.length,
      o,
      body,
      g,
      mode,
    );
  }
  if (node.minProperties !== undefined || node.maxProperties !== undefined) {
    const n = g.fn.derived(x, 'count');
    body.line(`const ${n} = Object.keys(${o}).length;`);
    for (const c of propertyCountConstraints(node, n))
      body.ifLine(c.fail, mode.fail(c.expected, o));
  }
  emitKeyLoop(node, x, o, body, g, mode);
}

/**
 * Items `from` to `to` (exclusive) of the object's property checks in local `o`: its properties,
 * then the names `required` lists without a schema. A part function (split.ts) emits one range.
 */
export function emitProperties(
  node: ObjectNode,
  from: number,
  to: number,
  o: string,
  body: Code,
  g: GenContext,
  mode: Mode,
): void {
  const declared = node.properties.length;
  for (const prop of node.properties.slice(from, to)) {
    const required = isRequiredInResponse(prop, g.file.schemas);
    const p = g.fn.property(prop.name);
    const checks = body.child();
    mode.at({ key: prop.name }).check(prop.node, p, checks);
    if (!required && checks.isEmpty) continue;
    body.line(`const ${p} = ${readProperty(o, prop.name, g.file)};`);
    if (required) {
      mode.failOr(`${p} === undefined`, mode.missing(prop.name, summary(prop.node)), checks, body);
    } else {
      body.ifBlock(`${p} !== undefined`, checks);
    }
  }
  const names = node.requiredWithoutSchema.slice(
    Math.max(0, from - declared),
    Math.max(0, to - declared),
  );
  for (const name of names) {
    body.ifLine(`${readProperty(o, name, g.file)} === undefined`, mode.missing(name, 'any value'));
  }
}

/** True when additionalProperties restricts anything. */
function checksAdditional(node: ObjectNode): boolean {
  const additional = node.additionalProperties;
  return additional !== undefined && !(additional.kind === 'any' && !additional.nullable);
}

/**
 * The patternProperties the guards run, each with its compiled pattern. `anyKey` is true when one
 * cannot run (invalid, or not proven safe: patterns.ts): it is taken to match any key, so
 * additionalProperties judges no key of the object.
 */
function keyPatterns(
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

/**
 * The schema for keys that nothing else declares, with what declares the others: additionalProperties
 * (the keys of `properties`, and those the patternProperties loop matched), or else
 * unevaluatedProperties (the names and patterns of every schema combined with this one, read
 * statically: model/schema-types.ts `evaluated`). Undefined when it restricts nothing, or when a
 * pattern cannot run here (patterns.ts): the key might be declared, so it is not judged.
 */
function restOfKeys(
  node: ObjectNode,
  anyKey: boolean,
  file: FileScope,
): { schema: SchemaNode; names: string[]; patternTests: string[]; byLoop: boolean } | undefined {
  if (anyKey) return undefined;
  if (checksAdditional(node))
    return {
      schema: node.additionalProperties!,
      names: node.properties.map((p) => p.name),
      patternTests: [],
      byLoop: true,
    };
  const rest = node.unevaluatedProperties;
  if (rest === undefined || (rest.kind === 'any' && !rest.nullable)) return undefined;
  const evaluated = node.evaluated ?? { names: node.properties.map((p) => p.name), patterns: [] };
  const patternTests: string[] = [];
  for (const pattern of evaluated.patterns) {
    const test = file.pattern(pattern);
    if (test === undefined) return undefined;
    patternTests.push(test);
  }
  return { schema: rest, names: evaluated.names, patternTests, byLoop: false };
}

/**
 * `for (const k in o)`: propertyNames, patternProperties, and additionalProperties or
 * unevaluatedProperties.
 */
function emitKeyLoop(
  node: ObjectNode,
  x: string,
  o: string,
  code: Code,
  g: GenContext,
  mode: Mode,
): void {
  const keys = keyPatterns(node, g.file);
  let rest = restOfKeys(node, keys.anyKey, g.file);
  // Keys evaluated only when a schema applies: tested before the loop, read in it.
  const flags = code.child();
  let k0: string | undefined;
  let conditional: string[] = [];
  if (rest && !rest.byLoop && node.evaluated?.conditional) {
    k0 = g.fn.derived(x, 'key');
    const tests = conditionalKeyTests(node.evaluated, x, o, k0, flags, g, mode);
    if (tests === undefined) rest = undefined;
    else conditional = tests;
  }
  if (!node.propertyNames && keys.patterns.length === 0 && !rest) return;
  code.append(flags);
  const forbidsAll =
    !node.propertyNames &&
    keys.patterns.length === 0 &&
    rest !== undefined &&
    rest.names.length === 0 &&
    rest.patternTests.length === 0 &&
    conditional.length === 0 &&
    rest.schema.kind === 'never' &&
    !rest.schema.nullable;
  // `for (const _k in o) return false;` when any key fails: `_` marks the key as unused.
  const k =
    k0 ?? (forbidsAll && !mode.forbidUsesKey ? g.fn.unused(x, 'key') : g.fn.derived(x, 'key'));
  const keyed = mode.at({ name: k });
  const loop = code.child();
  if (node.propertyNames) keyed.propertyName(node.propertyNames, k, loop);
  const m = rest?.byLoop && keys.patterns.length > 0 ? g.fn.derived(x, 'matched') : undefined;
  const parts = patternParts(node, g.file.budget);
  if (parts) {
    // Too many patterns for one function: each part checks its patterns, and says whether one
    // matched (for additionalProperties) in a function of its own.
    for (const part of parts) {
      mode.callPart(g.file.part(mode.name, node, part, g.owner), `${o}, ${k}`, loop);
    }
    if (m) {
      const calls = parts.map((part) => `${g.file.part('matches', node, part, g.owner)}(${k})`);
      loop.line(`const ${m} = ${calls.join(' || ')};`);
    }
  } else {
    if (m) loop.line(`let ${m} = false;`);
    emitKeyPatterns(node, 0, node.patternProperties.length, x, o, k, loop, g, keyed, m);
  }
  if (rest) {
    const skip = [
      declaredKeyTest(rest.names, k, g.file),
      ...rest.patternTests.map((test) => `${test}.test(${k})`),
      ...(m ? [m] : []),
      ...conditional,
    ];
    const inner = loop.child();
    if (rest.schema.kind === 'never' && !rest.schema.nullable) {
      keyed.forbidKey(x, o, k, inner);
    } else {
      const e = g.fn.derived(x, 'entry');
      inner.line(`const ${e} = ${o}[${k}];`);
      keyed.check(rest.schema, e, inner);
    }
    loop.ifBlock(negate(someTest(skip)), inner);
  }
  code.block(`for (const ${k} in ${o})`, loop);
}

/**
 * patternProperties `from` to `to` (exclusive) of the object in local `o` (locals are named after
 * `x`), for its key in local `k`: each pattern that matches checks the key's value with `keyed`
 * (the mode at the key), and sets the flag in local `m` when given. A part function (split.ts)
 * emits one range.
 */
export function emitKeyPatterns(
  node: ObjectNode,
  from: number,
  to: number,
  x: string,
  o: string,
  k: string,
  code: Code,
  g: GenContext,
  keyed: Mode,
  m?: string,
): void {
  for (const { pattern, node: valueNode } of node.patternProperties.slice(from, to)) {
    const test = g.file.pattern(pattern);
    if (test === undefined) continue;
    const inner = code.child();
    if (m) inner.line(`${m} = true;`);
    const e = g.fn.derived(x, 'entry');
    const checks = inner.child();
    keyed.check(valueNode, e, checks);
    inner.append(withLocal(`const ${e} = ${o}[${k}];`, checks));
    code.ifBlock(`${test}.test(${k})`, inner);
  }
}

/** The tests of patternProperties `from` to `to` (exclusive) on the key in local `k`: `patternX_1.test(k)`. */
export function keyPatternTests(
  node: ObjectNode,
  from: number,
  to: number,
  k: string,
  file: FileScope,
): string[] {
  const tests: string[] = [];
  for (const { pattern } of node.patternProperties.slice(from, to)) {
    const test = file.pattern(pattern);
    if (test !== undefined) tests.push(`${test}.test(${k})`);
  }
  return tests;
}
