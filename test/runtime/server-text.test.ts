/**
 * What a server writes into an error is shown safely and kept usefully, from a raw TCP server on
 * 127.0.0.1 (it writes any byte, in the body and the reason phrase):
 * - an error body that is a JSON object or array is parsed whatever its label (`text/plain`,
 *   `text/html` as Express labels a string, none): `error.body.code` works (helper-115 2);
 * - control characters, bidirectional controls and lone surrogates in the body, the reason phrase
 *   or a quoted invalid body are escapes in the message, never raw (CWE-117 log forging, CWE-150
 *   terminal escapes; helper-115 3), while a JSON `body` stays as received;
 * - a message cut at 500 characters never ends in half a character (helper-115 8).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRawServer, type RawServer } from '../helpers/raw-server.ts';
import { ClientCore } from '../../templates/runtime/core.ts';
import {
  APIError,
  InvalidResponseError,
  ResponseValidationError,
} from '../../templates/runtime/errors.ts';
import { ResponseGuards } from '../../templates/runtime/validation.ts';

let server: RawServer;
let answer: Buffer;

beforeAll(async () => {
  server = await startRawServer((socket) => socket.end(answer));
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function reply(line: string, body: string, type?: string): void {
  const bytes = Buffer.from(body, 'utf8');
  const head =
    `HTTP/1.1 ${line}\r\n${type === undefined ? '' : `Content-Type: ${type}\r\n`}` +
    `Content-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`;
  answer = Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

async function failure(): Promise<Error> {
  const core = new ClientCore({ baseURL: server.url, token: 'sk_text_SECRET', maxRetries: 0 });
  return core.request({ method: 'get', path: '/x' }).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );
}

const PROBLEM = { message: 'name is missing', code: 'missing_field', field: 'name' };

describe('an error body that is JSON under another label', () => {
  it.each([undefined, 'text/plain', 'text/html; charset=utf-8', 'text/json', 'application/x-json'])(
    'with Content-Type %s is parsed: body.code is there',
    async (type) => {
      reply('422 Unprocessable Entity', `\n${JSON.stringify(PROBLEM)}`, type);
      const error = await failure();
      expect(error).toBeInstanceOf(APIError);
      expect((error as APIError).body).toEqual(PROBLEM);
      expect(error.message).toBe('422 Unprocessable Entity (GET /x): name is missing');
    },
  );

  it('text that is no JSON object or array stays text: in the message, not the body', async () => {
    reply('500 Internal Server Error', '{ not json', 'text/plain');
    let error = (await failure()) as APIError;
    expect([error.body, error.message]).toEqual([
      undefined,
      '500 Internal Server Error (GET /x): { not json',
    ]);
    reply('404 Not Found', '404', 'text/plain');
    error = (await failure()) as APIError;
    expect([error.body, error.message]).toEqual([undefined, '404 Not Found (GET /x): 404']);
  });
});

const HOSTILE =
  'ok \u001b]0;PWNED\u0007\u001b[2J\n2026-01-01T00:00:00Z INFO admin login\r\u202eevil\u0000 \ud800';

/** Whether `text` holds a character a message must not show raw. */
const raw = (text: string): boolean =>
  // eslint-disable-next-line no-control-regex -- finding control characters is its job
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202e]|[\ud800-\udbff](?![\udc00-\udfff])/.test(text);

describe('control characters from the server', () => {
  it('are escapes in the message of a text error body', async () => {
    reply('400 Bad Request', HOSTILE, 'text/plain');
    const error = (await failure()) as APIError;
    expect(raw(error.message)).toBe(false);
    expect(error.message).toContain('\\u001b]0;PWNED\\u0007\\u001b[2J\\n2026-01-01');
    // UTF-8 cannot carry a lone surrogate: the server's bytes hold U+FFFD there.
    expect(error.message).toContain('\\r\\u202eevil\\u0000 \ufffd');
  });

  it("are escapes in the message of a JSON body's message", async () => {
    reply('400 Bad Request', JSON.stringify({ message: HOSTILE }), 'application/json');
    const error = (await failure()) as APIError;
    expect(raw(error.message)).toBe(false);
    // JSON carries the lone surrogate as an escape; the message writes it as one.
    expect(error.message).toContain('\\u202eevil\\u0000 \\ud800');
    expect((error.body as { message: string }).message).toBe(HOSTILE);
  });

  it('are escapes in the message of a reason phrase', async () => {
    reply('400 Bad \u001b[31mRequest', '', 'text/plain');
    const error = await failure();
    expect(error.message).toBe('400 Bad \\u001b[31mRequest (GET /x)');
  });

  it('are escapes where an invalid JSON body is quoted', async () => {
    reply('200 OK', `{"a": ${HOSTILE}`, 'application/json');
    const error = await failure();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(raw(error.message)).toBe(false);
    expect(error.message).toContain('\\u001b]0;PWNED');
  });
});

// helper-159: the issues of a response that fails its guard name its keys and quote its strings,
// which the server chose; they went into the message and the warning raw.
describe('control characters in a response that fails its guard', () => {
  const key = '\r\n2026-01-01T00:00:00Z INFO admin login \u001b]0;PWNED\u0007';
  const guards = new ResponseGuards({
    Tags: (value) => ({
      ok: false,
      issues: Object.entries(value as Record<string, unknown>).map(([name, found]) => ({
        path: `/${name}`,
        expected: 'integer',
        found: `string ${JSON.stringify(found)}`,
      })),
    }),
  });
  const call = (mode: 'warn' | 'throw', warnings: string[] = []): Promise<unknown> => {
    reply('200 OK', JSON.stringify({ [key]: 'a\u202eb\u2028c\u0085' }), 'application/json');
    const logger = {
      debug() {},
      info() {},
      warn: (line: string) => warnings.push(line),
      error() {},
    };
    const core = new ClientCore({
      baseURL: server.url,
      maxRetries: 0,
      responseValidation: mode,
      responseGuards: guards,
      logger,
    });
    return core.request({ method: 'get', path: '/x', responseSchema: 'Tags' });
  };
  const issue =
    '/\\r\\n2026-01-01T00:00:00Z INFO admin login \\u001b]0;PWNED\\u0007: expected integer, found string "a\\u202eb\\u2028c\\u0085"';

  it('are escapes in the ResponseValidationError', async () => {
    const error = await call('throw').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toBe(`The response of GET /x does not match Tags: ${issue}`);
  });

  it('are escapes in the warning', async () => {
    const warnings: string[] = [];
    await call('warn', warnings);
    expect(warnings).toEqual([`The response of GET /x does not match Tags: ${issue}`]);
  });
});

describe('a long message', () => {
  it('is cut at 500 characters, never inside a character of two UTF-16 units', async () => {
    reply('400 Bad Request', `${'a'.repeat(499)}😀${'b'.repeat(100)}`, 'text/plain');
    const error = await failure();
    expect(error.message).toBe(`400 Bad Request (GET /x): ${'a'.repeat(499)}…`);
    expect(() => encodeURIComponent(error.message)).not.toThrow();
  });
});

describe('response headers on an error', () => {
  // helper-115 5: the record kept the last `Set-Cookie` alone.
  it('keep every Set-Cookie, one per line (RFC 6265 §3: never folded with commas)', async () => {
    const cookies = ['a=1; Path=/', 'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT'];
    answer = Buffer.from(
      `HTTP/1.1 401 Unauthorized\r\n${cookies.map((c) => `Set-Cookie: ${c}\r\n`).join('')}` +
        'Content-Length: 0\r\nConnection: close\r\n\r\n',
      'latin1',
    );
    const error = (await failure()) as APIError;
    expect(error.headers['set-cookie']?.split('\n')).toEqual(cookies);
  });
});

describe('an answer that is not what the API sends', () => {
  // helper-115 7: a proxy's 200 HTML page in place of JSON could not be traced to the proxy.
  it('keeps its headers on the InvalidResponseError', async () => {
    answer = Buffer.from(
      'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nServer: corp-proxy/2.1\r\nVia: 1.1 gateway\r\n' +
        'Content-Length: 15\r\nConnection: close\r\n\r\n<html>hi</html>',
      'latin1',
    );
    const error = (await failure()) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.headers).toMatchObject({ server: 'corp-proxy/2.1', via: '1.1 gateway' });
  });
});
