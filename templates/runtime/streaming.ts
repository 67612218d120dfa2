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
 * `timeout` covers the wait for the response headers, not the stream; the call's `signal` cancels
 * the stream at any time (the loop then throws `APIUserAbortError`), and so does leaving the loop
 * or `cancel()`. One event may hold at most `maxResponseSize` bytes. A stream can be iterated once.
 */
import { APIUserAbortError, SDKError } from './errors.ts';
import { tooLarge, type ReadContext } from './internal/read.ts';

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

  constructor(response: Response, ctx: ReadContext) {
    this.#response = response;
    this.#ctx = ctx;
  }

  /** Closes the connection; an iteration in progress ends. */
  async cancel(): Promise<void> {
    this.#used = true;
    await this.#response.body?.cancel().catch(() => undefined);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ServerSentEvent, void, undefined> {
    if (this.#used) throw new SDKError('This event stream was iterated or cancelled already.');
    this.#used = true;
    const reader = this.#response.body?.getReader();
    if (reader === undefined) return;
    const { signal, limit } = this.#ctx;
    const onAbort = (): void => void reader.cancel().catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    const parser = new EventParser();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        if (signal?.aborted) throw new APIUserAbortError();
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          if (signal?.aborted) throw new APIUserAbortError();
          throw error;
        }
        if (signal?.aborted) throw new APIUserAbortError();
        if (chunk.done) break;
        yield* parser.push(decoder.decode(chunk.value, { stream: true }));
        if (parser.pending > limit) throw tooLarge(this.#response, this.#ctx);
      }
      yield* parser.push(decoder.decode());
      yield* parser.end();
    } finally {
      signal?.removeEventListener('abort', onAbort);
      await reader.cancel().catch(() => undefined);
    }
  }
}

/**
 * The line-by-line state machine of the WHATWG rules: `push` decoded text as it arrives, `end()`
 * when the stream ends; each gives the events it completes. (The leading BOM is the decoder's: a
 * `TextDecoder` drops it.)
 */
export class EventParser {
  #buffer = '';
  #data: string[] = [];
  #type = '';
  #id = '';
  #retry: number | undefined;

  /** Characters held for an event not yet complete. */
  get pending(): number {
    return this.#buffer.length + this.#data.reduce((size, line) => size + line.length, 0);
  }

  push(text: string): ServerSentEvent[] {
    return this.#lines(this.#buffer + text, false);
  }

  /** The stream ended: a last CR still ends its line; an event without its blank line is dropped. */
  end(): ServerSentEvent[] {
    const events = this.#lines(this.#buffer, true);
    this.#buffer = '';
    this.#data = [];
    return events;
  }

  #lines(buffer: string, final: boolean): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const char = buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      // A CR at the end may be the first half of a CRLF split across chunks: wait for the next.
      if (char === '\r' && i === buffer.length - 1 && !final) break;
      const event = this.#line(buffer.slice(start, i));
      if (char === '\r' && buffer[i + 1] === '\n') i++;
      start = i + 1;
      if (event !== undefined) events.push(event);
    }
    this.#buffer = buffer.slice(start);
    return events;
  }

  #line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#type = value;
    else if (field === 'id') {
      if (!value.includes('\0')) this.#id = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) this.#retry = Number(value);
    return undefined;
  }

  #dispatch(): ServerSentEvent | undefined {
    const data = this.#data;
    const type = this.#type;
    this.#data = [];
    this.#type = '';
    if (data.length === 0) return undefined;
    return { event: type || 'message', data: data.join('\n'), id: this.#id, retry: this.#retry };
  }
}

/** The reader for `text/event-stream`: the stream, returned as soon as the headers are in. */
export async function readEventStream(response: Response, ctx: ReadContext): Promise<EventStream> {
  return new EventStream(response, ctx);
}
