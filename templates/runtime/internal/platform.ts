/**
 * Private helper: which JavaScript runtime the client runs on. Two things depend on it:
 *
 * - **The `User-Agent` header** names the SDK and the runtime (`gigs-sdk/1.2.0 node/20.19.0
 *   (linux; x64)`) on server runtimes only. In a browser the client adds no header at all: the
 *   browser sends its own `User-Agent`, and every header outside the CORS-safelisted ones
 *   (`Accept`, `Content-Type` with a form or text value, …) makes the browser send a preflight
 *   that the API must answer for that header, so an identifying header would break CORS for APIs
 *   that do not list it.
 * - **Redirects** are followed by the client itself (`redirect: 'manual'`, internal/redirect.ts)
 *   on server runtimes. Browsers hide redirects from `manual` (an opaque response without its
 *   `Location`), so there fetch follows them under the Fetch standard's own rules.
 */

type Globals = {
  Deno?: { version?: { deno?: string }; build?: { os?: string; arch?: string } };
  Bun?: { version?: string };
  process?: { versions?: { node?: string }; platform?: string; arch?: string };
  navigator?: { userAgent?: string };
  document?: unknown;
};

/**
 * The runtime as a `User-Agent` product (RFC 9110 §10.1.5): `node/20.19.0 (linux; x64)`,
 * `deno/2.1.4 (linux; x86_64)`, `bun/1.1.38 (darwin; arm64)`, `workerd`; `undefined` in a browser
 * or an unknown runtime.
 */
export function serverRuntime(): string | undefined {
  const g = globalThis as Globals;
  const process = g.process;
  const system = (os: string | undefined, arch: string | undefined): string =>
    os === undefined ? '' : ` (${os}; ${arch ?? 'unknown'})`;
  const deno = g.Deno?.version?.deno;
  if (deno !== undefined) return `deno/${deno}${system(g.Deno?.build?.os, g.Deno?.build?.arch)}`;
  const bun = g.Bun?.version;
  if (bun !== undefined) return `bun/${bun}${system(process?.platform, process?.arch)}`;
  const node = process?.versions?.node;
  if (node !== undefined && g.document === undefined)
    return `node/${node}${system(process?.platform, process?.arch)}`;
  return g.navigator?.userAgent === 'Cloudflare-Workers' ? 'workerd' : undefined;
}
