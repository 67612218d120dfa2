/**
 * The dates module on the shapes of issue 10 item 2 (test/fixtures/schemas/dates-shapes.yaml): it
 * type-checks under strict settings against openapi-typescript's types, revives where the spec
 * says date-time, leaves null and values of other shapes alone instead of throwing, and keeps
 * the wire types of everything else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compileDates,
  compileDatesFixture,
  type CompiledDates,
  type GuardsModule,
} from './harness.ts';

const FIXTURE = 'dates-shapes.yaml';
const AT = '2021-01-21T19:38:34Z';
let compiled: CompiledDates;
let dates: GuardsModule;

beforeAll(async () => {
  ({ compiled, dates } = await compileDatesFixture(FIXTURE));
}, 120_000);

function call(name: string, value: unknown): unknown {
  const fn = dates[name];
  if (typeof fn !== 'function') throw new Error(`dates.ts has no function ${name}`);
  return fn(value);
}

describe('dates on the shapes of issue 10 item 2', () => {
  it('type-checks under strict settings, without any', () => {
    expect(compiled.diagnostics).toBe('');
    expect(compiled.anyCount).toBe(0);
  });

  it.each([
    ['Bag', { packedAt: AT, label: 'x', extra: { deep: 1 } }, '/packedAt'],
    ['Feed', { entries: [{ postedAt: AT }], cursor: 'c' }, '/entries/0/postedAt'],
    ['Outage', { slot: { opens: AT } }, '/slot/opens'],
    ['Task', { target: { bootedAt: AT } }, '/target/bootedAt'],
  ])('revive%s puts a Date at %j', (name, wire, pointer) => {
    const revived = call(`revive${name}`, wire);
    const date = pointer
      .slice(1)
      .split('/')
      .reduce<unknown>((v, t) => (v as Record<string, unknown>)[t], revived);
    expect(date).toBeInstanceOf(Date);
    expect(JSON.stringify(call(`serialize${name}`, revived))).toBe(JSON.stringify(wire));
  });

  it.each([
    ['Outage', { slot: null }],
    ['Task', { target: null }],
    ['Task', { target: { anything: 1 } }],
    ['Task', {}],
    ['Bag', { packedAt: AT, more: null }],
  ])('revive%s leaves %j as it is (null, other shapes)', (name, wire) => {
    const revived = call(`revive${name}`, wire) as Record<string, unknown>;
    for (const [key, value] of Object.entries(wire)) {
      if (key === 'packedAt') expect(revived[key]).toBeInstanceOf(Date);
      else expect(revived[key]).toBe(value);
    }
  });

  it('never throws on values of the wrong shape', () => {
    for (const name of ['Bag', 'Feed', 'Outage', 'Task']) {
      for (const wrong of [null, 1, 'x', [], { entries: 1 }, { slot: [AT] }, { target: AT }]) {
        expect(() => call(`revive${name}`, wrong)).not.toThrow();
      }
    }
  });
});

describe('a schema named Dates', () => {
  it('is renamed, so its helpers do not clash with the runtime that the dates module exports', async () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 'Dates', version: '1' },
      paths: {},
      components: {
        schemas: {
          Dates: { type: 'object', properties: { at: { type: 'string', format: 'date-time' } } },
        },
      },
    };
    const named = compileDates(doc, '3.1', 'dates-named.yaml');
    expect(named.diagnostics).toBe('');
    expect(named.schemas.map((s) => s.name)).toEqual(['Dates2']);
    const module = await named.load();
    expect(typeof module.serializeDates).toBe('function');
    expect(typeof module.serializeDates2).toBe('function');
  });
});
