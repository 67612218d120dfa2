/**
 * Private helper: the client's options checked against their types when the client is made. From
 * TypeScript a wrong type does not compile; from JavaScript, a config file or an environment it
 * does, and used as it is it failed later, deep inside a call, as a `TypeError` that names no
 * option (`text.replace is not a function` for a numeric token) or, for a `fetch` that is not a
 * function, as a connection error retried three times. Here it fails at once, naming the option.
 */
import { SDKError, truncate } from '../errors.ts';

/** What each option must be, as `typeof` says it (`record`: a non-null object that is not an array). */
const KINDS: Readonly<Record<string, 'string' | 'function' | 'boolean' | 'record' | 'headers'>> = {
  baseURL: 'string',
  token: 'string',
  fetch: 'function',
  defaultHeaders: 'headers',
  backoff: 'record',
  autoIdempotencyKeys: 'boolean',
  responseGuards: 'record',
  logger: 'record',
  logLevel: 'string',
  sdk: 'string',
};

/** What the kinds mean, for the message. */
const WORDS: Readonly<Record<(typeof KINDS)[string], string>> = {
  string: 'a string',
  function: 'a function: (input, init) => Promise<Response>',
  boolean: 'true or false',
  record: 'an object',
  headers: 'an object of header names to values, a Headers, or a list of [name, value] pairs',
};

/**
 * @throws SDKError naming the first option whose value (other than `undefined`) is not of its
 * type, and what it must be; also when `options` itself is not an object. `clientParams` are the
 * generated client's own options (`project`), strings each.
 */
export function checkOptionTypes(options: unknown, clientParams: readonly string[] = []): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new SDKError(`The client's options must be an object, got ${shown(options)}.`);
  const kinds: [string, (typeof KINDS)[string]][] = [
    ...Object.entries(KINDS),
    ...clientParams.map((name): [string, 'string'] => [name, 'string']),
  ];
  for (const [name, kind] of kinds) {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined || fits(value, kind)) continue;
    throw new SDKError(`The option ${name} must be ${WORDS[kind]}, got ${shown(value)}.`);
  }
  const record = options as Record<string, unknown>;
  for (const [name, methods] of Object.entries(METHODS)) {
    const value = record[name];
    if (value === undefined) continue;
    const missing = methods.filter(
      (method) => typeof (value as Record<string, unknown>)[method] !== 'function',
    );
    if (missing.length > 0)
      throw new SDKError(
        `The option ${name} must have the methods ${methods.join(', ')}; it has no ${missing.join(', ')}.`,
      );
  }
}

/** The options that are objects the client calls, and the methods it calls on them. */
const METHODS: Readonly<Record<string, readonly string[]>> = {
  logger: ['error', 'warn', 'info', 'debug'],
  responseGuards: ['check'],
};

/**
 * A call's `signal`, read by its shape (a polyfill's is no instance of the global `AbortSignal`).
 * @throws SDKError when it is neither undefined nor an AbortSignal: used as it is, it failed as a
 *   `TypeError` (`signal.addEventListener is not a function`) that names no option.
 */
export function checkSignal(signal: unknown): AbortSignal | undefined {
  if (signal === undefined) return undefined;
  if (
    typeof signal === 'object' &&
    signal !== null &&
    'aborted' in signal &&
    typeof signal.aborted === 'boolean' &&
    'addEventListener' in signal &&
    typeof signal.addEventListener === 'function' &&
    'removeEventListener' in signal &&
    typeof signal.removeEventListener === 'function'
  )
    return signal as AbortSignal;
  throw new SDKError(
    `signal must be an AbortSignal (an AbortController's \`signal\`, or AbortSignal.timeout(ms)), got ${shown(signal)}; nothing was sent.`,
  );
}

/**
 * @throws SDKError when `value`, a parameter the client fills itself (`project`), is given but is
 * not a string.
 */
export function checkClientParam(name: string, value: unknown, howToSet: string): void {
  if (value === undefined || typeof value === 'string') return;
  throw new SDKError(`"${name}" must be a string, got ${shown(value)}: ${howToSet}.`);
}

function fits(value: unknown, kind: string): boolean {
  if (kind === 'record')
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (kind === 'headers') return typeof value === 'object' && value !== null;
  return typeof value === kind;
}

/** The value's kind and, for a primitive, its text: `the string "5"`, `the number 5`, `an array`. */
export function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(truncate(value))}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `the ${typeof value} ${String(value)}`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    case 'undefined':
      return 'undefined';
    default:
      return 'an object';
  }
}
