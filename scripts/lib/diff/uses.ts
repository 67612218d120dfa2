/**
 * Where the operations of a bundled spec use each named schema: in the parameters of a request
 * (path, query, header, cookie), a request body (any media type), a success response, an error
 * response or a response header. Every way a schema is reached counts: `$ref` chains (through
 * components of every kind), `allOf`/`oneOf`/`anyOf`, `items`, `additionalProperties`, properties.
 *
 * `npm run diff` reads it for the schema types no method's signature reaches (sdk.ts): such a type
 * is compared as passed when a request uses it, as read when a response does, and is named for
 * what uses it.
 */
import { holdsObjects } from '../../../generator/document-keys.ts';
import { isRecord } from '../../../generator/json.ts';
import { getByPointer, refOf, refPointer } from '../../../generator/pointer.ts';

export type SchemaUse =
  'parameters' | 'request bodies' | 'responses' | 'error responses' | 'response headers';

export const INPUT_USES: ReadonlySet<SchemaUse> = new Set(['parameters', 'request bodies']);

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Named schema pointer (`#/components/schemas/Plan`) → what uses it. */
export function schemaUses(doc: Record<string, unknown>): Map<string, Set<SchemaUse>> {
  const uses = new Map<string, Set<SchemaUse>>();
  const seen = new Set<string>();
  const walk = (value: unknown, use: SchemaUse): void => {
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        stack.push(...(node as unknown[]));
        continue;
      }
      if (!isRecord(node)) continue;
      const ref = refOf(node);
      const pointer = ref === undefined ? undefined : refPointer(ref);
      if (pointer !== undefined) {
        if (seen.has(`${use}\0${pointer}`)) continue;
        seen.add(`${use}\0${pointer}`);
        if (pointer.startsWith('#/components/schemas/')) {
          let set = uses.get(pointer);
          if (set === undefined) uses.set(pointer, (set = new Set()));
          set.add(use);
        }
        stack.push(getByPointer(doc, pointer));
      }
      for (const [key, member] of Object.entries(node))
        if (key !== '$ref' && key !== 'callbacks' && key !== 'links' && holdsObjects(key))
          stack.push(member);
    }
  };
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const raw of Object.values(paths)) {
    const item = resolved(doc, raw);
    if (!isRecord(item)) continue;
    walk(item.parameters, 'parameters');
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      walk(operation.parameters, 'parameters');
      walk(operation.requestBody, 'request bodies');
      const responses = isRecord(operation.responses) ? operation.responses : {};
      for (const [status, rawResponse] of Object.entries(responses)) {
        const response = resolved(doc, rawResponse);
        if (!isRecord(response)) continue;
        walk(response.content, /^2/.test(status) ? 'responses' : 'error responses');
        walk(response.headers, 'response headers');
      }
    }
  }
  return uses;
}

/** A Reference Object followed to what it names (a path item or a response), a few steps at most. */
function resolved(doc: Record<string, unknown>, value: unknown): unknown {
  for (let step = 0; step < 10; step++) {
    const ref = refOf(value);
    const pointer = ref === undefined ? undefined : refPointer(ref);
    if (pointer === undefined) return value;
    value = getByPointer(doc, pointer);
  }
  return value;
}
