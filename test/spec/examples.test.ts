import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeedExamples, type SeedExample } from '../../scripts/lib/seed-examples.ts';
import { specValidator, type SpecValidator } from '../helpers/ajv.ts';
import {
  bundleSpec,
  deref,
  operationsOf,
  SEEDS_DIR,
  type Json,
  type JsonObject,
} from '../helpers/spec.ts';

interface SpecExample {
  where: string;
  operation: string;
  kind: 'request' | 'response';
  schema: Json;
  value: Json;
}

let doc: JsonObject;
let validator: SpecValidator;
let specExamples: SpecExample[];
const seeds = readSeedExamples(SEEDS_DIR);

/** Every example attached to a request body or a 2xx response in the bundled spec. */
function collectExamples(): SpecExample[] {
  const out: SpecExample[] = [];
  for (const { method, path, operation } of operationsOf(doc)) {
    const name = `${method.toUpperCase()} ${path}`;
    const media: [string, 'request' | 'response', Json | undefined][] = [
      ['requestBody', 'request', deref(doc, operation['requestBody'])],
      ...Object.entries(operation['responses'] as JsonObject).map(
        ([status, r]) =>
          [`responses/${status}`, 'response', deref(doc, r)] as [
            string,
            'response',
            Json | undefined,
          ],
      ),
    ];
    for (const [where, kind, holder] of media) {
      const content = (holder as JsonObject | undefined)?.['content'] as JsonObject | undefined;
      const json = content?.['application/json'] as JsonObject | undefined;
      for (const [key, example] of Object.entries(
        (json?.['examples'] as JsonObject | undefined) ?? {},
      )) {
        const resolved = deref(doc, example) as JsonObject;
        out.push({
          where: `${name} ${where} examples/${key}`,
          operation: name,
          kind,
          schema: json!['schema']!,
          value: resolved['value']!,
        });
      }
    }
  }
  return out;
}

beforeAll(async () => {
  doc = await bundleSpec();
  validator = specValidator(doc);
  specExamples = collectExamples();
});

function describeSeed(seed: SeedExample): string {
  return `${seed.file}:${seed.line} (${seed.kind} ${seed.operation ?? ''})`;
}

describe('the examples of the documentation pages', () => {
  it('are all found in the seeds: 26 JSON responses and curl request bodies', () => {
    expect(seeds).toHaveLength(26);
    expect(seeds.filter((s) => s.kind === 'request')).toHaveLength(4);
    expect(seeds.filter((s) => s.kind === 'resource')).toHaveLength(3);
  });

  it.each(seeds.map((s) => [describeSeed(s), s] as const))(
    '%s appears in the spec, on its operation',
    (_, seed) => {
      const matches = specExamples.filter((e) => isDeepStrictEqual(e.value, seed.value));
      expect(matches.length, 'no example in the spec has exactly this value').toBeGreaterThan(0);
      if (seed.kind !== 'resource') {
        expect(matches.map((m) => `${m.kind} ${m.operation}`)).toContain(
          `${seed.kind} ${seed.operation!}`,
        );
      }
    },
  );

  it.each(seeds.map((s) => [describeSeed(s), s] as const))(
    '%s validates against its schema (ajv, 2020-12)',
    (_, seed) => {
      const home = specExamples.find((e) => isDeepStrictEqual(e.value, seed.value));
      expect(home).toBeDefined();
      const validate = validator.compile(home!.schema);
      const valid = validate(seed.value);
      expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
      expect(valid).toBe(true);
    },
  );
});

describe('every example in the spec', () => {
  it('validates against its schema with ajv', () => {
    expect(specExamples.length).toBeGreaterThanOrEqual(26);
    const failures = specExamples
      .map((e) => {
        const validate = validator.compile(e.schema);
        return validate(e.value) ? undefined : `${e.where}: ${JSON.stringify(validate.errors)}`;
      })
      .filter(Boolean);
    expect(failures).toEqual([]);
  });

  it('is rejected by ajv when broken, so the check above can fail', () => {
    const plan = specExamples.find((e) => e.operation === 'GET /projects/{project}/plans/{plan}');
    const broken = structuredClone(plan!.value) as JsonObject;
    (broken['price'] as JsonObject)['amount'] = -1;
    expect(validator.compile(plan!.schema)(broken)).toBe(false);
  });
});
