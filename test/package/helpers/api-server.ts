/**
 * A stand-in for the API that the smoke programs call: a node:http server on 127.0.0.1 that
 * answers the few calls of the smoke test with the spec's own Plan example, sends the CORS
 * headers a browser page on another origin needs, and records every request.
 *
 * - `GET  …/plans/{plan}`: the example plan with that id; `pln_missing` gives 404 and an error body.
 * - `GET  …/plans`: two pages of one plan each, linked by `moreItemsAfter`.
 * - `OPTIONS *`: the CORS preflight.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GENERATED_DIR } from './packed-package.ts';

export const SMOKE_TOKEN = 'smoke-token-0123456789';
export const SMOKE_PROJECT = 'smoke-project';
export const MISSING_PLAN = 'pln_missing';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface ApiServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  requests: SeenRequest[];
  /** The example plan the server answers with. */
  plan: { id: string } & Record<string, unknown>;
  close(): Promise<void>;
}

/** The Plan example of the packaged spec (components.examples.Plan). */
function examplePlan(): { id: string } & Record<string, unknown> {
  const spec = JSON.parse(readFileSync(join(GENERATED_DIR, 'openapi.json'), 'utf8')) as {
    components: { examples: Record<string, { value: unknown }> };
  };
  const plan = spec.components.examples['Plan']?.value;
  if (
    typeof plan !== 'object' ||
    plan === null ||
    typeof (plan as { id?: unknown }).id !== 'string'
  ) {
    throw new Error('generated/openapi.json has no components.examples.Plan with an id');
  }
  return plan as { id: string } & Record<string, unknown>;
}

/** The ids of the two list pages' plans. */
export function listedIds(plan: { id: string }): [string, string] {
  return [`${plan.id}_1`, `${plan.id}_2`];
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, idempotency-key, x-smoke-runtime',
  'access-control-max-age': '600',
};

export async function startApiServer(): Promise<ApiServer> {
  const plan = examplePlan();
  const [first, second] = listedIds(plan);
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const send = (status: number, body?: unknown): void => {
      res.writeHead(status, {
        ...CORS,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    req.resume();
    if (req.method === 'OPTIONS') return send(204);
    if (req.headers.authorization !== `Bearer ${SMOKE_TOKEN}`) {
      return send(401, {
        object: 'error',
        type: 'unauthenticated',
        message: 'Missing or bad token.',
      });
    }
    const prefix = `/projects/${SMOKE_PROJECT}/plans`;
    if (req.method === 'GET' && url.pathname === prefix) {
      const after = url.searchParams.get('after');
      const page = after === null ? { id: first, next: first } : { id: second, next: null };
      return send(200, {
        object: 'list',
        items: [{ ...plan, id: page.id }],
        moreItemsAfter: page.next,
        moreItemsBefore: after,
      });
    }
    if (req.method === 'GET' && url.pathname.startsWith(`${prefix}/`)) {
      const id = decodeURIComponent(url.pathname.slice(prefix.length + 1));
      if (id === MISSING_PLAN)
        return send(404, { object: 'error', type: 'notFound', message: `No plan ${id}.` });
      return send(200, { ...plan, id });
    }
    return send(404, {
      object: 'error',
      type: 'notFound',
      message: `No route ${req.method!} ${url.pathname}`,
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    plan,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
