/**
 * `x-sdk-pagination` → PaginationModel, checked against the operation: the cursor and limit
 * parameters must be query parameters of the operation, and the fields must be properties of the
 * success response's schema.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { isRecord } from '../json.ts';
import type { Warnings } from '../warnings.ts';
import { followRefs } from './build-bodies.ts';
import { rawKinds } from './raw-kinds.ts';
import type { PaginationModel, ParameterModel } from './types.ts';

const PARAM_KEYS = ['afterParam', 'beforeParam', 'limitParam'] as const;
const FIELD_KEYS = ['itemsField', 'nextCursorField', 'prevCursorField'] as const;
const REQUIRED_KEYS = new Set(['afterParam', 'itemsField', 'nextCursorField']);
/** The JSON types a page cursor can be (templates/runtime/pagination.ts `cursorOf`). */
const CURSOR_KINDS: ReadonlySet<string> = new Set(['string', 'integer', 'number']);
/** The methods a page has over its body (templates/runtime/pagination.ts `PageMethods`). */
const PAGE_METHODS = [
  'pageItems',
  'hasNextPage',
  'nextPage',
  'hasPreviousPage',
  'previousPage',
  'iterPages',
] as const;
const EXAMPLE =
  '`x-sdk-pagination: { style: cursor, afterParam: after, limitParam: limit, itemsField: items, nextCursorField: moreItemsAfter }`';

export interface PaginationInput {
  doc: Record<string, unknown>;
  file: string;
  /** Pointer of the operation. */
  pointer: string;
  raw: unknown;
  parameters: readonly ParameterModel[];
  /** The raw schema of the success response's JSON body and its pointer, if any. */
  responseSchema: { value: unknown; pointer: string } | undefined;
  warnings: Warnings;
}

/** A property of the page schema: its raw schema, where it is, and whether it is required. */
interface PageProperty {
  value: unknown;
  pointer: string;
  required: boolean;
}

export function buildPagination(input: PaginationInput): PaginationModel | undefined {
  const { raw, file } = input;
  if (raw === undefined) return undefined;
  const at = joinPointer(input.pointer, 'x-sdk-pagination');
  if (!isRecord(raw))
    throw new GeneratorError(
      '`x-sdk-pagination` must be an object',
      { file, pointer: at },
      `write ${EXAMPLE}`,
    );
  // Every field is checked, so that one run reports each one missing or wrong.
  const problems: GeneratorError[] = [];
  if (raw.style !== 'cursor') {
    problems.push(
      new GeneratorError(
        raw.style === undefined
          ? '`x-sdk-pagination.style` is missing; `cursor` is the one style supported'
          : `\`x-sdk-pagination.style\` ${JSON.stringify(raw.style)} is not supported; only \`cursor\` is`,
        { file, pointer: joinPointer(at, 'style') },
        `write ${EXAMPLE}`,
      ),
    );
  }

  const known: readonly string[] = ['style', ...PARAM_KEYS, ...FIELD_KEYS];
  const plain = (key: string) => key.toLowerCase().replace(/[-_]/g, '');
  for (const key of Object.keys(raw)) {
    if (known.includes(key) || key.startsWith('x-')) continue;
    // A slip (`limitparam`) would leave out what it asks for without a word.
    const meant = known.find((field) => plain(field) === plain(key));
    problems.push(
      new GeneratorError(
        `\`x-sdk-pagination.${key}\` is not a field of x-sdk-pagination`,
        { file, pointer: joinPointer(at, key) },
        `${meant === undefined ? '' : `did you mean \`${meant}\`? `}its fields are ${known.map((field) => `\`${field}\``).join(', ')}; fix the spelling or remove it`,
      ),
    );
  }
  const values: Partial<Record<(typeof PARAM_KEYS)[number] | (typeof FIELD_KEYS)[number], string>> =
    {};
  for (const key of [...PARAM_KEYS, ...FIELD_KEYS]) {
    const value = raw[key];
    if (value === undefined && !REQUIRED_KEYS.has(key)) continue;
    if (typeof value !== 'string' || value === '') {
      // A missing key is said as missing (at the key it needs, as a missing `style` is).
      problems.push(
        new GeneratorError(
          value === undefined
            ? `\`x-sdk-pagination\` has no \`${key}\`, which cursor pagination needs`
            : `\`x-sdk-pagination.${key}\` must be a non-empty string, not ${describeValue(value)}`,
          { file, pointer: joinPointer(at, key) },
          `write ${EXAMPLE}`,
        ),
      );
    } else values[key] = value;
  }

  const queryNames = new Set(input.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const key of PARAM_KEYS) {
    const name = values[key];
    if (name !== undefined && !queryNames.has(name)) {
      problems.push(
        new GeneratorError(
          `\`x-sdk-pagination.${key}\` names query parameter ${JSON.stringify(name)}, which the operation does not have`,
          { file, pointer: joinPointer(at, key) },
          `add the query parameter to the operation or fix the name (its query parameters: ${[...queryNames].join(', ') || 'none'})`,
        ),
      );
    }
  }

  const properties =
    input.responseSchema &&
    schemaProperties(input.doc, input.responseSchema.value, input.responseSchema.pointer, file);
  for (const key of FIELD_KEYS) {
    const field = values[key];
    const property = field === undefined ? undefined : properties?.get(field);
    if (key === 'itemsField' && property !== undefined) {
      const problem = itemsProblem(input, property, joinPointer(at, key), field!);
      if (problem) problems.push(problem);
    }
    if (key !== 'itemsField' && property !== undefined) {
      const problem = cursorProblem(input, property, key, joinPointer(at, key), field!);
      if (problem) problems.push(problem);
    }
    if (field !== undefined && !properties?.has(field)) {
      problems.push(
        new GeneratorError(
          `\`x-sdk-pagination.${key}\` names response property ${JSON.stringify(field)}, which the success response's schema does not declare`,
          { file, pointer: joinPointer(at, key) },
          properties
            ? `declare the property in the response schema or fix the name (its properties: ${[...properties.keys()].join(', ') || 'none'})`
            : 'give the operation a 2xx JSON response whose schema is an object with that property',
        ),
      );
    }
  }
  if (problems.length > 0) throw GeneratorError.all(problems);
  for (const name of PAGE_METHODS) {
    const property = properties?.get(name);
    if (property === undefined) continue;
    input.warnings.add(
      'pagination:field-hidden',
      `the page's response property ${JSON.stringify(name)} is hidden by the page method \`${name}()\`: a page is the response body with the page methods over it, so \`page.${name}\` is the method, and the type says both`,
      { file, pointer: property.pointer },
      `rename the property (in the API and the spec): the page's methods cannot give way to it; until then its value is not readable from a page`,
    );
  }

  const model: PaginationModel = {
    style: 'cursor',
    afterParam: values.afterParam!,
    itemsField: values.itemsField!,
    nextCursorField: values.nextCursorField!,
  };
  if (values.beforeParam !== undefined) model.beforeParam = values.beforeParam;
  if (values.limitParam !== undefined) model.limitParam = values.limitParam;
  if (values.prevCursorField !== undefined) model.prevCursorField = values.prevCursorField;
  return model;
}

/**
 * The page's items property must hold an array: pages are read as `page.<itemsField>` and iterated.
 * Another type is an error (every page would fail at run time); an optional or nullable one is a
 * warning, as a page without the array is reported as an invalid response.
 */
function itemsProblem(
  input: PaginationInput,
  property: PageProperty,
  at: string,
  field: string,
): GeneratorError | undefined {
  const { value, pointer } = followRefs(input.doc, property.value, property.pointer, input.file);
  if (!isRecord(value)) return undefined;
  const types: unknown[] | undefined =
    typeof value.type === 'string'
      ? [value.type]
      : Array.isArray(value.type)
        ? value.type
        : undefined;
  if (types !== undefined && !types.includes('array')) {
    return new GeneratorError(
      `\`x-sdk-pagination.itemsField\` names response property ${JSON.stringify(field)}, whose schema (${pointer}) is of type ${types.map((t) => JSON.stringify(t)).join(' or ')}, not an array: a page's items are iterated`,
      { file: input.file, pointer: at },
      "point `itemsField` at the response's array property, or declare that property `type: array` with its `items`",
    );
  }
  const nullable = value.nullable === true || types?.includes('null') === true;
  if (!property.required || nullable) {
    input.warnings.add(
      'pagination-optional-items',
      `\`x-sdk-pagination.itemsField\` names response property ${JSON.stringify(field)}, which is ${[!property.required && 'optional', nullable && 'nullable'].filter(Boolean).join(' and ')}: a page without the array is reported as an invalid response (InvalidResponseError)`,
      { file: input.file, pointer: at },
      `list ${JSON.stringify(field)} in the response schema's \`required\` and drop \`null\` from its type, if the API always sends the array (empty for an empty page)`,
    );
  }
  return undefined;
}

/**
 * A cursor property must be able to hold a string or a number: the runtime sends it back as the
 * cursor query parameter, and a page whose cursor is anything else (an object, `true`, an array)
 * fails as an invalid response, so every listing would fail. `null` is allowed beside it (the last
 * page's cursor); a schema that says no type admits every one.
 */
function cursorProblem(
  input: PaginationInput,
  property: PageProperty,
  key: 'nextCursorField' | 'prevCursorField',
  at: string,
  field: string,
): GeneratorError | undefined {
  const kinds = [...rawKinds(input.doc, property.value)];
  if (kinds.length === 0 || kinds.some((kind) => CURSOR_KINDS.has(kind))) return undefined;
  const param = key === 'nextCursorField' ? 'afterParam' : 'beforeParam';
  const outcome = kinds.every((kind) => kind === 'null')
    ? 'a listing would never go past its first page'
    : 'a page holding one fails as an invalid response, so every listing would fail';
  return new GeneratorError(
    `\`x-sdk-pagination.${key}\` names response property ${JSON.stringify(field)}, whose schema (${property.pointer}) is of type ${kinds.map((t) => JSON.stringify(t)).join(' or ')}, never a string or a number: a page's cursor is sent back in the query (\`x-sdk-pagination.${param}\`), and ${outcome}`,
    { file: input.file, pointer: at },
    `point \`${key}\` at the response's cursor property, or declare that property \`type: [string, 'null']\` (or \`integer\`)`,
  );
}

/**
 * The properties of an object schema by name, following `$ref`s and merging `allOf` members (a
 * property is required when a member lists it in `required`).
 */
function schemaProperties(
  doc: Record<string, unknown>,
  schema: unknown,
  pointer: string,
  file: string,
  depth = 0,
): Map<string, PageProperty> | undefined {
  if (depth > 20) return undefined;
  const { value, pointer: at } = followRefs(doc, schema, pointer, file);
  if (!isRecord(value)) return undefined;
  const required = new Set(
    Array.isArray(value.required) ? value.required.filter((n) => typeof n === 'string') : [],
  );
  const found = new Map<string, PageProperty>();
  const own = isRecord(value.properties) ? value.properties : undefined;
  for (const [name, inner] of Object.entries(own ?? {}))
    found.set(name, {
      value: inner,
      pointer: joinPointer(at, 'properties', name),
      required: required.has(name),
    });
  let any = own !== undefined;
  if (Array.isArray(value.allOf)) {
    value.allOf.forEach((member, index) => {
      const inner = schemaProperties(doc, member, joinPointer(at, 'allOf', index), file, depth + 1);
      if (!inner) return;
      any = true;
      for (const [name, property] of inner) {
        const before = found.get(name);
        found.set(name, {
          ...(before ?? property),
          required: before?.required === true || property.required,
        });
      }
    });
  }
  for (const [name, property] of found)
    if (required.has(name)) found.set(name, { ...property, required: true });
  return any ? found : undefined;
}

/** A written value as a message names it: `the number 1`, `a list`, `null`. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === '') return 'an empty string';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}
