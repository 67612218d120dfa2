/**
 * Public: what the client logs, and where. Any object with `error`/`warn`/`info`/`debug` methods
 * taking a string will do (`console` does, and is the default).
 *
 * - `debug`: every attempt (`GET https://…/plans/pln_1 → 200 in 38 ms`);
 * - `info`: every retry and why (`retrying in 412 ms after 503`);
 * - `warn`: a response that fails its guard under `responseValidation: 'warn'`.
 *
 * Log lines never hold headers or bodies, and the token is redacted from them. A logger method that
 * throws changes nothing about the call: its error is dropped.
 */

import { SDKError } from './errors.ts';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** The default level: warnings and errors only. */
export const DEFAULT_LOG_LEVEL: LogLevel = 'warn';

const LEVELS: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/**
 * The numeric rank of a level (0 = off).
 * @throws SDKError for an unknown level, naming the known ones.
 */
export function logLevelRank(level: LogLevel): number {
  const rank = LEVELS[level];
  if (typeof rank !== 'number' || !Object.hasOwn(LEVELS, level)) {
    throw new SDKError(
      `Unknown logLevel ${JSON.stringify(level)}: use one of ${Object.keys(LEVELS).join(', ')}.`,
    );
  }
  return rank;
}
