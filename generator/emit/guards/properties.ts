/**
 * The guards' reading of readOnly/writeOnly: they check values as they arrive in responses.
 * A readOnly property is checked like any other (servers send it); a writeOnly property is never
 * required (servers do not send it: OpenAPI says `required` then applies to requests only) but is
 * checked when present.
 */
import type { PropertyNode } from '../../model/schema-types.ts';
import type { NamedSchema } from '../../model/types.ts';

function isWriteOnly(prop: PropertyNode, schemas: ReadonlyMap<string, NamedSchema>): boolean {
  if (prop.node.writeOnly) return true;
  return prop.node.kind === 'ref' && schemas.get(prop.node.target)?.node.writeOnly === true;
}

export function isRequiredInResponse(
  prop: PropertyNode,
  schemas: ReadonlyMap<string, NamedSchema>,
): boolean {
  return prop.required && !isWriteOnly(prop, schemas);
}
