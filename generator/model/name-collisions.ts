/**
 * Two parts of a spec that want the same TypeScript name: `components.schemas` keys that differ
 * only in case or punctuation (`plan-item` and `PlanItem`, `Plan` and `plan`), an operation's
 * `…Params`, `…Body` or `…Response` type and a schema, two operations whose resources make one
 * singular (`plan.list`, `plans.list`). One keeps the name, the others get a number (`PlanItem2`;
 * which one, names.ts `rankClaims` says, never the spec's order): an export users would not
 * guess, so each rename is a warning that names both places, the name each got, and how to tell
 * them apart. The generator reads no naming
 * extension (such as `x-typescript-name`): names come from the keys, `x-sdk-method` and the
 * operation's path, so the fix renames one of those. A resource class beside a schema of its
 * name (tag `pet`, schema `Pet`) is `PetResource` (build-resources.ts), with no warning: it is
 * common, and users reach it as `client.pet`, not by its name.
 */
import { joinPointer } from '../errors.ts';
import type { Warnings } from '../warnings.ts';
import type { NameCollision, NameOwner } from './names.ts';
import type { OperationModel } from './types.ts';

/** The callback a NameRegistry reports its renames to: each one a warning of its own. */
export function warnNameCollisions(
  file: string,
  warnings: Warnings,
): (collision: NameCollision) => void {
  return ({ wanted, got, owner, holder }) => {
    const why =
      holder === undefined
        ? `the package declares \`${wanted}\` itself`
        : `${holder.what}${holder.what.includes(holder.pointer) ? '' : ` (${holder.pointer})`} is named \`${wanted}\``;
    warnings.add(
      `name-collision:${got}`,
      `${owner.what} would be named \`${wanted}\`, but ${why}, so it is named \`${got}\``,
      { file, pointer: owner.pointer },
      holder === undefined
        ? `${owner.fix} (the generator reads no naming extension such as \`x-typescript-name\`)`
        : `${owner.fix}, or ${holder.fix}, so that the two make different names (the generator reads no naming extension such as \`x-typescript-name\`)`,
    );
  };
}

/** A `components.schemas` key as the owner of its type name. */
export function schemaOwner(key: string): NameOwner {
  const pointer = joinPointer('#/components/schemas', key);
  return {
    pointer,
    what: `the schema ${pointer}`,
    fix: `rename the \`components.schemas\` key ${JSON.stringify(key)} (and its $refs)`,
  };
}

/** The request shape (`…Input`) of a schema as the owner of its type name. */
export function inputOwner(key: string): NameOwner {
  const owner = schemaOwner(key);
  return { ...owner, what: `the request shape (readOnly properties left out) of ${owner.what}` };
}

/** One of an operation's own types (`params`, `body`, `response`) as the owner of its name. */
export function operationOwner(
  operation: Pick<OperationModel, 'method' | 'path' | 'pointer' | 'sdk'>,
  type: 'params' | 'request body' | 'response',
): NameOwner {
  const { method, path, pointer, sdk } = operation;
  const where = `${method.toUpperCase()} ${path}`;
  return {
    pointer,
    what: `the ${type} type of \`client.${sdk.resource}.${sdk.method}()\` (${where})`,
    fix: `give ${where} another \`x-sdk-method\` (the type is named after its resource and method)`,
  };
}

/** An operation as the owner of its SDK method's name in `client.<resource>`. */
export function methodOwner(
  draft: Pick<OperationModel, 'method' | 'path' | 'pointer'>,
  resource: string,
): NameOwner {
  const where = `${draft.method.toUpperCase()} ${draft.path}`;
  return {
    pointer: draft.pointer,
    what: `the SDK method of ${where} in \`client.${resource}\``,
    fix: `give ${where} its own \`x-sdk-method: ${resource}.<method>\``,
  };
}

/**
 * A resource's class (`client.pets` → `Pets`) as the owner of its name, placed at its first
 * operation: the resource is named after the operations' tag or `x-sdk-method`.
 */
export function resourceOwner(
  resource: string,
  first: Pick<OperationModel, 'method' | 'path' | 'pointer'>,
): NameOwner {
  return {
    pointer: first.pointer,
    what: `the class of the resource \`client.${resource}\` (its first operation ${first.method.toUpperCase()} ${first.path})`,
    fix: `give its operations another resource (their tag, or \`x-sdk-method: <resource>.<method>\`)`,
  };
}

/** A client option's parameter type (`ProjectParam`) as the owner of its name. */
export function clientOptionOwner(option: string, operationPointer: string): NameOwner {
  return {
    pointer: operationPointer,
    what: `the type of the client option \`${option}\` (\`x-sdk-client-option\` of a parameter here)`,
    fix: `rename the client option \`${option}\``,
  };
}
