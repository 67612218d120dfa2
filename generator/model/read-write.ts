/**
 * `readOnly` and `writeOnly` (OpenAPI 3.x Schema Object: a readOnly property "SHOULD NOT be sent
 * as part of the request", a writeOnly one "SHOULD NOT be sent as part of the response"): which
 * properties each direction carries, and which named schemas need a request shape of their own.
 *
 * A named schema's type X is the schema as responses carry it: readOnly properties as declared,
 * writeOnly properties optional. Where a request (a body or a parameter) uses X and its request
 * shape differs — X leaves out a readOnly property, or requires a writeOnly one, itself or through
 * a schema it refers to — the request uses `XInput` instead: readOnly properties left out,
 * writeOnly ones as declared.
 */
import type { PropertyNode, SchemaNode } from './schema-types.ts';
import type { NamedSchema } from './types.ts';
import { pushAll } from '../json.ts';

/** Which direction a property is left out of: `readOnly`, not sent; `writeOnly`, not returned. */
export interface Direction {
  readOnly: boolean;
  writeOnly: boolean;
}

/** A property's direction: its own `readOnly`/`writeOnly`, or that of the named schema it refers to. */
export function propertyDirection(
  property: PropertyNode,
  byName: ReadonlyMap<string, NamedSchema>,
): Direction {
  const { node } = property;
  const target = node.kind === 'ref' ? byName.get(node.target)?.node : undefined;
  return {
    readOnly: node.readOnly || target?.readOnly === true,
    writeOnly: node.writeOnly || target?.writeOnly === true,
  };
}

/**
 * The directions of the properties that `nodes` declare, through `$ref`s and `allOf`: for a name
 * an `allOf` member lists in `required` while a sibling member declares it (ShipEngine's
 * `required: [shipment_id]` beside `allOf: [$ref: partial_shipment]`, where `shipment_id` is
 * readOnly). A name is readOnly (writeOnly) when any declaration says so.
 */
export function declaredDirections(
  nodes: readonly SchemaNode[],
  byName: ReadonlyMap<string, NamedSchema>,
): Map<string, Direction> {
  const directions = new Map<string, Direction>();
  const seen = new Set<string>();
  const visit = (node: SchemaNode): void => {
    if (node.kind === 'ref') {
      if (seen.has(node.target)) return;
      seen.add(node.target);
      const target = byName.get(node.target);
      if (target !== undefined) visit(target.node);
    } else if (node.kind === 'allOf') {
      for (const member of node.members) visit(member);
    } else if (node.kind === 'object') {
      for (const property of node.properties) {
        const direction = propertyDirection(property, byName);
        const known = directions.get(property.name);
        directions.set(property.name, {
          readOnly: direction.readOnly || known?.readOnly === true,
          writeOnly: direction.writeOnly || known?.writeOnly === true,
        });
      }
    }
  };
  for (const node of nodes) visit(node);
  return directions;
}

/** Calls `visit` on `node` and every node under it, not following refs. */
export function forEachNode(node: SchemaNode, visit: (node: SchemaNode) => void): void {
  visit(node);
  switch (node.kind) {
    case 'array':
      for (const item of node.prefixItems) forEachNode(item, visit);
      if (node.items) forEachNode(node.items, visit);
      return;
    case 'object':
      for (const property of node.properties) forEachNode(property.node, visit);
      for (const { node: pattern } of node.patternProperties) forEachNode(pattern, visit);
      for (const extra of [
        node.additionalProperties,
        node.unevaluatedProperties,
        node.propertyNames,
      ])
        if (extra) forEachNode(extra, visit);
      return;
    case 'union':
      for (const variant of node.variants) forEachNode(variant, visit);
      return;
    case 'allOf':
      for (const member of node.members) forEachNode(member, visit);
      return;
    case 'not':
      forEachNode(node.node, visit);
      return;
    default:
      return;
  }
}

/** The named schemas `node` refers to (directly, not through them). */
function refTargets(node: SchemaNode): Set<string> {
  const targets = new Set<string>();
  forEachNode(node, (n) => {
    if (n.kind === 'ref') targets.add(n.target);
  });
  return targets;
}

/**
 * The named schemas that need an `XInput` type: their request shape differs from their response
 * shape, and a request uses them (`requestNodes`: request bodies and parameters), directly or
 * through other such schemas. Returns their names.
 */
export function schemasNeedingInput(
  schemas: readonly NamedSchema[],
  requestNodes: readonly SchemaNode[],
): Set<string> {
  const byName = new Map(schemas.map((schema) => [schema.name, schema]));
  const differs = new Set<string>();
  const refs = new Map(schemas.map((schema) => [schema.name, refTargets(schema.node)]));
  for (const schema of schemas) if (differsOwn(schema.node, byName)) differs.add(schema.name);
  for (let grew = true; grew;) {
    grew = false;
    for (const schema of schemas) {
      if (differs.has(schema.name)) continue;
      if ([...(refs.get(schema.name) ?? [])].some((target) => differs.has(target))) {
        differs.add(schema.name);
        grew = true;
      }
    }
  }
  const needed = new Set<string>();
  const queue = requestNodes.flatMap((node) => [...refTargets(node)]);
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (needed.has(name) || !differs.has(name)) continue;
    needed.add(name);
    pushAll(queue, refs.get(name) ?? []);
  }
  return needed;
}

/** Whether an object under `node` (not through refs) has a readOnly or a required writeOnly property. */
function differsOwn(node: SchemaNode, byName: ReadonlyMap<string, NamedSchema>): boolean {
  let found = false;
  forEachNode(node, (n) => {
    if (found || n.kind !== 'object') return;
    found = n.properties.some((property) => {
      const direction = propertyDirection(property, byName);
      return direction.readOnly || (direction.writeOnly && property.required);
    });
  });
  return found;
}
