/**
 * Where each operation lives in the resource client (`client.<resource>.<method>(…)`) and the
 * names of its generated types.
 *
 * - `x-sdk-method: "plans.list"` says it outright (sdk-method.ts); two operations with the same one
 *   are an error.
 * - Otherwise (general specs) resource-names.ts derives both from the tags, the path and the
 *   operationId (`/v1/customers/{id}` → `customers`, `listCustomers` → `list`). Derived names never
 *   collide: the explicit names are claimed first, then derived ones; where two derived names of
 *   a resource meet, each takes what its path does (`list`, `retrieve`) or its whole operationId,
 *   and of a repeat that is left, all but one get a number (ranked by names.ts `rankClaims`: the
 *   exact operationId first, then by operationId, never by spec position).
 * - Resources and methods never take a name of `Object.prototype` or `Promise.prototype`
 *   (`constructor`, `toString`, `then`, …): a method `then` would make the resource thenable, an
 *   `await` on it would call the API. Derived ones get a `_` (`then_`); explicit ones are errors.
 * - Type names: `<Resource singular><Method>Params` / `…Response` / `…Body`
 *   (`PlanDocumentListParams`), claimed after the schema names, so nothing shadows a schema; two
 *   operations that make one name are ranked by `resource.method` (`plan.list` before `plans.list`).
 *   `…Response` and `…Body` exist only for bodies written inline as objects: a body that is a
 *   named schema is typed by that schema's name. A JSON success body that is not exactly a `$ref`
 *   gets a guard of its own (`validate<name>` in src/guards.ts), named by `…Response` too: the
 *   type's name where there is one, else one claimed the same way (`AnimalListResponse`).
 */
import { eachReporting, GeneratorError, joinPointer } from '../errors.ts';
import { yamlScalar } from '../escape.ts';
import type { OperationDraft } from './build-operations.ts';
import { forEachNode } from './read-write.ts';
import { NameRegistry, pascalCase, type NameCollision, type RankedClaim } from './names.ts';
import { methodOwner, operationOwner, resourceOwner } from './name-collisions.ts';
import { deriveResources } from './resource-names.ts';
import type { SchemaNode } from './schema-types.ts';
import { parseSdkMethod, safeMember, sdkMethodFix, type Placement } from './sdk-method.ts';
import { exportName, operationTypeName, resourceName, singular } from './sdk-names.ts';
import { checksOwnBody, distinctSuccesses } from './successes.ts';
import type { OperationModel, ResourceModel } from './types.ts';

export function buildResources(
  drafts: readonly OperationDraft[],
  names: NameRegistry,
  file: string,
  {
    tagDescriptions = new Map<string, string>(),
    apiTitle = '',
    onCollision,
  }: {
    /** `tags[].description` by tag name, for the resources' TSDoc. */
    tagDescriptions?: ReadonlyMap<string, string>;
    /** `info.title`: a tag that only names the API groups nothing (resource-names.ts). */
    apiTitle?: string;
    /** Told of each SDK method numbered because another operation has its name (a warning). */
    onCollision?: (collision: NameCollision) => void;
  } = {},
): { operations: OperationModel[]; resources: ResourceModel[] } {
  const placements = placeOperations(drafts, file, apiTitle, onCollision);

  const byResource = new Map<string, OperationModel[]>();
  const operations = drafts.map((draft, index): OperationModel => {
    const { sdkMethod: _sdkMethod, operationIdDeclared: _declared, ...rest } = draft;
    const sdk = placements[index]!;
    const operation: OperationModel = { ...rest, sdk, typeNames: { params: '' } };
    const list = byResource.get(sdk.resource) ?? [];
    list.push(operation);
    byResource.set(sdk.resource, list);
    return operation;
  });

  // Names ranked by names.ts `rankClaims` (by resource name, by `resource.method`), never by
  // where the document lists the operations.
  const grouped = [...byResource];
  const classNames = names.claimAll(
    grouped.map(([name, members]) => {
      // A name a schema's type already has (tag `pet`, schema `Pet`) or the runtime's: the class
      // is `PetResource`, as beside a JavaScript global (exportName), not a numbered `Pet2`.
      const plain = exportName(pascalCase(name), 'Resource');
      const wanted = names.has(plain) && !plain.endsWith('Resource') ? `${plain}Resource` : plain;
      return { wanted, raw: name, owner: resourceOwner(name, members[0]!) };
    }),
  );
  const resources = grouped.map(([name, members], index): ResourceModel => {
    const resource: ResourceModel = { name, className: classNames[index]!, operations: members };
    const description = resourceDescription(name, members, tagDescriptions);
    if (description !== undefined) resource.description = description;
    return resource;
  });
  const typeClaims: { assign: (name: string) => void; claim: RankedClaim }[] = [];
  for (const operation of operations) {
    const { resource, method } = operation.sdk;
    const typeName = (
      suffix: string,
      type: Parameters<typeof operationOwner>[1],
      assign: (name: string) => void,
    ) =>
      typeClaims.push({
        assign,
        claim: {
          wanted: operationTypeName(resource, method, suffix),
          raw: `${resource}.${method}`,
          owner: operationOwner(operation, type),
        },
      });
    const types = operation.typeNames;
    typeName('Params', 'params', (name) => (types.params = name));
    // A type of its own only where the method resolves to the schema's type: a JSON body, or one
    // whose media type (`*/*`) lets the response decide; text and binary resolve to string, Blob.
    // Its guard (a JSON success body that is not exactly a `$ref`) has the type's name, or one
    // claimed the same way.
    const success = operation.successResponse;
    const schemaTyped = success?.kind === 'json' || success?.kind === 'any';
    const ownType = schemaTyped && success?.schema !== undefined && needsOwnType(success.schema);
    const ownGuard = checksOwnBody(success);
    if (ownType || ownGuard)
      typeName('Response', 'response', (name) => {
        if (ownType) types.response = name;
        if (ownGuard) types.responseGuard = name;
      });
    // The other success bodies the method may resolve to (a `201` beside a `200`, a `2XX`), each
    // checked by its own guard where no named schema's does: `PlanCreate201Response`.
    for (const other of distinctSuccesses(operation)) {
      if (!checksOwnBody(other)) continue;
      const word = other.status === 'default' ? 'Default' : other.status;
      typeName(`${word}Response`, 'response', (name) => {
        types.otherResponseGuards ??= {};
        types.otherResponseGuards[other.status] = name;
      });
    }
    if (operation.body !== undefined && needsOwnType(operation.body.schema))
      typeName('Body', 'request body', (name) => (types.body = name));
  }
  const typeNames = names.claimAll(typeClaims.map(({ claim }) => claim));
  typeClaims.forEach(({ assign }, index) => assign(typeNames[index]!));
  return { operations, resources };
}

/**
 * A body a type expression cannot name in a few words: one that holds an object written inline
 * (`{ type: object, properties: … }`, an `allOf`), as opposed to `Plan`, `Plan[]`, `string`.
 */
function needsOwnType(node: SchemaNode): boolean {
  let found = false;
  forEachNode(node, (n) => {
    if (n.kind === 'object' || n.kind === 'allOf' || n.kind === 'not') found = true;
  });
  return found;
}

/**
 * The description of the tag that names the resource (`Plan Documents` → `planDocuments`), else
 * of the tag most of its operations carry first.
 */
function resourceDescription(
  name: string,
  operations: readonly OperationModel[],
  descriptions: ReadonlyMap<string, string>,
): string | undefined {
  const tags = operations.flatMap((operation) => operation.tags.slice(0, 1));
  const naming = tags.find((tag) => {
    const tagName = resourceName(tag);
    return tagName !== undefined && (tagName === name || singular(tagName) === singular(name));
  });
  if (naming !== undefined && descriptions.has(naming)) return descriptions.get(naming);
  const counts = new Map<string, number>();
  for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best === undefined ? undefined : descriptions.get(best[0]);
}

function placeOperations(
  drafts: readonly OperationDraft[],
  file: string,
  apiTitle: string,
  onCollision: ((collision: NameCollision) => void) | undefined,
): Placement[] {
  const placements: (Placement | undefined)[] = drafts.map(() => undefined);
  const owners = new Map<string, OperationDraft>();
  const methodsOf = new Map<string, NameRegistry>();
  const registry = (resource: string) => {
    let methods = methodsOf.get(resource);
    if (methods === undefined)
      methodsOf.set(resource, (methods = new NameRegistry([], onCollision)));
    return methods;
  };

  // Explicit `x-sdk-method`s first: they are promises to the user, derived names make way. A fix
  // suggested for one of them names none of the others.
  const claimed = new Set(
    drafts.flatMap((draft) => (typeof draft.sdkMethod === 'string' ? [draft.sdkMethod] : [])),
  );
  // Every operation's problem in one run: a refused one claims nothing, the others go on.
  eachReporting(drafts.entries(), ([index, draft]) => {
    if (draft.sdkMethod === undefined) return;
    const where = { file, pointer: joinPointer(draft.pointer, 'x-sdk-method') };
    const placement = parseSdkMethod(draft.sdkMethod, where, claimed);
    const key = `${placement.resource}.${placement.method}`;
    const owner = owners.get(key);
    if (owner !== undefined) {
      throw new GeneratorError(
        `two operations are mapped to ${key}: ${owner.method.toUpperCase()} ${owner.path} (${owner.pointer}) and ${draft.method.toUpperCase()} ${draft.path}`,
        where,
        `give one of them a different \`x-sdk-method\` (each "resource.method" may be used once), e.g. this one \`x-sdk-method: ${yamlScalar(sdkMethodFix(key, claimed))}\``,
      );
    }
    owners.set(key, draft);
    registry(placement.resource).claim(placement.method, methodOwner(draft, placement.resource));
    placements[index] = placement;
  });

  const derivedIndexes = drafts.flatMap((draft, index) =>
    placements[index] === undefined ? [index] : [],
  );
  const derived = deriveResources(
    derivedIndexes.map((index) => drafts[index]!),
    apiTitle,
  );
  const resourceOf = derived.map((d) => safeMember(d.resource));
  // Per resource: how many derived operations want each name (explicit names count as taken).
  const wanted = new Map<string, number>();
  const key = (resource: string, method: string) => `${resource}\u0000${method}`;
  derived.forEach((d, i) => {
    const k = key(resourceOf[i]!, d.method);
    wanted.set(k, (wanted.get(k) ?? 0) + (registry(resourceOf[i]!).has(d.method) ? 2 : 1));
  });
  const crudWanted = new Map<string, number>();
  derived.forEach((d, i) => {
    if (d.crud === undefined) return;
    const k = key(resourceOf[i]!, d.crud);
    crudWanted.set(k, (crudWanted.get(k) ?? 0) + 1);
  });
  // An operation whose operationId is the name exactly keeps it (`getItem` beside `get_item` and
  // `get-item`): the others move to a CRUD name or their whole path, or are numbered below.
  const isExact = (i: number, method: string) => drafts[derivedIndexes[i]!]!.operationId === method;
  const methods = derived.map((d, i) => {
    const resource = resourceOf[i]!;
    let method = d.method;
    const keeps = isExact(i, method) && !registry(resource).has(method);
    if ((wanted.get(key(resource, method)) ?? 0) > 1 && !keeps) {
      const crudFree =
        d.crud !== undefined &&
        crudWanted.get(key(resource, d.crud)) === 1 &&
        !wanted.has(key(resource, d.crud)) &&
        !registry(resource).has(d.crud);
      method = crudFree ? d.crud! : d.full;
    }
    return safeMember(method);
  });
  // Names the path after the resource cannot tell apart either (`/status/400` … `/status/499`,
  // each its own resource-less `get`): each takes the method and its whole path, when that is
  // unique (`get400`), rather than a number.
  const shared = new Map<string, number>();
  const wholeWanted = new Map<string, number>();
  methods.forEach((method, i) => {
    const k = key(resourceOf[i]!, method);
    shared.set(k, (shared.get(k) ?? 0) + 1);
    const w = key(resourceOf[i]!, derived[i]!.whole);
    wholeWanted.set(w, (wholeWanted.get(w) ?? 0) + 1);
  });
  methods.forEach((method, i) => {
    const resource = resourceOf[i]!;
    const { whole } = derived[i]!;
    if (
      (shared.get(key(resource, method)) ?? 0) > 1 &&
      !isExact(i, method) &&
      whole !== method &&
      wholeWanted.get(key(resource, whole)) === 1 &&
      !shared.has(key(resource, whole)) &&
      !registry(resource).has(whole)
    )
      methods[i] = safeMember(whole);
  });
  // Names still shared are numbered (`getItem2`), with a warning; an operation whose operationId
  // is the name exactly keeps it (`getItem` beside `get_item` and `GetItem`), the others follow by
  // operationId (names.ts `rankClaims`), wherever the document lists them.
  const byResource = new Map<string, number[]>();
  methods.forEach((_, i) => {
    const list = byResource.get(resourceOf[i]!) ?? [];
    list.push(i);
    byResource.set(resourceOf[i]!, list);
  });
  for (const [resource, indexes] of byResource) {
    const drafted = indexes.map((i) => drafts[derivedIndexes[i]!]!);
    const got = registry(resource).claimAll(
      indexes.map((i, n) => ({
        wanted: methods[i]!,
        raw: drafted[n]!.operationId,
        owner: methodOwner(drafted[n]!, resource),
        tieBreak: drafted[n]!.pointer,
      })),
    );
    indexes.forEach((i, n) => (placements[derivedIndexes[i]!] = { resource, method: got[n]! }));
  }
  return placements as Placement[];
}
