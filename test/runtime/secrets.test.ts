/**
 * The token never leaks, whatever the server or fetch does with it: echoed into a body that fails
 * validation (the message and every issue), inside a fetch error's `cause` chain as
 * `util.inspect` prints it, in the URL of a query credential.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCore } from '../../templates/runtime/core.ts';
import { APIConnectionError, ResponseValidationError } from '../../templates/runtime/errors.ts';
import type { Logger } from '../../templates/runtime/logger.ts';
import { ResponseGuards } from '../../templates/runtime/validation.ts';
import { json, startServer, type Reply, type TestServer } from './server.ts';

const TOKEN = 'sk_test_SECRET_Zq9/x+y';
let server: TestServer;
let reply: () => Reply;

beforeAll(async () => {
  server = await startServer(() => reply());
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** A guard in the shape of the generated ones: it reports the value it found. */
const guards = new ResponseGuards({
  Thing: (value) => {
    const status = (value as { status?: unknown }).status;
    return status === 'active'
      ? { ok: true }
      : {
          ok: false,
          issues: [{ path: `/status`, expected: '"active"', found: JSON.stringify(status) }],
        };
  },
});

function everything(error: unknown): string {
  const e = error as Error;
  return [
    e.message,
    String(e),
    e.stack ?? '',
    JSON.stringify(e),
    inspect(e, { depth: 20, showHidden: true }),
  ].join('\n');
}

describe('response validation', () => {
  it("'throw': the token echoed into the body is redacted from the message, the issues and the body", async () => {
    reply = () => json(200, { status: `Bearer ${TOKEN}` });
    const core = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      responseValidation: 'throw',
      responseGuards: guards,
    });
    const error = (await core
      .request({ method: 'get', path: '/t', responseSchema: 'Thing' })
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues).toEqual([
      { path: '/status', expected: '"active"', found: '"Bearer [redacted]"' },
    ]);
    expect(error.message).toBe(
      'The response of GET /t does not match Thing: /status: expected "active", found "Bearer [redacted]"',
    );
    expect(everything(error)).not.toContain(TOKEN);
  });

  it("'warn': the log line is redacted", async () => {
    reply = () => json(200, { status: TOKEN });
    const lines: string[] = [];
    const logger: Logger = {
      error: (m) => lines.push(m),
      warn: (m) => lines.push(m),
      info: (m) => lines.push(m),
      debug: (m) => lines.push(m),
    };
    const core = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      responseValidation: 'warn',
      responseGuards: guards,
      logger,
    });
    await core.request({ method: 'get', path: '/t', responseSchema: 'Thing' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('found "[redacted]"');
  });
});

describe("a fetch error's cause", () => {
  it('is redacted through the whole chain, as util.inspect shows it', async () => {
    const core = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      maxRetries: 0,
      fetch: () => {
        throw new TypeError(`Headers.append: "Bearer ${TOKEN}" is an invalid header value.`, {
          cause: new Error(`deeper: ${TOKEN}`, { cause: new Error(`deepest ${TOKEN}`) }),
        });
      },
    });
    const error = (await core
      .request({ method: 'get', path: '/t' })
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(APIConnectionError);
    const cause = error.cause as Error;
    expect(cause.name).toBe('TypeError');
    expect(cause.message).toBe('Headers.append: "Bearer [redacted]" is an invalid header value.');
    expect((cause.cause as Error).message).toBe('deeper: [redacted]');
    expect(everything(error)).not.toContain(TOKEN);
  });

  it('is the original error when it holds no secret (its class and code kept)', async () => {
    const closed = await startServer(() => json(200, {}));
    await closed.close();
    const core = new ClientCore({ baseURL: closed.url, token: TOKEN, maxRetries: 0 });
    const error = (await core
      .request({ method: 'get', path: '/t' })
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(((error.cause as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });
});

describe('what a fetch wrapper throws (helper-154 1)', () => {
  /**
   * A fetch of the caller's that sends the request to the real server, then throws what a
   * wrapper library might: its own record of the request, headers included.
   */
  function wrapping(thrown: (headers: Record<string, string>) => unknown): ClientCore {
    return new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      maxRetries: 0,
      fetch: async (url, init) => {
        await fetch(url, init);
        throw thrown(init.headers as Record<string, string>);
      },
    });
  }

  async function failure(core: ClientCore): Promise<Error> {
    reply = () => json(200, {});
    return (await core.request({ method: 'get', path: '/t' }).catch((e: unknown) => e)) as Error;
  }

  it('an Error with the request among its own properties: redacted there too, its class and code kept', async () => {
    const error = await failure(
      wrapping((headers) =>
        Object.assign(new TypeError('request failed'), {
          code: 'E_WRAPPED',
          request: { headers, tries: [headers.authorization] },
        }),
      ),
    );
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect((error.cause as { code?: unknown }).code).toBe('E_WRAPPED');
    expect(
      (error.cause as { request: { headers: Record<string, string> } }).request.headers
        .authorization,
    ).toBe('Bearer [redacted]');
    expect(everything(error)).not.toContain(TOKEN);
  });

  it('a string or a plain object, not an Error: redacted the same way', async () => {
    for (const thrown of [
      (headers: Record<string, string>) => `refused: ${headers.authorization ?? ''}`,
      (headers: Record<string, string>) => ({ message: 'refused', headers }),
    ]) {
      const error = await failure(wrapping(thrown));
      expect(error).toBeInstanceOf(APIConnectionError);
      expect(everything(error)).not.toContain(TOKEN);
    }
  });

  it('a plain object says its message, and one without a prototype is still an APIConnectionError', async () => {
    const described = await failure(wrapping(() => ({ message: 'the proxy refused' })));
    expect(described.message).toContain('the proxy refused');
    const bare = await failure(wrapping(() => Object.create(null) as object));
    expect(bare).toBeInstanceOf(APIConnectionError);
  });

  it('a secret deeper than the causes it reads is left out, never shown', async () => {
    const error = await failure(
      wrapping((headers) => {
        let chain = new Error(`deepest: ${headers.authorization ?? ''}`);
        for (let level = 0; level < 12; level++)
          chain = new Error(`level ${level}`, { cause: chain });
        return chain;
      }),
    );
    expect(everything(error)).not.toContain(TOKEN);
  });
});

describe('a query credential', () => {
  it('is redacted, percent-encoded as it is in the URL, from log lines and errors', async () => {
    reply = () => json(503, { message: `no key ${encodeURIComponent(TOKEN)}` });
    const lines: string[] = [];
    const push = (m: string) => void lines.push(m);
    const core = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      auth: { in: 'query', name: 'key' },
      backoff: { initialDelay: 1, maxDelay: 1 },
      maxRetries: 1,
      logger: { error: push, warn: push, info: push, debug: push },
      logLevel: 'debug',
    });
    const error = await core.request({ method: 'get', path: '/t' }).catch((e: unknown) => e);
    expect(server.requests[0]?.url).toBe(`/t?key=${encodeURIComponent(TOKEN)}`);
    expect(lines.join('\n')).toContain('key=[redacted]');
    expect(lines.join('\n')).not.toContain(encodeURIComponent(TOKEN));
    expect(everything(error)).not.toContain(encodeURIComponent(TOKEN));
  });
});

describe('a query credential with sub-delimiters', () => {
  it("is redacted as the query writes it: `!'()*` percent-encoded too", async () => {
    const token = "sk_live_!(key)*'x";
    const encoded = 'sk_live_%21%28key%29%2A%27x';
    reply = () => json(401, { message: `no key ${encoded}` });
    const lines: string[] = [];
    const push = (m: string) => void lines.push(m);
    const core = new ClientCore({
      baseURL: server.url,
      token,
      auth: { in: 'query', name: 'key' },
      maxRetries: 0,
      logger: { error: push, warn: push, info: push, debug: push },
      logLevel: 'debug',
    });
    const error = await core.request({ method: 'get', path: '/t' }).catch((e: unknown) => e);
    expect(server.requests[0]?.url).toBe(`/t?key=${encoded}`);
    expect(lines.join('\n')).toContain('key=[redacted]');
    expect(everything(error)).not.toContain(encoded);
  });
});

describe('redaction keeps what is not the token', () => {
  const notFound = {
    object: 'error',
    type: 'notFound',
    message: 'The requested plan does not exist.',
  };

  it('a short token is taken out only where it stands alone: keys, values and headers that merely contain it stay', async () => {
    reply = () => ({
      ...json(404, { ...notFound, echo: 't', t: 'a key that is the token' }),
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_t1' },
    });
    const core = new ClientCore({ baseURL: server.url, token: 't', maxRetries: 0 });
    const error = (await core
      .request({ method: 'get', path: '/plans' })
      .catch((e: unknown) => e)) as {
      body: unknown;
      headers: Record<string, string>;
      requestID?: string;
      message: string;
    };
    expect(error.body).toEqual({
      ...notFound,
      echo: '[redacted]',
      '[redacted]': 'a key that is the token',
    });
    expect(error.headers['x-request-id']).toBe('req_t1');
    expect(error.requestID).toBe('req_t1');
    expect(error.message).not.toContain('[redac');
    expect(error.message).toContain('The requested plan does not exist.');
  });

  it('a short token beside a letter outside ASCII is part of that word, not the token', async () => {
    const said = 'Zoët’s plan: naïve tarif für Straße, 𝑡 ét t';
    reply = () => json(404, { message: said, type: 'notFound' });
    const core = new ClientCore({ baseURL: server.url, token: 't', maxRetries: 0 });
    const error = (await core
      .request({ method: 'get', path: '/plans' })
      .catch((e: unknown) => e)) as {
      body: { message: string };
      message: string;
    };
    // Only the last `t`, with a space on each side, is the token standing alone.
    const want = said.replace(/ t$/, ' [redacted]');
    expect(error.body.message).toBe(want);
    expect(error.message).toBe(`404 Not Found (GET /plans): ${want}`);
  });

  it("the server's reason phrase is redacted like its body: it may echo the token too", async () => {
    reply = () => ({ ...json(401, {}), reason: `Bad token ${TOKEN}` });
    const core = new ClientCore({ baseURL: server.url, token: TOKEN, maxRetries: 0 });
    const error = await core.request({ method: 'get', path: '/t' }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('401 Bad token [redacted] (GET /t): {}');
    expect(everything(error)).not.toContain(TOKEN);
  });

  it('a long token is taken out wherever it appears, once: redacted text is never redacted again', async () => {
    reply = () => json(401, { message: `bad token ${TOKEN}, try x${TOKEN}y` });
    const lines: string[] = [];
    const push = (m: string) => void lines.push(m);
    const core = new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      maxRetries: 0,
      logger: { error: push, warn: push, info: push, debug: push },
      logLevel: 'debug',
    });
    const error = (await core.request({ method: 'get', path: '/t' }).catch((e: unknown) => e)) as {
      body: { message: string };
      message: string;
    };
    expect(error.body.message).toBe('bad token [redacted], try x[redacted]y');
    expect(everything(error)).not.toContain(TOKEN);
    expect(everything(error)).not.toContain('[redac[');
    expect(lines.join('\n')).not.toContain('[redac[');
  });
});

describe('the token in the forms a server may write it back in', () => {
  const core = () =>
    new ClientCore({
      baseURL: server.url,
      token: TOKEN,
      auth: { in: 'query', name: 'key' },
      maxRetries: 0,
    });

  it.each([
    // RFC 3986 §2.1: `%2f` is `%2F` (a server that encodes in lowercase hex).
    [
      'percent-encoded in lowercase hex',
      encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    ],
    // PHP's json_encode writes `/` as `\/`, in a body not labelled JSON (not parsed to undo it).
    ['JSON-escaped, `/` as `\\/`', TOKEN.replace(/\//g, '\\/')],
  ])('%s, in a text error body, is redacted', async (_form, echoed) => {
    reply = () => ({ status: 500, headers: { 'content-type': 'text/html' }, body: `no ${echoed}` });
    const error = await core()
      .request({ method: 'get', path: '/t' })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/no \[redacted\]/);
    expect(everything(error)).not.toContain(echoed);
    expect(everything(error)).not.toContain('SECRET');
  });

  it('cut short by a message (500 characters, then …) is still redacted: no start of it is left', async () => {
    // Invalid JSON in a 2xx is quoted in the message, cut at 500 characters, right inside the token.
    const lead = '{"echo":"';
    const text = `${lead}${'x'.repeat(500 - lead.length - (TOKEN.length - 3))}${TOKEN}" oops`;
    reply = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: text });
    const error = await core()
      .request({ method: 'get', path: '/t' })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/x\[redacted\]…/);
    expect(everything(error)).not.toContain(TOKEN.slice(0, 8));
  });

  it('in a list page the client checks itself (items not an array, a repeated cursor), is redacted', async () => {
    const pagination = { afterParam: 'after', itemsField: 'items', nextCursorField: 'next' };
    reply = () => json(200, { items: { echoed: `Bearer ${TOKEN}` }, next: null });
    const notArray = await core()
      .requestPage({ method: 'get', path: '/t' }, pagination)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((notArray as Error).message).toMatch(
      /"items" is not an array \(\{"echoed":"Bearer \[redacted\]"\}\)/,
    );
    expect(everything(notArray)).not.toContain('SECRET');
    reply = () => json(200, { items: [1], next: `Bearer ${TOKEN}` });
    const repeated = await (async () => {
      for await (const item of core().requestPage({ method: 'get', path: '/t' }, pagination))
        void item;
    })().catch((e: unknown) => e);
    expect((repeated as Error).message).toMatch(/handed out the cursor "Bearer \[redacted\]"/);
    expect(everything(repeated)).not.toContain('SECRET');
  });
});
