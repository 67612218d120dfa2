/**
 * Printing a date plan (plan.ts) twice: as the revived type, with the runtime's generic `Revive`
 * over the wire type (`Revive<Plan, { properties: { createdAt: 'date-time' } }>`), and as the
 * runtime's `DatePlan` value that `reviveDates` follows (`{ properties: { createdAt:
 * 'date-time' } }`). The type keeps everything that is not a date as the wire type has it (each
 * union member, each property's optionality); the value leaves alone what does not fit, so the
 * code depends on no detail of the wire types.
 */
import { isIdentifierName, stringLiteral } from '../../model/names.ts';
import { isInheritedMember } from '../../model/sdk-names.ts';
import { DATES_REVIVED_NAME } from '../../reserved-names.ts';
import type { Reviver } from './plan.ts';

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
    case 'array':
      return `{ items: ${typePlan(reviver.items, scope)} }`;
    case 'map':
      return `{ values: ${typePlan(reviver.values, scope)} }`;
    case 'object': {
      const members = reviver.properties.map(
        (p) => `${propertyKey(p.name)}: ${typePlan(p.reviver, scope)}`,
      );
      return `{ properties: { ${members.join('; ')} } }`;
    }
  }
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
    case 'array':
      return `{ items: ${valuePlan(reviver.items, scope)} }`;
    case 'map':
      return `{ values: ${valuePlan(reviver.values, scope)} }`;
    case 'object': {
      const members = reviver.properties.map(
        (p) => `${propertyKey(p.name)}: ${valuePlan(p.reviver, scope)}`,
      );
      // A key every object has (`toString`, `constructor`) takes its contextual type from
      // Object's member, not from the record's values, and 'date-time' would widen to string:
      // `as const` keeps the literals.
      const pinned = reviver.properties.some((p) => isInheritedMember(p.name)) ? ' as const' : '';
      return `{ properties: { ${members.join(', ')} }${pinned} }`;
    }
  }
}

function propertyKey(name: string): string {
  // `__proto__` never gets here (plan.ts); any other name is safe as a quoted key.
  return isIdentifierName(name) ? name : stringLiteral(name);
}
