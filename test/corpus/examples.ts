/**
 * Every example of a bundled OpenAPI document with the schema it illustrates: `example` and
 * `examples` of Schema Objects (at any depth), of JSON media types, of parameters and of headers,
 * Example Objects followed through `$ref`. Each schema that has an example is then given a
 * component name of its own (`augment`), so the reference validator and the guards emitter, which
 * both work on named schemas, check the very same subschema.
 */

import { joinPointer } from '../../generator/errors.ts';
import { isRecord } from '../../generator/json.ts';
import { getByPointer, refPointer } from '../../generator/pointer.ts';
import { subschemas } from '../helpers/schema-walk.ts';

export type Doc = Record<string, unknown>;

export interface SpecExample {
  /** JSON pointer of the example value. */
  where: string;
  /** JSON pointer of the schema it illustrates. */
  schema: string;
  value: unknown;
}

export function collectExamples(doc: Doc): SpecExample[] {
  const found: SpecExample[] = [];
  const walker = new Walker(doc, found);
  const components = isRecord(doc.components) ? doc.components : {};
  for (const [section, visit] of [
    ['schemas', (v: unknown, p: string) => walker.schema(v, p)],
    ['parameters', (v: unknown, p: string) => walker.parameter(v, p)],
    ['headers', (v: unknown, p: string) => walker.parameter(v, p)],
    ['requestBodies', (v: unknown, p: string) => walker.body(v, p)],
    ['responses', (v: unknown, p: string) => walker.response(v, p)],
  ] as const) {
    const entries = components[section];
    if (!isRecord(entries)) continue;
    for (const [key, value] of Object.entries(entries))
      visit(value, joinPointer('#/components', section, key));
  }
  for (const root of ['paths', 'webhooks'] as const) {
    const items = doc[root];
    if (!isRecord(items)) continue;
    for (const [key, item] of Object.entries(items))
      walker.pathItem(item, joinPointer(`#/${root}`, key));
  }
  return found;
}

class Walker {
  constructor(
    private readonly doc: Doc,
    private readonly found: SpecExample[],
  ) {}

  pathItem(item: unknown, pointer: string): void {
    if (!isRecord(item) || '$ref' in item) return;
    this.parameters(item.parameters, joinPointer(pointer, 'parameters'));
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const at = joinPointer(pointer, method);
      this.parameters(operation.parameters, joinPointer(at, 'parameters'));
      this.body(operation.requestBody, joinPointer(at, 'requestBody'));
      if (isRecord(operation.responses)) {
        for (const [status, response] of Object.entries(operation.responses))
          this.response(response, joinPointer(at, 'responses', status));
      }
      if (isRecord(operation.callbacks)) {
        for (const [name, callback] of Object.entries(operation.callbacks)) {
          if (!isRecord(callback)) continue;
          for (const [expression, callbackItem] of Object.entries(callback))
            this.pathItem(callbackItem, joinPointer(at, 'callbacks', name, expression));
        }
      }
    }
  }

  parameters(list: unknown, pointer: string): void {
    if (Array.isArray(list)) list.forEach((p, i) => this.parameter(p, joinPointer(pointer, i)));
  }

  /** A Parameter or Header Object. */
  parameter(parameter: unknown, pointer: string): void {
    if (!isRecord(parameter) || '$ref' in parameter) return;
    if (isRecord(parameter.schema)) {
      const schema = joinPointer(pointer, 'schema');
      this.schema(parameter.schema, schema);
      this.exampleAndExamples(parameter, pointer, schema);
    }
    this.content(parameter.content, joinPointer(pointer, 'content'));
  }

  body(body: unknown, pointer: string): void {
    if (isRecord(body) && !('$ref' in body))
      this.content(body.content, joinPointer(pointer, 'content'));
  }

  response(response: unknown, pointer: string): void {
    if (!isRecord(response) || '$ref' in response) return;
    this.content(response.content, joinPointer(pointer, 'content'));
    if (isRecord(response.headers)) {
      for (const [name, header] of Object.entries(response.headers))
        this.parameter(header, joinPointer(pointer, 'headers', name));
    }
  }

  content(content: unknown, pointer: string): void {
    if (!isRecord(content)) return;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isRecord(media)) continue;
      const at = joinPointer(pointer, mediaType);
      if (!isRecord(media.schema)) continue;
      const schema = joinPointer(at, 'schema');
      this.schema(media.schema, schema);
      // Only JSON examples are JSON values; others (XML, CSV, text) are documents as text.
      if (/\bjson\b/i.test(mediaType)) this.exampleAndExamples(media, at, schema);
    }
  }

  /** `example` and the `examples` map of Example Objects (followed through `$ref`). */
  private exampleAndExamples(owner: Doc, pointer: string, schema: string): void {
    if (owner.example !== undefined)
      this.found.push({ where: joinPointer(pointer, 'example'), schema, value: owner.example });
    if (!isRecord(owner.examples)) return;
    for (const [name, raw] of Object.entries(owner.examples)) {
      let example = raw;
      let where = joinPointer(pointer, 'examples', name);
      for (
        let hops = 0;
        isRecord(example) && typeof example.$ref === 'string' && hops < 10;
        hops++
      ) {
        const at = refPointer(example.$ref);
        if (at === undefined) break;
        where = at;
        example = getByPointer(this.doc, at);
      }
      if (isRecord(example) && example.value !== undefined)
        this.found.push({ where: joinPointer(where, 'value'), schema, value: example.value });
    }
  }

  schema(schema: unknown, pointer: string): void {
    if (!isRecord(schema)) return;
    if (schema.example !== undefined)
      this.found.push({
        where: joinPointer(pointer, 'example'),
        schema: pointer,
        value: schema.example,
      });
    // `examples` of a Schema Object is a list of values (JSON Schema 2020-12).
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((value, i) =>
        this.found.push({ where: joinPointer(pointer, 'examples', i), schema: pointer, value }),
      );
    }
    for (const { keyword, key, schema: sub } of subschemas(schema))
      this.schema(
        sub,
        key === undefined ? joinPointer(pointer, keyword) : joinPointer(pointer, keyword, key),
      );
  }
}

export interface AugmentedDoc {
  doc: Doc;
  /** Component name given to each example's schema, by the example's `where`. */
  names: Map<string, string>;
}

/**
 * A copy of `doc` where every schema that has an example is also a component schema of its own
 * (`CorpusExample<n>`, one per schema pointer). Its `$ref`s point into the document as before.
 */
export function augment(doc: Doc, examples: readonly SpecExample[]): AugmentedDoc {
  const components = isRecord(doc.components) ? doc.components : {};
  const schemas: Doc = { ...(isRecord(components.schemas) ? components.schemas : {}) };
  const bySchema = new Map<string, string>();
  const names = new Map<string, string>();
  for (const example of examples) {
    let name = bySchema.get(example.schema);
    if (name === undefined) {
      for (let n = bySchema.size + 1; name === undefined || name in schemas; n++)
        name = `CorpusExample${n}`;
      schemas[name] = getByPointer(doc, example.schema);
      bySchema.set(example.schema, name);
    }
    names.set(example.where, name);
  }
  return { doc: { ...doc, components: { ...components, schemas } }, names };
}
