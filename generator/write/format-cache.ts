/**
 * A content-addressed cache of prettier's output, like `prettier --cache`: the key is the text
 * before formatting plus prettier's version and options, so a hit returns exactly what prettier
 * would. Regenerating after a spec change re-formats only the files whose printed text changed.
 *
 * Entries live in `node_modules/.cache/<tool>/prettier/` (the usual place for tool caches), are
 * written to a temporary name and renamed, so a crash never leaves a half entry; an unreadable
 * or unwritable cache is skipped, never an error. The output never depends on the cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { formatAttempts } from './format.ts';
import type { Formatter } from './format-pool.ts';

/** prettier's version, from its package.json: the cache key needs it, not prettier itself. */
const prettierVersion = (
  createRequire(import.meta.url)('prettier/package.json') as { version: string }
).version;

export class CachingFormatter implements Formatter {
  /** Hits and misses of this run, for timings and tests. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly inner: Formatter,
    private readonly dir: string,
  ) {}

  async format(path: string, text: string): Promise<string> {
    const attempts = formatAttempts(path);
    if (attempts.length === 0) return text;
    const file = this.entryPath(attempts, text);
    const cached = readEntry(file);
    if (cached !== undefined) {
      this.stats.hits++;
      return cached;
    }
    this.stats.misses++;
    const formatted = await this.inner.format(path, text);
    writeEntry(file, formatted);
    return formatted;
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private entryPath(attempts: ReturnType<typeof formatAttempts>, text: string): string {
    // `filepath` only names the file in prettier's messages; the parser is given explicitly.
    const options = attempts.map(({ filepath: _ignored, ...rest }) => rest);
    const key = createHash('sha256')
      .update(`prettier ${prettierVersion}\0${JSON.stringify(options)}\0`)
      .update(text)
      .digest('hex');
    return join(this.dir, key.slice(0, 2), key);
  }
}

function readEntry(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function writeEntry(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

/**
 * Remembers prettier's output in memory for a long-running process (the dev server): a text
 * formatted in the last run is not formatted again. Entries not used by a run are dropped when the
 * next one starts (`startRun()`), so memory stays at about one package's text.
 */
export class RememberingFormatter implements Formatter {
  private previous = new Map<string, Promise<string>>();
  private current = new Map<string, Promise<string>>();

  constructor(private readonly inner: Formatter) {}

  startRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  format(path: string, text: string): Promise<string> {
    const key = `${JSON.stringify(formatAttempts(path).map(({ filepath: _ignored, ...rest }) => rest))}\0${text}`;
    let result = this.current.get(key) ?? this.previous.get(key);
    if (result === undefined) {
      result = this.inner.format(path, text);
      // A failed format is not remembered: the next run tries again.
      result.catch(() => this.current.delete(key));
    }
    this.current.set(key, result);
    return result;
  }

  /** Keeps the inner formatter (the shared pool) running. */
  async close(): Promise<void> {}
}
