/** Private helper: request bodies as fetch takes them, and response bodies as text or JSON. */
import { SDKError } from '../errors.ts';
import { serializeQuery } from './query.ts';

export function isJSONMediaType(contentType: string | null | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

/** The body as fetch takes it, and the `Content-Type` to send (none for multipart: fetch sets the boundary). */
export function encodeBody(
  body: unknown,
  contentType = 'application/json',
): { body?: BodyInit; contentType?: string } {
  if (body === undefined) return {};
  if (isJSONMediaType(contentType)) return { body: JSON.stringify(body), contentType };
  if (contentType === 'application/x-www-form-urlencoded' && isRecord(body)) {
    return { body: serializeQuery(body), contentType };
  }
  if (contentType === 'multipart/form-data') {
    if (body instanceof FormData) return { body };
    if (isRecord(body)) return { body: toFormData(body) };
  }
  if (isBodyInit(body)) return { body, contentType };
  throw new SDKError(
    `Cannot send a ${typeof body} body as ${contentType}; pass a string, Blob, or byte array.`,
  );
}

/** Reads a body as text: empty for HEAD, 204, 205 and 304 (whose bodies are not read at all). */
export async function readText(response: Response, method: string): Promise<string> {
  if (
    method === 'head' ||
    response.status === 204 ||
    response.status === 205 ||
    response.status === 304
  ) {
    await response.body?.cancel();
    return '';
  }
  return response.text();
}

/** Each property becomes a part: Blobs and strings as they are, arrays as repeated parts, anything else as JSON. */
function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  const append = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (value instanceof Blob) form.append(name, value);
    else if (typeof value === 'string') form.append(name, value);
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
      form.append(name, String(value));
    else form.append(name, JSON.stringify(value));
  };
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) for (const item of value) append(name, item);
    else append(name, value);
  }
  return form;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBodyInit(value: unknown): value is BodyInit {
  return (
    typeof value === 'string' ||
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof URLSearchParams ||
    value instanceof FormData ||
    value instanceof ReadableStream
  );
}
