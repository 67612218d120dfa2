/**
 * What changes in the published package when nothing else in the report does: the package ships
 * the bundled spec (`openapi.json`) and its `package.json`, so an edit that changes neither the
 * API nor the SDK's types can still change a file users install. `x-sdk` settings (the package's
 * `repository`), an `x-` extension the generator does not read, or keywords written in a new order
 * (`description` after `type`) each make the next package differ from the last; a release must
 * be able to ship it, and `npm run diff` must say why, at the same level `npm run release` uses
 * (`package-changed`, a patch).
 *
 * Only the spec's `x-sdk.packageVersion` is left out: `npm run release` writes it.
 */
import { apiChanges, type ApiChange } from '../../../generator/write/api-changes.ts';
import { joinPointer } from '../../../generator/errors.ts';
import { isRecord, pushAll } from '../../../generator/json.ts';
import type { Change } from './change.ts';
import { locationOf, sourceOf, type OrderPlaces } from './order.ts';
import type { Level, SdkRule } from './rules.ts';

const KIND = 'sdk/package-changed' satisfies `sdk/${SdkRule}`;

/** What a line says the change does not do. */
const UNCHANGED = "no change to the API or to the SDK's types";

/** How many places a key-order line names before "and N more". */
const SHOWN = 3;

/**
 * The lines for the package's files changed between `base` and `head` (bundled specs): one per
 * structural difference (a document section, a component, an operation), else one for keys in a
 * new order; none when the two documents are the same text.
 */
export function packageChanges(
  base: unknown,
  head: unknown,
  level: Level,
  places: OrderPlaces,
): Change[] {
  const [from, to] = [withoutPackageVersion(base), withoutPackageVersion(head)];
  const structural = apiChanges(from, to);
  if (structural.length > 0)
    return structural.map((change) => ({
      level,
      kind: KIND,
      location: change.subject === 'document' ? change.name : `${change.subject} ${change.name}`,
      message: `${subjectOf(change)} ${change.change}${change.detail === undefined ? '' : ` (${change.detail})`}: ${UNCHANGED}`,
    }));
  const moved = keyOrderChanges(from, to);
  if (moved.length === 0) return [];
  const shown = moved.length <= SHOWN + 1 ? moved : moved.slice(0, SHOWN);
  const rest = moved.length - shown.length;
  const where = shown
    .map(
      ({ pointer, keys }) =>
        `${placeOf(pointer)} (now ${keys.map((key) => `\`${key}\``).join(', ')})`,
    )
    .join(', ');
  const source = sourceOf(places, moved[0]!.pointer);
  return [
    {
      level,
      kind: KIND,
      location: 'openapi.json',
      message: `the package's \`openapi.json\` changes: keys written in a new order at ${where}${rest > 0 ? ` and ${rest} more place${rest === 1 ? '' : 's'}` : ''}; ${UNCHANGED}`,
      ...(source === undefined ? {} : { source }),
    },
  ];
}

/** A place where `head` holds the keys `base` holds at the same pointer, in another order. */
export interface KeyOrderChange {
  pointer: string;
  /** The keys both sides hold there, in the head's order. */
  keys: string[];
}

/**
 * Every object of `head` whose keys, those `base` has at the same pointer, come in another order
 * (document order: a parent before its members). Arrays are walked member by member when both
 * have the same length.
 */
export function keyOrderChanges(base: unknown, head: unknown, pointer = ''): KeyOrderChange[] {
  if (Array.isArray(base) && Array.isArray(head)) {
    if (base.length !== head.length) return [];
    return base.flatMap((member, i) => keyOrderChanges(member, head[i], `${pointer}/${i}`));
  }
  if (!isRecord(base) || !isRecord(head)) return [];
  const common = Object.keys(head).filter((key) => Object.hasOwn(base, key));
  const before = Object.keys(base).filter((key) => Object.hasOwn(head, key));
  const found: KeyOrderChange[] = before.some((key, i) => key !== common[i])
    ? [{ pointer, keys: common }]
    : [];
  for (const key of common)
    pushAll(found, keyOrderChanges(base[key], head[key], joinPointer(pointer, key)));
  return found;
}

/** `` `Order.id` `` for `/components/schemas/Order/properties/id`; the document's root in words. */
function placeOf(pointer: string): string {
  if (pointer === '') return 'the top level';
  // locationOf names a collection by its parent: a member token below the object names the object.
  const location = locationOf(`${pointer}/-`);
  return `\`${location.endsWith('/-') ? `#${pointer}` : location}\``;
}

function subjectOf(change: ApiChange): string {
  return change.subject === 'document'
    ? `\`${change.name}\` of the spec`
    : `${change.subject} \`${change.name}\``;
}

function withoutPackageVersion(doc: unknown): unknown {
  if (!isRecord(doc) || !isRecord(doc['x-sdk']) || !('packageVersion' in doc['x-sdk'])) return doc;
  const { packageVersion: _version, ...sdk } = doc['x-sdk'];
  return Object.keys(sdk).length === 0
    ? Object.fromEntries(Object.entries(doc).filter(([key]) => key !== 'x-sdk'))
    : { ...doc, 'x-sdk': sdk };
}
