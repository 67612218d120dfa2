/**
 * Public: the typed path client, openapi-fetch over the generated `paths` type: the escape hatch
 * for calls the resource methods do not cover. It shares the client's base URL, headers (token
 * included) and fetch, its path encoding and each query parameter's style; it does not retry.
 *
 * The generated package offers it as a function of the client (`pathsClient(client)`), not as a
 * property: so only the bundles that use it carry openapi-fetch.
 */
import createClient, { defaultPathSerializer, type Client } from 'openapi-fetch';
import type { ClientCore, Fetch } from './core.ts';
import { encodePathParam } from './internal/path.ts';
import { serializeQuery, type QueryStyles } from './internal/query.ts';

export type { Client as PathsClient } from 'openapi-fetch';

export interface PathsClientOptions {
  /** Replaces the client's fetch. */
  fetch?: Fetch | undefined;
  /** Query parameters that are not `form` + `explode: true`, by name, across all operations. */
  queryStyles?: QueryStyles;
}

// `{}` is openapi-fetch's own constraint on `Paths`.
export function createPathsClient<Paths extends {}>(
  core: ClientCore,
  options: PathsClientOptions = {},
): Client<Paths> {
  const fetchImpl = options.fetch ?? core.fetch;
  return createClient<Paths>({
    baseUrl: core.baseURL.replace(/\/+$/, ''),
    headers: core.baseHeaders(),
    fetch: (request) => fetchImpl(request),
    querySerializer: (query) => serializeQuery(query, options.queryStyles),
    pathSerializer: (url, params) =>
      defaultPathSerializer(
        url.replace(/\{([^{}.;*]+)\}/g, (placeholder, name: string) => {
          const value = params[name];
          return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
            ? encodePathParam(value, () => url)
            : placeholder;
        }),
        params,
      ),
  });
}
