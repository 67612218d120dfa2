/**
 * Where an operation without `x-sdk-method` lives in the client: its resource and its method name.
 *
 * Resource: the operation's first tag that names something; else the first path segment that
 * does: not a parameter, not a version (`v1`, `v2beta`, `2024-01-01`), not `api`, and not part of
 * the prefix every path shares (`/projects/{project}/…`). So `/v1/customers/{id}` is in
 * `customers`. Where neither does (`/` and `/{id}`, tagged `default` or not at all), the operation
 * belongs to the API itself, and its resource is named after the API's title without its generic
 * words (`notes` in "Notes API"), else `api`.
 *
 * A tag whose words are all generic (`default`, `API`, `General`, `Version 3`: see
 * {@link GENERIC_TAG_WORDS}) names nothing, wherever it is: a tool's default group, not the
 * author's (`client.default_` was what it gave). Any other tag on every operation is what the
 * author asked for (`items` on `/a`, `/b` and `/c` makes `client.items`), except where it divides
 * nothing and the paths do (they fall into several groups): when it is the API's own name
 * (`Accounting` in "Xero Accounting API"), or when it would make one resource of more than
 * {@link MAX_UNIVERSAL_RESOURCE} operations (a converter's single tag over a large API). Then the
 * paths place the operations.
 *
 * Untagged operations whose operationIds follow AutoRest's `Group_Method` (Azure's descriptions:
 * `VirtualHubs_List` at `/subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Network/
 * virtualHubs`) are in the group the operationId names, as a tag would place them (see
 * {@link autorestGroups}); their paths, all under `subscriptions` or `providers`, name none.
 *
 * Resource names are camelCase words (sdk-names.ts `resourceName`): a reserved word stays as it is
 * (`client.import`, `client.default`), being a property, never a variable.
 *
 * Method: the operationId without the resource's name (`listCustomers` in `customers` → `list`,
 * `emails/send` in `emails` → `send`) and without the suffix FastAPI appends
 * (`list_models_v1_models_get` → `list`). Where that leaves two operations of a resource with the
 * same name, or where there is no operationId, the method is named after what the path and the
 * HTTP method do: `list`, `create`, `retrieve`, `update`, `delete`, `listInvoices`,
 * `retrieveInvoice`, `archive`; failing that, the whole operationId.
 */
import type { OperationDraft } from './build-operations.ts';
import { decodedSegment, words } from './names.ts';
import { methodName, resourceName, singular } from './sdk-names.ts';

/** Path segments that say where the API is, not what: versions and `api`. */
const NOT_A_RESOURCE = /^(v\d+([._]\d+)*([a-z]+\d*)?|\d{4}-\d{2}(-\d{2})?|api|apis|rest)$/i;

export interface DerivedPlacement {
  resource: string;
  /** Method name candidates, best first (the caller keeps names unique). */
  method: string;
  /** What the path and HTTP method do (`list`, `retrieve`, …), when they say it clearly. */
  crud?: string;
  /** The whole operationId as a method name (or one made from the method and path). */
  full: string;
  /**
   * The method and every path segment after the ones all paths share (`/status/404` → `get404`),
   * for operations without an operationId whose `full` names are shared too; else `full`.
   */
  whole: string;
}

/** Resource and method names for operations placed by the spec's structure, in draft order. */
export function deriveResources(
  drafts: readonly OperationDraft[],
  apiTitle = '',
): DerivedPlacement[] {
  const prefix = commonPrefix(drafts.map((draft) => segments(draft.path)));
  const home = apiResource(apiTitle);
  const byPath = drafts.map((draft) => pathResource(draft.path, prefix, home));
  const groups = new Set(byPath.map((r) => r.name));
  const ignoredTag = ignoredUniversalTag(drafts, groups.size, apiTitle);
  const namespace = sharedNamespace(drafts);
  const operationGroups = autorestGroups(drafts);
  const nouns = apiNouns(drafts);
  // Names that differ only in case (`VirtualWANs` and `VirtualWans`, `P2SVpnGateways` and
  // `P2sVpnGateways`: a tag and an operation group, or two tags) are one resource, spelled as
  // the first operation spells it.
  const spelled = new Map<string, string>();
  const spelling = (name: string): string => {
    const key = name.toLowerCase();
    if (!spelled.has(key)) spelled.set(key, name);
    return spelled.get(key)!;
  };
  return drafts.map((draft, index) => {
    const tag =
      draft.tags.find(
        (candidate) =>
          candidate !== ignoredTag &&
          resourceName(candidate) !== undefined &&
          !isGeneric(candidate),
      ) ?? operationGroups?.[index];
    const fromPath = byPath[index]!;
    const resource = spelling(tag === undefined ? fromPath.name : resourceName(tag)!);
    const rest = tag === undefined ? fromPath.rest : restAfter(draft.path, resource, prefix, home);
    const crud = crudName(draft.method, rest);
    const declared = methodFirst(draft.operationId, draft.method);
    const spelled = draft.operationIdDeclared ? pathSpelling(declared, draft) : undefined;
    const id = !draft.operationIdDeclared || spelled === PATH ? undefined : (spelled ?? declared);
    const full = id === undefined ? pathMethodName(draft.method, rest) : methodName(id);
    const whole =
      id === undefined ? pathMethodName(draft.method, segments(draft.path).slice(prefix)) : full;
    const placement: DerivedPlacement = {
      resource,
      method:
        id === undefined
          ? (crud ?? full)
          : withoutResource(
              methodName(
                withoutFastApiSuffix(
                  id.startsWith(namespace) ? id.slice(namespace.length) : id,
                  draft,
                ),
              ),
              resource,
              nouns,
            ),
      full,
      whole,
    };
    if (crud !== undefined) placement.crud = crud;
    return placement;
  });
}

/** The path's segments, each literal one as the text it stands for ({@link decodedSegment}). */
function segments(path: string): string[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => (isParameter(part) ? part : decodedSegment(part)));
}

function isParameter(segment: string): boolean {
  return segment.startsWith('{');
}

/** The leading segments every path shares, short of the last literal of any path. */
function commonPrefix(paths: readonly string[][]): number {
  const [first] = paths;
  if (first === undefined || paths.length < 2) return 0;
  let length = 0;
  while (
    length < first.length &&
    paths.every((path) => path[length] === first[length]) &&
    // Keep at least one literal segment after the prefix in every path.
    paths.every((path) => path.slice(length + 1).some((segment) => !isParameter(segment)))
  )
    length++;
  return length;
}

/**
 * The resource the first naming segment after the prefix gives, and the segments after it; the
 * API's own (`home`) when no segment names one.
 */
function pathResource(
  path: string,
  prefix: number,
  home: string,
): { name: string; rest: string[] } {
  const parts = segments(path);
  for (let i = prefix; i < parts.length; i++) {
    const part = parts[i]!;
    if (isParameter(part) || NOT_A_RESOURCE.test(part)) continue;
    const name = resourceName(part);
    if (name !== undefined) return { name, rest: parts.slice(i + 1) };
  }
  return { name: home, rest: parts.slice(prefix) };
}

/**
 * The resource of operations that no tag or path segment places (`/`, `/{id}`): the API's title
 * without its generic words and numbers (`Notes API v2` → `notes`), else `api`.
 */
function apiResource(apiTitle: string): string {
  // Apostrophes join their word (`GitHub's` → `GitHubs`), as in the client's name (build-info.ts).
  const named = words(apiTitle.replace(/['\u2019]/g, '')).filter(
    (word) => !isGenericWord(word.toLowerCase()) && !NOT_A_RESOURCE.test(word),
  );
  return resourceName(named.join(' ')) ?? 'api';
}

/** The segments after the one that names `resource` (or after the first naming segment). */
function restAfter(path: string, resource: string, prefix: number, home: string): string[] {
  const parts = segments(path);
  const index = parts.findIndex((part, i) => {
    if (i < prefix || isParameter(part)) return false;
    const name = resourceName(part);
    return name !== undefined && (name === resource || singular(name) === singular(resource));
  });
  return index >= 0 ? parts.slice(index + 1) : pathResource(path, prefix, home).rest;
}

/** Above this many operations, a tag carried by all of them makes a resource too large to use. */
const MAX_UNIVERSAL_RESOURCE = 20;

/** Words that name no part of an API: a tag made of them only (and numbers) groups nothing. */
const GENERIC_TAG_WORDS = new Set([
  'all',
  'api',
  'apis',
  'call',
  'calls',
  'default',
  'endpoint',
  'endpoints',
  'function',
  'functions',
  'general',
  'main',
  'method',
  'methods',
  'misc',
  'operation',
  'operations',
  'public',
  'rest',
  'service',
  'services',
  'v',
  'version',
]);

/** A word that names no part of an API: a generic one, or a number. */
function isGenericWord(lower: string): boolean {
  return GENERIC_TAG_WORDS.has(lower) || /^\p{Nd}+$/u.test(lower);
}

/** Lower-cased words both as written and lower-cased: `APIs` is [AP, Is] the one way, [apis] the other. */
function lowerWords(text: string): string[][] {
  return [words(text), words(text.toLowerCase())].map((list) =>
    list.map((word) => word.toLowerCase()),
  );
}

/** A tag made of generic words and numbers only (`default`, `API`, `Version 3`): it names nothing. */
function isGeneric(tag: string): boolean {
  return lowerWords(tag).some((list) => list.length > 0 && list.every(isGenericWord));
}

/**
 * The tag every operation carries, when it groups nothing and the paths fall into more than one
 * resource (see the module's comment); else undefined, and tags place operations.
 */
function ignoredUniversalTag(
  drafts: readonly OperationDraft[],
  pathGroups: number,
  apiTitle: string,
): string | undefined {
  if (drafts.length < 2 || pathGroups < 2) return undefined;
  const [first] = drafts;
  const tag = first?.tags.find((candidate) =>
    drafts.every((draft) => draft.tags.includes(candidate)),
  );
  if (tag === undefined) return undefined;
  const titleWords = new Set(lowerWords(apiTitle).flat());
  const namesTheApi = lowerWords(tag).some((list) =>
    list.every((word) => isGenericWord(word) || titleWords.has(word)),
  );
  return namesTheApi || drafts.length > MAX_UNIVERSAL_RESOURCE ? tag : undefined;
}

/** What the path and method do, when the path is a collection, an item, or one level below one. */
function crudName(method: string, rest: readonly string[]): string | undefined {
  const shape = rest.map((part) => (isParameter(part) ? '{}' : 'lit')).join('/');
  const lit = (i: number) => words(rest[i] ?? '');
  const named = (verb: string, parts: string[]) => methodName([verb, ...parts].join(' '));
  switch (shape) {
    case '':
      return { get: 'list', post: 'create' }[method];
    case '{}':
      return { get: 'retrieve', put: 'update', patch: 'update', post: 'update', delete: 'delete' }[
        method
      ];
    case 'lit':
      return method === 'post' || method === 'get' ? named('', lit(0)) : undefined;
    case '{}/lit': {
      const sub = lit(1);
      const plural = singular(rest[1] ?? '') !== rest[1];
      if (method === 'post') return named('', sub);
      if (method === 'get') return named(plural ? 'list' : 'retrieve', sub);
      if (method === 'put' || method === 'patch') return named('update', sub);
      if (method === 'delete') return named('delete', sub);
      return undefined;
    }
    case '{}/lit/{}': {
      const sub = words(singular(rest[1] ?? ''));
      const verb = {
        get: 'retrieve',
        put: 'update',
        patch: 'update',
        post: 'update',
        delete: 'delete',
      }[method];
      return verb === undefined ? undefined : named(verb, sub);
    }
    default:
      return undefined;
  }
}

/** AutoRest's operationId, `OperationGroup_Method`: a PascalCase group, one `_`, the method. */
const AUTOREST_ID = /^([A-Z][A-Za-z0-9]*)_([A-Za-z][A-Za-z0-9]*)$/;

/**
 * The operation group of each operation (by draft index) whose operationId is AutoRest's
 * `Group_Method`, where that is the spec's convention: at least two operationIds are written so
 * and every other one with a `_` too (`get_user`, FastAPI's `list_models_v1_models_get` are not).
 * Undefined where it is not the convention.
 */
function autorestGroups(drafts: readonly OperationDraft[]): (string | undefined)[] | undefined {
  const ids = drafts.map((draft) => (draft.operationIdDeclared ? draft.operationId : ''));
  const underscored = ids.filter((id) => id.includes('_'));
  if (underscored.length < 2 || !underscored.every((id) => AUTOREST_ID.test(id))) return undefined;
  return ids.map((id) => {
    const group = AUTOREST_ID.exec(id)?.[1];
    return group !== undefined && resourceName(group) !== undefined ? group : undefined;
  });
}

/**
 * The dotted segments (with their dots) that begin every declared operationId, `youtube.` in
 * `youtube.videos.list` and `youtube.channels.update`: the API's own name, as Google's Discovery
 * documents (and the OpenAPI converted from them) write every operationId, which names no method.
 * Each operationId keeps at least its last segment; '' where fewer than two are declared (one
 * names no convention) or they share none. An operation without one is named from its path.
 */
function sharedNamespace(drafts: readonly OperationDraft[]): string {
  const declared = drafts.filter((draft) => draft.operationIdDeclared);
  if (declared.length < 2) return '';
  const split = declared.map((draft) => draft.operationId.split('.'));
  let shared = Math.min(...split.map((parts) => parts.length)) - 1;
  for (const parts of split.slice(1)) {
    let same = 0;
    while (same < shared && parts[same] === split[0]![same]) same++;
    shared = same;
  }
  // A segment that is no word (`..list`, `.list`) names nothing either way: keep the id as written.
  const prefix = split[0]!.slice(0, shared);
  if (prefix.some((segment) => words(segment).length === 0)) return '';
  return prefix.map((segment) => `${segment}.`).join('');
}

/** {@link pathSpelling}'s answer for an operation named by its path, as one without an operationId. */
const PATH = Symbol('path');

/**
 * An operationId that is only its HTTP method and whole path spelled out, as some tools write them
 * (Grape's `getV3GroupsIdAccessRequests` for GET /v3/groups/{id}/access_requests), says nothing
 * the path does not, and the resource taken out of it left `getV3Id`, `putV3IdMembersUserId`.
 * Where the path holds a parameter, the operation is named as one without an operationId is
 * (`retrieve`, `listAccessRequests`): {@link PATH}. Where it holds a version or `api` but no
 * parameter (`getV3Groups`), the operationId without those words (`getGroups`, then `get` in
 * `groups`), as a person would write it. Undefined for any other operationId, and for a spelled
 * path of names alone (`getHealth` for GET /health reads as a person's name: `health.get`).
 */
function pathSpelling(id: string, draft: OperationDraft): typeof PATH | string | undefined {
  if (!isPathSpelled(id, draft)) return undefined;
  const parts = segments(draft.path);
  if (parts.some(isParameter)) return PATH;
  const kept = parts.filter((part) => !NOT_A_RESOURCE.test(part));
  return kept.length === parts.length || kept.length === 0
    ? undefined
    : methodName([draft.method, ...kept].join(' '));
}

function isPathSpelled(id: string, draft: OperationDraft): boolean {
  const parts = segments(draft.path);
  const lower = (text: string) => words(text).map((word) => word.toLowerCase());
  const spelled = [draft.method, ...parts.flatMap(lower)];
  const have = lower(id);
  return have.length === spelled.length && have.every((word, i) => word === spelled[i]);
}

/**
 * An operationId that ends in its own HTTP method in capitals (ETSI's `app_packagesGET`,
 * `individualSubscriptionDELETE`, api2pdf's `zebraGET`) read with the method first, as a method
 * name says it (`get app_packages` → `getAppPackages`): as written it gave `appPackagesGET`, and
 * the capitals ran into the word before them (`appDGET` read as `app DGET`). Others as they are.
 */
function methodFirst(id: string, method: string): string {
  const verb = method.toUpperCase();
  const rest = id.slice(0, -verb.length);
  return id.length > verb.length &&
    id.endsWith(verb) &&
    /[A-Za-z0-9]$/.test(rest) &&
    /[a-z]/.test(rest)
    ? `${method} ${rest}`
    : id;
}

/** A method name from the HTTP method and the rest of the path: `get {id} invoices` → `getByIdInvoices`. */
function pathMethodName(method: string, rest: readonly string[]): string {
  const parts = rest.map((part) => (isParameter(part) ? `by ${part.slice(1, -1)}` : part));
  return methodName([method, ...parts].join(' '));
}

/**
 * FastAPI names operations `<function>_<path with \W as _>_<method>`
 * (`list_models_v1_models_get`): the function's name is the operation's.
 */
function withoutFastApiSuffix(id: string, draft: OperationDraft): string {
  const suffix = `_${draft.path.replace(/\W/g, '_')}_${draft.method}`.replace(/^__/, '_');
  return id.length > suffix.length && id.endsWith(suffix) ? id.slice(0, -suffix.length) : id;
}

/**
 * The things the API's paths name (each word of a literal segment and of a parameter's name, in
 * lower case and singular: `/sites/{site_id}` → site, id), for {@link withoutResource}.
 */
function apiNouns(drafts: readonly OperationDraft[]): Set<string> {
  const nouns = new Set<string>();
  for (const draft of drafts)
    for (const part of segments(draft.path))
      for (const word of words(part)) nouns.add(singular(word.toLowerCase()));
  return nouns;
}

/**
 * `listCustomers` in `customers` → `list`: the resource's words (or their singular, or the last
 * of them) taken out once, wherever they are, when something is left. Not when a word between the
 * first and the resource's names another thing of the API (`nouns`, what its paths name):
 * `createSiteBuildHook` in `buildHooks` would be `createSite`, a name that says it creates a site
 * (netlify's `cancelSiteDeploy` read as `cancelSite`); the whole operationId is kept.
 */
export function withoutResource(
  method: string,
  resource: string,
  nouns: ReadonlySet<string> = new Set(),
): string {
  const have = words(method);
  const lower = have.map((word) => word.toLowerCase());
  const resourceWords = words(resource).map((word) => word.toLowerCase());
  const last = resourceWords.slice(-1);
  const candidates = [
    resourceWords,
    words(singular(resource)).map((word) => word.toLowerCase()),
    last,
    last.map(singular),
  ];
  for (const wanted of candidates) {
    if (wanted.length === 0 || wanted.length >= have.length) continue;
    for (let i = 0; i + wanted.length <= lower.length; i++) {
      if (wanted.every((word, j) => lower[i + j] === word)) {
        const between = lower.slice(1, i).map(singular);
        if (between.some((word) => nouns.has(word) && !wanted.includes(word))) return method;
        return methodName([...have.slice(0, i), ...have.slice(i + wanted.length)].join(' '));
      }
    }
  }
  return method;
}
