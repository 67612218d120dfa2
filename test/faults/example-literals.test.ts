/**
 * The spec's values printed as code (test/fixtures/faults/example-literals.yaml): the README's
 * examples, the docs' TypeScript samples and the testing kit's fixtures print each example so
 * that evaluating the literal gives the spec's value: a `__proto__` key an own property (not the
 * prototype), `-0` still `-0`, every number the same number. An integer beyond 2^53, which no
 * JavaScript number holds exactly, is printed as the number JavaScript holds, digit for digit,
 * with a comment that says so. (The README compiling is test/faults/compile.test.ts.)
 */
import { runInThisContext } from 'node:vm';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeSamples } from '../../generator/emit/code-samples.ts';
import { faultPackage, type FaultPackage } from './package.ts';

let pkg: FaultPackage;

beforeAll(async () => {
  pkg = await faultPackage('example-literals.yaml');
}, 60_000);

const ODD = JSON.stringify('a\'b"c\\d\ne*/f');
/** The spec's examples, as JSON.parse reads them (a `__proto__` key is then an own key). */
const BODY = `{"__proto__":{"polluted":true},"constructor":"made","toString":"shown",${ODD}:1,"big":12345678901234567890,"huge":1e21,"negZero":-0,"safe":9007199254740991,"tiny":1.5e-7,"list":[-0,1e21]}`;
const RESPONSE =
  '{"__proto__":{"polluted":true},"big":12345678901234567890,"negZero":-0,"huge":1e21}';
/** The query: `offset` is `-0`. */
const QUERY = '{"offset":-0}';

/** Deep equality that tells `-0` from `0` and an own `__proto__` key from a prototype. */
function same(actual: unknown, expected: unknown, at = ''): string[] {
  if (typeof expected !== 'object' || expected === null)
    return Object.is(actual, expected)
      ? []
      : [`${at}: ${String(actual)} is not ${String(expected)}`];
  if (typeof actual !== 'object' || actual === null) return [`${at}: not an object`];
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected))
    return [`${at}: another prototype`];
  const keys = Object.keys(expected);
  if (JSON.stringify(Object.keys(actual)) !== JSON.stringify(keys))
    return [`${at}: keys ${JSON.stringify(Object.keys(actual))}, not ${JSON.stringify(keys)}`];
  return keys.flatMap((key) =>
    same(
      Object.getOwnPropertyDescriptor(actual, key)?.value,
      Object.getOwnPropertyDescriptor(expected, key)?.value,
      `${at}/${key}`,
    ),
  );
}

/** The initializer of every property named `name` in `code` (TypeScript), evaluated as JavaScript. */
function evaluated(code: string, name: string): unknown[] {
  const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  const found: unknown[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === name) {
      const js = ts.transpile(`(${node.initializer.getText(source)})`, {
        target: ts.ScriptTarget.ES2022,
      });
      // In this realm, so that its objects have this realm's Object.prototype.
      found.push(runInThisContext(js) as unknown);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Each number literal of `code` that is an integer beyond 2^53, with the rest of its line. */
function unsafeIntegers(code: string): { text: string; line: string }[] {
  const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  const found: { text: string; line: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node)) {
      const value = Number(node.text);
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        const start = node.getStart(source);
        const end = code.indexOf('\n', start);
        found.push({
          text: node.getText(source),
          line: code.slice(start, end < 0 ? undefined : end),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function readme(): string {
  const text = pkg.files.get('README.md') ?? '';
  return [...text.matchAll(/^```ts\n([^]*?)\n```$/gm)].map((m) => m[1]!).join('\n');
}

function docsSamples(): string {
  return codeSamples(pkg.model)
    .flatMap((operation) => operation.samples.filter((s) => s.lang === 'TypeScript'))
    .map((s) => s.source)
    .join('\n');
}

function testingKit(): string {
  return pkg.files.get('src/testing/index.ts') ?? '';
}

describe('the spec values printed as code', () => {
  it.each([
    ['the README', readme],
    ['the docs samples', docsSamples],
  ])("%s: the body and the query evaluate to the spec's values", (_where, code) => {
    const bodies = evaluated(code(), 'body').filter((body) => Object.hasOwn(body as object, 'big'));
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(same(body, JSON.parse(BODY))).toEqual([]);
    const queries = evaluated(code(), 'query');
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) expect(same(query, JSON.parse(QUERY))).toEqual([]);
  });

  it.each([
    ['the README', readme],
    ['the docs samples', docsSamples],
  ])('%s: a sample built from the schema has its required odd keys as own keys', (_where, code) => {
    const bodies = evaluated(code(), 'body').filter(
      (body) => !Object.hasOwn(body as object, 'big'),
    );
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
      expect(Object.keys(body as object).sort()).toEqual(['__proto__', 'constructor', 'toString']);
      expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toHaveProperty('a');
    }
  });

  it("the testing kit: the fixtures evaluate to the spec's examples", () => {
    const [example] = evaluated(testingKit(), 'example');
    expect(same(example, JSON.parse(RESPONSE))).toEqual([]);
    const [request] = evaluated(testingKit(), 'requestExample');
    expect(same(request, JSON.parse(BODY))).toEqual([]);
  });

  it.each([
    ['the README', readme],
    ['the docs samples', docsSamples],
    ['the testing kit', testingKit],
  ])(
    '%s: an integer beyond 2^53 is the number JavaScript holds, digit for digit, and says so',
    (_where, code) => {
      const found = unsafeIntegers(code());
      expect(found.length).toBeGreaterThan(0);
      for (const { text, line } of found) {
        // Every digit printed is the number's own (BigInt reads the literal's digits exactly), or
        // the literal is the shortest exponent form, which names exactly that number.
        if (/e/i.test(text)) expect(String(Number(text)).replace('e+', 'e')).toBe(text);
        else expect(BigInt(text)).toBe(BigInt(Number(text)));
        expect(line).toMatch(/\/\*.*2\^53.*\*\//);
      }
    },
  );

  it('prints numbers as prettier does (`1e21`, not `1e+21`)', () => {
    for (const code of [readme(), docsSamples(), testingKit()]) expect(code).not.toMatch(/\de\+/);
  });
});

/** The JSON a curl sample sends (`--data '…'`), as its text. */
function curlBodies(): string[] {
  return codeSamples(pkg.model)
    .flatMap((operation) => operation.samples.filter((s) => s.lang === 'Shell'))
    .flatMap((s) => [...s.source.matchAll(/--data '((?:[^']|'\\'')*)'/g)])
    .map((m) => m[1]!.replaceAll("'\\''", "'"));
}

/** Each integer beyond 2^53 written in JSON or doc text, as written. */
function unsafeDigits(text: string): string[] {
  return [...text.matchAll(/-?\d{17,}/g)]
    .map((m) => m[0])
    .filter((digits) => !Number.isSafeInteger(Number(digits)));
}

/** The spec's `12345678901234567890` as JavaScript holds it, digit for digit. */
const BIG_DIGITS = BigInt(Number('12345678901234567890')).toString();

describe('the spec values printed as JSON and in docs', () => {
  it("a curl sample's JSON is the spec's value: -0 kept, each integer digit for digit", () => {
    const bodies = curlBodies().filter((text) => text.includes('"big"'));
    expect(bodies.length).toBeGreaterThan(0);
    for (const text of bodies) {
      expect(same(JSON.parse(text), JSON.parse(BODY))).toEqual([]);
      expect(text).toMatch(/"negZero": -0\b/);
      const digits = unsafeDigits(text);
      expect(digits.length).toBeGreaterThan(0);
      for (const written of digits) expect(BigInt(written)).toBe(BigInt(Number(written)));
    }
  });

  it('a `@defaultValue` in the TSDoc prints -0 and the digits of an integer beyond 2^53', () => {
    const types = pkg.files.get('src/types.ts') ?? '';
    expect(types).toMatch(/@defaultValue -0\b/);
    const [big] = [...types.matchAll(/@defaultValue (-?\d+)/g)]
      .map((m) => m[1]!)
      .filter((d) => !Number.isSafeInteger(Number(d)));
    expect(big).toBeDefined();
    expect(big).toBe(BIG_DIGITS);
  });

  it("the guards' issue for an enum names its values exactly", () => {
    const guards = pkg.files.get('src/guards.ts') ?? '';
    expect(guards).toContain(`one of -0, ${BIG_DIGITS}`);
    // A value with ` | ` in it keeps it: the list's separator is not found in the values.
    expect(guards).toMatch(/one of \\"x \| y\\", \\"z\\"/);
  });
});
