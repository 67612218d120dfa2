/**
 * The SIGINT handler's removal of an uncommitted staging folder (generator/write/interrupt.ts)
 * runs while writes already handed to libuv's thread pool are still creating files in it: it must
 * neither throw (the CLI printed Node's ENOTEMPTY stack trace and exited 1 instead of 130) nor
 * claim a removal it did not finish.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  handleSignalsWhileWriting,
  interruptWrite,
  setStaging,
} from '../../generator/write/interrupt.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

describe('interruptWrite', () => {
  it('removes a staging folder that writes in flight are still filling', async () => {
    for (let round = 0; round < 10; round++) {
      const staging = join(await tempDir('interrupt-write-'), '.generating-1-00000000');
      const folders = Array.from({ length: 8 }, (_, i) => join(staging, 'new', `d${i}`));
      await Promise.all(folders.map((folder) => mkdir(folder, { recursive: true })));
      setStaging({ dir: staging, committed: false });
      const writes = folders.flatMap((folder) =>
        Array.from({ length: 150 }, (_, i) =>
          writeFile(join(folder, `f${i}.ts`), 'x'.repeat(4096)).catch(() => undefined),
        ),
      );
      // Let the first writes reach the thread pool, as they have when a signal arrives.
      await new Promise((resolve) => setImmediate(resolve));
      const state = interruptWrite();
      await Promise.all(writes);
      expect(state).toBe('abandoned');
      expect(existsSync(staging)).toBe(false);
      expect(interruptWrite()).toBe('idle');
    }
  });
});

describe('handleSignalsWhileWriting', () => {
  it('puts the CLI’s handler on SIGINT and SIGTERM only while a staging folder exists', () => {
    // Outside a write the signal's default action ends the process at once, even in work that
    // never yields to the event loop; a handler there waited for that work (a hang stayed a hang).
    const before = ['SIGINT', 'SIGTERM'].map((signal) => process.listenerCount(signal));
    const counts = () =>
      ['SIGINT', 'SIGTERM'].map((signal, i) => process.listenerCount(signal) - before[i]!);
    const onSignal = () => undefined;
    handleSignalsWhileWriting(onSignal);
    expect(counts()).toEqual([0, 0]);
    setStaging({ dir: '/nowhere/.generating-1-00000000', committed: false });
    expect(counts()).toEqual([1, 1]);
    expect(process.listeners('SIGINT')).toContain(onSignal);
    setStaging({ dir: '/nowhere/.generating-1-00000000', committed: true });
    expect(counts()).toEqual([1, 1]);
    setStaging(undefined);
    expect(counts()).toEqual([0, 0]);
    setStaging({ dir: '/nowhere/.generating-1-00000000', committed: false });
    handleSignalsWhileWriting(undefined);
    expect(counts()).toEqual([0, 0]);
    setStaging(undefined);
  });
});
