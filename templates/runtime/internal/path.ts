/**
 * Private helper: builds request paths. Every path parameter goes through `encodePathParam`, so
 * a value can never add a segment, a query or a fragment to the path.
 */
import { SDKError } from '../errors.ts';
import { encodeComponent } from './percent.ts';
import {
  jsonFailure,
  unsendable,
  unsendableFix,
  unsendableProblem,
  type Unsendable,
} from './finite.ts';
import { scalarText } from './scalar.ts';

/** OpenAPI's path styles (https://spec.openapis.org/oas/v3.1.0#style-values); `simple` is the default. */
export type PathStyle = 'simple' | 'label' | 'matrix';

/**
 * A path parameter serialised in a style other than plain `simple` (see `pathStyle`), or what is
 * wrong with it: the `path` tag throws then, naming the parameter within the whole path.
 */
export class PathSegment {
  constructor(
    readonly text: string,
    readonly problem?: Problem,
  ) {}
}

/**
 * What is wrong with a path parameter's value, and what to do instead; never leaves this module
 * (the `path` tag turns it into an `SDKError` naming the parameter).
 */
class Problem extends Error {
  constructor(
    readonly what: string,
    readonly fix: string,
  ) {
    super(what);
  }
}

/**
 * Tagged template for request paths: `` path`/plans/${id}` ``. Each interpolated value is
 * percent-encoded as one path segment, all but RFC 3986's unreserved characters, as RFC 6570
 * expansion does (`a/b?c#d` → `a%2Fb%3Fc%23d`, `it's` → `it%27s`); an array is a comma-separated
 * list (`['a', 'b']` → `a,b`) and an object `key,value` pairs, as style `simple` says.
 *
 * @throws SDKError when a value leaves its path segment empty, `.` or `..` (fetch would resolve
 *   those against the path, even percent-encoded; a value may be `.` or empty where the template
 *   gives its segment more text, as in `/items/{id}.{format}`), is not a string, number, boolean or bigint (or a list of them), or
 *   a number that is not finite (`NaN`, `±Infinity`: internal/finite.ts).
 */
export function path(statics: TemplateStringsArray, ...values: unknown[]): string {
  return buildPath(statics, values, []);
}

/**
 * The `path` tag for the placeholders `names`, in order, so that an error names the parameter and
 * the path: `` namedPath('project', 'plan')`/projects/${project}/plans/${plan}` `` throws
 * `Path parameter {plan} of /projects/{project}/plans/{plan} cannot be empty: …`. Resource methods
 * use it inside the request they hand to the core, so the error rejects the call's promise.
 */
export function namedPath(
  ...names: string[]
): (statics: TemplateStringsArray, ...values: unknown[]) => string {
  return (statics, ...values) => buildPath(statics, values, names);
}

function buildPath(
  statics: TemplateStringsArray,
  values: readonly unknown[],
  names: readonly string[],
): string {
  const named = (error: unknown, i: number): unknown => {
    if (!(error instanceof Problem)) return error;
    const name = names[i];
    const template = describeTemplate(statics, i, names);
    const where = name === undefined ? `in ${template}` : `{${name}} of ${template}`;
    return new SDKError(`Path parameter ${where} ${error.what}. ${error.fix}`);
  };
  let result = statics[0] ?? '';
  // Where each value's text is in `result`: its segment is checked once the path is whole.
  const starts: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let segment: string;
    try {
      if (value instanceof PathSegment && value.problem !== undefined) throw value.problem;
      segment = value instanceof PathSegment ? value.text : encodeValue(value);
    } catch (error) {
      throw named(error, i);
    }
    starts.push(result.length, result.length + segment.length);
    result += segment + (statics[i + 1] ?? '');
  }
  for (let i = 0; i < values.length; i++) {
    const problem = segmentProblem(result, starts[2 * i]!, starts[2 * i + 1]!);
    if (problem !== undefined) throw named(problem, i);
  }
  return result;
}

/**
 * What is wrong with the path segment that holds `path.slice(start, end)` (one parameter's text,
 * with the template's text around it): nothing unless the whole segment is empty, `.` or `..`,
 * the dot-segments fetch resolves against the path (RFC 3986 §5.2.4). A value `.`, `..` or `''`
 * is fine where the template gives its segment more text: `/items/{id}.{format}` → `/items/...json`.
 */
function segmentProblem(path: string, start: number, end: number): Problem | undefined {
  const from = path.lastIndexOf('/', start - 1) + 1;
  let to = end;
  while (to < path.length && !SEGMENT_END.has(path[to]!)) to++;
  const segment = path.slice(from, to);
  if (segment !== '' && segment !== '.' && segment !== '..') return undefined;
  const own = path.slice(start, end);
  const why = segment === '' ? emptySegmentReason(path, to) : DOT_SEGMENT_REASON;
  if (own === segment) return problem(segment, why);
  return new Problem(
    `cannot be ${own === '' ? 'empty' : `"${own}"`} here: with the text around it the path segment would be ${segment === '' ? 'empty' : `"${segment}"`}, ${why}`,
    'Pass the name of a resource.',
  );
}

/**
 * Why an empty path segment changes what the request names. Style `simple` writes the empty
 * string as nothing (RFC 6570; OpenAPI 3.1.1 style examples, column "empty"), and beside other
 * text in its segment (`/items/{id}.json` → `/items/.json`) it is sent so. Alone in its segment it
 * leaves `/items/` (a path ending in `/`: the parent, commonly the collection, or `/items` where a
 * server ignores a trailing slash) or `//` inside the path (which servers and proxies commonly
 * merge into one `/`, or refuse): another resource, so it is refused, saying which of the two.
 */
function emptySegmentReason(path: string, end: number): string {
  return end >= path.length || path[end] !== '/'
    ? 'so the path would end in "/", which names another resource (the parent, or the same path without the segment where a server ignores a trailing slash)'
    : 'so the path would hold "//", which servers and proxies commonly merge into one "/" (or refuse), so the request would reach another path';
}

/** Why a dot-segment changes the request path. */
const DOT_SEGMENT_REASON =
  'which fetch resolves against the path before sending it, as RFC 3986 §5.2.4 says ("." is dropped, ".." removes the segment before it), so the request would reach another path';

/** What ends a path segment. */
const SEGMENT_END = new Set(['/', '?', '#']);

/**
 * A path parameter in style `label` (`.a.b`), `matrix` (`;id=a,b`), or an object in style
 * `simple` (`k,v,k2,v2`; exploded `k=v,k2=v2`), for the `path` tag:
 * `` path`/items/${pathStyle(ids, 'matrix', true, 'id')}` `` (the OpenAPI 3.1 specification's
 * "style values" table). Only the methods of operations that declare such a style import it.
 */
export function pathStyle(
  value: unknown,
  style: PathStyle,
  explode: boolean,
  name: string,
): PathSegment {
  try {
    return new PathSegment(styled(value, style, explode, name));
  } catch (error) {
    if (error instanceof Problem) return new PathSegment('', error);
    throw error;
  }
}

/**
 * The rows of OpenAPI 3.1.1's style examples table. 3.0.3's table has an erratum in the label
 * rows without explode (`.blue.black.brown`, `.R.100.G.200.B.150`: RFC 6570's exploded list, and
 * no expansion of an object); 3.1.1 corrects them to `.blue,black,brown` and `.R,100,G,200,B,150`
 * (RFC 6570 §3.2.5), which is what is written here, for documents of either version.
 */
function styled(value: unknown, style: PathStyle, explode: boolean, name: string): string {
  const matrix = `;${encode(name)}=`;
  const [prefix, between] =
    style === 'label'
      ? ['.', explode ? '.' : ',']
      : style === 'matrix'
        ? [matrix, explode ? matrix : ',']
        : ['', ','];
  if (Array.isArray(value)) {
    // No item: nothing (RFC 6570), refused when that leaves the segment empty.
    if (value.length === 0) return '';
    return prefix + value.map((item: unknown) => encode(item)).join(between);
  }
  if (typeof value === 'object' && value !== null) {
    const pairs = Object.entries(value)
      .filter(([, item]) => item !== undefined && item !== null)
      .map(([key, item]) => `${encode(key)}${explode ? '=' : ','}${encode(item)}`);
    // No property set: nothing, not the style's prefix alone (`.`, `;`), which would stand for nothing.
    if (pairs.length === 0) return '';
    return !explode
      ? prefix + pairs.join(',')
      : style === 'label'
        ? `.${pairs.join('.')}`
        : style === 'matrix'
          ? `;${pairs.join(';')}`
          : pairs.join(',');
  }
  const text = encode(value);
  // The empty string: `;id` in style matrix, `.` in style label (the OpenAPI 3.1.1 style
  // examples), refused where that `.` is its whole segment (a dot-segment); simple's nothing
  // where the segment is left empty by it.
  if (text === '' && style === 'matrix') return `;${encode(name)}`;
  if (text === '' && style === 'label') return '.';
  return text === '' ? '' : prefix + text;
}

/**
 * A path parameter described by JSON `content` (OpenAPI 3.1.1 §4.8.12.2.3), for the `path` tag:
 * the value as its JSON text (a string quoted, as JSON writes one: RFC 8259 §7), then encoded
 * whole.
 */
export function jsonText(value: unknown): string | PathSegment {
  const found = unsendable(value);
  if (found === undefined) {
    try {
      return JSON.stringify(value);
    } catch (error) {
      // A value that contains itself, or is nested deeper than the stack, or a BigInt.
      return new PathSegment(
        '',
        new Problem(
          `cannot be encoded as JSON: ${jsonFailure(error)}; nothing was sent`,
          'Pass a plain JSON value (no cycles, no BigInt).',
        ),
      );
    }
  }
  return new PathSegment('', unsendablePathProblem(found.value, found.pointer));
}

/** A value no request can carry (internal/finite.ts), as a path parameter's problem. */
function unsendablePathProblem(value: Unsendable, pointer = ''): Problem {
  return new Problem(unsendableProblem(value, pointer), `${unsendableFix(value)}.`);
}

/** How the typed path client serialises a path parameter that is not plain `simple`. */
export interface PathParamStyle {
  style?: PathStyle | undefined;
  explode?: boolean | undefined;
  /** Described by JSON `content` (see `jsonText`). */
  json?: true | undefined;
}

/**
 * One path parameter as its style says, exactly as a resource method's `path` tag writes it (see
 * `pathStyle` and `jsonText`), for the typed path client. `where` names it in the error. Its
 * segment is checked once the path is whole (`checkPathSegment`).
 *
 * @throws SDKError when the value cannot be sent in that style.
 */
export function encodeStyledPathParam(
  value: unknown,
  rule: PathParamStyle,
  name: string,
  where: () => string,
): string {
  const segment =
    rule.json === true
      ? jsonText(value)
      : pathStyle(value, rule.style ?? 'simple', rule.explode ?? false, name);
  if (typeof segment === 'string') return encodePathParam(segment, where);
  if (segment.problem !== undefined)
    throw new SDKError(`Path parameter ${where()} ${segment.problem.what}. ${segment.problem.fix}`);
  return segment.text;
}

/**
 * Percent-encodes one path parameter value, a primitive or an array of them (style `simple`); see
 * `path`. `where` names it in the error: `{plan} of /plans/{plan}`. Its segment is checked once
 * the path is whole (`checkPathSegment`).
 */
export function encodePathParam(value: unknown, where: () => string = () => 'in a path'): string {
  try {
    return encodeValue(value);
  } catch (error) {
    if (error instanceof Problem)
      throw new SDKError(`Path parameter ${where()} ${error.what}. ${error.fix}`);
    throw error;
  }
}

/**
 * For the typed path client: `path.slice(start, end)` is a parameter's text in the expanded path;
 * `where` names it. (The `path` tag checks its own.)
 * @throws SDKError when its whole segment is empty, `.` or `..` (see `segmentProblem`).
 */
export function checkPathSegment(
  path: string,
  start: number,
  end: number,
  where: () => string,
): void {
  const found = segmentProblem(path, start, end);
  if (found !== undefined)
    throw new SDKError(`Path parameter ${where()} ${found.what}. ${found.fix}`);
}

function encodeValue(value: unknown): string {
  return Array.isArray(value)
    ? value.map((item: unknown) => encode(item)).join(',')
    : encode(value);
}

/**
 * The problem of a value that is a whole path segment `''`, `.` or `..`, with `why` it would
 * change the request path.
 */
function problem(segment: string, why: string): Problem {
  return segment === ''
    ? new Problem(
        `cannot be empty: it would change the request path: style simple sends the empty string as nothing, ${why}`,
        'Pass a non-empty value.',
      )
    : new Problem(
        `cannot be "${segment}": it would change the request path: a dot-segment, ${why}`,
        'Pass the name of a resource, not "." or ".." (in the label style, the empty string is written ".").',
      );
}

function encode(value: unknown): string {
  const type = typeof value;
  if (type !== 'string' && type !== 'number' && type !== 'bigint' && type !== 'boolean') {
    throw new Problem(
      `must be a string or a number, got ${value === null ? 'null' : type}`,
      'Pass the value itself.',
    );
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw unsendablePathProblem(value);
  try {
    return encodeComponent(scalarText(value));
  } catch {
    throw new Problem(
      'is not well-formed Unicode (it contains a lone surrogate)',
      'Remove the unpaired surrogate.',
    );
  }
}

/**
 * The path template with the failing placeholder marked: `/projects/{project}/plans/{plan}` when
 * the placeholders' names are known, else `/projects/{}/plans/{here}`.
 */
function describeTemplate(
  statics: TemplateStringsArray,
  failing: number,
  names: readonly string[],
): string {
  let text = statics[0] ?? '';
  for (let i = 1; i < statics.length; i++) {
    const name = names[i - 1];
    text += `${name !== undefined ? `{${name}}` : i - 1 === failing ? '{here}' : '{}'}${statics[i] ?? ''}`;
  }
  return text;
}
