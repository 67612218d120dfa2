/**
 * Worker thread entry: emits src/openapi.ts (openapi-types.ts `emitOpenapiTypesFrom`) from the
 * input the main thread sends, so that openapi-typescript's transform and print (seconds on a
 * large spec: GitHub's description) run beside the main thread's emitters instead of between
 * them. Started by openapi-types-thread.ts from the compiled generator only
 * (scripts/generator-build.mjs builds this entry); it loads openapi-typescript and TypeScript as
 * soon as it starts, while the main thread builds the model.
 *
 * Message in: `{ input: OpenapiTypesInput }`, once; out: `{ file }` (an EmittedTextFile), or `{ error }` with the
 * error's message (the main thread then emits the file itself, and reports the error as it would).
 */
import { parentPort } from 'node:worker_threads';
import { emitOpenapiTypesFrom, type OpenapiTypesInput } from './openapi-types.ts';

parentPort?.once('message', (message: { input: OpenapiTypesInput }) => {
  try {
    parentPort?.postMessage({ file: emitOpenapiTypesFrom(message.input) });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
