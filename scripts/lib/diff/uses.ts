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
  const seen = new Map<SchemaUse, Set<string>>();
  for (const { parts } of operationsOf(doc))
    for (const [use, value] of parts) {
      let seenHere = seen.get(use);
      if (seenHere === undefined) seen.set(use, (seenHere = new Set()));
      walkSchemas(doc, value, seenHere, (pointer) => {
        let set = uses.get(pointer);
        if (set === undefined) uses.set(pointer, (set = new Set()));
        set.add(use);
      });
    }
  return uses;
}

/**
 * Named schema pointer → the operations that use it, anywhere (`GET /plans/{plan}`), in the order
 * of their paths, then of their methods: what a wire line names when a shared schema changed.
 */
export function schemaOperations(doc: Record<string, unknown>): Map<string, string[]> {
  const operations = new Map<string, string[]>();
  for (const { name, parts } of operationsOf(doc)) {
    const seen = new Set<string>();
    const add = (pointer: string): void => {
      const list = operations.get(pointer) ?? [];
      if (!list.includes(name)) operations.set(pointer, [...list, name]);
    };
    for (const [use, value] of parts) {
      // A shared parameter (`$ref: '#/components/parameters/Limit'`): Redocly reports a change
      // of it once, at the first operation; the wire line names every operation using it.
      if (use === 'parameters' && Array.isArray(value))
        for (const parameter of value as unknown[]) {
          const ref = refOf(parameter);
          const pointer = ref === undefined ? undefined : refPointer(ref);
          if (pointer?.startsWith('#/components/parameters/') === true) add(pointer);
        }
      walkSchemas(doc, value, seen, add);
    }
  }
  return operations;
}

/** Each operation of the spec (`GET /plans`) with its parts, by what they are used for. */
function* operationsOf(
  doc: Record<string, unknown>,
): Generator<{ name: string; parts: [SchemaUse, unknown][] }> {
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const path of Object.keys(paths).sort()) {
    const item = resolved(doc, paths[path]);
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const parts: [SchemaUse, unknown][] = [
        ['parameters', item.parameters],
        ['parameters', operation.parameters],
        ['request bodies', operation.requestBody],
      ];
      const responses = isRecord(operation.responses) ? operation.responses : {};
      for (const [status, rawResponse] of Object.entries(responses)) {
        const response = resolved(doc, rawResponse);
        if (!isRecord(response)) continue;
        parts.push([/^2/.test(status) ? 'responses' : 'error responses', response.content]);
        parts.push(['response headers', response.headers]);
      }
      yield { name: `${method.toUpperCase()} ${path}`, parts };
    }
  }
}

/** Calls `visit` with each named schema `value` reaches that `seen` does not hold yet. */
function walkSchemas(
  doc: Record<string, unknown>,
  value: unknown,
  seen: Set<string>,
  visit: (pointer: string) => void,
): void {
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
      if (seen.has(pointer)) continue;
      seen.add(pointer);
      if (pointer.startsWith('#/components/schemas/')) visit(pointer);
      stack.push(getByPointer(doc, pointer));
    }
    for (const [key, member] of Object.entries(node))
      if (key !== '$ref' && key !== 'callbacks' && key !== 'links' && holdsObjects(key))
        stack.push(member);
  }
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
