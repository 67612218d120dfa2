/**
 * Text bodies whose schemas say more than `string` (text-body-schemas.yaml): the client's types
 * are the schema's string type (an enum's literals, a `const`, a named enum), text whose schema
 * describes a parsed document (an XML object, a JSON line) is `string` both ways, and the testing
 * kit's default answers fit the schemas, under a real MSW server.
 */
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePackage, type WrittenPackage } from '../emit/client/package.ts';
import { diagnostics, EQUAL, faultPackage, type FaultPackage } from './package.ts';

type Method = (params?: unknown) => Promise<unknown>;
interface Kit {
  createMock(): {
    handlers: Parameters<typeof setupServer>;
    texts: Record<string, { calls: { body: unknown }[] }>;
  };
  fixtures: { texts: Record<string, unknown> };
}

describe('text bodies with schemas', () => {
  let pkg: FaultPackage;
  let written: WrittenPackage;

  beforeAll(async () => {
    pkg = await faultPackage('text-body-schemas.yaml');
    written = await writePackage(pkg.files);
  });
  afterAll(() => written.remove());

  it("type what the method resolves to and sends as the schema's string type", () => {
    const checks = `import type { TextBodies } from './client.js';
import type { Level } from './types.js';
import { fixtures } from './testing/index.js';
${EQUAL}
type Texts = TextBodies['texts'];
type Result<K extends keyof Texts> = Texts[K] extends (...args: never[]) => Promise<infer R> ? R : never;
type Body<K extends keyof Texts> = Texts[K] extends (params: infer P, ...rest: never[]) => unknown ? P : never;
same<Result<'status'>, 'ready' | 'busy'>(true);
same<Result<'code'>, string>(true);
same<Result<'level'>, Level>(true);
same<Result<'ping'>, 'pong'>(true);
same<Result<'toggle'>, 'on' | 'off'>(true);
same<Result<'table'>, string>(true);
same<Result<'report'>, string>(true);
same<Result<'lines'>, string>(true);
same<Body<'note'>, { body: 'short' | 'long' }>(true);
same<Body<'upload'>, { body: string }>(true);
same<typeof fixtures.texts.status, 'ready' | 'busy'>(true);
same<typeof fixtures.texts.level, Level>(true);
`;
    expect(diagnostics(pkg, { 'src/text-checks.ts': checks })).toEqual([]);
  });

  it('say, for a success answered with JSON records (NDJSON, JSON Lines), that they are read whole as text', () => {
    const warning = pkg.model.warnings.find((w) => w.key === 'response:json-records-as-text');
    expect(warning?.places.map((place) => place.location.pointer)).toEqual([
      '#/paths/~1lines/get/responses/200/content/application~1x-ndjson',
    ]);
    expect(warning?.places[0]?.problem).toMatch(
      /a 200 response of application\/x-ndjson .* is read whole as text: .* neither parsed nor checked against the schema/,
    );
    expect(warning?.places[0]?.hint).toMatch(/JSON\.parse each; .*text\/event-stream/);
    // Every other text response says nothing.
    expect(pkg.model.warnings.filter((w) => w.key.startsWith('response:json'))).toHaveLength(1);
  });

  it('answer by default with text that fits the schema, and send text as it is', async () => {
    const { dir } = written;
    const kit = (await import(join(dir, 'src/testing/index.ts'))) as Kit;
    const { TextBodies } = (await import(join(dir, 'src/client.ts'))) as {
      TextBodies: new (options: { maxRetries: number }) => { texts: Record<string, Method> };
    };
    const mock = kit.createMock();
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const { texts } = new TextBodies({ maxRetries: 0 });
      expect(await texts['status']!()).toBe('ready');
      const code = (await texts['code']!()) as string;
      expect(code.length).toBeGreaterThanOrEqual(3);
      expect(code.length).toBeLessThanOrEqual(5);
      expect(await texts['level']!()).toBe('low');
      expect(await texts['ping']!()).toBe('pong');
      expect(await texts['toggle']!()).toBe('on');
      expect(kit.fixtures.texts['status']).toBe('ready');
      await texts['upload']!({ body: '<report><title>Q1</title></report>' });
      expect(mock.texts['upload']!.calls[0]?.body).toBe('<report><title>Q1</title></report>');
    } finally {
      server.close();
    }
  });
});
