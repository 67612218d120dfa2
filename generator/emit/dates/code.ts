/**
 * Printing a date plan (plan.ts) twice: as the revived type, with the runtime's generic `Revive`
 * over the wire type (`Revive<Plan, { properties: { createdAt: 'date-time' } }>`), and as the
 * runtime's `DatePlan` value that `reviveDates` follows (`{ properties: { createdAt:
 * 'date-time' } }`). The type keeps everything that is not a date as the wire type has it (each
 * union member, each property's optionality); the value leaves alone what does not fit, so the
 * code depends on no detail of the wire types.
 */
import { literalKey, propertyKey, stringLiteral } from '../../model/names.ts';
import type { RegexModel } from '../../model/schema-types.ts';
import { isInheritedMember } from '../../model/sdk-names.ts';
import { DATES_REVIVED_NAME } from '../../reserved-names.ts';
import type { Keep, RestOfKeys, Reviver } from './plan.ts';

/** What printing one file's plans needs to record: the guards and wire types used by name. */
export interface DatesScope {
  /** Guard functions used (`isPlan`), for the import from the guards module. */
  readonly guards: Set<string>;
  /** Wire types used by name (`Plan`), for the type import. */
  readonly types: Set<string>;
}

/** `Revived['Plan']`. */
export function revivedRef(typeName: string): string {
  return `${DATES_REVIVED_NAME}[${stringLiteral(typeName)}]`;
}

/** `revivePlan`. */
export function reviveName(typeName: string): string {
  return `revive${typeName}`;
}

/** `datesOfPlan`: the module constant holding a schema's DatePlan. */
export function planName(typeName: string): string {
  return `datesOf${typeName}`;
}

/** The type-level plan for `Revive<Wire, …, Revived>`: named schemas by `[Wire, 'Name']`. */
export function typePlan(reviver: Reviver, scope: DatesScope): string {
  switch (reviver.kind) {
    case 'date':
      return "'date-time'";
    case 'ref':
      scope.types.add(reviver.target);
      return `{ ref: [${reviver.target}, ${stringLiteral(reviver.target)}] }`;
    case 'variants': {
      for (const target of reviver.targets) scope.types.add(target);
      const pairs = reviver.targets.map((t) => `[${t}, ${stringLiteral(t)}]`);
      return `{ variants: [${pairs.join(', ')}] }`;
    }
    case 'tagged': {
      const cases = reviver.cases.map(
        (c) => `${propertyKey(c.value)}: ${typePlan(c.reviver, scope)}`,
      );
      return `{ tag: ${stringLiteral(reviver.property)}; cases: { ${cases.join('; ')} } }`;
    }
    case 'kinds': {
      const kinds = Object.entries(reviver.kinds).map(([k, r]) => `${k}: ${typePlan(r, scope)}`);
      return `{ kinds: { ${kinds.join('; ')} } }`;
    }
    case 'array': {
      const items = keepOr(reviver.items, (r) => typePlan(r, scope));
      if (!reviver.prefix) return `{ items: ${items} }`;
      const prefix = reviver.prefix.map((p) => keepOr(p, (r) => typePlan(r, scope)));
      return `{ prefix: [${prefix.join(', ')}]; items: ${items} }`;
    }
    case 'map':
      return `{ values: ${typePlan(reviver.values, scope)} }`;
    case 'object': {
      // In a type, `__proto__` is an ordinary property name; in the value plan (valuePlan) it is
      // computed, since `"__proto__": x` in an object literal sets the prototype.
      const members = reviver.properties.map(
        (p) => `${propertyKey(p.name)}: ${typePlan(p.reviver, scope)}`,
      );
      if (!reviver.rest) return `{ properties: { ${members.join('; ')} } }`;
      const named = new Set(reviver.properties.map((p) => p.name));
      for (const name of reviver.rest.declared)
        if (!named.has(name)) members.push(`${propertyKey(name)}: 'keep'`);
      return `{ properties: { ${members.join('; ')} }; rest: ${restType(reviver.rest, scope)} }`;
    }
  }
}

/**
 * The type-level plan of the keys `properties` does not declare: additionalProperties' own when
 * no pattern can take a key from it, else `{ either: […] }` (the value may be revived by any of
 * them, or by none).
 */
function restType(rest: RestOfKeys, scope: DatesScope): string {
  const additional = keepOr(rest.additional, (r) => typePlan(r, scope));
  if (rest.patterns.length === 0) return additional;
  const plans = rest.patterns.map((p) => keepOr(p.reviver, (r) => typePlan(r, scope)));
  return `{ either: [${[...plans, additional].join(', ')}] }`;
}

function keepOr(plan: Keep<Reviver>, print: (reviver: Reviver) => string): string {
  return plan === 'keep' ? "'keep'" : print(plan);
}

/** The runtime `DatePlan` value. */
export function valuePlan(reviver: Reviver, scope: DatesScope): string {
  switch (reviver.kind) {
    case 'date':
      return "'date-time'";
    case 'ref':
      // A function: the constant may be declared further down, or be this one.
      return `() => ${planName(reviver.target)}`;
    case 'variants': {
      const pairs = reviver.targets.map((target) => {
        scope.guards.add(`is${target}`);
        return `[is${target}, () => ${planName(target)}]`;
      });
      return `{ variants: [${pairs.join(', ')}] }`;
    }
    case 'tagged': {
      const cases = reviver.cases.map(
        (c) => `${literalKey(c.value)}: ${valuePlan(c.reviver, scope)}`,
      );
      const pinned = reviver.cases.some((c) => isInheritedMember(c.value)) ? ' as const' : '';
      return `{ tag: ${stringLiteral(reviver.property)}, cases: { ${cases.join(', ')} }${pinned} }`;
    }
    case 'kinds': {
      const kinds = Object.entries(reviver.kinds).map(([k, r]) => `${k}: ${valuePlan(r, scope)}`);
      return `{ kinds: { ${kinds.join(', ')} } }`;
    }
    case 'array': {
      const items = keepOr(reviver.items, (r) => valuePlan(r, scope));
      if (!reviver.prefix) return `{ items: ${items} }`;
      const prefix = reviver.prefix.map((p) => keepOr(p, (r) => valuePlan(r, scope)));
      return `{ prefix: [${prefix.join(', ')}], items: ${items} }`;
    }
    case 'map':
      return `{ values: ${valuePlan(reviver.values, scope)} }`;
    case 'object': {
      const members = reviver.properties.map(
        (p) => `${literalKey(p.name)}: ${valuePlan(p.reviver, scope)}`,
      );
      const names = reviver.properties.map((p) => p.name);
      if (reviver.rest) {
        const named = new Set(names);
        for (const name of reviver.rest.declared) {
          if (named.has(name)) continue;
          members.push(`${literalKey(name)}: 'keep'`);
          names.push(name);
        }
      }
      // A key every object has (`toString`, `constructor`) takes its contextual type from
      // Object's member, not from the record's values, and 'date-time' would widen to string:
      // `as const` keeps the literals.
      const pinned = names.some(isInheritedMember) ? ' as const' : '';
      const properties = `properties: { ${members.join(', ')} }${pinned}`;
      if (!reviver.rest) return `{ ${properties} }`;
      const patterns = reviver.rest.patterns.map(
        (p) => `[${regExp(p.pattern)}, ${keepOr(p.reviver, (r) => valuePlan(r, scope))}]`,
      );
      const additional = keepOr(reviver.rest.additional, (r) => valuePlan(r, scope));
      return `{ ${properties}, patterns: [${patterns.join(', ')}], values: ${additional} }`;
    }
  }
}

/** `new RegExp("^at_", "u")`: the pattern as text, so nothing of the spec is parsed as code. */
function regExp(regex: RegexModel): string {
  const flags = regex.flags === '' ? '' : `, ${stringLiteral(regex.flags)}`;
  return `new RegExp(${stringLiteral(regex.source)}${flags})`;
}
