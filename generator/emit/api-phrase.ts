/**
 * The API named in running text, from its `info.title`: "TypeScript client for <phrase>". A title
 * that ends in "API" or "APIs" names a thing and takes "the" ("the Gigs Core API", "the Figma
 * API"); any other is a name on its own ("Lob", "Resend", "Swagger Petstore", "T"), and one that
 * starts with "the" has its article already.
 */
export function apiPhrase(title: string): string {
  const name = title.trim().replace(/\s+/g, ' ');
  return /\bAPIs?$/i.test(name) && !/^the\s/i.test(name) ? `the ${name}` : name;
}
