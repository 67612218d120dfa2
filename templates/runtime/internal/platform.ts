/**
 * Private helper: which JavaScript runtime the client runs on. Two things depend on it:
 *
 * - **The `User-Agent` header** names the SDK and the runtime (`acme-sdk/1.2.0 node/20.19.0
 *   (linux; x64)`) on server runtimes only. In a browser the client adds no header at all: the
 *   browser sends its own `User-Agent`, and every header outside the CORS-safelisted ones
 *   (`Accept`, `Content-Type` with a form or text value, …) makes the browser send a preflight
 *   that the API must answer for that header, so an identifying header would break CORS for APIs
 *   that do not list it.
 * - **Redirects** are followed by the client itself (`redirect: 'manual'`, internal/redirect.ts)
 *   wherever fetch shows them ({@link showsRedirects}). Browsers hide redirects from `manual` (an
 *   opaque response without its `Location`), so there fetch follows them under the Fetch
 *   standard's own rules.
 */

type Globals = {
  process?: { versions?: { node?: string }; platform?: string; arch?: string } | undefined;
  navigator?: { userAgent?: string } | undefined;
  document?: unknown;
};

/**
 * The runtime as a `User-Agent` product and comment (RFC 9110 §10.1.5): `node/20.19.0 (linux; x64)`,
 * `Deno/2.1.4 (linux; x64)`, `Bun/1.1.38 (darwin; arm64)`, `Cloudflare-Workers`; `undefined` in a
 * browser (a page or a worker: its user agent starts with `Mozilla/`) or where there is nothing to
 * tell. Deno, Bun and Workers name themselves in `navigator.userAgent`; Node from 21 does too,
 * but with its major version only, so Node is read from `process.versions`.
 */
export function serverRuntime(): string | undefined {
  const { process, navigator, document } = globalThis as Globals;
  const agent = navigator?.userAgent;
  const node = process?.versions?.node;
  const runtime =
    agent !== undefined && !agent.startsWith('Node.js/')
      ? agent
      : node === undefined
        ? undefined
        : `node/${node}`;
  if (runtime === undefined || runtime.startsWith('Mozilla/') || document !== undefined)
    return undefined;
  return process?.platform === undefined
    ? runtime
    : `${runtime} (${process.platform ?? 'unknown'}; ${process.arch ?? 'unknown'})`;
}

/**
 * Whether fetch here answers `redirect: 'manual'` with the redirect itself (its status and
 * `Location`), so the client can follow it under its own rules: on Node, Deno, Bun, Workers and
 * anything that is no browser, whatever globals a DOM shim adds (`document` in jsdom or happy-dom,
 * which would otherwise hand redirects, and an `X-API-Key` with them, to fetch's rules). False in a
 * browser page or worker (a `Mozilla/` user agent without Node), whose fetch hides redirects; a
 * fetch that hides them where this says it shows them is found out by its opaque answer
 * (ClientCore.fetchFollowing).
 */
export function showsRedirects(): boolean {
  const { process, navigator } = globalThis as Globals;
  if (process?.versions?.node !== undefined) return true;
  const agent = navigator?.userAgent;
  return agent === undefined || !agent.startsWith('Mozilla/');
}
