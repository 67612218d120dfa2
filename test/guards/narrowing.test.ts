/**
 * Issue 10 item 5: a type beside a composition of another kind's comparisons. The guards
 * type-check under strict (no TS2367 "no overlap" comparisons) and decide as ajv does.
 */
import { describeGuardCases } from './cases.ts';

describeGuardCases('narrowing.yaml', [
  [
    'type: object beside oneOf [string enum, $ref]: only the object branch can match',
    {
      schema: 'Setting',
      valid: [{}, { depth: 2 }],
      invalid: ['auto', { depth: 'x' }, null, []],
    },
  ],
  [
    'type: integer beside anyOf [string enum, minimum]',
    { schema: 'Level', valid: [1, 7], invalid: ['high', 0, 1.5] },
  ],
  [
    'type: string beside not: enum [1, admin]',
    { schema: 'Nickname', valid: ['ann', '1'], invalid: ['admin', 1] },
  ],
  [
    'type: boolean beside oneOf [true, "yes"]',
    { schema: 'Flag', valid: [true], invalid: [false, 'yes'] },
  ],
  [
    'nullable beside oneOf [null, string]',
    { schema: 'MaybeWord', valid: [null, 'x'], invalid: [1] },
  ],
  [
    'type: array beside oneOf [null, maxItems]',
    { schema: 'Pair', valid: [[], [1, 2]], invalid: [[1, 2, 3], null] },
  ],
]);
