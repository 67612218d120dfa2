/**
 * A spec file's bytes as text: UTF-8 only (a UTF-8 byte order mark is kept, as `readFile(…,
 * 'utf-8')` keeps it, and the parsers skip it). A UTF-16 or UTF-32 file (its byte order mark) and
 * bytes that are not UTF-8 are refused at the first bad byte: decoded loosely, UTF-16 read as a
 * string document, and a Latin-1 `é` became U+FFFD in the generated code.
 */
import { SourceError } from './parse.ts';

const FIX = 'save the file as UTF-8 (in most editors: "Save with Encoding" → UTF-8)';

const WIDE_MARKS: [number[], string][] = [
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 (big-endian)'],
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 (little-endian)'],
  [[0xfe, 0xff], 'UTF-16 (big-endian)'],
  [[0xff, 0xfe], 'UTF-16 (little-endian)'],
];

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of `bytes`, read from `absoluteFile`, or a SourceError at the first byte that is not UTF-8. */
export function decodeSpecBytes(bytes: Uint8Array, absoluteFile: string): string {
  for (const [mark, encoding] of WIDE_MARKS) {
    if (mark.every((byte, index) => bytes[index] === byte)) {
      throw new SourceError(
        `the file is ${encoding} (it starts with that byte order mark); the generator reads UTF-8 only`,
        absoluteFile,
        { line: 1, column: 1 },
        FIX,
      );
    }
  }
  try {
    return strict.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = bytes.subarray(0, offset);
    const line = before.filter((byte) => byte === 0x0a).length + 1;
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
    const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
    throw new SourceError(
      `the file is not UTF-8: byte 0x${byte} at byte offset ${offset} is not valid UTF-8 (Latin-1 or Windows-1252 text?)`,
      absoluteFile,
      { line, column },
      FIX,
    );
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    if (!strictOk(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length - 1;
}

function strictOk(sequence: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sequence);
    return true;
  } catch {
    return false;
  }
}
