/**
 * Public: server-sent events. A method whose operation answers `text/event-stream` resolves, once
 * the response headers arrive, to an `EventStream`: an async iterable of the events, parsed as
 * they arrive (nothing waits for the end of the stream).
 *
 * ```ts
 * const stream = await client.jobs.events('job_1');
 * for await (const event of stream) {
 *   if (event.event === 'done') break;          // leaving the loop closes the connection
 *   console.log(JSON.parse(event.data));
 * }
 * ```
 *
 * Parsing follows the WHATWG rules for `text/event-stream`
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * UTF-8, a leading BOM dropped; lines end in CRLF, LF or CR; `data` lines are joined with `\n`;
 * `event` names the type (`message` when absent); `id` sets the last event id (ignored when it
 * holds NUL), which later events keep; `retry` (digits only) sets the reconnection time; lines
 * starting with `:` are comments; unknown fields are ignored; a blank line dispatches the event,
 * unless it has no data; an event the stream ends in the middle of is dropped.
 *
 * The client does not reconnect: `id` and `retry` are given to the caller, who decides. The call's
 * `timeout` covers the wait for the response headers, and then each wait for more of the stream,
 * not the stream as a whole: a server that sends nothing (no event, no `:` comment) for `timeout`
 * milliseconds ends the loop with `APIConnectionTimeoutError` and the connection is closed (a
 * server keeps a quiet stream open with comments; raise `timeout` for one that may be silent
 * longer). An answer that is not `text/event-stream` (a JSON error with status 200) is never
 * parsed as events: the call fails with `InvalidResponseError`, quoting it. The call's `signal` cancels
 * the stream at any time (the loop then throws `APIUserAbortError`), and so does leaving the loop
 * or `cancel()`. One event may hold at most `maxResponseSize` characters, each of its data lines
 * counting 32 more for what holding it costs (past it the loop throws `InvalidResponseError`). A connection that fails in the middle of the stream ends the loop with
 * `APIConnectionError` (an `InvalidResponseError` when the body does not decode under its
 * `Content-Encoding`), after the events that came before. A stream can be iterated once.
 */
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  SDKError,
  truncate,
  type InvalidResponseError,
} from './errors.ts';
import { MAX_TIMER_MS } from './internal/retry.ts';
import { checkDecoded, contentType, discard, readText, type ReadContext } from './internal/read.ts';

/** One read of a byte stream (the DOM's `ReadableStreamReadResult<Uint8Array>`, which Node's types lack). */
type ReadResult = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;

/** One event, as the WHATWG rules define it. */
export interface ServerSentEvent {
  /** The event type: the `event` field, `message` when the event has none. */
  event: string;
  /** The `data` lines, joined with `\n`. */
  data: string;
  /** The last event id: the latest `id` field of the stream so far (`''` when there was none). */
  id: string;
  /** The reconnection time in milliseconds: the latest valid `retry` field so far, if any. */
  retry: number | undefined;
}

/** The events of one `text/event-stream` response. */
export class EventStream implements AsyncIterable<ServerSentEvent> {
  readonly #response: Response;
  readonly #ctx: ReadContext;
  #used = false;
  /** The body's reader while an iteration holds it. */
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

  constructor(response: Response, ctx: ReadContext) {
    this.#response = response;
    this.#ctx = ctx;
  }

  /** The next chunk, or {@link SILENT} when none comes within the call's timeout. */
  async #read(
    reader: ReadableStreamDefaultReader<Uint8Array>,
  ): Promise<ReadResult | typeof SILENT> {
    const { timeout } = this.#ctx;
    if (timeout > MAX_TIMER_MS) return reader.read();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        reader.read(),
        new Promise<typeof SILENT>((resolve) => {
          timer = setTimeout(() => resolve(SILENT), timeout);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the connection; an iteration in progress ends. */
  cancel(): Promise<void> {
    this.#used = true;
    // The loop holds the body's reader (the body itself is locked then): cancel through it, so
    // its pending read ends as done. Not waited for: a body's cancel() may never settle (a mock's).
    if (this.#reader === undefined) discard(this.#response);
    else void this.#reader.cancel().catch(() => undefined);
    return Promise.resolve();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ServerSentEvent, void, undefined> {
    if (this.#used) throw new SDKError('This event stream was iterated or cancelled already.');
    this.#used = true;
    const reader = this.#response.body?.getReader();
    if (reader === undefined) return;
    this.#reader = reader;
    const { signal, limit } = this.#ctx;
    const onAbort = (): void => void reader.cancel().catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    const parser = new EventParser(limit);
    const decoder = new TextDecoder();
    let first = true;
    try {
      for (;;) {
        if (signal?.aborted) throw new APIUserAbortError(signal.reason);
        let chunk: ReadResult | typeof SILENT;
        try {
          chunk = await this.#read(reader);
        } catch (error) {
          if (signal?.aborted) throw new APIUserAbortError(signal.reason);
          throw this.#ctx.failure(error);
        }
        if (chunk === SILENT) {
          const { timeout, where } = this.#ctx;
          throw new APIConnectionTimeoutError(
            timeout,
            `The event stream${where === undefined ? '' : ` of ${where}`} sent nothing for ${timeout} ms (the timeout option), so it was closed. ` +
              'A server keeps a quiet stream open with comments (": keep-alive"); raise timeout (client or call option) if it may be silent longer.',
          );
        }
        if (signal?.aborted) throw new APIUserAbortError(signal.reason);
        if (chunk.done) break;
        if (first) checkDecoded(this.#response, chunk.value, this.#ctx, () => reader.cancel());
        first = false;
        // `push` stops at an event past the limit, with the events before it.
        yield* parser.push(decoder.decode(chunk.value, { stream: true }));
        if (parser.pending > limit) throw eventTooLarge(this.#response, this.#ctx);
      }
      yield* parser.push(decoder.decode());
      yield* parser.end();
    } finally {
      signal?.removeEventListener('abort', onAbort);
      // Not waited for: a body's cancel() may never settle (a mock's), and leaving the loop must not hang.
      void reader.cancel().catch(() => undefined);
    }
  }
}

/**
 * The line-by-line state machine of the WHATWG rules: `push` decoded text as it arrives, `end()`
 * when the stream ends; each gives the events it completes. (The leading BOM is the decoder's: a
 * `TextDecoder` drops it.) Linear in the text: each chunk is scanned once, and a line that spans
 * many chunks is joined once, when it ends, so a huge line or event costs no more than its size.
 */
export class EventParser {
  /**
   * Characters one event may hold (its data, type, id and the line not yet ended): `push` stops
   * at the line that takes the event past it, whether it came in pieces or in one chunk, and
   * `pending` then stays above it.
   */
  readonly #limit: number;
  /** The pieces of the line not yet ended. */
  #line: string[] = [];
  #lineSize = 0;
  /** The last chunk ended in CR: a LF that starts the next one is the rest of that CRLF. */
  #afterCR = false;
  #data: string[] = [];
  #dataSize = 0;
  #type = '';
  #id = '';
  #retry: number | undefined;

  constructor(limit = Infinity) {
    this.#limit = limit;
  }

  /** Characters held for an event not yet complete: its data, type and id, and the line not yet ended. */
  get pending(): number {
    return this.#lineSize + this.#dataSize + this.#type.length + this.#id.length;
  }

  push(text: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    if (this.pending > this.#limit) return events;
    let start = this.#afterCR && text.startsWith('\n') ? 1 : 0;
    if (text !== '') this.#afterCR = false;
    for (let i = start; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char !== LF && char !== CR) continue;
      let line = text.slice(start, i);
      if (this.#line.length > 0) {
        this.#line.push(line);
        line = this.#line.join('');
        this.#line = [];
        this.#lineSize = 0;
      }
      const event = this.#field(line);
      if (event !== undefined) events.push(event);
      else if (this.pending > this.#limit) return events;
      if (char === CR) {
        if (i + 1 === text.length) this.#afterCR = true;
        else if (text.charCodeAt(i + 1) === LF) i++;
      }
      start = i + 1;
    }
    if (start < text.length) {
      this.#line.push(text.slice(start));
      this.#lineSize += text.length - start;
    }
    return events;
  }

  /** The stream ended: an event without its blank line, and a line without its end, are dropped. */
  end(): ServerSentEvent[] {
    this.#line = [];
    this.#lineSize = 0;
    this.#afterCR = false;
    this.#data = [];
    this.#dataSize = 0;
    return [];
  }

  #field(line: string): ServerSentEvent | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      this.#data.push(value);
      // Each line costs memory of its own besides its characters: 60 million empty `data:` lines
      // (a 0.5 MB gzip body) would count 60 million characters and take about 1 GB.
      this.#dataSize += value.length + 1 + DATA_LINE_COST;
    } else if (field === 'event') this.#type = value;
    else if (field === 'id') {
      if (!value.includes('\0')) this.#id = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) {
      // Digits beyond a safe integer (400 nines is Infinity) are no time to wait: ignored.
      const retry = Number(value);
      if (Number.isSafeInteger(retry)) this.#retry = retry;
    }
    return undefined;
  }

  #dispatch(): ServerSentEvent | undefined {
    const data = this.#data;
    const type = this.#type;
    this.#data = [];
    this.#dataSize = 0;
    this.#type = '';
    if (data.length === 0) return undefined;
    return { event: type || 'message', data: data.join('\n'), id: this.#id, retry: this.#retry };
  }
}

const LF = 10;
const CR = 13;

/**
 * What a `data` line counts against the limit besides its characters: about what holding it as a
 * string of its own costs in bytes.
 */
const DATA_LINE_COST = 32;

/** One event (or a line) past `maxResponseSize`: the events before it were delivered. */
function eventTooLarge(response: Response, ctx: ReadContext): InvalidResponseError {
  return ctx.fail(
    `An event of the ${response.status} event stream${ctx.where === undefined ? '' : ` of ${ctx.where}`} is larger than maxResponseSize (${ctx.limit} characters, each data line counting ${DATA_LINE_COST} more); the stream was not read further. ` +
      'Raise maxResponseSize (client or call option) if the API really sends events this large.',
  );
}

/** What a read of an event stream that stayed silent past the timeout gives. */
const SILENT = Symbol('silent');

/**
 * The reader for `text/event-stream`: the stream, returned as soon as the headers are in.
 * @throws InvalidResponseError when the answer is another media type (a JSON error sent with 200),
 * quoting its start: it is not parsed as events.
 */
export async function readEventStream(response: Response, ctx: ReadContext): Promise<EventStream> {
  await expectEventStream(response, ctx);
  return new EventStream(response, ctx);
}

/**
 * Resolves when `response` is `text/event-stream`, leaving its body unread.
 * @throws InvalidResponseError when it is another media type (a JSON error sent with 200), having
 * read it to quote its start.
 */
export async function expectEventStream(response: Response, ctx: ReadContext): Promise<void> {
  const type = contentType(response);
  if (type?.split(';')[0]?.trim().toLowerCase() === 'text/event-stream') return;
  const text = await readText(response, ctx);
  throw ctx.fail(
    `The server answered ${response.status}${ctx.where === undefined ? '' : ` to ${ctx.where}`} with ${truncate(type ?? 'a body without content type')} where the operation declares text/event-stream; ` +
      `it was not read as events: ${truncate(text.trim())}`,
    text,
  );
}
