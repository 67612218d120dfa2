/**
 * The fetch a `$ref` to a URL is read with (`--allow-external-refs`; `--spec` takes files only): openapi-core's own reader (which picks the headers redocly.yaml's `resolve.http` sets
 * for the URL) over a fetch with the limits a local file has. Without them, a server that sent its
 * headers and then stalled held the generator forever, and one that streamed without end took
 * all the memory.
 */
import { decodeSpecBytes } from './encoding.ts';
import { MAX_SPEC_FILE_BYTES } from './spec-file.ts';

/** A URL that broke a limit: the problem, and what to do about it. */
export class URLReadError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

const LOCAL_COPY =
  "save the file in the spec's folder and point the $ref at that copy (npm run bundle can make one file of a split spec)";

/** How long a URL may take to arrive, headers and body: 60 s. */
const URL_DEADLINE_MS = 60_000;

/**
 * `fetch` (or the config's `customFetch`) answering with the whole body read within
 * {@link URL_DEADLINE_MS} and {@link MAX_SPEC_FILE_BYTES}, strictly UTF-8 as local files are
 * (encoding.ts); throws a {@link URLReadError} saying which limit the URL broke. A failed status is passed on
 * as it came, for openapi-core to report.
 */
export function limitedFetch(
  base: typeof fetch = fetch,
  limits = { deadlineMs: URL_DEADLINE_MS, maxBytes: MAX_SPEC_FILE_BYTES },
): typeof fetch {
  const { deadlineMs, maxBytes } = limits;
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const signal = AbortSignal.timeout(deadlineMs);
    const late = () =>
      new URLReadError(
        `${url} did not arrive whole within ${deadlineMs / 1000} s`,
        `check that the server answers, or ${LOCAL_COPY}`,
      );
    let response: Response;
    try {
      response = await base(input, { ...init, signal });
    } catch (error) {
      if (signal.aborted) throw late();
      // fetch says only "fetch failed"; its cause says why (ECONNREFUSED, a redirect loop).
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      throw new URLReadError(
        `${url} could not be fetched: ${cause instanceof Error ? cause.message : String(cause)}`,
        `check the URL and that its server answers, or ${LOCAL_COPY}`,
      );
    }
    if (!response.ok || response.body === null) return response;
    const tooLarge = () =>
      new URLReadError(
        `${url} is larger than the ${maxBytes / 2 ** 20} MiB a spec file may have`,
        `check that the URL names the spec file (not a log or a dump), or ${LOCAL_COPY}`,
      );
    if (Number(response.headers.get('content-length')) > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge();
        }
        chunks.push(value);
      }
    } catch (error) {
      throw signal.aborted ? late() : error;
    }
    const text = decodeSpecBytes(Buffer.concat(chunks), url);
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
