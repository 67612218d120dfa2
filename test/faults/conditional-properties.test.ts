/**
 * Properties only a schema's conditional subschemas declare (`then`/`else` beside `if`,
 * `dependentSchemas`; conditional-properties.yaml): optional in src/types.ts, so a valid value
 * with them compiles and code can read them; the guards still check them only where they apply.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, EQUAL, faultPackage, packageDates, packageIs } from './package.ts';

const FIXTURE = 'conditional-properties.yaml';

describe('properties declared by then/else or dependentSchemas', () => {
  it('are optional members of the type (src/types.ts and src/openapi.ts), a union where the branches type them differently', async () => {
    const pkg = await faultPackage(FIXTURE);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { AP, Bare, Closed, ClosedMember, D, Deep, Outer, Payment, Sib, Timed, V1 } from './types.js';
import { reviveTimed, type Revived } from './dates.js';
import { isPayment } from './guards.js';
import { Payments } from './client.js';
same<Payment['cardNumber'], string | undefined>(true);
same<Payment['iban'], string | undefined>(true);
same<V1['a'], number | string | undefined>(true);
same<V1['b'], boolean | undefined>(true);
same<D['b'], number | undefined>(true);
export const card: Payment = { method: 'card', cardNumber: '4111' };
export const bank: Payment = { method: 'bank', iban: 'DE00' };
export function read(wire: unknown): string | undefined {
  return isPayment(wire) ? (wire.cardNumber ?? wire.iban) : undefined;
}
export const sent = (client: Payments) => client.payments.create({ body: { method: 'bank', iban: 'DE00' } });
import type { components } from './openapi.js';
export const typed: components['schemas']['Payment'] = { method: 'bank', iban: 'DE00' };
same<components['schemas']['V1']['a'], number | string | undefined>(true);
same<AP[string], string | undefined>(true);
// @ts-expect-error additionalProperties still types every other key
export const apOther: AP = { k: 'x', other: 1 };
// @ts-expect-error additionalProperties: false refuses a branch-only property
export const closedB: Closed = { a: 'x', b: 'y' };
export const sib: Sib = { a: 'x' };
export const sibTyped: components['schemas']['Sib'] = { a: 'x' };
export const deep: Deep = { method: 'card', cardNumber: '4111', cvc: '123', holder: 'A' };
export const deepTyped: components['schemas']['Deep'] = { method: 'card', cardNumber: '4111', cvc: '1', holder: 'A' };
same<NonNullable<Outer['y']>, string>(true);
same<NonNullable<components['schemas']['Outer']['y']>, string>(true);
export const outer: Outer = { z: 'q', x: 'p', y: 'r' };
// @ts-expect-error additionalProperties: false in an allOf member refuses b
export const closedMember: ClosedMember = { a: 'x', b: 'y' };
// @ts-expect-error the same in src/openapi.ts
export const closedMemberTyped: components['schemas']['ClosedMember'] = { a: 'x', b: 'y' };
// @ts-expect-error a branch property keeps its type
export const wrong: Payment = { method: 'card', cardNumber: 4111 };
// @ts-expect-error unevaluatedProperties: false still closes the object
export const closed: V1 = { a: 1, c: 1 };
same<Bare['at'], string | undefined>(true);
// @ts-expect-error an object, not any value
export const bareString: Bare = 'x';
same<Revived['Bare']['at'], Date | undefined>(true);
same<Timed['dueAt'], string | undefined>(true);
same<Revived['Timed']['dueAt'], Date | undefined>(true);
same<Revived['Timed']['history'], Date[] | undefined>(true);
same<Revived['Timed']['seenAt'], Date | null | undefined>(true);
export const due: Date | undefined = reviveTimed({ kind: 'due', dueAt: '2024-01-01T00:00:00Z' }).dueAt;
`,
      }),
    ).toEqual([]);
  });

  it('revive their date-time strings as Date objects, and serialize back to the same text', async () => {
    const pkg = await faultPackage(FIXTURE);
    const dates = await packageDates(pkg);
    const timed = dates.reviveTimed!({
      kind: 'due',
      dueAt: '2024-01-02T03:04:05Z',
      seenAt: null,
    }) as Record<string, unknown>;
    expect(timed.dueAt).toEqual(new Date('2024-01-02T03:04:05Z'));
    expect(timed.seenAt).toBeNull();
    const other = dates.reviveTimed!({
      kind: 'late',
      history: ['2024-01-02T03:04:05Z'],
      dueAt: 'soon',
    }) as Record<string, unknown>;
    expect(other.history).toEqual([new Date('2024-01-02T03:04:05Z')]);
    // Where the condition does not hold, the branch does not apply, yet the type says Date: text
    // that is no date-time is an invalid Date that serializes back to the same text, as anywhere.
    expect(other.dueAt).toBeInstanceOf(Date);
    expect(JSON.stringify(dates.serializeTimed!(other))).toBe(
      JSON.stringify({ kind: 'late', history: ['2024-01-02T03:04:05Z'], dueAt: 'soon' }),
    );
    const bare = dates.reviveBare!({ kind: 'x', at: '2024-01-02T03:04:05Z' }) as Record<
      string,
      unknown
    >;
    expect(bare.at).toEqual(new Date('2024-01-02T03:04:05Z'));
  });

  it('are checked by the guards only where their condition holds', async () => {
    const is = await packageIs(await faultPackage(FIXTURE));
    expect(
      [
        { method: 'card', cardNumber: '4111' },
        { method: 'bank', iban: 'DE00' },
        { method: 'card' },
        { method: 'bank', cardNumber: '4111' },
      ].map((value) => is('Payment', value)),
    ).toEqual([true, true, false, false]);
    expect([is('D', { a: 'x', b: 1 }), is('D', { a: 'x', b: 's' }), is('D', { b: 's' })]).toEqual([
      true,
      false,
      true,
    ]);
  });
});
