/**
 * Private helper: percent-encoding of parameter names and values (RFC 3986 §2), as RFC 6570
 * expansion does it, for OpenAPI's styles (OpenAPI 3.1.1 Appendix C and E).
 */

/**
 * Everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) percent-encoded, as
 * UTF-8: `love!` → `love%21`, `é` → `%C3%A9`. (`encodeURIComponent` leaves `!'()*` as they are.)
 * @throws URIError for a lone surrogate, which has no UTF-8.
 */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** RFC 3986's reserved characters a query may hold (all but `[`, `]`, `#`), as encoded above. */
const QUERY_RESERVED = /%(3A|2F|3F|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/g;
const TRIPLE = /(%[0-9A-Fa-f]{2})/;

/**
 * RFC 6570 reserved expansion, for `allowReserved: true` (OpenAPI 3.1.1 §4.8.12.2.2): the reserved
 * characters a query may hold (`:/?@!$&'()*+,;=`) and percent-encoded triples (`%2B`) pass as they
 * are; `[`, `]` and `#` (not allowed in a query, RFC 3986 §3.4), a `%` that starts no triple and
 * everything else are encoded as {@link encodeComponent} does.
 */
export function encodeReserved(text: string): string {
  return text
    .split(TRIPLE)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : encodeComponent(part).replace(QUERY_RESERVED, (_match, hex: string) =>
            String.fromCharCode(parseInt(hex, 16)),
          ),
    )
    .join('');
}
