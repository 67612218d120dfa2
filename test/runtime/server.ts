import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** One request as the server saw it: the raw request target, before any normalisation. */
export interface SeenRequest {
  method: string;
  /** Path and query exactly as sent, e.g. `/plans/..%2Fx?status=a,b`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 text. */
  body: string;
  /** The body's bytes, as sent. */
  raw: Buffer;
  /** Set when the client closed the connection before the server answered (a cancelled request). */
  closedBeforeReply?: boolean;
}

export interface Reply {
  /** Close the connection without answering (the client sees a reset), instead of replying. */
  reset?: boolean;
  status: number;
  /** The reason phrase of the status line (node's own for the status unless given). */
  reason?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A connection closed without an answer. */
export const RESET: Reply = { reset: true, status: 0 };

/** A JSON reply. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * A real HTTP server on 127.0.0.1 with an ephemeral port. `handle` decides each reply; every request
 * is recorded in `requests`.
 */
export async function startServer(handle: (request: SeenRequest) => Reply): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        raw: Buffer.concat(chunks),
      };
      requests.push(seen);
      res.on('close', () => {
        if (!res.writableEnded) seen.closedBeforeReply = true;
      });
      const reply = handle(seen);
      if (reply.reset === true) {
        req.socket.destroy();
        return;
      }
      const send = (): void => {
        if (reply.reason === undefined) res.writeHead(reply.status, reply.headers ?? {});
        else res.writeHead(reply.status, reply.reason, reply.headers ?? {});
        res.end(reply.body);
      };
      if (reply.delayMs === undefined) {
        send();
      } else {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) send();
        }, reply.delayMs);
        timers.add(timer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The server of one test file: started before its tests, closed after them, its `requests`
 * cleared before each test. Call it at the top level of the file; `url` and `requests` read the
 * live server, so use them inside tests and hooks.
 */
export function serverForTests(handle: (request: SeenRequest) => Reply): TestServer {
  let live: TestServer | undefined;
  const current = (): TestServer => {
    if (live === undefined) throw new Error('the test server starts in beforeAll');
    return live;
  };
  beforeAll(async () => {
    live = await startServer(handle);
  });
  afterAll(() => live?.close());
  beforeEach(() => {
    current().requests.length = 0;
  });
  return {
    get url() {
      return current().url;
    },
    get requests() {
      return current().requests;
    },
    close: () => current().close(),
  };
}
