/**
 * A curl command for an operation, sending the same request as its TypeScript sample
 * (sample-request.ts), byte for byte as the client sends it (sample-wire.ts): method, URL with
 * the example path values in their style and the query string serialised as the parameters'
 * `style`, `explode`, `allowReserved` and `content` say, header values in style `simple`, the
 * token from the environment, and the example body: JSON, a form's exact text, multipart parts
 * with the content type and headers the client gives them. For a POSIX shell: every value is single-quoted (a `'` inside becomes `'\''`), so
 * nothing in it is expanded; only the token's environment variable is, inside double quotes.
 *
 * Left out on purpose: the `Idempotency-Key` header (the SDK sends one itself; a fixed key in a
 * sample would make every copy of the command replay the first answer) and cookie parameters.
 */
import type { JsonValue } from '../model/schema-types.ts';
import type {
  ApiModel,
  AuthModel,
  EncodingModel,
  OperationModel,
  RequestBodyModel,
} from '../model/types.ts';
import { isJsonMediaType } from '../model/media-types.ts';
import { acceptHeader } from './client/media.ts';
import { sampleRequest } from './sample-request.ts';
import { encodeComponent } from '../../templates/runtime/internal/percent.ts';
import { utf8TextType } from '../../templates/runtime/internal/text-type.ts';
import {
  formBody,
  headerValue,
  parameterPairs,
  partType,
  pathSegment,
  valueText,
} from './sample-wire.ts';
import { pathLiteral } from './path-literal.ts';
import { binarySampleName } from './schema-sample.ts';
import { jsonText } from './code-print.ts';
import { pushAll } from '../json.ts';

export function curlSample(
  operation: OperationModel,
  model: Pick<ApiModel, 'schemas' | 'tokenAuth' | 'credentials' | 'sdk' | 'info'>,
): string {
  const sample = sampleRequest(operation, model);
  const path = operation.path
    .split(/(\{[^{}]+\})/)
    .map((part, index) => {
      if (index % 2 === 0) return pathLiteral(part);
      const name = part.slice(1, -1);
      const value = sample.path.get(name);
      const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
      return value === undefined || parameter === undefined ? part : pathSegment(parameter, value);
    })
    .join('');
  const query = sample.query
    .flatMap(({ parameter, value }) => parameterPairs(parameter, value))
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
  pushAll(lines, authArguments(model, operation, envVar));
  for (const { parameter, value } of sample.headers) {
    const text = headerValue(parameter, value);
    if (text !== undefined) lines.push(`--header ${shellQuote(`${parameter.name}: ${text}`)}`);
  }
  const accept = acceptHeader(operation) ?? operation.successResponse?.contentType;
  if (accept !== undefined) lines.push(`--header ${shellQuote(`Accept: ${accept}`)}`);
  if (sample.body !== undefined && operation.body !== undefined)
    pushAll(lines, bodyArguments(operation.body, sample.body));
  return lines.join(' \\\n  ');
}

/**
 * The credentials, sent as the client sends them: the token (the scheme the model chose,
 * `ApiModel.tokenAuth`), or the first alternative of the operation's `credentialAlternatives`,
 * each from the environment variable the client reads. Every name is single-quoted and only the
 * variable is expanded: a header or cookie name may hold `` ` ``, `$` and `!` (RFC 9110 tokens),
 * which a shell expands inside double quotes. An API key in the query goes in with `--url-query`
 * (curl 7.87+), which percent-encodes the value; its name is percent-encoded.
 */
function authArguments(
  model: Pick<ApiModel, 'tokenAuth' | 'credentials'>,
  operation: OperationModel,
  envVar: (name: string) => string,
): string[] {
  const token = model.tokenAuth;
  if (!operation.secured) return [];
  const alternative = operation.credentialAlternatives?.[0];
  if (alternative === undefined)
    return token === undefined ? [] : sendArguments(token, envVar('TOKEN'));
  return alternative.flatMap((name) => {
    if (name === token?.schemeName) return sendArguments(token, envVar('TOKEN'));
    const scheme = model.credentials.find((credential) => credential.schemeName === name);
    // A credential without a variable of its own (its name is another option's) still shows
    // where it goes.
    return scheme === undefined
      ? []
      : sendArguments(
          scheme,
          scheme.envVar ??
            envVar(`${name.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase()}_CREDENTIAL`),
        );
  });
}

/** curl's arguments that send the credential in `variable` as `scheme` sends it. */
function sendArguments(scheme: AuthModel, variable: string): string[] {
  switch (scheme.kind) {
    case 'bearer':
      return [`--header "Authorization: Bearer $${variable}"`];
    case 'apiKey':
      if (scheme.in === 'header')
        return [`--header ${shellQuote(`${scheme.name}: `)}"$${variable}"`];
      if (scheme.in === 'cookie')
        return [`--cookie ${shellQuote(`${scheme.name}=`)}"$${variable}"`];
      return [`--url-query ${shellQuote(`${encodeComponent(scheme.name)}=`)}"$${variable}"`];
    case 'basic':
      // The credential is `username:password`, which is what `--user` takes.
      return [`--user "$${variable}"`];
  }
}

function bodyArguments(requestBody: RequestBodyModel, body: JsonValue): string[] {
  const { contentType, encoding = {} } = requestBody;
  if (isJsonMediaType(contentType) || /\bjson\b/i.test(contentType)) {
    return [
      `--header ${shellQuote(`Content-Type: ${contentType}`)}`,
      `--data ${shellQuote(prettyJson(body, ''))}`,
    ];
  }
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  if (requestBody.kind === 'multipart')
    return Object.entries(record).flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((item) =>
        formArgument(key, item, encoding[key]),
      ),
    );
  if (requestBody.kind === 'form') {
    return [
      `--header ${shellQuote(`Content-Type: ${contentType}`)}`,
      `--data ${shellQuote(formBody(record, encoding))}`,
    ];
  }
  const file = binarySampleName(body);
  // Text from the shell goes as UTF-8, labelled so, as the client labels a string body.
  const type =
    file === undefined && typeof body === 'string' ? utf8TextType(contentType) : contentType;
  return [
    `--header ${shellQuote(`Content-Type: ${type}`)}`,
    file !== undefined
      ? `--data-binary ${shellQuote(`@${file}`)}`
      : `--data-binary ${shellQuote(typeof body === 'string' ? body : jsonText(body))}`,
  ];
}

/**
 * One multipart part: a file read by curl (`@name`), text as it is (`--form-string`, which
 * reads nothing into it), or, where the client types the part, its value double-quoted (curl
 * unescapes `\"` and `\\`) with `;type=` and the encoding's fixed `;headers=`.
 */
function formArgument(key: string, value: JsonValue, encoding: EncodingModel | undefined): string {
  const file = binarySampleName(value);
  const declared = encoding?.contentType;
  const type =
    file === undefined
      ? partType(value, declared)
      : declared !== undefined && !/[,*]/.test(declared)
        ? declared
        : undefined;
  const headers = Object.entries(encoding?.headers ?? {}).map(
    ([name, text]) => `;headers=${curlWord(`${name}: ${text}`)}`,
  );
  if (file !== undefined)
    return `--form ${shellQuote(`${key}=@${file}${type === undefined ? '' : `;type=${type}`}${headers.join('')}`)}`;
  if (type === undefined && headers.length === 0)
    return `--form-string ${shellQuote(`${key}=${valueText(value)}`)}`;
  const typed = type === undefined ? '' : `;type=${type}`;
  return `--form ${shellQuote(`${key}=${curlWord(valueText(value))}${typed}${headers.join('')}`)}`;
}

/** A word of curl's `--form` syntax: double-quoted, `\` and `"` escaped. */
function curlWord(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
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

/** POSIX single quotes: nothing inside is expanded; a `'` closes, escapes and reopens. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
