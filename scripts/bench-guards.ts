/**
 * Validations per second of the generated guards (generated/src/guards.ts) on a list response of
 * 200 plans (our spec's PlanList, built from its example), all valid and with one invalid field deep
 * inside (`/items/150/price/amount` = -1), against:
 * - ajv (draft 2020-12, compiled once from the bundled spec's PlanList; formats not checked, as the
 *   guards do not check them), stopping at the first error and with `allErrors` (what validateX does);
 * - zod 4 (a hand-written schema equivalent to PlanList, `safeParse`);
 * - @sinclair/typebox's TypeCompiler (an equivalent TypeBox schema, `Check`).
 *
 * Before timing, every validator must give the expected verdict on the valid list, the invalid one
 * and a few more variants, so the schemas are known to be equivalent where it matters.
 *
 * Each case runs in a loop of its own (a function compiled for it, so no call site is shared);
 * cases take turns for several rounds, in rotating order, so that a change in machine load hits
 * them alike; the table gives the median over rounds. Goals: isPlanList at least as fast as ajv on
 * valid input, and at least 5× zod.
 *
 *   npm run bench -- guards [--rounds 7] [--sample 200] [--warmup 500]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Type, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { z } from 'zod';
import { isPlanList, validatePlanList } from '../generated/src/guards.ts';
import { readFlags } from './lib/command-line.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOALS = { ajv: 1, zod: 5 };

const flags = readFlags(
  process.argv.slice(2),
  {
    rounds: { type: 'string', default: '7' },
    sample: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '500' },
  },
  'Usage: npm run bench -- guards [--rounds 7] [--sample 200] [--warmup 500]',
);
if ('exitCode' in flags) process.exit(flags.exitCode);
const args = flags.values;
const ROUNDS = Number(args.rounds);
const SAMPLE_MS = Number(args.sample);
const WARMUP_MS = Number(args.warmup);

// ---------------------------------------------------------------------------------------------
// The input: 200 plans made from the spec's example, varied a little, as JSON.parse would give them.

interface Spec {
  components: { schemas: Record<string, unknown>; examples: Record<string, { value: unknown }> };
}
const spec = JSON.parse(readFileSync(`${ROOT}generated/openapi.json`, 'utf8')) as Spec;

type Json = Record<string, unknown>;
const example = spec.components.examples['PlanList']?.value as { items: Json[] };

function planList(count: number): Json {
  const [plan] = example.items;
  const items = Array.from({ length: count }, (_, i) => ({
    ...plan,
    id: `pln_${String(i).padStart(4, '0')}${String(plan?.id).slice(8)}`,
    name: `Plan ${i}`,
    metadata: i % 3 === 0 ? { orderReference: `ord_${i}` } : {},
    price: { amount: 500 + i * 10, currency: i % 2 === 0 ? 'USD' : 'EUR' },
    simTypes: i % 4 === 0 ? ['eSIM'] : ['eSIM', 'pSIM'],
  }));
  return JSON.parse(JSON.stringify({ ...example, items })) as Json;
}

function withChange(list: Json, path: (string | number)[], value: unknown): Json {
  const copy = JSON.parse(JSON.stringify(list)) as Json;
  let holder: unknown = copy;
  for (const token of path.slice(0, -1))
    holder = (holder as Record<string | number, unknown>)[token];
  const last = path[path.length - 1] ?? '';
  if (value === undefined) delete (holder as Record<string | number, unknown>)[last];
  else (holder as Record<string | number, unknown>)[last] = value;
  return copy;
}

const VALID = planList(200);
const INVALID = withChange(VALID, ['items', 150, 'price', 'amount'], -1);

/** More variants every validator must judge alike: [label, value, valid?]. */
const PROBES: [string, Json, boolean][] = [
  ['valid', VALID, true],
  ['price.amount -1 in item 150', INVALID, false],
  ['an unknown status', withChange(VALID, ['items', 7, 'status'], 'gone'), false],
  [
    'a missing requirement',
    withChange(VALID, ['items', 9, 'requirements', 'user.birthday'], undefined),
    false,
  ],
  ['a lowercase currency', withChange(VALID, ['items', 3, 'price', 'currency'], 'usd'), false],
  ['throttling null', withChange(VALID, ['items', 5, 'limits', 'throttling'], null), true],
  ['an extra property', withChange(VALID, ['items', 2, 'brandNew'], { x: 1 }), true],
  [
    'a fractional dataBytes',
    withChange(VALID, ['items', 4, 'allowances', 'dataBytes'], 1.5),
    false,
  ],
  [
    '11 metadata keys',
    withChange(
      VALID,
      ['items', 6, 'metadata'],
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
    ),
    false,
  ],
];

// ---------------------------------------------------------------------------------------------
// The validators.

const BASE = 'https://bench.invalid/openapi.json';
function ajvValidator(allErrors: boolean): (value: unknown) => boolean {
  const ajv = new Ajv2020({ strict: false, allErrors, validateFormats: false });
  ajv.addSchema({ $id: BASE, components: spec.components });
  const validate = ajv.getSchema(`${BASE}#/components/schemas/PlanList`);
  if (!validate) throw new Error('ajv: no PlanList');
  return (value) => validate(value) === true;
}

const requirementLevel = z.enum(['none', 'present', 'verified']);
const intOrNull = z.number().int().nullable();
const zodPlan = z.looseObject({
  object: z.literal('plan'),
  id: z.string(),
  metadata: z
    .record(z.string(), z.string().max(255))
    .refine((record) => Object.keys(record).length <= 10)
    .optional(),
  allowances: z.looseObject({
    dataBytes: intOrNull,
    voiceSeconds: intOrNull,
    smsMessages: intOrNull,
  }),
  coverage: z.looseObject({
    object: z.literal('coverage'),
    id: z.string(),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/u)),
    name: z.string(),
  }),
  createdAt: z.string(),
  description: z.string().nullable(),
  image: z.string().nullable(),
  limits: z.looseObject({
    dataBytes: intOrNull,
    bandwidthBitsPerSecond: intOrNull.optional(),
    throttling: z
      .looseObject({ thresholdBytes: z.number().int(), bandwidthBitsPerSecond: z.number().int() })
      .nullable(),
  }),
  name: z.string(),
  price: z.looseObject({
    amount: z.number().int().min(0),
    currency: z.string().regex(/^[A-Z]{3}$/u),
  }),
  provider: z.string(),
  requirements: z.looseObject({
    address: requirementLevel,
    device: requirementLevel,
    'user.birthday': requirementLevel,
    'user.fullName': requirementLevel,
  }),
  simTypes: z.array(z.enum(['eSIM', 'pSIM'])),
  status: z.enum(['available', 'archived', 'pending', 'draft']),
  validity: z.looseObject({
    type: z.enum(['oneTime', 'recurring']),
    unit: z.enum(['day', 'month']),
    value: z.number().int(),
    minimumPeriods: z.number().int(),
  }),
  data: z.number().int().optional(),
  dataUnit: z.literal('byte').optional(),
  sms: z.number().int().optional(),
  smsUnit: z.literal('message').optional(),
  voice: z.number().int().optional(),
  voiceUnit: z.literal('second').optional(),
});
const zodPlanList = z.looseObject({
  object: z.literal('list'),
  items: z.array(zodPlan),
  moreItemsAfter: z.string().nullable(),
  moreItemsBefore: z.string().nullable(),
});

const tNullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const tRequirement = Type.Union([
  Type.Literal('none'),
  Type.Literal('present'),
  Type.Literal('verified'),
]);
const tPlan = Type.Object({
  object: Type.Literal('plan'),
  id: Type.String(),
  metadata: Type.Optional(
    Type.Record(Type.String(), Type.String({ maxLength: 255 }), { maxProperties: 10 }),
  ),
  allowances: Type.Object({
    dataBytes: tNullable(Type.Integer()),
    voiceSeconds: tNullable(Type.Integer()),
    smsMessages: tNullable(Type.Integer()),
  }),
  coverage: Type.Object({
    object: Type.Literal('coverage'),
    id: Type.String(),
    countries: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' })),
    name: Type.String(),
  }),
  createdAt: Type.String(),
  description: tNullable(Type.String()),
  image: tNullable(Type.String()),
  limits: Type.Object({
    dataBytes: tNullable(Type.Integer()),
    bandwidthBitsPerSecond: Type.Optional(tNullable(Type.Integer())),
    throttling: tNullable(
      Type.Object({ thresholdBytes: Type.Integer(), bandwidthBitsPerSecond: Type.Integer() }),
    ),
  }),
  name: Type.String(),
  price: Type.Object({
    amount: Type.Integer({ minimum: 0 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  }),
  provider: Type.String(),
  requirements: Type.Object({
    address: tRequirement,
    device: tRequirement,
    'user.birthday': tRequirement,
    'user.fullName': tRequirement,
  }),
  simTypes: Type.Array(Type.Union([Type.Literal('eSIM'), Type.Literal('pSIM')])),
  status: Type.Union(['available', 'archived', 'pending', 'draft'].map((s) => Type.Literal(s))),
  validity: Type.Object({
    type: Type.Union([Type.Literal('oneTime'), Type.Literal('recurring')]),
    unit: Type.Union([Type.Literal('day'), Type.Literal('month')]),
    value: Type.Integer(),
    minimumPeriods: Type.Integer(),
  }),
  data: Type.Optional(Type.Integer()),
  dataUnit: Type.Optional(Type.Literal('byte')),
  sms: Type.Optional(Type.Integer()),
  smsUnit: Type.Optional(Type.Literal('message')),
  voice: Type.Optional(Type.Integer()),
  voiceUnit: Type.Optional(Type.Literal('second')),
});
const typeboxPlanList = TypeCompiler.Compile(
  Type.Object({
    object: Type.Literal('list'),
    items: Type.Array(tPlan),
    moreItemsAfter: tNullable(Type.String()),
    moreItemsBefore: tNullable(Type.String()),
  }),
);

interface Validator {
  name: string;
  check: (value: unknown) => boolean;
  /** Runs on the valid input too (false: invalid input only). */
  valid: boolean;
}

const VALIDATORS: Validator[] = [
  { name: 'isPlanList (generated)', check: isPlanList, valid: true },
  { name: 'validatePlanList (generated)', check: (v) => validatePlanList(v).ok, valid: true },
  { name: 'ajv 2020, compiled', check: ajvValidator(false), valid: true },
  { name: 'ajv 2020, allErrors', check: ajvValidator(true), valid: false },
  { name: 'zod 4 safeParse', check: (v) => zodPlanList.safeParse(v).success, valid: true },
  { name: 'typebox TypeCompiler', check: (v) => typeboxPlanList.Check(v), valid: true },
];

// ---------------------------------------------------------------------------------------------
// Equivalence, then timing.

for (const validator of VALIDATORS) {
  for (const [label, value, expected] of PROBES) {
    const verdict = validator.check(value);
    if (verdict !== expected) {
      console.error(
        `${validator.name} says ${verdict ? 'valid' : 'invalid'} on "${label}"; expected ${expected ? 'valid' : 'invalid'}.`,
      );
      process.exit(1);
    }
  }
}

interface Case {
  validator: Validator;
  input: 'valid' | 'invalid';
  /** `n` calls on the input; returns how many said valid (kept, so no call is optimised away). */
  loop: (n: number) => number;
  samples: number[];
}

/** A loop compiled for one case alone, so its call site sees one validator only. */
function caseLoop(check: (value: unknown) => boolean, value: unknown): (n: number) => number {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fresh call site per case is the point
  const make = new Function(
    'check',
    'value',
    'return function loop(n) { let valid = 0; for (let i = 0; i < n; i++) if (check(value)) valid++; return valid; };',
  ) as (c: typeof check, v: unknown) => (n: number) => number;
  return make(check, value);
}

const cases: Case[] = VALIDATORS.flatMap((validator) =>
  (['valid', 'invalid'] as const)
    .filter((input) => input === 'invalid' || validator.valid)
    .map((input) => ({
      validator,
      input,
      loop: caseLoop(validator.check, input === 'valid' ? VALID : INVALID),
      samples: [],
    })),
);

/** Calls per second over about `ms` milliseconds, in batches sized to the speed found. */
function measure(c: Case, ms: number): number {
  let batch = 1;
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    const valid = c.loop(batch);
    if (valid !== (c.input === 'valid' ? batch : 0))
      throw new Error(`${c.validator.name}: wrong verdict while timing`);
    calls += batch;
    elapsed = performance.now() - start;
    if (elapsed < ms / 20) batch *= 2;
  }
  return (calls * 1000) / elapsed;
}

for (const c of cases) measure(c, WARMUP_MS);
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < cases.length; i++) {
    const c = cases[(i + round) % cases.length];
    if (c) c.samples.push(measure(c, SAMPLE_MS));
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const rate = (name: string, input: 'valid' | 'invalid'): number | undefined => {
  const found = cases.find((c) => c.validator.name === name && c.input === input);
  return found && median(found.samples);
};

const guardName = 'isPlanList (generated)';
const fmt = (n: number | undefined) => (n === undefined ? '' : Math.round(n).toLocaleString('en'));
const ratio = (guard: number | undefined, other: number | undefined) =>
  guard === undefined || other === undefined ? '' : `${(guard / other).toFixed(2)}×`;

const bytes = JSON.stringify(VALID).length;
console.log(
  `PlanList of 200 plans (${(bytes / 1024).toFixed(0)} KB as JSON); invalid: /items/150/price/amount = -1. ` +
    `Node ${process.version}; median of ${ROUNDS} rounds of ${SAMPLE_MS} ms.`,
);
console.log(
  '"isPlanList ÷" is how many times faster isPlanList is than the validator on the same input.\n',
);
const rows = VALIDATORS.map((v) => {
  const valid = rate(v.name, 'valid');
  const invalid = rate(v.name, 'invalid');
  return [
    v.name,
    fmt(valid),
    ratio(rate(guardName, 'valid'), valid),
    fmt(invalid),
    ratio(rate(guardName, 'invalid'), invalid),
  ];
});
const header = ['validator', 'valid /s', 'isPlanList ÷', 'invalid /s', 'isPlanList ÷'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) =>
  cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

const guardValid = rate(guardName, 'valid') ?? Number.NaN;
const vsAjv = guardValid / (rate('ajv 2020, compiled', 'valid') ?? Number.NaN);
const vsZod = guardValid / (rate('zod 4 safeParse', 'valid') ?? Number.NaN);
console.log(
  `\nGoals (valid input): isPlanList ≥ ${GOALS.ajv}× ajv: ${vsAjv.toFixed(2)}× ${vsAjv >= GOALS.ajv ? 'met' : 'MISSED'}; ` +
    `≥ ${GOALS.zod}× zod: ${vsZod.toFixed(2)}× ${vsZod >= GOALS.zod ? 'met' : 'MISSED'}.`,
);
