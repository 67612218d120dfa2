/**
 * The success bodies of openapi-typescript's copy of the document, rewritten to what the typed
 * path client reads them into, so `data` is typed as it arrives: the model decided each response's
 * kind (model/media-types.ts `mediaKind` of its chosen media type) and, for text, its string
 * schema (model/text-body.ts), and the path client reads by them (emit/client/client-file.ts
 * `PARSE_AS`). Text (`text/*`, XML, YAML, form bodies) becomes a string, with a string schema's
 * values kept (`'ready' | 'busy'`), whatever document the spec's schema describes; bytes (`image/png`
 * with `contentMediaType`, `application/octet-stream` with any schema) become `format: binary`,
 * which the transform types `Blob`; an event stream is marked {@link STREAM_MARK}, which the
 * transform types `ReadableStream<Uint8Array>`. JSON bodies are left as they are.
 *
 * Only responses a 2xx selects are rewritten: openapi-fetch reads error bodies as text or JSON.
 * Answers that have no body (a 204, 205 or 304, any answer to HEAD) lose their content
 * ({@link bodylessWithoutContent}).
 */
import ts from 'typescript';
import { isRecord } from '../json.ts';
import { bodylessBecause } from '../model/bodyless.ts';
import type { ApiModel, ResponseModel, SchemaNode } from '../model/types.ts';
import { getByPointer } from '../pointer.ts';

/** The extension on a schema, in openapi-typescript's copy only, that marks a body read as a stream. */
const STREAM_MARK = 'x-sdk-read-as-stream';

/** Rewrites `document` (openapi-types.ts's private copy) in place, and returns it. */
export function successBodiesAsRead<T>(document: T, operations: ApiModel['operations']): T {
  const paths = isRecord(document) ? document['paths'] : undefined;
  if (!isRecord(paths)) return document;
  for (const operation of operations) {
    const item = paths[operation.path];
    const raw = isRecord(item) ? item[operation.method] : undefined;
    const responses = isRecord(raw) ? raw['responses'] : undefined;
    if (!isRecord(responses)) continue;
    const successes = [operation.successResponse, ...(operation.otherSuccesses ?? [])];
    for (const response of successes) {
      if (response?.kind === undefined || response.kind === 'json' || response.kind === 'any')
        continue;
      const key = Object.keys(responses).find((name) => name.toUpperCase() === response.status);
      const content = key === undefined ? undefined : resolved(document, responses[key])?.content;
      if (!isRecord(content)) continue;
      for (const [mediaType, media] of Object.entries(content))
        if (isRecord(media)) media.schema = readSchema(response, mediaType, media.schema);
    }
  }
  return document;
}

/**
 * Leaves out the content the client never reads (model/bodyless.ts: a 204, 205 or 304, any answer
 * to HEAD) from each operation's responses in `document` (openapi-types.ts's private copy), in
 * place, so that the path types give them no body, as the resource client's do. A response shared
 * through `$ref` is replaced, for this operation only, by a copy without its content.
 */
export function bodylessWithoutContent<T>(document: T, operations: ApiModel['operations']): T {
  const paths = isRecord(document) ? document['paths'] : undefined;
  if (!isRecord(paths)) return document;
  for (const operation of operations) {
    const item = resolved(document, paths[operation.path]);
    const raw = item?.[operation.method];
    const responses = isRecord(raw) ? raw['responses'] : undefined;
    if (!isRecord(responses)) continue;
    for (const [key, value] of Object.entries(responses)) {
      if (
        key.startsWith('x-') ||
        bodylessBecause(key.toUpperCase(), operation.method) === undefined
      )
        continue;
      const response = resolved(document, value);
      if (response?.['content'] === undefined) continue;
      const { content: _ignored, ...rest } = response;
      responses[key] = rest;
    }
  }
  return document;
}

/** An object through local `$ref`s (already literal: openapi-types.ts `literalRefs`). */
function resolved(document: unknown, value: unknown): Record<string, unknown> | undefined {
  for (let depth = 0; depth < 16 && isRecord(value) && typeof value.$ref === 'string'; depth++)
    value = value.$ref.startsWith('#') ? getByPointer(document, value.$ref) : undefined;
  return isRecord(value) ? value : undefined;
}

/** The JSON Schema of what the path client reads a body of `response`'s kind into. */
function readSchema(response: ResponseModel, mediaType: string, schema: unknown): unknown {
  switch (response.kind) {
    case 'text':
      return mediaType === response.contentType && response.textSchema !== undefined
        ? textJsonSchema(response.textSchema, schema)
        : { type: 'string' };
    case 'event-stream':
      return { type: 'string', format: 'binary', [STREAM_MARK]: true };
    case 'form':
      return { type: 'string' };
    default:
      return { type: 'string', format: 'binary' };
  }
}

/**
 * The model's text schema (model/text-body.ts: a string, an enum of strings, or the spec's own
 * `$ref` to a string schema, which `schema` still is).
 */
function textJsonSchema(node: SchemaNode, schema: unknown): unknown {
  if (node.kind === 'enum') return { type: 'string', enum: node.values };
  if (node.kind === 'ref' && isRecord(schema) && typeof schema.$ref === 'string') return schema;
  return { type: 'string' };
}

/** `ReadableStream<Uint8Array>` for a schema {@link successBodiesAsRead} marked as a stream. */
export function streamType(schema: unknown): ts.TypeNode | undefined {
  if (!isRecord(schema) || schema[STREAM_MARK] !== true) return undefined;
  return ts.factory.createTypeReferenceNode('ReadableStream', [
    ts.factory.createTypeReferenceNode('Uint8Array'),
  ]);
}
