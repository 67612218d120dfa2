/**
 * What the client tests share: the REAL generated package (generated/src, as `npm run generate`
 * wrote it), a real HTTP server on 127.0.0.1 (test/runtime/server.ts), and the examples of the
 * bundled spec the package ships (generated/openapi.json), used as the server's answers.
 */
import { readFileSync } from 'node:fs';
import { Gigs, type GigsOptions } from '../../generated/src/index.ts';
import { deref, ROOT, type Json, type JsonObject } from '../helpers/spec.ts';

export const TOKEN = 'sk_live_TOKEN_d41d8cd98f00';
export const PROJECT = 'proj_1';
/** Retries that take milliseconds, not seconds. */
const FAST_BACKOFF = { initialDelay: 1, maxDelay: 4, maxRetryAfter: 2_000 };

const bundled = JSON.parse(readFileSync(`${ROOT}generated/openapi.json`, 'utf8')) as JsonObject;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function operation(operationId: string): JsonObject {
  for (const item of Object.values(bundled['paths'] as JsonObject)) {
    for (const op of Object.values(item as JsonObject)) {
      if (isObject(op) && op['operationId'] === operationId) return op;
    }
  }
  throw new Error(`no operation ${operationId} in generated/openapi.json`);
}

function firstExample(content: Json | undefined): JsonObject {
  const media = isObject(content) ? content['application/json'] : undefined;
  const examples = isObject(media) ? media['examples'] : undefined;
  const first = isObject(examples) ? deref(bundled, Object.values(examples)[0]) : undefined;
  const value = isObject(first) ? first['value'] : undefined;
  if (!isObject(value)) throw new Error('no JSON object example');
  return value;
}

/** The success status and the first example of the success body of an operation. */
export function responseExample(operationId: string): { status: number; body: JsonObject } {
  const responses = operation(operationId)['responses'] as JsonObject;
  const status = Object.keys(responses).find((code) => code.startsWith('2'));
  if (status === undefined) throw new Error(`${operationId} has no 2xx response`);
  const response = deref(bundled, responses[status]);
  return {
    status: Number(status),
    body: firstExample(isObject(response) ? response['content'] : undefined),
  };
}

/** The first example of the request body of an operation. */
export function requestExample(operationId: string): JsonObject {
  const body = deref(bundled, operation(operationId)['requestBody']);
  return firstExample(isObject(body) ? body['content'] : undefined);
}

/** A Gigs client for the test server: the token and project given, fast retries. */
export function gigsFor(baseURL: string, options: GigsOptions = {}): Gigs {
  return new Gigs({ token: TOKEN, project: PROJECT, baseURL, backoff: FAST_BACKOFF, ...options });
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
