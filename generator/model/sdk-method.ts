/**
 * `x-sdk-method: "resource.method"`: read and checked; when refused, the fix names a value that
 * this same check accepts and no other operation claims (never one that is refused in turn:
 * `__proto__.constructor` → `proto.constructor_`, not `proto.constructor`).
 */
import { GeneratorError } from '../errors.ts';
import { yamlScalar } from '../escape.ts';
import { asciiWords, camelJoin, words } from './names.ts';
import { IDENTIFIER, isInheritedMember, methodName, resourceName } from './sdk-names.ts';

/** Where an operation lives in the client: `client.<resource>.<method>()`. */
export interface Placement {
  resource: string;
  method: string;
}

/**
 * Whether `name` cannot be a resource or method: a member of every object or promise, `toJSON`,
 * which `JSON.stringify` calls (a method `toJSON` would send a request when a resource is logged),
 * or `_client`, where every resource class keeps its client (the runtime's APIResource).
 */
function isTakenMember(name: string): boolean {
  return isInheritedMember(name) || name === 'toJSON' || name === '_client';
}

/** A resource or method name that {@link isTakenMember} gets a `_` (derived names, and fixes). */
export function safeMember(name: string): string {
  return isTakenMember(name) ? `${name}_` : name;
}

/**
 * The placement an `x-sdk-method` value says, or a GeneratorError at `pointer` whose fix is an
 * accepted value that is not in `claimed` (the other operations' `x-sdk-method`s).
 */
export function parseSdkMethod(
  raw: unknown,
  where: { file: string; pointer: string },
  claimed: ReadonlySet<string>,
): Placement {
  const problem = sdkMethodProblem(raw);
  if (problem === undefined) {
    const [resource, method] = (raw as string).split('.') as [string, string];
    return { resource, method };
  }
  const fix = `\`x-sdk-method: ${yamlScalar(sdkMethodFix(raw, claimed))}\``;
  throw new GeneratorError(
    problem.text,
    where,
    problem.kind === 'shape'
      ? `write two identifiers joined by one dot: ${fix}`
      : problem.kind === 'case'
        ? `write ${fix}`
        : `choose another name: ${fix} (derived names get a \`_\` the same way)`,
  );
}

/** A `resource.method` that `x-sdk-method` accepts, for what `raw` says, not in `claimed`. */
export function sdkMethodFix(raw: unknown, claimed: ReadonlySet<string>): string {
  const text = typeof raw === 'string' ? raw : '';
  const dot = text.indexOf('.');
  const [first = '', ...rest] = words(text);
  const [resourceText, methodText] =
    dot === -1 ? [first, rest.join(' ')] : [text.slice(0, dot), text.slice(dot + 1)];
  const candidates = [
    [resourceName(resourceText) ?? 'resource', methodName(methodText)],
    [
      camelJoin(asciiWords(resourceText)) || 'resource',
      camelJoin(asciiWords(methodText)) || 'call',
    ],
    ['resource', 'call'],
  ].map(([resource, method]) => [safeMember(resource!), safeMember(method!)] as const);
  const [resource, method] =
    candidates.find(([r, m]) => sdkMethodProblem(`${r}.${m}`) === undefined) ?? candidates[2]!;
  let free = method;
  for (let n = 2; claimed.has(`${resource}.${free}`); n++) free = `${method}${n}`;
  return `${resource}.${free}`;
}

/** Whether `resource` is the resource name `x-sdk-method` accepts: camelCase, `_` after a taken member. */
function isResourceName(resource: string): boolean {
  const bare = resource.endsWith('_') && isTakenMember(resource.slice(0, -1));
  const name = bare ? resource.slice(0, -1) : resource;
  return resourceName(name) === name;
}

/** Why `raw` cannot be an `x-sdk-method`, or undefined when it can. */
function sdkMethodProblem(
  raw: unknown,
): { kind: 'shape' | 'case' | 'taken'; text: string } | undefined {
  const [resource, method, ...extra] = typeof raw === 'string' ? raw.split('.') : [];
  if (
    resource === undefined ||
    method === undefined ||
    extra.length > 0 ||
    !IDENTIFIER.test(resource) ||
    !IDENTIFIER.test(method)
  )
    return {
      kind: 'shape',
      text: `\`x-sdk-method\` ${JSON.stringify(raw)} is not "resource.method"`,
    };
  if (!isResourceName(resource)) {
    return {
      kind: 'case',
      text: `the resource in \`x-sdk-method\` ${JSON.stringify(raw)} is not a camelCase name`,
    };
  }
  for (const name of [resource, method]) {
    if (!isTakenMember(name)) continue;
    const what = name === resource ? 'resource' : 'method';
    return {
      kind: 'taken',
      text:
        name === 'toJSON'
          ? `\`toJSON\` cannot be a ${what} name: JSON.stringify calls it`
          : name === '_client'
            ? `\`_client\` cannot be a ${what} name: every resource class keeps its client there`
            : `\`${name}\` cannot be a ${what} name: every object${name === 'then' || name === 'catch' || name === 'finally' ? ' and promise' : ''} has a member of that name${name === 'then' ? ' (a `then` would make it awaitable)' : ''}`,
    };
  }
  return undefined;
}
