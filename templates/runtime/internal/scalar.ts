/**
 * Private helper: the text of one scalar value in a path, query, header or form field, where no
 * number syntax exists and a server reads the characters as they come.
 */

/**
 * A number as plain decimal digits, never with an exponent: `1e21` → `1000000000000000000000`,
 * `1.5e-7` → `0.00000015` (`String()` writes both with an exponent, which a server reading an
 * `integer` or `number` parameter does not take). The digits are `String()`'s own, the shortest
 * that read back as the same number, moved about the decimal point. `NaN` and `±Infinity` stay
 * as `String()` writes them.
 */
export function numberText(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', lead = '', rest = '', exponent = '0'] = match;
  const digits = lead + rest;
  // Digits before the decimal point: `String()` uses an exponent only from 1e21 up (22 or more,
  // beyond its at most 17 digits) and below 1e-6 (-6 or fewer).
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
}

/**
 * A primitive's text: numbers by {@link numberText}, `Date`s as ISO strings, the rest (strings,
 * booleans, bigints) as `String()` writes them.
 */
export function scalarText(value: unknown): string {
  if (typeof value === 'number') return numberText(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
