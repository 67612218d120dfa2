/**
 * The literal parts of a path template (`/files/` and `/raw` in `/files/{id}/raw`) as they are
 * sent. A path key is written as text, and a few characters in it would not reach the server as
 * written: `#` starts the URL's fragment (so `/h#x` requests `/h`), URL parsers turn `\` into `/`,
 * and a `%` that starts no percent-encoded octet is malformed. Those are percent-encoded (RFC 3986
 * §3.3); everything else is sent as written (a `?` stays: some specs write a query into the key).
 * Shared by the client's methods (client/resource-file.ts) and the curl samples.
 */
export function pathLiteral(text: string): string {
  return text
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(/#/g, '%23')
    .replace(/\\/g, '%5C');
}
