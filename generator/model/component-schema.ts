/**
 * A schema's `$ref` to a component that is not a schema but holds one: a sloppy spec writes
 * `schema: { $ref: '#/components/responses/Status' }` where it means that response's schema
 * (public specs do: rumble.run's). The schema such a component holds is found here, for the
 * sloppy-schema pass (sloppy-schemas.ts) to point the `$ref` at it.
 */
import { joinPointer } from '../errors.ts';
import { isRecord as isObject } from '../json.ts';
import { getByPointer, pointerTokens, refPointer } from '../pointer.ts';

/** The components that hold a schema, as `schema` or in the media types of their `content`. */
const HOLDERS: Readonly<Record<string, string>> = {
  parameters: 'a parameter',
  headers: 'a header',
  responses: 'a response',
  requestBodies: 'a request body',
};

/** How many `$ref`s from one component to the next are followed (a component aliasing another). */
const MAX_ALIASES = 16;

export type HeldSchema =
  /** The pointer of the schema the component holds. */
  | { pointer: string }
  /** A component of a kind that holds schemas, holding none (a response without `content`). */
  | { pointer: undefined };

/**
 * Which kind of holder (a key of {@link HOLDERS}) the object at these pointer tokens is: a
 * component (`components/responses/Status`), or the same object written in place in a path item
 * (`paths/~1pets/get/parameters/1`, `…/responses/200`, `…/requestBody`, `…/headers/X-Rate`): specs
 * point a schema's `$ref` at both (enode.io's at a parameter of another path). Undefined otherwise.
 */
function holderKind(tokens: readonly string[]): string | undefined {
  if (tokens[0] === 'components')
    return tokens.length === 3 && Object.hasOwn(HOLDERS, tokens[1]!) ? tokens[1] : undefined;
  if (tokens[0] !== 'paths') return undefined;
  const [last, before] = [tokens.at(-1)!, tokens.at(-2)];
  if (before === 'parameters' && /^\d+$/.test(last) && (tokens.length === 4 || tokens.length === 5))
    return 'parameters';
  if (tokens.length === 5 && before === 'responses') return 'responses';
  if (tokens.length === 4 && last === 'requestBody') return 'requestBodies';
  if (tokens.length === 7 && before === 'headers' && tokens[3] === 'responses') return 'headers';
  return undefined;
}

/**
 * The schema held by the component at `pointer` (`/components/responses/Status`), or by such an
 * object in a path item ({@link holderKind}), with what it is (`a response`): its `schema`, else
 * the schema of the first media type of its `content` that has one. Undefined when `pointer` is
 * not such an object.
 */
export function heldSchema(
  doc: unknown,
  pointer: string,
): (HeldSchema & { what: string }) | undefined {
  let at = pointer;
  let what: string | undefined;
  for (let alias = 0; alias <= MAX_ALIASES; alias++) {
    const kind = holderKind(pointerTokens(at));
    if (kind === undefined) return undefined;
    what ??= HOLDERS[kind]!;
    const component = getByPointer(doc, at);
    if (!isObject(component)) return undefined;
    if (typeof component.$ref === 'string') {
      const next = refPointer(component.$ref);
      if (next === undefined) return undefined;
      at = next;
      continue;
    }
    if ('schema' in component && component.schema !== undefined)
      return { pointer: joinPointer(at, 'schema'), what };
    if (isObject(component.content)) {
      for (const [mediaType, media] of Object.entries(component.content)) {
        if (isObject(media) && media.schema !== undefined)
          return { pointer: joinPointer(at, 'content', mediaType, 'schema'), what };
      }
    }
    return { pointer: undefined, what };
  }
  return undefined;
}

/** Keywords that make an object a schema, whatever else it holds. */
const SCHEMA_SHAPING = [
  'type',
  'properties',
  'items',
  'prefixItems',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  '$ref',
  'enum',
  'const',
  'additionalProperties',
];

/**
 * What a `components.schemas` entry holds when it is no schema but a component that holds one (a
 * Parameter Object: `in`, `name`, `schema`; a header: `schema`; a response or request body:
 * `content`), with the schema it holds; undefined for a schema. openapi-core's bundler files the
 * target of a schema's `$ref` into another file with the schemas, whatever it is: a schema that
 * refers to a parameter elsewhere (`$ref: '../common.yaml#/components/parameters/Id'`) made
 * `components.schemas.Id` a parameter.
 */
export function filedHolder(
  entry: unknown,
): { what: string; schema: unknown; at: string[] } | undefined {
  if (!isObject(entry) || SCHEMA_SHAPING.some((key) => key in entry)) return undefined;
  const parameter = typeof entry.in === 'string' && typeof entry.name === 'string';
  if (isObject(entry.schema) || typeof entry.schema === 'boolean')
    return {
      what: HOLDERS[parameter ? 'parameters' : 'headers']!,
      schema: entry.schema,
      at: ['schema'],
    };
  if (!isObject(entry.content)) return undefined;
  const what = parameter
    ? HOLDERS.parameters!
    : 'headers' in entry || (typeof entry.description === 'string' && !('required' in entry))
      ? HOLDERS.responses!
      : HOLDERS.requestBodies!;
  for (const [mediaType, media] of Object.entries(entry.content)) {
    if (isObject(media) && media.schema !== undefined)
      return { what, schema: media.schema, at: ['content', mediaType, 'schema'] };
  }
  return { what, schema: undefined, at: [] };
}
