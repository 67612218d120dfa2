/**
 * A curl command for an operation, sending the same request as its TypeScript sample
 * (sample-request.ts): method, URL with the example path values and the query string serialised
 * as the parameters' `style` and `explode` say, the token from the environment, and the example
 * body as JSON. For a POSIX shell: every value is single-quoted (a `'` inside becomes `'\''`), so
 * nothing in it is expanded; only the token's environment variable is, inside double quotes.
 *
 * Left out on purpose: the `Idempotency-Key` header (the SDK sends one itself; a fixed key in a
 * sample would make every copy of the command replay the first answer) and cookie parameters.
 */
import type { JsonValue } from '../model/schema-types.ts';
import type { ApiModel, OperationModel, ParameterModel } from '../model/types.ts';
import { isJsonMediaType } from '../model/media-types.ts';
import { sampleRequest } from './sample-request.ts';
import { pathLiteral } from './path-literal.ts';
import { binarySampleName } from './schema-sample.ts';
import { jsonText } from './code-print.ts';

export function curlSample(
  operation: OperationModel,
  model: Pick<ApiModel, 'schemas' | 'tokenAuth' | 'sdk' | 'info'>,
): string {
  const sample = sampleRequest(operation, model);
  const path = operation.path
    .split(/(\{[^{}]+\})/)
    .map((part, index) => {
      if (index % 2 === 0) return pathLiteral(part);
      const value = sample.path.get(part.slice(1, -1));
      return value === undefined ? part : encodeStrict(scalarText(value));
    })
    .join('');
  const query = sample.query
    .flatMap(({ parameter, value }) => queryPairs(parameter, value))
    .join('&');
  const url = `${path}${query === '' ? '' : `?${query}`}`;
  // A relative server has no host curl could send to: the base URL comes from the environment.
  const server =
    model.info.serverUrlRelative === true ? undefined : model.info.serverUrl?.replace(/\/+$/, '');
  const envVar = (name: string) => `${model.sdk.envPrefix.replace(/[^A-Za-z0-9_]/g, '_')}_${name}`;

  const lines = [`curl --request ${operation.method.toUpperCase()}`];
  // Without a server in the spec (or a relative one), the base URL comes from the environment.
  lines.push(
    server === undefined
      ? `--url "$${envVar('BASE_URL')}"${shellQuote(url)}`
      : `--url ${shellQuote(`${server}${url}`)}`,
  );
  lines.push(...authArguments(model, operation, envVar('TOKEN')));
  for (const { parameter, value } of sample.headers)
    lines.push(`--header ${shellQuote(`${parameter.name}: ${scalarText(value)}`)}`);
  const accept = operation.successResponse?.contentType;
  if (accept !== undefined) lines.push(`--header ${shellQuote(`Accept: ${accept}`)}`);
  if (sample.body !== undefined && operation.body !== undefined)
    lines.push(...bodyArguments(operation.body.contentType, sample.body));
  return lines.join(' \\\n  ');
}

/**
 * The token, sent as the client sends it (the scheme the model chose, `ApiModel.tokenAuth`), from
 * the environment variable the client reads. Header and cookie names are RFC 9110 tokens (the
 * model refuses others), so they need no quoting inside the double quotes. An API key in the
 * query goes in with `--url-query` (curl 7.87+), which percent-encodes the token; its name is
 * percent-encoded and single-quoted, and only the variable is expanded.
 */
function authArguments(
  model: Pick<ApiModel, 'tokenAuth'>,
  operation: OperationModel,
  tokenVar: string,
): string[] {
  const scheme = model.tokenAuth;
  if (!operation.secured || scheme === undefined) return [];
  switch (scheme.kind) {
    case 'bearer':
      return [`--header "Authorization: Bearer $${tokenVar}"`];
    case 'apiKey':
      if (scheme.in === 'header') return [`--header "${scheme.name}: $${tokenVar}"`];
      if (scheme.in === 'cookie') return [`--cookie "${scheme.name}=$${tokenVar}"`];
      return [`--url-query ${shellQuote(`${encodeURIComponent(scheme.name)}=`)}"$${tokenVar}"`];
    case 'basic':
      // The client's token is `username:password`, which is what `--user` takes.
      return [`--user "$${tokenVar}"`];
  }
}

function bodyArguments(contentType: string, body: JsonValue): string[] {
  if (isJsonMediaType(contentType) || /\bjson\b/i.test(contentType)) {
    return [
      `--header ${shellQuote(`Content-Type: ${contentType}`)}`,
      `--data ${shellQuote(prettyJson(body, ''))}`,
    ];
  }
  const entries =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.entries(body) : [];
  if (/^multipart\/form-data\b/i.test(contentType))
    return entries.map(([key, value]) => {
      const file = binarySampleName(value);
      // A file part: curl reads it from the file named after `@`.
      return `--form ${shellQuote(file === undefined ? `${key}=${scalarText(value)}` : `${key}=@${file}`)}`;
    });
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    return [
      `--header ${shellQuote(`Content-Type: ${contentType}`)}`,
      ...entries.map(
        ([key, value]) => `--data-urlencode ${shellQuote(`${key}=${scalarText(value)}`)}`,
      ),
    ];
  }
  const file = binarySampleName(body);
  return [
    `--header ${shellQuote(`Content-Type: ${contentType}`)}`,
    file !== undefined
      ? `--data-binary ${shellQuote(`@${file}`)}`
      : `--data-binary ${shellQuote(typeof body === 'string' ? body : jsonText(body))}`,
  ];
}

/**
 * `name=value` pairs of one query parameter, serialised as OpenAPI 3 says for `style` (form,
 * spaceDelimited, pipeDelimited, deepObject) and `explode`, names and values percent-encoded.
 */
function queryPairs(parameter: ParameterModel, value: JsonValue): string[] {
  const name = encodeStrict(parameter.name);
  if (value === null || typeof value !== 'object')
    return [`${name}=${encodeStrict(scalarText(value))}`];
  if (Array.isArray(value)) {
    const items = value.map((item) => encodeStrict(scalarText(item)));
    if (parameter.explode) return items.map((item) => `${name}=${item}`);
    const delimiter =
      parameter.style === 'spaceDelimited'
        ? '%20'
        : parameter.style === 'pipeDelimited'
          ? '|'
          : ',';
    return [`${name}=${items.join(delimiter)}`];
  }
  const entries = Object.entries(value);
  if (parameter.style === 'deepObject')
    return entries.map(
      ([key, inner]) => `${name}%5B${encodeStrict(key)}%5D=${encodeStrict(scalarText(inner))}`,
    );
  if (parameter.explode)
    return entries.map(([key, inner]) => `${encodeStrict(key)}=${encodeStrict(scalarText(inner))}`);
  return [
    `${name}=${entries.flatMap(([key, inner]) => [encodeStrict(key), encodeStrict(scalarText(inner))]).join(',')}`,
  ];
}

/** JSON with 2-space indentation, arrays of plain values on one line (`["p3", "p9"]`). */
function prettyJson(value: JsonValue, indent: string): string {
  if (value === null || typeof value !== 'object') return jsonText(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object'))
      return jsonText(value, true);
    return `[\n${value.map((item) => `${inner}${prettyJson(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([key, item]) => `${inner}${JSON.stringify(key)}: ${prettyJson(item, inner)}`)
    .join(',\n')}\n${indent}}`;
}

/** A value as text in a URL or header: strings as they are, anything else as JSON. */
function scalarText(value: JsonValue): string {
  return typeof value === 'string' ? value : jsonText(value);
}

/** RFC 3986 percent-encoding of everything but the unreserved characters. */
function encodeStrict(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** POSIX single quotes: nothing inside is expanded; a `'` closes, escapes and reopens. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
