/**
 * How one operation becomes a resource method: which arguments it takes, what its params object
 * holds and where each key goes on the wire. Decided here, once, for every operation
 * (`OperationModel.shape`); the resource files, the README and the docs samples print it. A spec
 * whose operation cannot be given such a method is refused here, with its place and the fix.
 *
 * The calling convention:
 * - Path parameters are positional, in path order: `client.plans.retrieve('pln_1')`. Those the
 *   client fills itself (`x-sdk-client-option`, e.g. `project`) are not: they are optional keys
 *   of the params object, named after the client option, and default to the client's value.
 * - Then one params object. **Flat** when no two of its keys collide and the operation has no
 *   body or an object body sent as JSON, a form or multipart (the runtime encodes an object for
 *   each): the query parameters, header parameters and body properties side by side, under their
 *   names on the wire (`{ status: ['available'], limit: 20 }`, `{ name: 'x' }`,
 *   `{ file, description }`). Otherwise **nested**: `{ query?, headers?, body }` (each only when
 *   the operation has such parameters or a body) plus the client options. That is the form for a
 *   body that is an array, a union, a map with typed values, bytes or text, for keys that
 *   collide, and for an optional body with required properties beside other keys (so that the
 *   body can be left out while they are given).
 * - The params argument is optional (`= {}`) when nothing in it is required, and left out when
 *   the operation has nothing to put in it.
 * - The `Idempotency-Key` header is not a param: it comes from `RequestOptions.idempotencyKey`.
 *   Cookie parameters are not supported (a browser sends cookies itself); they are left out, with
 *   a warning (build-parameters.ts).
 * - Last, always, `options?: RequestOptions`.
 */
import { GeneratorError } from '../errors.ts';
import { yamlScalar } from '../escape.ts';
import { METHOD_BODY_NAMES } from '../reserved-names.ts';
import { isNeverObject, objectShape, type ObjectShape } from './body-shape.ts';
import { pathPlaceholders } from './path-template.ts';
import { NameRegistry } from './names.ts';
import { isInheritedMember } from './sdk-names.ts';
import type {
  BodyKind,
  NamedSchema,
  ClientOptionSlot,
  OperationModel,
  OperationShape,
  ParameterModel,
  ParameterSlot,
} from './types.ts';
import type { Warnings } from '../warnings.ts';

/** Body kinds the runtime encodes from an object, so its properties can sit in a flat params object. */
const OBJECT_BODIES: readonly BodyKind[] = ['json', 'form', 'multipart'];
/** Keys of the nested params object. */
const NESTED_KEYS = ['query', 'headers', 'body'];

export function operationShape(
  operation: Pick<OperationModel, 'path' | 'pointer' | 'parameters' | 'body'>,
  model: { schemas: readonly NamedSchema[]; specFile: string },
  warnings?: Warnings,
): OperationShape {
  checkPathParameters(operation.path, operation.parameters, operation.pointer, model.specFile);
  const locals = new NameRegistry(METHOD_BODY_NAMES);
  const byName = new Map(
    operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p]),
  );

  const pathArgs: ParameterSlot[] = [];
  const clientOptions: ClientOptionSlot[] = [];
  // Once per name: a template that repeats one (`/items/{a}/x/{a}`) takes one argument for both.
  for (const name of new Set(pathPlaceholders(operation.path))) {
    const parameter = byName.get(name);
    if (parameter === undefined) continue; // refused by checkPathParameters
    if (parameter.clientDefault !== 'option')
      pathArgs.push({ parameter, local: locals.claim(parameter.identifier), key: parameter.name });
  }

  const query: ParameterSlot[] = [];
  const headers: ParameterSlot[] = [];
  let idempotencyHeader: string | undefined;
  for (const parameter of operation.parameters) {
    if (parameter.clientDefault === 'option') {
      const option = parameter.clientOption ?? parameter.identifier;
      clientOptions.push({
        parameter,
        option,
        local: locals.claim(option),
        key: paramsKey(option),
      });
    } else if (parameter.clientDefault === 'idempotency-key') {
      idempotencyHeader ??= parameter.name;
    } else if (parameter.in === 'query') {
      const key = paramsKey(parameter.name);
      query.push({ parameter, local: locals.claim(parameter.identifier), key });
    } else if (parameter.in === 'header') {
      const key = paramsKey(parameter.name);
      headers.push({ parameter, local: locals.claim(parameter.identifier), key });
    }
  }

  const { body } = operation;
  const shape =
    body !== undefined && OBJECT_BODIES.includes(body.kind)
      ? objectShape(body.schema, model.schemas)
      : undefined;
  const memberNames = [...query, ...headers, ...clientOptions].map((slot) => slot.key);
  // A body property named like a member of every object (`constructor`) cannot be a params key:
  // `{}` would already have it. Such a body stays under `body`.
  // An optional body with required properties beside other keys: flat, its required properties
  // would be required of every call, though the body may be left out (passing a query parameter
  // alone would not compile). Nested, `body` itself is optional.
  const optionalBodyOfRequired =
    body?.required !== true && (shape?.properties.some((p) => p.required) ?? false);
  const flatBody =
    shape !== undefined &&
    !(optionalBodyOfRequired && memberNames.length > 0) &&
    !shape.properties.some((p) => isInheritedMember(p.name)) &&
    !hasDuplicates([...memberNames, ...shape.properties.map((p) => p.name)]);
  const flat = body === undefined ? !hasDuplicates(memberNames) : flatBody;
  if (!flat && warnings !== undefined) {
    warnNested(operation, memberNames, shape, { file: model.specFile, warnings });
  }

  if (!flat) {
    // Nested: `query` and `headers` are passed on with their keys as the names on the wire, but
    // for a name every object has (`__proto__`, `toString`): keyed `__proto___` as in flat
    // params, put back under its name by the method (helper-141 F5: `{ __proto__: 'x' }` sets
    // no key, and the required parameter went unsent without a word).
    const clash = clientOptions.find((slot) => NESTED_KEYS.includes(slot.option));
    if (clash !== undefined) {
      throw new GeneratorError(
        `the client option "${clash.option}" would clash with the "${clash.option}" key of the method's params object`,
        { file: model.specFile, pointer: operation.pointer },
        'give the parameter another `x-sdk-client-option` name',
      );
    }
  }

  const requiredQuery = query.some((slot) => slot.parameter.required);
  const requiredHeaders = headers.some((slot) => slot.parameter.required);
  // Flat: the rest of params is the body, so its required keys make params required. Nested:
  // `body` is required as declared.
  const bodyRequired = flatBody
    ? (shape?.properties.some((p) => p.required) ?? false)
    : body?.required === true;
  // An optional flat body whose own required keys alone make params required: params may be left
  // out, sending no body (helper-133 7: `put()` did not compile, though the body is optional).
  const omittable =
    flat &&
    flatBody &&
    bodyRequired &&
    body?.required !== true &&
    !requiredQuery &&
    !requiredHeaders &&
    !clientOptions.some((slot) => slot.parameter.required);
  const hasMembers = query.length + headers.length + clientOptions.length > 0 || body !== undefined;

  const result: OperationShape = {
    pathArgs,
    clientOptions,
    query,
    headers,
    form: !hasMembers ? 'none' : flat ? 'flat' : 'nested',
    flatBody,
    ...(body !== undefined &&
    OBJECT_BODIES.includes(body.kind) &&
    isNeverObject(body.schema, model.schemas)
      ? { bodyNever: true as const }
      : {}),
    paramsRequired: requiredQuery || requiredHeaders || bodyRequired,
    ...(omittable ? { paramsOmittable: true as const } : {}),
    nestedQueryRequired: requiredQuery,
    nestedBodyRequired: body?.required === true,
  };
  if (idempotencyHeader !== undefined) result.idempotencyHeader = idempotencyHeader;
  return result;
}

/** The fix for a `{name}` in a path template that no path parameter declares: the declaration. */
export function declarePathParameterFix(name: string): string {
  return `add \`- { name: ${yamlScalar(name)}, in: path, required: true, schema: { type: string } }\` to the operation's or path item's parameters`;
}

/** Every `{name}` in the path template needs a path parameter, or the client cannot build the URL. */
function checkPathParameters(
  path: string,
  parameters: readonly Pick<ParameterModel, 'in' | 'name'>[],
  pointer: string,
  file: string,
): void {
  const declared = new Set(parameters.filter((p) => p.in === 'path').map((p) => p.name));
  for (const name of pathPlaceholders(path)) {
    if (!declared.has(name)) {
      throw new GeneratorError(
        `path ${path} has {${name}} but the operation declares no path parameter ${JSON.stringify(name)}`,
        { file, pointer },
        declarePathParameterFix(name),
      );
    }
  }
}

/**
 * The key of a parameter in the params object. A name that every object already has
 * (`Object.prototype`'s `constructor`, `toString`, `__proto__`, …) cannot be one: an object literal
 * without it would still "have" it (TypeScript rejects `{}` for `{ toString?: string }`, and a
 * destructured `toString` would be the inherited function), and `{ __proto__: … }` sets the
 * prototype. Such a parameter's key gets a `_` (`toString_`); it is still sent under its name.
 */
function paramsKey(name: string): string {
  return isInheritedMember(name) ? `${name}_` : name;
}

/**
 * An operation whose params would be flat but for a name two of its keys share (a body property
 * and a query parameter or client option both called `project`), or a body property every object
 * already has (`constructor`): its method takes `{ query, headers, body }` instead. Adding such a
 * property reshapes a method every caller uses, so it is said, with the names.
 */
function warnNested(
  operation: Pick<OperationModel, 'pointer'>,
  memberNames: readonly string[],
  shape: ObjectShape | undefined,
  { file, warnings }: { file: string; warnings: Warnings },
): void {
  const bodyNames = shape?.properties.map((p) => p.name) ?? [];
  const inherited = bodyNames.filter(isInheritedMember);
  const shared = [...new Set([...memberNames, ...bodyNames])].filter(
    (name) => [...memberNames, ...bodyNames].filter((other) => other === name).length > 1,
  );
  if (shared.length === 0 && inherited.length === 0) return; // not an object body: nested by kind
  const listed = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(', ');
  const is = (names: readonly string[]) => (names.length === 1 ? 'is' : 'are');
  // Each name with its own reason: a name shared by two keys, a member every object or promise has.
  const reasons = [
    ...(shared.length === 0
      ? []
      : [
          `${listed(shared)} ${shared.length === 1 ? 'is the name' : 'are each the name'} of two keys of the params object (a body property, a query or header parameter, a client option)`,
        ]),
    ...(inherited.length === 0
      ? []
      : [
          `${listed(inherited)} ${is(inherited)} ${
            inherited.every((name) => name in Object.prototype)
              ? 'the name of a member every JavaScript object has'
              : inherited.every((name) => !(name in Object.prototype))
                ? "a promise's member (an object with a `then` is awaited as a promise)"
                : 'names of members every JavaScript object has, or a promise has (an object with a `then` is awaited as one)'
          }`,
        ]),
  ];
  warnings.add(
    'params:nested',
    `${reasons.join(', and ')}, so the method takes \`{ ${bodyNames.length > 0 ? 'query, headers, body' : 'query, headers'} }\` instead of one flat params object`,
    { file, pointer: operation.pointer },
    'rename the body property or the parameter (its `name`, or `x-sdk-client-option`) so that every key is unique and the params stay flat',
  );
}

function hasDuplicates(names: readonly string[]): boolean {
  return new Set(names).size !== names.length;
}
