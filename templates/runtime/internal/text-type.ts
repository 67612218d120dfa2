/**
 * Private helper: the Content-Type of text sent from a string. fetch encodes a string body as
 * UTF-8; a `text/*` type without a `charset` means US-ASCII (RFC 2046 §4.1.2, RFC 6657), so the
 * type says UTF-8 outright: `text/plain` → `text/plain; charset=UTF-8`. A declared charset, and
 * any other type (JSON, XML: UTF-8 by their own rules), stay as they are.
 */
import { SDKError } from '../errors.ts';

export function utf8TextType(contentType: string): string {
  return /^\s*text\//i.test(contentType) && !/;\s*charset\s*=/i.test(contentType)
    ? `${contentType}; charset=UTF-8`
    : contentType;
}

/** Charsets a string is written in here besides UTF-8, by name (lower case): the highest code each has. */
const SINGLE_BYTE: Readonly<Record<string, number>> = {
  'iso-8859-1': 0xff,
  'iso_8859-1': 0xff,
  latin1: 0xff,
  l1: 0xff,
  'us-ascii': 0x7f,
  ascii: 0x7f,
};

/**
 * A string body in the charset its Content-Type declares (RFC 9110 §8.3.2: the bytes must be what
 * the label says): UTF-8, as fetch writes a string, when it declares none or UTF-8
 * ({@link utf8TextType}); ISO-8859-1 or US-ASCII as their bytes.
 * @throws SDKError for a character the declared charset has no byte for, or another charset
 *   (windows-1252, Shift_JIS, …: no encoder here): pass the bytes instead.
 */
export function textBody(
  text: string,
  contentType: string,
): { body: string | ArrayBuffer; contentType: string } {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  const name = charset?.toLowerCase();
  if (name === undefined || name === 'utf-8' || name === 'utf8')
    return { body: text, contentType: utf8TextType(contentType) };
  const highest = SINGLE_BYTE[name];
  const bytesFix = `pass the body as bytes in ${charset!} (a Blob or a Uint8Array), or declare charset=UTF-8 if the API takes it`;
  if (highest === undefined)
    throw new SDKError(
      `A string body is sent as UTF-8, but the operation declares ${contentType}: ${bytesFix}.`,
    );
  const buffer = new ArrayBuffer(text.length);
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > highest)
      throw new SDKError(
        `The body holds ${JSON.stringify(text[i])} (U+${code.toString(16).toUpperCase().padStart(4, '0')}), which ${charset!} has no byte for: ${bytesFix}.`,
      );
    bytes[i] = code;
  }
  return { body: buffer, contentType };
}
