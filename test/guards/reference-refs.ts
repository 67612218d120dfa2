/**
 * The reference validator reads the component schemas only (reference.ts), but a spec's `$ref` may
 * name any schema of the document: `#/paths/~1items/get/parameters/0/schema`, a parameter's
 * schema in `components.parameters`. The generator follows such refs (they pass the bundler);
 * ajv, given `components` alone, cannot ("can't resolve reference").
 *
 * `withOutsideRefsAsComponents` copies each such target into `components.schemas`, under its
 * pointer as the key (`#/paths/…`: no component key can start with `#`), and points the refs at
 * the copy, so every adaptation of differences.ts and the draft-07 translation apply to it as to
 * any component. Refs are read as the generator reads them (generator/pointer.ts).
 */
import { isRecord } from '../../generator/json.ts';
import { getByPointer, pointerTokens, refPointer } from '../../generator/pointer.ts';
import { mapSchema, type RawSchema } from '../helpers/schema-walk.ts';

/** `doc.components` (a copy) with every schema a component schema refers to outside them. */
export function withOutsideRefsAsComponents(doc: RawSchema): RawSchema {
  const components = isRecord(doc.components) ? doc.components : {};
  const schemas: RawSchema = isRecord(components.schemas) ? { ...components.schemas } : {};
  const pending = Object.keys(schemas);
  for (let key = pending.shift(); key !== undefined; key = pending.shift()) {
    schemas[key] = mapSchema(schemas[key], (schema) => {
      const pointer = typeof schema.$ref === 'string' ? refPointer(schema.$ref) : undefined;
      if (pointer === undefined || isInComponentSchemas(pointer)) return schema;
      if (!Object.hasOwn(schemas, pointer)) {
        const target = getByPointer(doc, pointer);
        // A ref to nothing (or to no schema) stays as written: ajv reports it.
        if (!isRecord(target) && typeof target !== 'boolean') return schema;
        schemas[pointer] = target;
        pending.push(pointer);
      }
      return { ...schema, $ref: componentSchemaRef(pointer) };
    });
  }
  return { ...components, schemas };
}

function isInComponentSchemas(pointer: string): boolean {
  const [components, schemas] = pointerTokens(pointer);
  return components === 'components' && schemas === 'schemas';
}

function componentSchemaRef(key: string): string {
  return `#/components/schemas/${encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
}
