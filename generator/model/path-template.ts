/**
 * A path key or server URL read as OpenAPI's template (3.1 §4.8.8.2, §4.8.5: literal text and
 * `{name}` expressions, a name being any text without braces): the names it holds, and what makes
 * it no template at all. A brace cannot be sent as written (RFC 3986 has none in a URL), so a key
 * with `{}`, an unclosed `{`, a stray `}` or a `{` inside `{…}` names no URL the SDK could request.
 */

/** `/projects/{project}/plans/{plan}` → [project, plan], in order, repeats kept. */
export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] ?? '');
}

/** What keeps `path` from being a path template, as "a `{}` that names no parameter"; else undefined. */
export function templateProblem(path: string): string | undefined {
  let open = -1;
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    if (char === '{') {
      if (open !== -1) return 'a `{` inside `{…}`';
      open = i;
    } else if (char === '}') {
      if (open === -1) return 'a `}` without its `{`';
      if (i === open + 1) return 'a `{}` that names no parameter';
      open = -1;
    }
  }
  return open === -1 ? undefined : 'a `{` without its `}`';
}

/** The fix for a {@link templateProblem}. */
export const TEMPLATE_FIX =
  'write each parameter as `{name}` (a name without braces, declared `in: path`); a brace the URL really holds is written percent-encoded: %7B for `{`, %7D for `}`';
