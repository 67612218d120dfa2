/**
 * A raw TCP server on 127.0.0.1 for answers node:http refuses to write: status lines outside
 * RFC 9112, bodies cut short of their framing, codings fetch does not decode. Each chunk a client
 * sends counts as one request and gets `answer(socket)`; the test sets `answer` before each call.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface RawServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Requests (data chunks) received since the last {@link RawServer.reset}. */
  readonly requests: number;
  /** What the server does with each request's socket: write bytes, end, stall. */
  answer: (socket: Socket) => void;
  reset(): void;
  close(): Promise<void>;
}

export async function startRawServer(
  answer: (socket: Socket) => void = (socket) => socket.end(),
): Promise<RawServer> {
  let requests = 0;
  const state = { answer };
  const server: Server = createServer((socket: Socket) => {
    socket.on('data', () => {
      requests++;
      state.answer(socket);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests;
    },
    get answer() {
      return state.answer;
    },
    set answer(next) {
      state.answer = next;
    },
    reset() {
      requests = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}
