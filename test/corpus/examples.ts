/**
 * Every example of a bundled OpenAPI document with the schema it illustrates: `example` and
 * `examples` of Schema Objects (at any depth), of JSON media types, of parameters and of headers,
 * Example Objects followed through `$ref`. Each schema that has an example is then given a
 * component name of its own (`augment`), so the reference validator and the guards emitter, which
 * both work on named schemas, check the very same subschema.
 */

export type Doc = Record<string, unknown>;

export interface SpecExample {
  /** JSON pointer of the example value. */
  where: string;
  /** JSON pointer of the schema it illustrates. */
  schema: string;
  value: unknown;
}

const isObject = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (pointer: string, ...tokens: (string | number)[]) =>
  tokens.reduce<string>(
    (at, token) => `${at}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`,
    pointer,
  );

export function resolvePointer(doc: unknown, pointer: string): unknown {
  let current: unknown = doc;
  for (const raw of pointer.replace(/^#/, '').split('/').slice(1)) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  return current;
}

/** Keywords whose value is one schema, a list of schemas, or a map of schemas. */
const SINGLE = [
  'additionalProperties',
  'not',
  'propertyNames',
  'contains',
  'if',
  'then',
  'else',
  'additionalItems',
  'unevaluatedItems',
  'unevaluatedProperties',
  'items',
];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

export function collectExamples(doc: Doc): SpecExample[] {
  const found: SpecExample[] = [];
  const walker = new Walker(doc, found);
  const components = isObject(doc.components) ? doc.components : {};
  for (const [section, visit] of [
    ['schemas', (v: unknown, p: string) => walker.schema(v, p)],
    ['parameters', (v: unknown, p: string) => walker.parameter(v, p)],
    ['headers', (v: unknown, p: string) => walker.parameter(v, p)],
    ['requestBodies', (v: unknown, p: string) => walker.body(v, p)],
    ['responses', (v: unknown, p: string) => walker.response(v, p)],
  ] as const) {
    const entries = components[section];
    if (!isObject(entries)) continue;
    for (const [key, value] of Object.entries(entries))
      visit(value, join('#/components', section, key));
  }
  for (const root of ['paths', 'webhooks'] as const) {
    const items = doc[root];
    if (!isObject(items)) continue;
    for (const [key, item] of Object.entries(items)) walker.pathItem(item, join(`#/${root}`, key));
  }
  return found;
}

class Walker {
  constructor(
    private readonly doc: Doc,
    private readonly found: SpecExample[],
  ) {}

  pathItem(item: unknown, pointer: string): void {
    if (!isObject(item) || '$ref' in item) return;
    this.parameters(item.parameters, join(pointer, 'parameters'));
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const at = join(pointer, method);
      this.parameters(operation.parameters, join(at, 'parameters'));
      this.body(operation.requestBody, join(at, 'requestBody'));
      if (isObject(operation.responses)) {
        for (const [status, response] of Object.entries(operation.responses))
          this.response(response, join(at, 'responses', status));
      }
      if (isObject(operation.callbacks)) {
        for (const [name, callback] of Object.entries(operation.callbacks)) {
          if (!isObject(callback)) continue;
          for (const [expression, callbackItem] of Object.entries(callback))
            this.pathItem(callbackItem, join(at, 'callbacks', name, expression));
        }
      }
    }
  }

  parameters(list: unknown, pointer: string): void {
    if (Array.isArray(list)) list.forEach((p, i) => this.parameter(p, join(pointer, i)));
  }

  /** A Parameter or Header Object. */
  parameter(parameter: unknown, pointer: string): void {
    if (!isObject(parameter) || '$ref' in parameter) return;
    if (isObject(parameter.schema)) {
      const schema = join(pointer, 'schema');
      this.schema(parameter.schema, schema);
      this.exampleAndExamples(parameter, pointer, schema);
    }
    this.content(parameter.content, join(pointer, 'content'));
  }

  body(body: unknown, pointer: string): void {
    if (isObject(body) && !('$ref' in body)) this.content(body.content, join(pointer, 'content'));
  }

  response(response: unknown, pointer: string): void {
    if (!isObject(response) || '$ref' in response) return;
    this.content(response.content, join(pointer, 'content'));
    if (isObject(response.headers)) {
      for (const [name, header] of Object.entries(response.headers))
        this.parameter(header, join(pointer, 'headers', name));
    }
  }

  content(content: unknown, pointer: string): void {
    if (!isObject(content)) return;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media)) continue;
      const at = join(pointer, mediaType);
      if (!isObject(media.schema)) continue;
      const schema = join(at, 'schema');
      this.schema(media.schema, schema);
      // Only JSON examples are JSON values; others (XML, CSV, text) are documents as text.
      if (/\bjson\b/i.test(mediaType)) this.exampleAndExamples(media, at, schema);
    }
  }

  /** `example` and the `examples` map of Example Objects (followed through `$ref`). */
  private exampleAndExamples(owner: Doc, pointer: string, schema: string): void {
    if (owner.example !== undefined)
      this.found.push({ where: join(pointer, 'example'), schema, value: owner.example });
    if (!isObject(owner.examples)) return;
    for (const [name, raw] of Object.entries(owner.examples)) {
      let example = raw;
      let where = join(pointer, 'examples', name);
      for (
        let hops = 0;
        isObject(example) && typeof example.$ref === 'string' && hops < 10;
        hops++
      ) {
        where = example.$ref;
        example = resolvePointer(this.doc, example.$ref);
      }
      if (isObject(example) && example.value !== undefined)
        this.found.push({ where: join(where, 'value'), schema, value: example.value });
    }
  }

  schema(schema: unknown, pointer: string): void {
    if (!isObject(schema)) return;
    if (schema.example !== undefined)
      this.found.push({ where: join(pointer, 'example'), schema: pointer, value: schema.example });
    // `examples` of a Schema Object is a list of values (JSON Schema 2020-12).
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((value, i) =>
        this.found.push({ where: join(pointer, 'examples', i), schema: pointer, value }),
      );
    }
    for (const key of SINGLE) {
      const sub = schema[key];
      if (Array.isArray(sub)) sub.forEach((item, i) => this.schema(item, join(pointer, key, i)));
      else this.schema(sub, join(pointer, key));
    }
    for (const key of LIST) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((item, i) => this.schema(item, join(pointer, key, i)));
    }
    for (const key of MAP) {
      const map = schema[key];
      if (!isObject(map)) continue;
      for (const [name, item] of Object.entries(map)) this.schema(item, join(pointer, key, name));
    }
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
  const components = isObject(doc.components) ? doc.components : {};
  const schemas: Doc = { ...(isObject(components.schemas) ? components.schemas : {}) };
  const bySchema = new Map<string, string>();
  const names = new Map<string, string>();
  for (const example of examples) {
    let name = bySchema.get(example.schema);
    if (name === undefined) {
      for (let n = bySchema.size + 1; name === undefined || name in schemas; n++)
        name = `CorpusExample${n}`;
      schemas[name] = resolvePointer(doc, example.schema);
      bySchema.set(example.schema, name);
    }
    names.set(example.where, name);
  }
  return { doc: { ...doc, components: { ...components, schemas } }, names };
}
