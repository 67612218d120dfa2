/**
 * What a changed schema constraint means for a caller, for the wire level's lines: "`maxLength`
 * was set to '64'" is "values longer than 64 characters are now rejected" in a request, and a
 * limit raised or removed where the API answers is "values longer than 64 characters may now be
 * returned". Redocly reports a tighter limit only where a request uses the schema and a looser
 * one only where a response does, so the direction of the change says which of the two it is.
 */

/** Lengths and counts: the value is measured, in characters, items or properties. */
const SIZES: Record<string, { unit: [string, string]; bound: 'max' | 'min' }> = {
  maxLength: { unit: ['character', 'characters'], bound: 'max' },
  minLength: { unit: ['character', 'characters'], bound: 'min' },
  maxItems: { unit: ['item', 'items'], bound: 'max' },
  minItems: { unit: ['item', 'items'], bound: 'min' },
  maxProperties: { unit: ['property', 'properties'], bound: 'max' },
  minProperties: { unit: ['property', 'properties'], bound: 'min' },
};

/** Numeric bounds: the values each one leaves out, at `n`. */
const BOUNDS: Record<string, { outside: (n: number) => string; bound: 'max' | 'min' }> = {
  maximum: { outside: (n) => `above ${n}`, bound: 'max' },
  exclusiveMaximum: { outside: (n) => `of ${n} or more`, bound: 'max' },
  minimum: { outside: (n) => `below ${n}`, bound: 'min' },
  exclusiveMinimum: { outside: (n) => `of ${n} or less`, bound: 'min' },
};

/**
 * The keyword's change, from the value before to the value after (undefined: not there), as a
 * caller meets it; undefined when it cannot be said in a few words (a `const`, a subschema other
 * than `propertyNames`). `noun` names what is checked: "values", or "keys" inside `propertyNames`.
 */
export function constraintMeaning(
  keyword: string,
  before: unknown,
  after: unknown,
  noun = 'values',
  /**
   * Where the schema is used, when known: Redocly reports a constraint tightened on a response
   * or loosened on a request without its rule (nothing breaks), and the direction alone would
   * say the opposite of what it means there (helper-160 4).
   */
  side?: 'request' | 'response',
): string | undefined {
  const size = SIZES[keyword];
  const bound = BOUNDS[keyword];
  if (size !== undefined || bound !== undefined) {
    const limit = size?.bound ?? bound!.bound;
    const outside = (n: number) => {
      if (size === undefined) return `${noun} ${bound!.outside(n)}`;
      const unit = size.unit[n === 1 ? 0 : 1];
      return size.unit[0] === 'character'
        ? `${noun} ${limit === 'max' ? 'longer' : 'shorter'} than ${n} ${unit}`
        : `${noun} with ${limit === 'max' ? 'more' : 'fewer'} than ${n} ${unit}`;
    };
    const old = typeof before === 'number' ? before : undefined;
    const now = typeof after === 'number' ? after : undefined;
    const tighter =
      now !== undefined && (old === undefined || (limit === 'max' ? now < old : now > old));
    if (tighter)
      return side === 'response'
        ? `${outside(now)} are no longer returned`
        : `${outside(now)} are now rejected`;
    if (old !== undefined && now !== old)
      return side === 'request'
        ? `${outside(old)} are now accepted`
        : `${outside(old)} may now be returned`;
    return undefined;
  }
  if (keyword === 'pattern' || keyword === 'format') {
    const what = (value: string) =>
      keyword === 'pattern' ? `match \`${value}\`` : `be \`${value}\` (format)`;
    if (side === 'response') {
      const always = (value: string) =>
        keyword === 'pattern' ? `always match \`${value}\`` : `are always \`${value}\` (format)`;
      if (typeof after === 'string') return `${noun} returned now ${always(after)}`;
      if (typeof before === 'string') return `${noun} returned may no longer ${what(before)}`;
      return undefined;
    }
    if (typeof after === 'string') return `${noun} must now ${what(after)}`;
    if (typeof before === 'string') return `${noun} no longer need to ${what(before)}`;
    return undefined;
  }
  if (keyword === 'propertyNames') {
    // A subschema added or removed as a whole: each of its constraints, on the keys.
    const [schema, added] = isObject(after)
      ? [after, true]
      : isObject(before)
        ? [before, false]
        : [];
    if (schema === undefined) return undefined;
    const parts = Object.entries(schema)
      .map(([inner, value]) =>
        added
          ? constraintMeaning(inner, undefined, value, 'keys', side)
          : constraintMeaning(inner, value, undefined, 'keys', side),
      )
      .filter((part) => part !== undefined);
    return parts.length === 0 ? undefined : parts.join('; ');
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
