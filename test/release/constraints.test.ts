/** What a changed schema constraint means for a caller, as the wire level's lines say it. */
import { describe, expect, it } from 'vitest';
import { constraintMeaning } from '../../scripts/lib/diff/constraints.ts';

describe('constraintMeaning', () => {
  it.each([
    // [keyword, before, after, meaning]
    ['maxLength', undefined, 64, 'values longer than 64 characters are now rejected'],
    ['maxLength', 100, 64, 'values longer than 64 characters are now rejected'],
    ['maxLength', 64, 100, 'values longer than 64 characters may now be returned'],
    ['maxLength', 64, undefined, 'values longer than 64 characters may now be returned'],
    ['minLength', undefined, 3, 'values shorter than 3 characters are now rejected'],
    ['maxItems', 10, 5, 'values with more than 5 items are now rejected'],
    ['minItems', undefined, 1, 'values with fewer than 1 item are now rejected'],
    ['maxProperties', undefined, 20, 'values with more than 20 properties are now rejected'],
    ['maximum', undefined, 100, 'values above 100 are now rejected'],
    ['exclusiveMaximum', undefined, 100, 'values of 100 or more are now rejected'],
    ['minimum', 0, 1, 'values below 1 are now rejected'],
    ['exclusiveMinimum', undefined, 0, 'values of 0 or less are now rejected'],
    ['minimum', 1, 0, 'values below 1 may now be returned'],
    ['pattern', undefined, '^[a-z]+$', 'values must now match `^[a-z]+$`'],
    ['pattern', '^[a-z]+$', undefined, 'values no longer need to match `^[a-z]+$`'],
    ['format', undefined, 'uuid', 'values must now be `uuid` (format)'],
    ['propertyNames', undefined, { maxLength: 40 }, 'keys longer than 40 characters are now rejected'],
    ['const', undefined, 'x', undefined],
    ['maxLength', 64, 64, undefined],
  ] as const)('%s: %o → %o', (keyword, before, after, meaning) => {
    expect(constraintMeaning(keyword, before, after)).toBe(meaning);
  });
});

/**
 * helper-160 4: where the schema is used is known, the meaning is said for it. Redocly reports a
 * constraint tightened on a response, or loosened on a request, without its rule; the direction
 * alone would call a response's new `maxLength` "rejected".
 */
describe('constraintMeaning for a request or a response', () => {
  it.each([
    // [keyword, before, after, side, meaning]
    ['maxLength', undefined, 64, 'response', 'values longer than 64 characters are no longer returned'],
    ['maxLength', 64, undefined, 'response', 'values longer than 64 characters may now be returned'],
    ['maxLength', undefined, 64, 'request', 'values longer than 64 characters are now rejected'],
    ['maxLength', 64, undefined, 'request', 'values longer than 64 characters are now accepted'],
    ['minimum', undefined, 1, 'response', 'values below 1 are no longer returned'],
    ['minItems', 2, 1, 'request', 'values with fewer than 2 items are now accepted'],
    ['pattern', undefined, '^o_', 'response', 'values returned now always match `^o_`'],
    ['pattern', '^o_', undefined, 'response', 'values returned may no longer match `^o_`'],
    ['format', undefined, 'uuid', 'response', 'values returned now are always `uuid` (format)'],
    ['pattern', '^o_', undefined, 'request', 'values no longer need to match `^o_`'],
  ] as const)('%s: %o → %o in a %s', (keyword, before, after, side, meaning) => {
    expect(constraintMeaning(keyword, before, after, 'values', side)).toBe(meaning);
  });
});
