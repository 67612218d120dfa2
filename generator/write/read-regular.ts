/**
 * Reads a file of the output folder (or one a generation record names) only when it is a regular
 * file: a FIFO, a socket or a device there (`mkfifo generated/src/dates.ts`) would block the read
 * forever, so that no run, `--check` or the dev server's, and no signal, ever ended. The file is
 * opened without blocking and checked before anything is read from it, so nothing can swap it in
 * between.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** The UTF-8 text of `path`, or undefined when it is missing, unreadable or not a regular file. */
export async function readRegularFile(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    return await handle.readFile('utf8');
  } catch {
    return undefined;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
