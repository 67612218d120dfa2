/**
 * src/types.ts on the fault fixtures: each kind of schema real specs write gets a type that
 * accepts exactly what the schema (and its guard) accepts, checked by compiling assertions against
 * the generated package: `same<A, B>(true)` fails to compile unless A and B are the same type,
 * `@ts-expect-error` fails unless the line is an error.
 */
import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../generator/emit/schema-sample.ts';
import { importModules, type GuardsModule } from '../guards/compile.ts';
import {
  diagnostics,
  EQUAL,
  faultPackage,
  packageDates,
  packageIs,
  schemasPackage,
  specPackage,
  type FaultPackage,
} from './package.ts';

/** The package's guards, imported. */
function loadGuards(pkg: FaultPackage): Promise<GuardsModule> {
  return importModules({
    'guards.ts': pkg.files.get('src/guards.ts') ?? '',
    'guards-runtime.ts': pkg.files.get('src/guards-runtime.ts') ?? '',
  });
}

async function check(fixture: string, source: string): Promise<string[]> {
  const pkg = await faultPackage(fixture);
  return diagnostics(pkg, { 'src/check.ts': `${EQUAL}\n${source}` });
}

describe('nullable enum (OpenAPI 3.0.3: null only where the enum lists it)', () => {
  it('types agree with the schema and the guards', async () => {
    expect(
      await check(
        'nullable-enum.yaml',
        `
import type { Account, MaybeStatus, Status } from './types.js';
import type { components } from './openapi.js';
import { isAccount, isMaybeStatus, isStatus } from './guards.js';
type Schemas = components['schemas'];
same<Status, 'active' | 'inactive'>(true);
same<MaybeStatus, 'active' | 'inactive' | null>(true);
same<Account['status'], 'open' | 'closed'>(true);
same<Account['previous'], 'open' | 'closed' | null>(true);
same<Account['size'], 1 | 2 | 3 | undefined>(true);
// src/openapi.ts (the typed path client's types) says the same; openapi-typescript alone adds null.
same<Schemas['Status'], Status>(true);
same<Schemas['MaybeStatus'], MaybeStatus>(true);
same<Schemas['Account']['status'], Account['status']>(true);
same<Schemas['Account']['previous'], Account['previous']>(true);
same<Schemas['Account']['size'], Account['size']>(true);
export const verdicts: boolean[] = [isStatus(null), isMaybeStatus(null), isAccount({ status: null, previous: null })];
`,
      ),
    ).toEqual([]);
  });

  it('is warned where the enum refuses the null nullable allows, with both fixes', async () => {
    const { model } = await faultPackage('nullable-enum.yaml');
    const warned = model.warnings.find((w) => w.key === 'nullable-enum-without-null')!.places;
    expect(warned.map((w) => w.location.pointer)).toEqual([
      '#/components/schemas/Status/enum',
      '#/components/schemas/Account/properties/status/enum',
      '#/components/schemas/Account/properties/size/enum',
    ]);
    expect(warned[0]!.problem).toContain('`nullable: true`, but `enum` allows no null');
    expect(warned[0]!.hint).toBe(
      'if the API sends null here, add null to `enum`; if it does not, remove `nullable` (or null from `type`)',
    );
  });

  it('in OpenAPI 3.1 (`type: [string, "null"]` beside an enum without null) as in 3.0', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Nullable enums', version: '1' },
      paths: {},
      components: {
        schemas: {
          Level: { type: ['string', 'null'], enum: ['low', 'high'] },
          MaybeLevel: { type: ['string', 'null'], enum: ['low', null] },
        },
      },
    });
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Level, MaybeLevel } from './types.js';
import type { components } from './openapi.js';
same<Level, 'low' | 'high'>(true);
same<components['schemas']['Level'], Level>(true);
same<MaybeLevel, 'low' | null>(true);
same<components['schemas']['MaybeLevel'], MaybeLevel>(true);
`,
      }),
    ).toEqual([]);
    expect(pkg.model.warnings.map((w) => [w.key, w.location.pointer])).toContainEqual([
      'nullable-enum-without-null',
      '#/components/schemas/Level/enum',
    ]);
  });

  it('the guards say the same at run time', async () => {
    const { model } = await faultPackage('nullable-enum.yaml');
    const status = model.schemas.find((s) => s.name === 'Status')!.node;
    const maybe = model.schemas.find((s) => s.name === 'MaybeStatus')!.node;
    expect(status).toMatchObject({ kind: 'enum', nullable: false, values: ['active', 'inactive'] });
    expect(maybe).toMatchObject({ kind: 'enum', values: ['active', 'inactive', null] });
  });
});

describe("an enum none of whose values is of the schema's type (`type: string, enum: [1, 2]`)", () => {
  it('is read as the enum alone, in types, parameters and the guards, with a warning', async () => {
    expect(
      await check(
        'enum-outside-type.yaml',
        `
import type { Slot } from './types.js';
import type { ExampleAPI } from './client.js';
type Get = ExampleAPI['slots']['get'];
same<Slot['slot'], 1 | 2>(true);
same<Slot['fixed'], 'a' | undefined>(true);
same<Parameters<Get>[1], 1 | 2>(true);
same<Parameters<Get>[2]['level'], 'low' | 'high'>(true);
`.replace(/ExampleAPI/g, (await faultPackage('enum-outside-type.yaml')).model.sdk.clientName),
      ),
    ).toEqual([]);
    const { model } = await faultPackage('enum-outside-type.yaml');
    const slot = model.schemas.find((s) => s.name === 'Slot')!.node;
    // The guards check the enum alone: 1 and 2 are valid (the type and the enum together allowed nothing).
    expect(slot).toMatchObject({
      kind: 'object',
      properties: [
        { name: 'slot', node: { kind: 'enum', values: [1, 2] } },
        { name: 'mode' },
        { name: 'fixed', node: { kind: 'enum', values: ['a'], isConst: true } },
        // An enum of strings beside `type: array` of strings is the items' enum (sloppy-schemas.ts).
        { name: 'regions', node: { kind: 'array', items: { kind: 'enum', values: ['EU', 'US'] } } },
      ],
    });
    const warned = model.warnings.filter((w) => w.key === 'enum-outside-type');
    expect(warned.map((w) => [w.location.pointer, w.more])).toEqual([
      ['#/components/schemas/Slot/properties/slot/enum', 2],
    ]);
    expect(warned[0]!.problem).toBe(
      "no value of `enum` (1, 2) is of the schema's type, string, so no value at all is valid; the generator reads the enum alone and ignores `type`",
    );
    const constWarned = model.warnings.filter((w) => w.key === 'const-outside-enum');
    expect(constWarned.map((w) => [w.location.pointer, w.problem])).toEqual([
      [
        '#/components/schemas/Slot/properties/fixed/const',
        '`const` ("a") is not one of the values of `enum`, so no value at all is valid; the generator reads the const alone',
      ],
    ]);
    expect(warned[0]!.hint).toBe(
      'write the values as the type\'s (`enum: ["1", "2"]`), or set `type` to the values\' type',
    );
  });
});

describe("an enum only some of whose values are of the schema's type (`type: string, enum: [a, 1]`)", () => {
  it('keeps the values of the type, in the types, the parameters and the guards alike', async () => {
    const pkg = await faultPackage('enum-partly-outside-type.yaml');
    expect(
      await check(
        'enum-partly-outside-type.yaml',
        `
import type { Mark, Marks, NullableMark, Pair, Whole } from './types.js';
import type { ExampleAPI } from './client.js';
type List = ExampleAPI['marks']['list'];
same<Mark, 'a'>(true);
same<NullableMark, 'a' | null>(true);
same<Whole, 1>(true);
same<Pair, [1, 2]>(true);
same<Marks['mark'], 'a' | 'b' | undefined>(true);
same<Marks['fixed'], 'a' | undefined>(true);
same<NonNullable<Parameters<List>[0]>['mark'], 'a' | undefined>(true);
`.replace(/ExampleAPI/g, pkg.model.sdk.clientName),
      ),
    ).toEqual([]);
    const guards = await loadGuards(pkg);
    const verdicts = (name: string, values: unknown[]) =>
      values.map((value) => guards[`is${name}`]!(value));
    expect(verdicts('Mark', ['a', 1, null])).toEqual([true, false, false]);
    expect(verdicts('NullableMark', ['a', 1, null])).toEqual([true, false, true]);
    expect(verdicts('Whole', [1, 1.5, 'x'])).toEqual([true, false, false]);
    expect(verdicts('Pair', [[1, 2], 'x'])).toEqual([true, false]);
    const warned = pkg.model.warnings.filter((w) => w.key === 'enum-partly-outside-type');
    // One warning for the kind, at its first place, with the count of the others.
    expect(warned.map((w) => [w.location.pointer, w.problem, w.hint, w.more])).toEqual([
      [
        '#/components/schemas/Mark/enum',
        "`enum` lists 1, null, which are not of the schema's type, string, so no value can take them; the SDK leaves them out",
        'remove them from `enum`, or add their types to `type`',
        5,
      ],
    ]);
  });
});

describe('a discriminated union behind a nullable allOf wrapper', () => {
  it('is `Pet | null`, and the union still narrows on petType', async () => {
    expect(
      await check(
        'nullable-discriminator.yaml',
        `
import type { Owner, Pet } from './types.js';
same<Owner['favoritePet'], Pet | null>(true);
export const owner: Owner = { name: 'Ann', favoritePet: { petType: 'cat', lives: 9 } };
export const none: Owner = { name: 'Bo', favoritePet: null };
export function lives(pet: Pet): number | undefined {
  return pet.petType === 'cat' ? pet.lives : undefined;
}
// @ts-expect-error a dog has no lives
export const wrong: Owner = { name: 'Cy', favoritePet: { petType: 'dog', lives: 1 } };
`,
      ),
    ).toEqual([]);
  });

  it('is declared as written, not through an Omit', async () => {
    const { files } = await faultPackage('nullable-discriminator.yaml');
    const types = files.get('src/types.ts')!;
    expect(types).toContain('favoritePet: Pet | null;');
    expect(types).not.toContain('Omit<');
    expect(types).toMatch(
      /export type Pet =\s*\|?\s*\(?Cat & \{ petType: ["']cat["'] \}\)?\s*\|\s*\(?Dog & \{ petType: ["']dog["'] \}\)?;/,
    );
  });
});

describe('additionalProperties beside properties, with another value type', () => {
  it('accepts valid values and rejects invalid ones', async () => {
    expect(
      await check(
        'additional-properties.yaml',
        `
import type { Counted, Patterned } from './types.js';
export const counted: Counted = { total: 3, tags: ['a'] };
export const labelled: Counted = { total: 3, label: 'x', more: [] };
// @ts-expect-error a boolean is neither a declared property's type nor a string list
export const wrong: Counted = { total: 3, flag: true };
// @ts-expect-error total is required
export const missing: Counted = { tags: ['a'] };
export const patterned: Patterned = { id: 'a', 'x-rate': 3 };
same<Bag['label'], string>(true);
// @ts-expect-error label is required
export const unlabelled: Bag = { count: 1 };
`.replace('import type { Counted, Patterned }', 'import type { Bag, Counted, Patterned }'),
      ),
    ).toEqual([]);
  });

  it('a required name only additionalProperties gives a schema is of its type, in the types, the guards and the samples', async () => {
    const pkg = await faultPackage('additional-properties.yaml');
    const guards = await loadGuards(pkg);
    expect(guards['isBag']!({ count: 1, label: 'x' })).toBe(true);
    expect(guards['isBag']!({ count: 1, label: null })).toBe(false);
    expect(guards['isBag']!({ count: 1 })).toBe(false);
    // Before: `label: {} | null`, and a sample `{"count":0,"label":null}` its guard refused.
    expect(pkg.files.get('src/types.ts')).toContain('  label: string;\n');
    const bag = pkg.model.schemas.find((schema) => schema.name === 'Bag')!.node;
    const sample = sampleValue(bag, pkg.model.schemas, { direction: 'response' });
    expect(sample).toEqual({ count: 0, label: 'label' });
    expect(guards['isBag']!(sample)).toBe(true);
  });
});

describe('a oneOf variant that requires a writeOnly property (helper-133 1)', () => {
  // Responses leave `w` out, so the second variant no longer tells itself apart: an `Ro` matched
  // both, and the guards refused every one the API sends. Ajv, keeping `w` required, accepts it.
  const schemas = {
    Ro: {
      type: 'object',
      required: ['r', 'v'],
      properties: { r: { type: 'integer', readOnly: true }, v: { type: 'integer' } },
    },
    Secret: {
      type: 'object',
      required: ['w'],
      properties: { w: { type: 'string', writeOnly: true } },
    },
    O: {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            oneOf: [
              { $ref: '#/components/schemas/Ro' },
              {
                type: 'object',
                required: ['w'],
                properties: { w: { type: 'string', writeOnly: true } },
              },
            ],
          },
        },
        viaRef: {
          oneOf: [{ $ref: '#/components/schemas/Ro' }, { $ref: '#/components/schemas/Secret' }],
        },
        // helper-137 2: the requirement one union deeper.
        deeper: {
          oneOf: [
            { $ref: '#/components/schemas/Ro' },
            { anyOf: [{ $ref: '#/components/schemas/Secret' }, { type: 'string' }] },
          ],
        },
      },
    },
  };

  it('is checked as anyOf in the guards: a value the API sends is valid', async () => {
    const pkg = await schemasPackage('Unions', schemas);
    const guards = await loadGuards(pkg);
    for (const value of [
      { items: [{ r: 1, v: 1 }] },
      { items: [{}] },
      { viaRef: { r: 1, v: 2 } },
      { deeper: { r: 1, v: 2 } },
    ]) {
      expect(guards['isO']!(value)).toBe(true);
      expect(guards['validateO']!(value)).toMatchObject({ ok: true });
    }
    // Still refused: what no variant accepts.
    expect(guards['isO']!({ items: [5] })).toBe(false);
    expect(guards['isO']!({ viaRef: 'x' })).toBe(false);
  });

  it('a oneOf without one keeps exactly-one', async () => {
    const pkg = await schemasPackage('Unions', {
      U: { oneOf: [{ type: 'object' }, { type: 'object', required: ['a'] }] },
    });
    const guards = await loadGuards(pkg);
    expect(guards['isU']!({ a: 1 })).toBe(false);
    expect(guards['isU']!({ b: 1 })).toBe(true);
  });
});

describe('readOnly and writeOnly with required', () => {
  const source = `
import type { Stamp, StampInput, Team, TeamInput, User, UserInput } from './types.js';
import type { UserCreateParams } from './resources/users.js';
import type { Users } from './resources/users.js';
// A response carries readOnly properties and need not carry writeOnly ones.
export const user: User = { id: 'u1', name: 'Ann', createdAt: '2024-01-01T00:00:00Z' };
// A request sends writeOnly properties and no readOnly ones.
export const input: UserInput = { name: 'Ann', password: 'secret' };
// @ts-expect-error the password is required in requests
export const noPassword: UserInput = { name: 'Ann' };
// @ts-expect-error the server sets the id
export const withId: UserInput = { id: 'u1', name: 'Ann', password: 'secret' };
// @ts-expect-error the id is required in responses
export const noId: User = { name: 'Ann', createdAt: '2024-01-01T00:00:00Z' };
// Through another schema as well.
same<TeamInput['members'], UserInput[]>(true);
same<Team['members'], User[]>(true);
export const params: UserCreateParams = { name: 'Ann', password: 'secret' };
// An object whose properties are all read-only is an object in a request, not \`{}\` (any value but
// null); a value read from a response may be sent back as it is.
// @ts-expect-error a string is not an object
export const auditText: UserInput = { name: 'Ann', password: 'secret', audit: 'x' };
// @ts-expect-error a number is not an object
export const stampNumber: UserInput = { name: 'Ann', password: 'secret', stamp: 5 };
export const empties: UserInput = { name: 'Ann', password: 'secret', audit: {}, stamp: {}, flags: {} };
declare const stamp: Stamp;
export const sentBack: StampInput = stamp;
same<StampInput, object>(true);
// An object that allows no property holds none, in requests and responses.
// @ts-expect-error no property is allowed
export const flagged: UserInput = { name: 'Ann', password: 'secret', flags: { a: 1 } };
// @ts-expect-error nor is a string an object
export const flagText: User = { id: 'u1', name: 'Ann', createdAt: '2024-01-01T00:00:00Z', flags: 'x' };
export async function created(users: Users): Promise<User> {
  return users.create({ name: 'Ann', password: 'secret' });
}
`;

  it('requests and responses get their own shapes', async () => {
    expect(await check('read-write.yaml', source)).toEqual([]);
  });

  it('only where a request uses the schema and its shape differs', async () => {
    const { model } = await faultPackage('read-write.yaml');
    expect(model.schemas.map((s) => [s.name, s.inputName])).toEqual([
      ['User', 'UserInput'],
      ['Team', 'TeamInput'],
      ['Stamp', 'StampInput'],
      ['Label', undefined],
    ]);
  });

  it('document the request shape with a live link to the response shape', async () => {
    const { files } = await faultPackage('read-write.yaml');
    const types = files.get('src/types.ts')!;
    expect(types).toContain(
      '{@link User} as requests send it: without its read-only properties, with its write-only ones.',
    );
    expect(types).not.toContain('{\\@link');
  });
});

describe('optional properties named like members of every object, or of a promise', () => {
  it('note the inherited member where one is read (toString), not for then, which a plain object lacks', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {},
      components: {
        schemas: {
          Thing: {
            type: 'object',
            properties: { toString: { type: 'string' }, then: { type: 'string' } },
          },
        },
      },
    });
    const types = pkg.files.get('src/types.ts')!;
    expect(types).toMatch(/`toString` reads the inherited\s+\*?\s*one/);
    expect(types).toMatch(/\*\/\n\s+toString\?: string;\n\s+then\?: string;/);
  });
});

describe("a discriminator's mapped variant whose own enum allows more values than are mapped to it", () => {
  // helper-107: `Cat.kind: enum [cat, kitty]`, mapped `cat` only: the type took `{ kind: 'kitty' }`
  // as a Pet, which the guard (picking the variant by the mapping) refuses.
  const object = (kind: Record<string, unknown>) => ({
    type: 'object',
    required: ['kind'],
    properties: { kind },
  });
  const spec = {
    openapi: '3.1.0',
    info: { title: 'Pets', version: '1.0.0' },
    paths: {},
    components: {
      schemas: {
        Pet: {
          oneOf: ['Cat', 'Dog', 'Bird'].map((name) => ({ $ref: `#/components/schemas/${name}` })),
          discriminator: {
            propertyName: 'kind',
            mapping: Object.fromEntries(
              ['cat', 'dog', 'bird'].map((kind) => [
                kind,
                `#/components/schemas/${kind[0]!.toUpperCase()}${kind.slice(1)}`,
              ]),
            ),
          },
        },
        Cat: object({ type: 'string', enum: ['cat', 'kitty'] }),
        Dog: object({ type: 'string' }),
        Bird: object({ type: 'string', enum: ['bird'] }),
      },
    },
  };

  it('is narrowed to the mapped values, as the guard narrows it; one fixed to them is left as is', async () => {
    const pkg = await specPackage(spec);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Bird, Cat, Dog, Pet } from './types.js';
import { isPet } from './guards.js';
same<Pet, (Cat & { kind: 'cat' }) | (Dog & { kind: 'dog' }) | Bird>(true);
// @ts-expect-error kitty is no mapped value: the guard refuses it
export const kitty: Pet = { kind: 'kitty' };
export const cat: Pet = { kind: 'cat' };
export const verdicts: boolean[] = [isPet(kitty), isPet(cat)];
`,
      }),
    ).toEqual([]);
    const guards = await importModules({
      'guards.ts': pkg.files.get('src/guards.ts') ?? '',
      'guards-runtime.ts': pkg.files.get('src/guards-runtime.ts') ?? '',
    });
    expect([guards.isPet!({ kind: 'kitty' }), guards.isPet!({ kind: 'cat' })]).toEqual([
      false,
      true,
    ]);
  });
});

describe('names listed in `required` beside allOf members that declare them readOnly or writeOnly', () => {
  // ShipEngine's address_validating_shipment: `required: [shipment_id, …]` beside `allOf` members,
  // where `shipment_id` is readOnly. A request never sends it, so the request type must not ask
  // for it (before, every README call creating a shipment failed to compile).
  const spec = {
    openapi: '3.0.3',
    info: { title: 'Shipping', version: '1.0.0' },
    paths: {
      '/shipments': {
        post: {
          operationId: 'createShipment',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Shipment' } } },
          },
          responses: {
            '200': {
              description: 'created',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Shipment' } },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Shipment: {
          type: 'object',
          required: ['shipment_id', 'carrier_id', 'secret'],
          allOf: [{ $ref: '#/components/schemas/Partial' }],
        },
        Partial: {
          type: 'object',
          properties: {
            shipment_id: { type: 'string', readOnly: true },
            carrier_id: { type: 'string' },
            secret: { type: 'string', writeOnly: true },
          },
        },
      },
    },
  };

  it('a request need not send the readOnly ones; a response need not carry the writeOnly ones', async () => {
    const pkg = await specPackage(spec);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `
import type { Shipment, ShipmentInput } from './types.js';
export const sent: ShipmentInput = { carrier_id: 'c1', secret: 's' };
// @ts-expect-error carrier_id is required both ways
export const noCarrier: ShipmentInput = { secret: 's' };
// @ts-expect-error the writeOnly secret is required in a request
export const noSecret: ShipmentInput = { carrier_id: 'c1' };
export const returned: Shipment = { shipment_id: 'sh1', carrier_id: 'c1' };
// @ts-expect-error the readOnly shipment_id is required in a response
export const noId: Shipment = { carrier_id: 'c1' };
`,
      }),
    ).toEqual([]);
  });
});

describe('the dates module over shapes whose wire types were hard to revive', () => {
  it('compiles, and revives each shape to its Revived type', async () => {
    expect(
      await check(
        'dates-types.yaml',
        `
import { reviveAudit, revivePage, reviveBooking, reviveServer } from './dates.js';
export const audit: Date = reviveAudit({ at: '2024-01-01T00:00:00Z', by: 'a', extra: 1 }).at;
export const page: Date | undefined = revivePage({ items: [{ createdAt: '2024-01-01T00:00:00Z' }] }).items[0]?.createdAt;
export const booking: { start?: Date; end?: Date } | null = reviveBooking({ window: null }).window;
export const server = reviveServer(null);
`,
      ),
    ).toEqual([]);
  });
});

describe('a union that holds itself through an array, with date-times (helper-132 1)', () => {
  // `SelfU: oneOf [A, array of SelfU]`: its revived type names itself as the array's items, and
  // TypeScript asked for it while declaring it (TS2502) until arrays revived through an interface.
  const schemas = {
    A: {
      type: 'object',
      required: ['at'],
      properties: { at: { type: 'string', format: 'date-time' } },
    },
    SelfU: {
      oneOf: [
        { $ref: '#/components/schemas/A' },
        { type: 'array', items: { $ref: '#/components/schemas/SelfU' } },
      ],
    },
    // The same loop through two schemas, and one through a map beside it.
    Ping: {
      anyOf: [
        { $ref: '#/components/schemas/A' },
        { type: 'array', items: { $ref: '#/components/schemas/Pong' } },
      ],
    },
    Pong: {
      oneOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/Ping' } }],
    },
    Tree: {
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        kids: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Tree' } },
        rest: {
          type: 'array',
          prefixItems: [{ type: 'string', format: 'date-time' }],
          items: { $ref: '#/components/schemas/SelfU' },
        },
      },
    },
  };

  it('compiles, and each revived type reads as the values it revives', async () => {
    const pkg = await schemasPackage('Loops', schemas);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { SelfU, Ping } from './types.js';
import { reviveSelfU, revivePing, reviveTree, serializeSelfU, type Revived } from './dates.js';
declare const wire: SelfU;
const revived = reviveSelfU(wire);
if (Array.isArray(revived)) {
  const item = revived[0];
  same<typeof item, Revived['SelfU'] | undefined>(true);
  if (item !== undefined && !Array.isArray(item)) {
    const at: Date = item.at;
    // @ts-expect-error a Date, not the wire's string
    const text: string = item.at;
  }
} else {
  same<typeof revived, { at: Date }>(true);
}
export const back: SelfU = serializeSelfU([[{ at: new Date(0) }], { at: new Date(0) }]);
declare const ping: Ping;
const pong = revivePing(ping);
if (Array.isArray(pong)) {
  const inner = pong[0];
  if (Array.isArray(inner)) same<(typeof inner)[number], Revived['Ping']>(true);
  else same<typeof inner, string | undefined>(true);
}
const tree = reviveTree({});
same<typeof tree.at, Date | undefined>(true);
same<NonNullable<typeof tree.kids>[string], Revived['Tree']>(true);
const rest = tree.rest!;
same<typeof rest, [Date?, ...Revived['SelfU'][]]>(true);
`,
      }),
    ).toEqual([]);
  });

  it('revives the date-times at every depth', async () => {
    const dates = await packageDates(await schemasPackage('Loops', schemas));
    const at = '2024-01-02T03:04:05Z';
    const revived = dates.reviveSelfU!([[{ at }], { at }]) as [[{ at: Date }], { at: Date }];
    expect(revived[0][0].at).toEqual(new Date(at));
    expect(revived[1].at).toEqual(new Date(at));
    expect(dates.serializeSelfU!(revived)).toEqual([[{ at }], { at }]);
    const tree = dates.reviveTree!({ kids: { a: { at } }, rest: [at, [{ at }]] }) as {
      kids: { a: { at: Date } };
      rest: [Date, [{ at: Date }]];
    };
    expect(tree.kids.a.at).toEqual(new Date(at));
    expect(tree.rest[0]).toEqual(new Date(at));
    expect(tree.rest[1][0].at).toEqual(new Date(at));
  });
});

describe('names of JavaScript globals', () => {
  let pkg: FaultPackage;
  it('are never exported under that name', async () => {
    pkg = await faultPackage('globals.yaml');
    expect(pkg.model.schemas.map((s) => s.name)).toEqual([
      'ErrorModel',
      'DateModel',
      'ObjectModel',
      'PromiseModel',
      'ResponseModel',
      'RequestModel',
      'HeadersModel',
      'EventModel',
      'NodeModel',
      'FileModel',
      'FiniteModel',
      'RecordModel',
    ]);
    expect(pkg.model.resources.map((r) => r.className)).toEqual(['StorageResource', 'Events']);
    expect(pkg.model.sdk.clientName).toBe('MapClient');
    expect(
      await check(
        'globals.yaml',
        `
import { isFiniteModel, isErrorModel, type ErrorModel, type NodeModel, MapClient } from './index.js';
export const error: ErrorModel = { message: 'x' };
export const node: NodeModel = { children: [{ children: [] }] };
export const finite: boolean = isFiniteModel(1) && isErrorModel(error);
export const isGlobal: boolean = new Error('still the global') instanceof Error && typeof isFinite === 'function';
export const client = new MapClient();
`,
      ),
    ).toEqual([]);
  });

  it('the resource classes carry their tag descriptions', async () => {
    pkg ??= await faultPackage('globals.yaml');
    expect(pkg.files.get('src/resources/storage.ts')).toContain('Where the files are kept.');
    expect(pkg.files.get('src/resources/events.ts')).toContain('What happened, newest first.');
  });
});

describe('shapes the corpus showed the dates module could not type', () => {
  it('a union with a variant that accepts anything is `unknown`, revived or not', async () => {
    expect(
      await check(
        'open-union-dates.yaml',
        `
import type { Search } from './types.js';
import { reviveSearch, serializeSearch } from './dates.js';
same<Search['window'], unknown>(true);
export const search: Search = serializeSearch(reviveSearch({ query: 'q', window: { from: '2024-01-01T00:00:00Z' } }));
`,
      ),
    ).toEqual([]);
  });

  it('alternatives of `required` stay alternatives, through the dates round trip', async () => {
    expect(
      await check(
        'required-alternatives.yaml',
        `
import type { Address, EventModel } from './types.js';
import { reviveAddress, serializeAddress, reviveEventModel, serializeEventModel } from './dates.js';
export const named: Address = { created: '2024-01-01T00:00:00Z', line1: 'x', name: 'Ann' };
// @ts-expect-error neither name nor company
export const anonymous: Address = { created: '2024-01-01T00:00:00Z', line1: 'x' };
same<Address['country'], 'US' | undefined>(true);
export const address: Address = serializeAddress(reviveAddress(named));
export const created: Date = reviveAddress(named).created;
export const event: EventModel = serializeEventModel(reviveEventModel({ created: '2024-01-01T00:00:00Z', kind: 'deleted', reason: 'r' }));
`,
      ),
    ).toEqual([]);
  });
});

describe('a parameter defined by content', () => {
  it('takes the value the client writes as JSON, or the text of another media type', async () => {
    expect(
      await check(
        'content-parameter.yaml',
        `
import type { Metadata } from './types.js';
import type { FileCreateParams } from './resources/files.js';
same<FileCreateParams['x-metadata'], Metadata>(true);
same<FileCreateParams['x-label'], string | undefined>(true);
same<FileCreateParams['x-query'], string | undefined>(true);
// @ts-expect-error JSON text is not the value: the client would send it as a JSON string
export const text: FileCreateParams = { 'x-metadata': JSON.stringify({ name: 'a' }) };
export const value: FileCreateParams = { 'x-metadata': { name: 'a' } };
`,
      ),
    ).toEqual([]);
  });
});

describe('`type: object` beside allOf or oneOf', () => {
  it('adds nothing: the members say what the object holds', async () => {
    const { files } = await faultPackage('object-beside-allof.yaml');
    expect(files.get('src/types.ts')).toMatch(/export interface Stacked extends Minimal \{/);
    expect(
      await check(
        'object-beside-allof.yaml',
        `
import type { Either, Stacked } from './types.js';
import { reviveStacked, serializeStacked } from './dates.js';
same<keyof Stacked, 'id' | 'merged_at'>(true);
same<Either, import('./types.js').Minimal | Stacked>(true);
export const stacked: Stacked = serializeStacked(reviveStacked({ id: 1, merged_at: null }));
`,
      ),
    ).toEqual([]);
  });

  it('beside only `not`, `if`/`then` or `dependentRequired` on names, is still an object (helper-131)', async () => {
    // They say what the object is not: its type is an object's, not any value's.
    const pkg = await schemasPackage('Objects', {
      Conditional: { type: 'object', if: { required: ['a'] }, then: { required: ['b'] } },
      Dependent: { type: 'object', dependentRequired: { a: ['b'] } },
      Negated: { type: 'object', not: { required: ['x'] } },
      Nullable: { type: ['object', 'null'], not: { required: ['x'] } },
    });
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Conditional, Dependent, Negated, Nullable } from './types.js';
same<Conditional, { [key: string]: unknown }>(true);
same<Dependent, { [key: string]: unknown }>(true);
same<Negated, { [key: string]: unknown }>(true);
same<Nullable, { [key: string]: unknown } | null>(true);
// @ts-expect-error a string is no object
export const text: Negated = 'x';
`,
      }),
    ).toEqual([]);
    const is = await packageIs(pkg);
    expect(is('Negated', { y: 1 })).toBe(true);
    expect(is('Negated', { x: 1 })).toBe(false);
    expect(is('Conditional', { a: 1 })).toBe(false);
    expect(is('Conditional', { a: 1, b: 2 })).toBe(true);
    expect(is('Dependent', 'x')).toBe(false);
  });
});

describe('properties named like keywords ($ref, $id, $schema, description, type, enum)', () => {
  it('are properties, with the types their schemas give', async () => {
    expect(
      await check(
        'keyword-named-properties.yaml',
        `
import type { User } from './types.js';
type Group = NonNullable<User['groups']>[number];
same<Group['$ref'], string>(true);
same<Group['value'], string>(true);
type Meta = NonNullable<User['meta']>;
same<Meta['$id'], string | undefined>(true);
same<Meta['$schema'], string | undefined>(true);
same<Meta['$comment'], string | undefined>(true);
same<Meta['type'], number | undefined>(true);
same<Meta['title'], boolean | undefined>(true);
same<Meta['enum'], string[] | undefined>(true);
same<NonNullable<Meta['description']>['text'], string | undefined>(true);
`,
      ),
    ).toEqual([]);
  });
});

describe('a discriminated union with a variant that is no object (GitHub: repos/get-content)', () => {
  it('narrows the object variants only: an array variant keeps its own type', async () => {
    const pkg = await specPackage({
      openapi: '3.1.0',
      info: { title: 'Contents', version: '1' },
      paths: {},
      components: {
        schemas: {
          Content: {
            oneOf: [
              { $ref: '#/components/schemas/Directory' },
              { $ref: '#/components/schemas/Entry' },
            ],
            discriminator: {
              propertyName: 'type',
              mapping: {
                array: '#/components/schemas/Directory',
                file: '#/components/schemas/Entry',
              },
            },
          },
          Directory: { type: 'array', items: { $ref: '#/components/schemas/Entry' } },
          Entry: {
            type: 'object',
            required: ['type', 'name'],
            properties: { type: { type: 'string' }, name: { type: 'string' } },
          },
        },
      },
    });
    const source = `
import type { Content, Directory, Entry } from './types.js';
same<Content, Directory | (Entry & { type: 'file' })>(true);
export const listing: Content = [{ type: 'file', name: 'a' }];
`;
    expect(diagnostics(pkg, { 'src/check.ts': `${EQUAL}\n${source}` })).toEqual([]);
  });
});

describe('a type beside a union of the same type (`type: string, anyOf: [string, string]`)', () => {
  it('is printed once, not as `string & string`', async () => {
    const pkg = await specPackage({
      openapi: '3.0.3',
      info: { title: 'Repeats', version: '1' },
      paths: {},
      components: {
        schemas: {
          Event: {
            type: 'object',
            properties: {
              kind: { type: 'string', anyOf: [{ type: 'string' }, { type: 'string' }] },
            },
          },
        },
      },
    });
    expect(pkg.files.get('src/types.ts')).toContain('  kind?: string;\n');
  });
});

describe("an index signature's union of the declared members' types", () => {
  it('names each type once, a union member inside a member too (`string | null` beside `string`)', async () => {
    const pkg = await specPackage({
      openapi: '3.0.3',
      info: { title: 'Repeats', version: '1' },
      paths: {},
      components: {
        schemas: {
          Level: { type: 'string', enum: ['low', 'high'] },
          Bag: {
            type: 'object',
            required: ['count'],
            properties: {
              count: { type: 'integer' },
              a: { $ref: '#/components/schemas/Level' },
              b: { $ref: '#/components/schemas/Level' },
              c: { type: 'string', nullable: true },
              d: { type: 'string', enum: ['x | y'], nullable: true },
              e: { type: 'object', properties: { f: { type: 'string', nullable: true } } },
            },
            additionalProperties: { type: 'string' },
          },
        },
      },
    });
    const types = pkg.files.get('src/types.ts')!;
    expect(types).toContain(
      '  [key: string]: string | number | Level | null | "x | y" | { f?: string | null } | undefined;\n',
    );
    expect(diagnostics(pkg)).toEqual([]);
  });
});

describe("3.0's nullable beside a $ref in a 3.1 document (helper-129 6)", () => {
  it('is honoured as the warning says: null in src/types.ts, src/openapi.ts and the guards', async () => {
    const pkg = await schemasPackage('Nullable refs', {
      B: { type: 'object', properties: { x: { type: 'string' } } },
      R: {
        type: 'object',
        properties: {
          viaRef: { $ref: '#/components/schemas/B', nullable: true },
          viaAllOf: { allOf: [{ $ref: '#/components/schemas/B' }], nullable: true },
          plain: { $ref: '#/components/schemas/B' },
        },
      },
    });
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { B, R } from './types.js';
import type { components } from './openapi.js';
same<R['viaRef'], B | null | undefined>(true);
same<R['viaAllOf'], B | null | undefined>(true);
same<R['plain'], B | undefined>(true);
same<components['schemas']['R']['viaRef'], components['schemas']['B'] | null | undefined>(true);
`,
      }),
    ).toEqual([]);
    const guards = await loadGuards(pkg);
    expect([guards.isR!({ viaRef: null }), guards.isR!({ plain: null })]).toEqual([true, false]);
  });
});

describe('the revived type of a union of named schemas (helper-129 3)', () => {
  it('is the union of the revived variants and the others, written out: no first-match walk per member', async () => {
    const at = { type: 'string', format: 'date-time' };
    const pkg = await schemasPackage('Events', {
      A: { type: 'object', required: ['kind'], properties: { kind: { const: 'a' }, at } },
      B: { type: 'object', required: ['kind'], properties: { kind: { const: 'b' } } },
      C: { type: 'object', required: ['kind'], properties: { kind: { const: 'c' }, at } },
      Notice: {
        oneOf: [
          { $ref: '#/components/schemas/A' },
          { $ref: '#/components/schemas/B' },
          { $ref: '#/components/schemas/C' },
          { type: 'null' },
        ],
      },
    });
    // `Revive`'s walk over `[[A, 'A'], [C, 'C']]` for each member of the union: TypeScript's work
    // grew with the square of the variants (400 webhook events: 40 s of tsc).
    expect(pkg.files.get('src/dates.ts')).not.toMatch(/Notice: dates\.Revive</);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { B, Notice } from './types.js';
import { reviveNotice, type Revived } from './dates.js';
same<Revived['Notice'], Revived['A'] | B | Revived['C'] | null>(true);
same<NonNullable<Extract<Revived['Notice'], { kind: 'a' }>['at']>, Date>(true);
export const event: Revived['Notice'] = reviveNotice({ kind: 'c', at: '2024-01-01T00:00:00Z' } as Notice);
`,
      }),
    ).toEqual([]);
  });
});

describe('a date-time format beside a list of types (helper-129 7)', () => {
  it('revives the strings among them, as anyOf with a date-time string does', async () => {
    const pkg = await schemasPackage('Type lists', {
      Root: {
        type: 'object',
        properties: {
          multi: { type: ['string', 'integer'], format: 'date-time' },
          spelled: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'integer' }] },
        },
      },
    });
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Revived } from './dates.js';
same<Revived['Root']['multi'], Date | number | undefined>(true);
same<Revived['Root']['multi'], Revived['Root']['spelled']>(true);
`,
      }),
    ).toEqual([]);
    const dates = await packageDates(pkg);
    const revived = dates.reviveRoot!({ multi: '2024-01-02T03:04:05Z' }) as { multi: unknown };
    expect(revived.multi).toEqual(new Date('2024-01-02T03:04:05Z'));
    expect((dates.reviveRoot!({ multi: 7 }) as { multi: unknown }).multi).toBe(7);
  });
});

describe('`not` of a schema every value matches (`not: {}`, `not: true`)', () => {
  it('is `never` in the types, as `false` is, and its guard refuses every value; `not` of that is any value', async () => {
    const pkg = await schemasPackage('Impossible', {
      Nothing: { not: {} },
      NothingEither: { not: true },
      NullOnly: { type: ['null', 'string'], not: { type: 'string' } },
      Anything: { not: { not: {} } },
      Thing: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, legacy: { not: {} } },
      },
    });
    const types = pkg.files.get('src/types.ts') ?? '';
    expect(types).toContain('export type Nothing = never;');
    expect(types).toContain('export type NothingEither = never;');
    expect(types).toContain('export type Anything = unknown;');
    expect(types).toMatch(/legacy\?: never;/);
    expect(
      diagnostics(pkg, {
        'src/check.ts': `${EQUAL}
import type { Anything, Nothing, Thing } from './types.js';
same<Nothing, never>(true);
same<Anything, unknown>(true);
export const thing: Thing = { name: 'a' };
// @ts-expect-error a property \`not: {}\` forbids cannot be sent
export const withLegacy: Thing = { name: 'a', legacy: 1 };
`,
      }),
    ).toEqual([]);
    const guards = await loadGuards(pkg);
    for (const value of [null, 0, 'a', {}, []]) {
      expect(guards['isNothing']!(value)).toBe(false);
      expect(guards['isNothingEither']!(value)).toBe(false);
      expect(guards['isAnything']!(value)).toBe(true);
    }
    expect(guards['isThing']!({ name: 'a' })).toBe(true);
    expect(guards['isThing']!({ name: 'a', legacy: null })).toBe(false);
    expect(guards['isNullOnly']!(null)).toBe(true);
    expect(guards['isNullOnly']!('a')).toBe(false);
  });
});
