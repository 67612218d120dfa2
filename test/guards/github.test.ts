/**
 * The generator on a large real spec: GitHub's REST description (OpenAPI 3.0.3, 969 schemas).
 * The model builds, the guards and the date helpers type-check under strict, and on every response
 * example the spec ships the guards agree with ajv. Slow (tens of seconds): one compile shared by
 * the tests.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSchemaModel, buildSchemaNode } from '../../generator/model/build-schema.ts';
import { joinPointer } from '../../generator/errors.ts';
import {
  compileGuards,
  referenceValidator,
  type CompiledGuards,
  type Doc,
  type GuardsModule,
} from './harness.ts';

const SPEC = new URL(
  '../../node_modules/@octokit/openapi/generated/api.github.com.json',
  import.meta.url,
);
const FILE = 'api.github.com.json';
const doc = JSON.parse(readFileSync(SPEC, 'utf8')) as Doc;
const components = doc.components as Record<string, Record<string, unknown>>;

/** Every `schema` under paths and under components other than schemas, with its pointer. */
function inlineSchemas(): [string, unknown][] {
  const found: [string, unknown][] = [];
  const walk = (value: unknown, pointer: string): void => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      const at = joinPointer(pointer, key);
      if (key === 'schema' && !Array.isArray(value)) found.push([at, child]);
      else if (key !== 'examples' && key !== 'example' && !key.startsWith('x-')) walk(child, at);
    }
  };
  walk(doc.paths, '#/paths');
  for (const section of ['parameters', 'responses', 'headers', 'requestBodies']) {
    walk(components[section], `#/components/${section}`);
  }
  return found;
}

/** Response examples the spec gives for `$ref` schemas: [where, components key, value]. */
function responseExamples(): [string, string, unknown][] {
  const examples = components.examples as Record<string, { value?: unknown }>;
  const responses = components.responses as Record<string, unknown>;
  const out: [string, string, unknown][] = [];
  const lastToken = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);
  for (const [path, item] of Object.entries(
    doc.paths as Record<string, Record<string, { responses?: object }>>,
  )) {
    for (const [method, operation] of Object.entries(item)) {
      for (const [status, raw] of Object.entries(operation.responses ?? {})) {
        const response = (raw.$ref ? responses[lastToken(raw.$ref)] : raw) as
          | {
              content?: Record<
                string,
                {
                  schema?: { $ref?: string };
                  examples?: Record<string, { $ref?: string; value?: unknown }>;
                }
              >;
            }
          | undefined;
        const media = response?.content?.['application/json'];
        const ref = media?.schema?.$ref;
        if (!ref || !media.examples) continue;
        for (const [name, example] of Object.entries(media.examples)) {
          const value = example.$ref ? examples[lastToken(example.$ref)]?.value : example.value;
          if (value !== undefined)
            out.push([`${method} ${path} ${status} ${name}`, lastToken(ref), value]);
        }
      }
    }
  }
  return out;
}

describe("GitHub's REST spec", () => {
  let compiled: CompiledGuards;
  let guards: GuardsModule;
  let seconds = 0;

  beforeAll(async () => {
    const start = performance.now();
    compiled = await compileGuards(doc, '3.0', FILE, { dates: true });
    guards = await compiled.load();
    seconds = (performance.now() - start) / 1000;
    console.log(
      `GitHub guards: ${(compiled.source.length / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
      compiled.timings,
    );
  }, 600_000);

  it('builds the model for every named schema', () => {
    const schemas = buildSchemaModel(doc, { file: FILE, version: '3.0' });
    expect(schemas).toHaveLength(Object.keys(components.schemas ?? {}).length);
    expect(new Set(schemas.map((s) => s.name)).size).toBe(schemas.length);
  });

  it('normalises every inline schema of paths, parameters, responses and headers', () => {
    const names = new Map(compiled.schemas.map((s) => [s.originalName, s.name]));
    const schemas = inlineSchemas();
    expect(schemas.length).toBeGreaterThan(2000);
    for (const [pointer, schema] of schemas) {
      expect(() =>
        buildSchemaNode(schema, { file: FILE, version: '3.0', pointer, names, doc }),
      ).not.toThrow();
    }
  });

  it('emits guards and date helpers that type-check under strict settings, without any', () => {
    expect(compiled.diagnostics).toBe('');
    expect(compiled.anyCount).toBe(0);
    expect(typeof guards['isFullRepository']).toBe('function');
  });

  it('agrees with ajv on every response example of the spec', () => {
    const reference = referenceValidator(doc, '3.0');
    const names = new Map(compiled.schemas.map((s) => [s.originalName, s.name]));
    const examples = responseExamples();
    expect(examples.length).toBeGreaterThan(500);
    const verdicts = { valid: 0, invalid: 0 };
    for (const [where, key, value] of examples) {
      const guard = guards[`is${names.get(key)!}`];
      if (!guard) throw new Error(`no guard for ${key}`);
      const ours = guard(value) === true;
      expect(ours, `${where} (${key})`).toBe(reference(key)(value));
      verdicts[ours ? 'valid' : 'invalid']++;
    }
    // GitHub's own examples do not all match its schemas; both kinds must be present to mean anything.
    expect(verdicts.valid).toBeGreaterThan(400);
    expect(verdicts.invalid).toBeGreaterThan(50);
  });
});
