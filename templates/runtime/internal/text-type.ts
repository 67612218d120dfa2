/**
 * Private helper: the Content-Type of text sent from a string. fetch encodes a string body as
 * UTF-8; a `text/*` type without a `charset` means US-ASCII (RFC 2046 §4.1.2, RFC 6657), so the
 * type says UTF-8 outright: `text/plain` → `text/plain; charset=UTF-8`. A declared charset, and
 * any other type (JSON, XML: UTF-8 by their own rules), stay as they are.
 */
export function utf8TextType(contentType: string): string {
  return /^\s*text\//i.test(contentType) && !/;\s*charset\s*=/i.test(contentType)
    ? `${contentType}; charset=UTF-8`
    : contentType;
}
