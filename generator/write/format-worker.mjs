// Formats text with prettier off the main thread, for generator/write/format-pool.ts.
// Plain JavaScript so that it runs in a worker under any loader (tsx, vitest, plain node).
// Message in: { id, text, attempts: PrettierOptions[] }; out: { id, text } or { id, error }.
// The attempts are tried in order (the first parser that accepts the text wins), as in format.ts.
import { parentPort } from 'node:worker_threads';
import { format } from 'prettier';

parentPort.on('message', async ({ id, text, attempts }) => {
  let lastError;
  for (const options of attempts) {
    try {
      parentPort.postMessage({ id, text: await format(text, options) });
      return;
    } catch (error) {
      lastError = error;
    }
  }
  parentPort.postMessage({
    id,
    error: lastError instanceof Error ? (lastError.stack ?? lastError.message) : String(lastError),
  });
});
