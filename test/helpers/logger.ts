/** A client `Logger` for tests: it keeps each line it is given. */
import type { Logger } from '../../templates/runtime/logger.ts';

/** A logger that keeps its lines (`level message`), for the runtime's and the generated client's tests. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return {
    lines,
    error: push('error'),
    warn: push('warn'),
    info: push('info'),
    debug: push('debug'),
  };
}
