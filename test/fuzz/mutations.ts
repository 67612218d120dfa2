/**
 * Seeded mutations of an OpenAPI document for the generator fuzz: each takes the document (a
 * private copy) and a random source, changes it in place, and says what it did.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(items: readonly T[], next: Random): T => items[Math.floor(next() * items.length)]!;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface Slot {
  parent: JsonObject | Json[];
  key: string | number;
  value: Json;
  path: string;
}

/** Every member of every object and array in the document (iteratively). */
function slots(document: Json): Slot[] {
  const found: Slot[] = [];
  const stack: [Json, string][] = [[document, '#']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((value, key) => {
        found.push({ parent: node, key, value, path: `${path}/${key}` });
        stack.push([value, `${path}/${key}`]);
      });
    } else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        found.push({ parent: node, key, value, path: `${path}/${key}` });
        stack.push([value, `${path}/${key}`]);
      }
    }
  }
  return found;
}

function set(slot: Slot, value: Json): void {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

const WRONG_VALUES: Json[] = [null, 0, -1, 1.5, true, false, '', 'x', [], {}, [1, 'a'], { a: 1 }];
const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '*/',
  '${globalThis.x=1}',
  '',
  ' ',
  'a/b',
  '~1',
  '#',
  '\u2028',
  '0',
  '-1',
  '1e3',
  'a\\',
  '/*',
  '//',
  '\ud800',
  // Letters TypeScript does not read in identifiers (newer than its Unicode, or kept out), and
  // one whose capital is such a letter.
  'ɤ\u2E2F\u{105C0}',
  'class',
  '\'"`',
  '𝒳',
  '@deprecated',
];
const HOSTILE_TEXT = [
  '*/ globalThis.pwned = 1; /*',
  '\n@deprecated\n',
  '${globalThis.pwned=1}',
  '</script><script>alert(1)</script>',
  '\u2028\u2029\r\n',
  '\\',
];
/**
 * Whole values real specs hold that break a context on their own, not only appended to text: a
 * final backslash, comment and template openers, a lone surrogate, a non-BMP character, nothing.
 */
const HOSTILE_VALUES = ['\\', 'a\\', '/*', '*/', '//', '${', '`', '\ud800', '\udfff', '𝒳', '', ' '];
/** Values of other types that enums, consts, defaults and examples hold in real specs. */
const ODD_VALUES: Json[] = [
  1e21,
  -1e308,
  2 ** 53 + 2,
  0.1,
  -0,
  null,
  true,
  '1',
  '',
  '\\',
  '/*',
  { '*/': '\\' },
  ['a', 1],
];

const schemaSlots = (document: Json) =>
  slots(document).filter(
    (slot) =>
      isObject(slot.value) &&
      /\/(schemas\/[^/]+|properties\/[^/]+|items|schema|allOf\/\d+|oneOf\/\d+|anyOf\/\d+)$/.test(
        slot.path,
      ),
  );

function componentNames(document: Json): string[] {
  const schemas =
    isObject(document) && isObject(document.components) ? document.components.schemas : undefined;
  return isObject(schemas) ? Object.keys(schemas) : [];
}

const ref = (name: string) =>
  `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

type Mutation = (document: Json, next: Random) => string | undefined;

const MUTATIONS: Record<string, Mutation> = {
  'delete a key': (document, next) => {
    const candidates = slots(document).filter((slot) => !Array.isArray(slot.parent));
    if (candidates.length === 0) return undefined;
    const slot = pick(candidates, next);
    delete (slot.parent as JsonObject)[slot.key as string];
    return `delete ${slot.path}`;
  },
  'wrong type': (document, next) => {
    const all = slots(document);
    if (all.length === 0) return undefined;
    const slot = pick(all, next);
    const value = pick(WRONG_VALUES, next);
    set(slot, structuredClone(value));
    return `${slot.path} = ${JSON.stringify(value)}`;
  },
  'broken $ref': (document, next) => {
    const refs = slots(document).filter((slot) => slot.key === '$ref');
    const target = pick(
      [
        '#/components/schemas/Missing',
        './missing.yaml#/X',
        '#/paths',
        '#/',
        '',
        '#/components/schemas/',
      ],
      next,
    );
    if (refs.length === 0) {
      const schemas = schemaSlots(document);
      if (schemas.length === 0) return undefined;
      const slot = pick(schemas, next);
      set(slot, { $ref: target });
      return `${slot.path} = $ref ${target}`;
    }
    const slot = pick(refs, next);
    set(slot, target);
    return `${slot.path} = ${target}`;
  },
  'circular $ref': (document, next) => {
    const names = componentNames(document);
    if (names.length === 0) return undefined;
    const a = pick(names, next);
    const b = pick(names, next);
    const schemas = (document as JsonObject).components as JsonObject;
    const map = schemas.schemas as JsonObject;
    const kind = pick(['self', 'pair', 'allOf', 'items', 'property'], next);
    if (kind === 'self') map[a] = { $ref: ref(a) };
    else if (kind === 'pair') {
      map[a] = { $ref: ref(b) };
      map[b] = { $ref: ref(a) };
    } else if (kind === 'allOf') map[a] = { allOf: [{ $ref: ref(b) }, map[a] ?? {}] };
    else if (kind === 'items') map[a] = { type: 'array', items: { $ref: ref(a) } };
    else map[a] = { type: 'object', properties: { next: { $ref: ref(b) } } };
    return `${kind} loop through ${a}${kind === 'self' ? '' : ` and ${b}`}`;
  },
  'deep nesting': (document, next) => {
    const schemas = schemaSlots(document);
    if (schemas.length === 0) return undefined;
    const slot = pick(schemas, next);
    const levels = next() < 0.6 ? 2 + Math.floor(next() * 30) : 30 + Math.floor(next() * 120);
    let value: Json = slot.value;
    for (let i = 0; i < levels; i++)
      value = next() < 0.5 ? { type: 'array', items: value } : { allOf: [value] };
    set(slot, value);
    return `${slot.path} nested ${levels} levels`;
  },
  'huge string': (document, next) => {
    const texts = slots(document).filter(
      (slot) =>
        typeof slot.value === 'string' &&
        /^(description|summary|title|example|default|name|operationId)$/.test(String(slot.key)),
    );
    const strings =
      texts.length > 0 && next() < 0.8
        ? texts
        : slots(document).filter((slot) => typeof slot.value === 'string');
    if (strings.length === 0) return undefined;
    const slot = pick(strings, next);
    const size = pick([10_000, 200_000], next);
    set(slot, `${slot.value as string}${'x'.repeat(size)}`);
    return `${slot.path} + ${size} characters`;
  },
  'huge name': (document, next) => {
    const members = slots(document).filter(
      (slot) => !Array.isArray(slot.parent) && slot.path.split('/').length > 3,
    );
    if (members.length === 0) return undefined;
    const slot = pick(members, next);
    const parent = slot.parent as JsonObject;
    const name = `${slot.key as string}${'N'.repeat(5_000)}`;
    delete parent[slot.key as string];
    parent[name] = slot.value;
    return `rename ${slot.path} to 5,000 more characters`;
  },
  'wrong version': (document, next) => {
    if (!isObject(document)) return undefined;
    const version = pick(['2.0', '3.2.0', '4.0.0', 3.1, null, '', '3.1', '3.0.99', 'latest'], next);
    document.openapi = version;
    return `openapi = ${JSON.stringify(version)}`;
  },
  'hostile name': (document, next) => {
    const members = slots(document).filter(
      (slot) =>
        !Array.isArray(slot.parent) &&
        /\/(paths|schemas|properties|responses|parameters|securitySchemes|content)\/[^/]+$/.test(
          slot.path,
        ),
    );
    if (members.length === 0) return undefined;
    const slot = pick(members, next);
    const parent = slot.parent as JsonObject;
    const name = pick(HOSTILE_NAMES, next);
    const renamed =
      slot.path.includes('/paths/') && slot.path.split('/').length === 3 ? `/${name}` : name;
    delete parent[slot.key as string];
    Object.defineProperty(parent, renamed, {
      value: slot.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return `rename ${slot.path} to ${JSON.stringify(renamed)}`;
  },
  'hostile text': (document, next) => {
    const strings = slots(document).filter((slot) => typeof slot.value === 'string');
    if (strings.length === 0) return undefined;
    const slot = pick(strings, next);
    const text = pick(HOSTILE_TEXT, next);
    set(slot, `${slot.value as string}${text}`);
    return `${slot.path} += ${JSON.stringify(text)}`;
  },
  'hostile value': (document, next) => {
    const strings = slots(document).filter((slot) => typeof slot.value === 'string');
    if (strings.length === 0) return undefined;
    const slot = pick(strings, next);
    const text = pick(HOSTILE_VALUES, next);
    const value = next() < 0.5 ? text : `${text}${slot.value as string}`;
    set(slot, value);
    return `${slot.path} = ${JSON.stringify(value)}`;
  },
  'odd values': (document, next) => {
    const schemas = schemaSlots(document);
    if (schemas.length === 0) return undefined;
    const slot = pick(schemas, next);
    const schema = slot.value as JsonObject;
    const keyword = pick(['enum', 'const', 'default', 'example'], next);
    const values = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(ODD_VALUES, next));
    schema[keyword] = keyword === 'enum' ? values : values[0]!;
    return `${slot.path}/${keyword} = ${JSON.stringify(schema[keyword])}`;
  },
  'colliding name': (document, next) => {
    const members = slots(document).filter(
      (slot) =>
        !Array.isArray(slot.parent) &&
        /\/(schemas|properties|parameters|securitySchemes)\/[^/]+$/.test(slot.path),
    );
    if (members.length === 0) return undefined;
    const slot = pick(members, next);
    const name = slot.key as string;
    // Spellings that many naming schemes map to one identifier.
    const twin = pick(
      [
        name.toUpperCase(),
        name.toLowerCase(),
        `${name}_`,
        `${name}-`,
        `${name} `,
        name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
        name.replace(/[-_ ]+(.)/g, (_m, c: string) => c.toUpperCase()),
        `${name}\u200B`,
      ],
      next,
    );
    if (twin === name) return undefined;
    (slot.parent as JsonObject)[twin] = structuredClone(slot.value);
    return `copy ${slot.path} to ${JSON.stringify(twin)}`;
  },
};

/** How often each mutation is picked: kinds that end most runs at once (a wrong version) less. */
const WEIGHTS: Record<keyof typeof MUTATIONS, number> = {
  'delete a key': 3,
  'wrong type': 2,
  'broken $ref': 2,
  'circular $ref': 2,
  'deep nesting': 2,
  'huge string': 2,
  'huge name': 1,
  'wrong version': 1,
  'hostile name': 4,
  'hostile text': 3,
  'hostile value': 2,
  'odd values': 2,
  'colliding name': 2,
};

/** Applies one to three random mutations (mostly one); returns what was done. */
export function mutate(document: Json, next: Random): { document: Json; applied: string[] } {
  const applied: string[] = [];
  const roll = next();
  const count = roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
  const names = Object.entries(WEIGHTS).flatMap(([name, weight]) =>
    Array<string>(weight).fill(name),
  );
  for (let attempt = 0; applied.length < count && attempt < 10; attempt++) {
    const name = pick(names, next);
    const done = MUTATIONS[name]!(document, next);
    if (done !== undefined) applied.push(`${name}: ${done}`);
  }
  return { document, applied };
}
