/**
 * Printing a date plan (plan.ts): the revived type of a value, and the straight-line code that
 * revives it. Types are written against the wire type, so everything that is not a date keeps
 * openapi-typescript's type: `Omit<Plan, 'createdAt'> & { createdAt: Date }`.
 */
import { isIdentifierName, propertyAccess, stringLiteral } from '../../model/names.ts';
import type { Reviver } from './plan.ts';

/**
 * `Omit` for each member of a union, declared in the dates module: a plain `Omit` over a union (or
 * over an intersection with a union, `Base & ({ name } | { company })`) merges its members into one
 * object type, and the revived value's wire form would no longer be assignable to the schema type.
 */
export const OMIT_EACH = 'OmitEach';
export const OMIT_EACH_DECLARATION = `/** \`Omit\` for each member of a union, so that a union keeps its members. */
type ${OMIT_EACH}<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;`;

/** The name of the interface that holds every revived type, keyed by schema type name. */
export const REVIVED = 'Revived';

/** What printing one named schema's functions needs from the file. */
export interface DatesScope {
  /** Guard functions used (`isPlan`), for the import from the guards module. */
  readonly guards: Set<string>;
  /** Wire types used by name (`Plan`), for the type import. */
  readonly types: Set<string>;
  /** Private helpers for inline objects, printed after the schema's own functions. */
  readonly helpers: HelperFunction[];
  /** The schema whose functions are being printed (names its helpers). */
  readonly owner: string;
}

export interface HelperFunction {
  name: string;
  /** The wire type of the value (never null or undefined). */
  parameterType: string;
  returnType: string;
  statements: string[];
}

/** `Revived['Plan']`. */
export function revivedRef(typeName: string): string {
  return `${REVIVED}[${stringLiteral(typeName)}]`;
}

/** `revivePlan`. */
export function reviveName(typeName: string): string {
  return `revive${typeName}`;
}

/** The wire type without null and undefined: a named type as it is, anything else wrapped. */
function nonNull(wire: string, clean: boolean): string {
  return clean ? wire : `NonNullable<${wire}>`;
}

/** A wire type position: the type expression and whether it is known to hold no null/undefined. */
export interface Wire {
  type: string;
  clean: boolean;
}

/** The revived type of a value of wire type `wire` that `reviver` revives. */
export function revivedType(reviver: Reviver, wire: Wire, scope: DatesScope): string {
  const core = coreType(reviver, wire, scope);
  return reviver.nullable ? `${core} | null` : core;
}

function coreType(reviver: Reviver, wire: Wire, scope: DatesScope): string {
  const base = nonNull(wire.type, wire.clean);
  switch (reviver.kind) {
    case 'date':
      return 'Date';
    case 'ref':
      return revivedRef(reviver.target);
    case 'array': {
      const item = revivedType(
        reviver.items,
        { type: `${base}[number]`, clean: !reviver.items.nullable },
        scope,
      );
      return /[ |&]/.test(item) ? `Array<${item}>` : `${item}[]`;
    }
    case 'map':
      return `Record<string, ${revivedType(reviver.values, { type: `${base}[string]`, clean: false }, scope)}>`;
    case 'variants': {
      if (reviver.open === true) return 'unknown';
      for (const target of reviver.targets) scope.types.add(target);
      const revived = reviver.targets.map(revivedRef);
      return [`Exclude<${base}, ${reviver.targets.join(' | ')}>`, ...revived].join(' | ');
    }
    case 'object': {
      const keys = reviver.properties.map((p) => stringLiteral(p.name)).join(' | ');
      const members = reviver.properties.map((p) => {
        const type = revivedType(
          p.reviver,
          { type: `${base}[${stringLiteral(p.name)}]`, clean: false },
          scope,
        );
        return `${propertyName(p.name)}${p.required ? '' : '?'}: ${type}`;
      });
      return `${OMIT_EACH}<${base}, ${keys}> & { ${members.join('; ')} }`;
    }
  }
}

function propertyName(name: string): string {
  return isIdentifierName(name) ? name : stringLiteral(name);
}

/**
 * The statements of a function that revives `value` (of wire type `wire`, known not to be null
 * or undefined) with an object reviver: a copy whose date-holding properties are revived in place,
 * so the keys keep their order. Optional ones are left out of the spread's type (`base`) and put
 * back only when present.
 */
export function objectBody(
  reviver: Reviver & { kind: 'object' },
  wire: Wire,
  scope: DatesScope,
): string[] {
  const base = nonNull(wire.type, wire.clean);
  const optional = reviver.properties.filter((p) => !p.required);
  const statements: string[] = [];
  let spread = 'value';
  if (optional.length > 0) {
    const omitted = optional.map((p) => stringLiteral(p.name)).join(' | ');
    statements.push(`const base: ${OMIT_EACH}<${base}, ${omitted}> = value;`);
    spread = 'base';
  }
  const locals = new Locals();
  const parts = [`...${spread}`];
  for (const p of reviver.properties) {
    const read = `value${propertyAccess(p.name)}`;
    const propertyWire = { type: `${base}[${stringLiteral(p.name)}]`, clean: false };
    const entry = `${propertyName(p.name)}: ${expression(p.reviver, read, propertyWire, scope, locals)}`;
    parts.push(p.required ? entry : `...(${read} === undefined ? {} : { ${entry} })`);
  }
  statements.push(`return { ${parts.join(', ')} };`);
  return statements;
}

/** The expression that revives `x` (a local or a parameter; null only when the reviver is nullable). */
export function expression(
  reviver: Reviver,
  x: string,
  wire: Wire,
  scope: DatesScope,
  locals = new Locals(),
): string {
  const core = coreExpression(reviver, x, wire, scope, locals);
  return reviver.nullable ? `${x} === null ? null : ${core}` : core;
}

function coreExpression(
  reviver: Reviver,
  x: string,
  wire: Wire,
  scope: DatesScope,
  locals: Locals,
): string {
  const base = nonNull(wire.type, wire.clean);
  switch (reviver.kind) {
    case 'date':
      return `parseDateTime(${x})`;
    case 'ref':
      return `${reviveName(reviver.target)}(${x})`;
    case 'array': {
      // `items.map(revivePlan)`: the index map passes second is ignored by the one-parameter reviver.
      if (reviver.items.kind === 'ref' && !reviver.items.nullable)
        return `${x}.map(${reviveName(reviver.items.target)})`;
      const v = locals.next('v');
      const itemWire = { type: `${base}[number]`, clean: !reviver.items.nullable };
      return `${x}.map((${v}) => ${expression(reviver.items, v, itemWire, scope, locals)})`;
    }
    case 'map': {
      const k = locals.next('k');
      const v = locals.next('v');
      const valueWire = { type: `${base}[string]`, clean: false };
      const value = expression(reviver.values, v, valueWire, scope, locals);
      return `Object.fromEntries(Object.entries(${x}).map(([${k}, ${v}]) => [${k}, ${value}]))`;
    }
    case 'variants': {
      let out = x;
      for (const target of [...reviver.targets].reverse()) {
        scope.guards.add(`is${target}`);
        out = `is${target}(${x}) ? ${reviveName(target)}(${x}) : ${out}`;
      }
      return out;
    }
    case 'object': {
      // The slot is taken first: objects nested in this one get helpers of their own meanwhile.
      const helper: HelperFunction = {
        name: `${reviveName(scope.owner)}_${scope.helpers.length + 1}`,
        parameterType: base,
        returnType: '',
        statements: [],
      };
      scope.helpers.push(helper);
      const objectWire = { type: base, clean: true };
      helper.returnType = revivedType({ ...reviver, nullable: false }, objectWire, scope);
      helper.statements = objectBody(reviver, objectWire, scope);
      return `${helper.name}(${x})`;
    }
  }
}

/** Fresh local names within one function: `v0`, `k1`. */
export class Locals {
  private count = 0;

  next(prefix: 'v' | 'k'): string {
    return `${prefix}${this.count++}`;
  }
}
