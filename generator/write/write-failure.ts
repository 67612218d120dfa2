/**
 * A file-system error while writing the output folder (it cannot be created, is read-only, the
 * disk is full), as a GeneratorError that names the folder, says what the system said in words,
 * and how to fix it: it is a problem of the machine, not a bug of the generator.
 */
import { displayPath, type GeneratorContext } from '../context.ts';
import { GeneratorError } from '../errors.ts';

const CAUSES: Record<string, { cause: string; fix: string }> = {
  EACCES: {
    cause: 'permission denied',
    fix: 'make the folder (and its parent) writable for this user, or pass another --out',
  },
  EPERM: {
    cause: 'the operation is not permitted (an immutable or protected file?)',
    fix: 'make the folder and its files writable for this user, or pass another --out',
  },
  EROFS: {
    cause: 'the file system is read-only',
    fix: 'pass an --out on a writable file system',
  },
  ENOSPC: { cause: 'no space left on the device', fix: 'free some space, then generate again' },
  EDQUOT: { cause: 'the disk quota is used up', fix: 'free some space, then generate again' },
  ENOTDIR: {
    cause: 'a part of its path is a file, not a folder',
    fix: 'pass an --out whose parent folders are folders',
  },
  EEXIST: {
    cause: 'a part of its path is a file, not a folder',
    fix: 'pass an --out whose parent folders are folders',
  },
  ENOENT: {
    cause: 'its folder cannot be created there',
    fix: 'pass an --out in a folder that exists and can hold files',
  },
  EMFILE: {
    cause: 'too many files are open',
    fix: 'close other programs or raise the limit (ulimit -n), then generate again',
  },
  ENFILE: {
    cause: 'too many files are open on the system',
    fix: 'close other programs, then generate again',
  },
  EBUSY: {
    cause: 'a file or folder is in use',
    fix: 'close what holds it (an editor, a watcher, a running build), then generate again',
  },
};

/** `error` as the GeneratorError of an unwritable output folder; undefined for any other error. */
export function writeFailure(
  error: unknown,
  ctx: Pick<GeneratorContext, 'cwd' | 'outDir'>,
): GeneratorError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof Error) || typeof code !== 'string') return undefined;
  const known = CAUSES[code];
  if (known === undefined) return undefined;
  const syscall = (error as { syscall?: unknown }).syscall;
  const path = (error as { path?: unknown }).path;
  const where =
    typeof syscall === 'string' && typeof path === 'string'
      ? `; ${syscall} ${displayPath(ctx.cwd, path)}`
      : '';
  return new GeneratorError(
    `cannot write the package: ${known.cause} (${code}${where})`,
    { file: displayPath(ctx.cwd, ctx.outDir) },
    known.fix,
  );
}
