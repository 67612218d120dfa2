/**
 * What `redocly build-docs` leaves to fix in its page, so that the site works as plain static
 * files and the page asks no other host for anything:
 *
 * - **Links.** build-docs renders the page on the server with path links (`href="/plans"`), then
 *   the page hydrates under Redoc's hash router, which navigates by `#/plans`. React does not patch
 *   attributes while hydrating, so the server's path links stay: a click works (the router takes
 *   it), but opening a link in a new tab asks the static server for `/plans`, which has no such
 *   file (404). The server-rendered links are rewritten to the hash links the router itself renders
 *   (`href="#/plans"`), so hydration finds what it expects and every link works anywhere.
 * - **The attribution logo.** Redoc loads the "API docs by Redocly" logo from Redocly's CDN once
 *   the page runs. The logo's URL is replaced by an inline image (a data: URL) of the wordmark, so
 *   the attribution stays and no request leaves the page's host.
 *
 * The page template (scripts/docs-template.html) adds a Content-Security-Policy that lets the page
 * load nothing from another host, so anything Redoc adds later fails loudly in the docs test
 * instead of leaking requests. The page of `npm run dev` (dev-server.ts) carries the same policy
 * ({@link DOCS_CONTENT_SECURITY_POLICY}), serves Redoc with the logo inlined, and renders the
 * document `docsDocument` (code-samples.ts) makes, as the built docs do.
 */
/**
 * The docs page's Content-Security-Policy: nothing from another host. scripts/docs-template.html
 * holds the same text (test/docs/page.test.ts keeps them equal).
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'";

/** Where the server-rendered markup of Redoc starts, and the module script that follows it. */
const REDOC_ROOT = '<div id="redoc">';
const BUNDLE_SCRIPT = '<script type="module">';

/** Redoc's attribution logos on Redocly's CDN. */
const CDN_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;

/** The wordmark that replaces them: text in Redocly's blue, sized like the original. */
const LOCAL_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="16" viewBox="0 0 60 16">' +
    '<text x="0" y="12.5" font-family="Helvetica,Arial,sans-serif" font-size="13" font-weight="600" fill="#0044D4">Redocly</text>' +
    '</svg>',
)}`;

/** A page that does not look like the one this module knows how to fix. */
export class DocsPageError extends Error {
  override name = 'DocsPageError';
}

/** The page with hash links in its server-rendered markup and the logo inlined. */
export function finishPage(html: string): string {
  return inlineAttributionLogo(hashLinks(html));
}

/** Rewrites `href="/…"` in the server-rendered markup to `href="#/…"` (see the module comment). */
export function hashLinks(html: string): string {
  const start = html.indexOf(REDOC_ROOT);
  const end = start < 0 ? -1 : html.indexOf(BUNDLE_SCRIPT, start);
  if (start < 0 || end < 0) {
    throw new DocsPageError(
      `the page of redocly build-docs has no ${start < 0 ? REDOC_ROOT : `${BUNDLE_SCRIPT} after ${REDOC_ROOT}`}, ` +
        'so its links cannot be made to work on a static server.\n' +
        'Fix: the Redocly CLI changed its page; update scripts/lib/docs-page.ts to the new layout.',
    );
  }
  // A root-relative link (not `//host`) in Redoc's markup is one of its routes.
  const markup = html.slice(start, end).replace(/\bhref="\/(?!\/)/g, 'href="#/');
  return html.slice(0, start) + markup + html.slice(end);
}

/**
 * `text` (the page, or Redoc's standalone script the dev server serves) with Redoc's attribution
 * logo as an inline image instead of a request to Redocly's CDN.
 */
export function inlineAttributionLogo(text: string): string {
  return text.replace(CDN_LOGO, LOCAL_LOGO);
}
