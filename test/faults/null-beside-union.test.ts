/**
 * `type` listing null beside a union whose variants all refuse null (null-beside-union.yaml).
 * `type: 'null'` alone is read as null or one of the variants, as 3.0's `nullable` beside a `oneOf`
 * is, with a warning: it was typed `null & (string | number)` (`never`), and the guards refused
 * every value the API sends. Beside other types null stays refused (JSON Schema), with a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { EQUAL, faultPackage, diagnostics, type FaultPackage } from './package.ts';

describe('null beside a union that refuses null', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;

  beforeAll(async () => {
    pkg = await faultPackage('null-beside-union.yaml');
    written = await writePackage(pkg.files);
  });
  afterAll(async () => {
    await written.remove();
  });

  it('is typed null or one of the variants, in src/types.ts and src/openapi.ts alike', () => {
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Account } from './index.js';
same<Account['namespaceId'], string | number | null>(true);
same<Account['assignedAt'], number | boolean | null | undefined>(true);
same<null extends Account['repo'] ? true : false, false>(true);
same<Account['maybe'], null | undefined>(true);
export const account: Account = { namespaceId: 'team', assignedAt: 3, repo: { url: 'u' } };
export const none: Account = { namespaceId: null, assignedAt: null };
// src/openapi.ts (the typed path client's types) reads it the same way; it typed null & (A | B).
import type { components } from './openapi.js';
type Wire = components['schemas']['Account'];
same<Wire['namespaceId'], Account['namespaceId']>(true);
same<Wire['assignedAt'], Account['assignedAt']>(true);
export const wireOwner: Wire = { namespaceId: null, owner: null };
export const wireLogin: Wire = { namespaceId: null, owner: { login: 'ann' } };
export const owner: Account = { namespaceId: null, owner: { login: 'ann' } };
`,
      }),
    ).toEqual([]);
  });

  it('is accepted by the guards as null or a variant', async () => {
    const guards = (await import(`${written.dir}/src/guards.ts`)) as Record<
      string,
      (value: unknown) => boolean
    >;
    const isAccount = guards.isAccount!;
    expect(isAccount({ namespaceId: 'team' })).toBe(true);
    expect(isAccount({ namespaceId: 7, assignedAt: false })).toBe(true);
    expect(isAccount({ namespaceId: null, assignedAt: null })).toBe(true);
    // Beside other types JSON Schema's reading stands: null is refused (with a warning).
    expect(isAccount({ namespaceId: null, repo: null })).toBe(false);
    expect(isAccount({ namespaceId: null, repo: { url: 'u' } })).toBe(true);
    expect(isAccount({ namespaceId: {} })).toBe(false);
    expect(isAccount({ namespaceId: null, assignedAt: 'x' })).toBe(false);
    expect(isAccount({ namespaceId: null, maybe: 'x' })).toBe(false);
    expect(isAccount({ namespaceId: null, owner: null })).toBe(true);
    expect(isAccount({ namespaceId: null, owner: { login: 'ann' } })).toBe(true);
    expect(isAccount({ namespaceId: null, owner: 'ann' })).toBe(false);
  });

  it('is warned about at each `type`, with the fix', () => {
    const warning = pkg.model.warnings.find((w) => w.key === 'null-beside-union');
    expect(warning?.places.map((p) => [p.location.pointer, p.problem, p.hint])).toEqual([
      [
        '#/components/schemas/Account/properties/namespaceId/type',
        "`type: 'null'` beside `oneOf` whose variants all refuse null: by JSON Schema no value is valid here (null fails every variant, and any other value fails `type`); the SDK reads it as null or one of the variants, what OpenAPI 3.0's `nullable: true` beside `oneOf` means",
        "add `{ type: 'null' }` as a variant of `oneOf` and remove `type`, so JSON Schema tools read it the same way",
      ],
      [
        '#/components/schemas/Account/properties/assignedAt/type',
        "`type: 'null'` beside `anyOf` whose variants all refuse null: by JSON Schema no value is valid here (null fails every variant, and any other value fails `type`); the SDK reads it as null or one of the variants, what OpenAPI 3.0's `nullable: true` beside `anyOf` means",
        "add `{ type: 'null' }` as a variant of `anyOf` and remove `type`, so JSON Schema tools read it the same way",
      ],
      [
        '#/components/schemas/Account/properties/repo/type',
        "`type` allows null, but every variant of `oneOf` refuses null, so null is refused here (by JSON Schema, as ajv reads it): the SDK's types and guards refuse it",
        "if the API sends null here, add `{ type: 'null' }` as a variant of `oneOf`; if it does not, remove null from `type`",
      ],
      [
        '#/components/schemas/Account/properties/owner/type',
        "`type: 'null'` beside `oneOf` whose variants all refuse null: by JSON Schema no value is valid here (null fails every variant, and any other value fails `type`); the SDK reads it as null or one of the variants, what OpenAPI 3.0's `nullable: true` beside `oneOf` means",
        "add `{ type: 'null' }` as a variant of `oneOf` and remove `type`, so JSON Schema tools read it the same way",
      ],
    ]);
  });
});
