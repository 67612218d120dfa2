/**
 * How `npm run diff` rates a change: the kinds of SDK-level change, their default semver levels,
 * and the API's compatibility promise, read from the spec's root `x-sdk.compatibility`.
 *
 * Two layers report changes. The wire layer is `redocly diff` (its rules: `operation-removed`,
 * `enum-values-added`, …); the SDK layer compares the generated package's TypeScript surface (the
 * `SDK_RULES` below). One key of `x-sdk.compatibility` sets the level of an SDK rule and of the
 * Redocly rules that find the same change on the wire (`LINKED_WIRE_RULES`), so the promise is
 * written once: `result-enum-values-added: major` makes a new response enum value breaking in both.
 * A Redocly rule name sets that wire rule alone.
 */
import { isRecord } from '../../../generator/json.ts';
import { CommandError } from '../command-error.ts';

export type Level = 'major' | 'minor' | 'patch';
export type Bump = Level | 'none';

export const LEVELS: readonly Level[] = ['major', 'minor', 'patch'];

/** Higher is more severe: none < patch < minor < major. */
export function levelRank(level: Bump): number {
  return level === 'major' ? 3 : level === 'minor' ? 2 : level === 'patch' ? 1 : 0;
}

export function maxLevel(levels: Iterable<Bump>): Bump {
  let worst: Bump = 'none';
  for (const level of levels) if (levelRank(level) > levelRank(worst)) worst = level;
  return worst;
}

/**
 * SDK-level change kinds and their default levels. "Parameter" is anything a call passes (its
 * positional arguments and the properties of its `params` object); "result" is what the returned
 * promise resolves to. Breaking (major): a call that compiled before no longer compiles, or code
 * that read a result no longer compiles. Deprecation is minor, as semver §7 asks.
 */
const SDK_RULES = {
  // The package is published under another name (its `x-sdk.packageName`, or the client's name it
  // follows): users of the old name get no update at all.
  'package-renamed': 'major',
  'method-removed': 'major',
  'method-renamed': 'major',
  'method-added': 'minor',
  // The same method now calls another operation (`x-sdk-method` moved, a path rewritten): calls
  // still compile, and do something else.
  'method-retargeted': 'major',
  // Positional arguments in another order (a path's parameters reordered): calls still compile
  // when the types match, and pass each value as another argument.
  'arguments-reordered': 'major',
  // An optional argument in front of an existing one (`params` before `options`): a call that
  // passed the existing one at its place no longer compiles.
  'argument-inserted': 'major',
  // What the client does without being told: the environment variable an option defaults to, the
  // default base URL, how the token is sent. Code compiles and fails (or goes elsewhere) at run time.
  'environment-variable-renamed': 'major',
  'default-base-url-changed': 'major',
  'credential-changed': 'major',
  // `x-sdk-pagination` names other fields: iteration follows them, with the same types.
  'pagination-changed': 'major',
  'method-deprecated': 'minor',
  'export-removed': 'major',
  'export-renamed': 'major',
  // An exported type users name (`Revived['Plan']`, `operations['retrievePlan']`) changed so
  // that code reading it, or naming a key of it, no longer compiles.
  'export-type-changed': 'major',
  'export-added': 'minor',
  'typed-path-removed': 'major',
  // A path parameter renamed (`{plan}` → `{planId}`): the typed path client's calls with the old
  // path or `params.path.plan` no longer compile; the resource methods and requests are the same.
  'typed-path-renamed': 'major',
  'typed-path-added': 'minor',
  'parameter-removed': 'major',
  'parameter-renamed': 'major',
  'parameter-required': 'major',
  'parameter-type-changed': 'major',
  'parameter-enum-values-removed': 'major',
  'parameter-added': 'minor',
  'parameter-optional': 'minor',
  'parameter-widened': 'minor',
  'parameter-enum-values-added': 'minor',
  'result-property-removed': 'major',
  'result-property-optional': 'major',
  'result-type-changed': 'major',
  'result-property-added': 'minor',
  'result-enum-values-added': 'minor',
  'result-property-required': 'patch',
  'result-type-narrowed': 'patch',
  // What a call returns besides its value: a method that stops paginating returns an
  // `APIPromise` instead of a `PagePromise`, so `for await` over it no longer compiles.
  'result-promise-changed': 'major',
  'result-promise-extended': 'minor',
  // A literal union loses a member: `status === 'draft'` and `case 'draft':` no longer compile
  // (TS2367, TS2678), though every value the API sends is still one the SDK knew.
  'result-enum-values-removed': 'major',
  'property-deprecated': 'minor',
  // A schema's type (and its guards) marked `@deprecated`: editors strike its uses through.
  'export-deprecated': 'minor',
  // What a call that leaves a parameter out gets (its `default`): calls compile, and the API
  // does otherwise for them. The client sends no defaults, so the API applies the new one to every
  // caller whatever SDK version they use: a major release of the SDK would protect no one (as for
  // a constraint, `schema-constraint-changed`); only its docs and the testing kit's mocks change.
  // The changelog line says what callers now get. (openapi-comparator's DefaultValueChanged, for
  // the API itself, is breaking; `x-sdk.compatibility` can say so: `default-changed: major`.)
  'default-changed': 'patch',
  'docs-changed': 'patch',
  // A collection written in a new order (properties, paths, parameters): the
  // generated types and docs follow it, and TypeScript does not mind the order (order.ts).
  'order-changed': 'patch',
  // An example added, changed or removed: the docs' samples and the testing kit's mock data
  // follow it (examples.ts).
  'examples-changed': 'patch',
  // Nothing above changed, and the package's files do all the same (package-changes.ts): `x-sdk`
  // settings, an extension the generator does not read, keys written in a new order in the
  // shipped `openapi.json`. The next package differs, so it is a release.
  'package-changed': 'patch',
  // The spec's own `x-sdk.compatibility` rates a rule lower than the base did: this diff still
  // rates by the stricter of the two (strictestRuleset), so a change cannot lower its own rating.
  'compatibility-loosened': 'patch',
} as const satisfies Record<string, Level>;

export type SdkRule = keyof typeof SDK_RULES;

/** Every SDK rule with its default level. */
export function sdkRuleLevels(): Record<SdkRule, Level> {
  return { ...SDK_RULES };
}

/** The rules of `redocly diff` (its `diff-recommended` ruleset, every one `major` there). */
const WIRE_RULES = [
  'enum-values-added',
  'enum-values-removed',
  'media-type-removed',
  'operation-id-changed',
  'operation-removed',
  'parameter-became-required',
  'parameter-removed',
  'parameter-serialization-changed',
  'path-removed',
  'property-removed',
  'request-body-became-required',
  'request-body-removed',
  'required-properties-added',
  'required-properties-removed',
  'response-header-removed',
  'response-removed',
  'schema-combinator-changed',
  'schema-constraint-changed',
  'schema-type-changed',
  'security-requirement-changed',
  'security-scheme-changed',
  'server-removed',
] as const;

export type WireRule = (typeof WIRE_RULES)[number];

/**
 * The Redocly rules that report, on the wire, what an SDK rule reports in TypeScript. Redocly's
 * rules fire only in the direction that can break a client (`enum-values-added` for responses,
 * `enum-values-removed` for requests), like their SDK counterparts.
 */
const LINKED_WIRE_RULES: Partial<Record<SdkRule, readonly WireRule[]>> = {
  'method-removed': ['operation-removed', 'path-removed'],
  'default-base-url-changed': ['server-removed'],
  'credential-changed': ['security-scheme-changed'],
  // A request body gone: the SDK's line names each of its properties a call can no longer pass.
  'parameter-removed': ['parameter-removed', 'request-body-removed'],
  'parameter-required': [
    'parameter-became-required',
    'required-properties-added',
    'request-body-became-required',
  ],
  'parameter-enum-values-removed': ['enum-values-removed'],
  'result-property-removed': ['property-removed'],
  'result-property-optional': ['required-properties-removed'],
  // A variant of a union added or removed, a media type gone: the SDK's type of the value changes.
  'result-type-changed': ['schema-type-changed', 'schema-combinator-changed', 'media-type-removed'],
  // openapi-typescript's `operations` map is keyed by operationId.
  'export-type-changed': ['operation-id-changed'],
  'result-enum-values-added': ['enum-values-added'],
};

/**
 * Wire rules whose change no SDK type shows, rated here rather than at Redocly's `major`. A
 * constraint (`maxLength`, `pattern`, `minimum`, …) tightened on a request or loosened on a
 * response changes what the API accepts or returns, not the SDK: every call still compiles, the
 * SDK sends what it is given, and the API applies the constraint whatever SDK version a caller
 * has, so a major release of the SDK would protect no one (users of the last one get the same
 * answers). It is a patch that documents the constraint, listed in the changelog with its meaning.
 */
const WIRE_DEFAULTS: Partial<Record<WireRule, Level>> = {
  'schema-constraint-changed': 'patch',
};

/** The wire rules that report what an SDK rule reports: the SDK's line says the same change. */
export function sdkShowsWireRule(rule: string): boolean {
  return Object.values(LINKED_WIRE_RULES).some((rules) =>
    (rules as readonly string[]).includes(rule),
  );
}

/** The levels in force: defaults, then the spec's `x-sdk.compatibility`. */
export interface Ruleset {
  sdk: Record<SdkRule, Level>;
  /** Impacts for `redocly diff`'s config; rules not listed keep Redocly's default (`major`). */
  wire: Partial<Record<WireRule, Level>>;
  /**
   * An error response (4xx, 5xx) no longer documented: `patch` unless `response-removed` is set.
   * The client handles every status the same whether the spec lists it or not (a 409 is still a
   * `ConflictError`) and the server still answers it; only the documentation changed. A success
   * response removed stays at `response-removed`'s level (as oasdiff rates them).
   */
  errorResponseRemoved: Level;
}

const COMPATIBILITY_POINTER = '#/x-sdk/compatibility';

/**
 * The ruleset for a bundled spec: the defaults above, overridden by its root
 * `x-sdk.compatibility` (`{ <rule>: major | minor | patch }`). `file` names the spec in errors.
 */
export function rulesetOf(doc: Record<string, unknown>, file: string): Ruleset {
  const sdk: Record<SdkRule, Level> = { ...SDK_RULES };
  const wire: Partial<Record<WireRule, Level>> = { ...WIRE_DEFAULTS };
  for (const [rule, wireRules] of Object.entries(LINKED_WIRE_RULES))
    for (const wireRule of wireRules) wire[wireRule] = SDK_RULES[rule as SdkRule];

  const ext = isRecord(doc['x-sdk']) ? doc['x-sdk'] : {};
  const raw = ext.compatibility;
  if (raw === undefined) return { sdk, wire, errorResponseRemoved: 'patch' };
  if (!isRecord(raw)) {
    throw new CommandError(
      `${file} ${COMPATIBILITY_POINTER}: must be an object of rule names to levels`,
      'write e.g. `compatibility: { result-enum-values-added: minor }` under the root `x-sdk`',
    );
  }
  const explicitWire = new Set<string>();
  const entries = Object.entries(raw);
  // SDK rules first, so that a wire rule named explicitly wins over the one its SDK rule sets.
  entries.sort(([a], [b]) => Number(isWireRule(a)) - Number(isWireRule(b)));
  for (const [rule, level] of entries) {
    if (!isLevel(level)) {
      throw new CommandError(
        `${file} ${COMPATIBILITY_POINTER}/${rule}: ${JSON.stringify(level)} is not a level`,
        'use major, minor or patch',
      );
    }
    if (isSdkRule(rule)) {
      sdk[rule] = level;
      for (const wireRule of LINKED_WIRE_RULES[rule] ?? [])
        if (!explicitWire.has(wireRule)) wire[wireRule] = level;
    } else if (isWireRule(rule)) {
      wire[rule] = level;
      explicitWire.add(rule);
    } else {
      throw new CommandError(
        `${file} ${COMPATIBILITY_POINTER}/${rule}: unknown rule ${JSON.stringify(rule)}`,
        `use one of the SDK rules (${Object.keys(SDK_RULES).join(', ')}) or a rule of redocly diff (${WIRE_RULES.join(', ')})`,
      );
    }
  }
  return {
    sdk,
    wire,
    errorResponseRemoved: explicitWire.has('response-removed')
      ? (wire['response-removed'] ?? 'major')
      : 'patch',
  };
}

/**
 * The stricter level of each rule of `a` and `b`: a diff is rated by the base's promise and the
 * head's together, so an edit of `x-sdk.compatibility` that lowers a rule (`result-property-removed:
 * patch`) does not lower the rating of the changes made with it; it holds from the next diff on.
 */
export function strictestRuleset(a: Ruleset, b: Ruleset): Ruleset {
  const stricter = (x: Level | undefined, y: Level | undefined): Level =>
    levelRank(x ?? 'major') >= levelRank(y ?? 'major') ? (x ?? 'major') : (y ?? 'major');
  const sdk = { ...a.sdk };
  for (const rule of Object.keys(sdk) as SdkRule[]) sdk[rule] = stricter(a.sdk[rule], b.sdk[rule]);
  const wire: Partial<Record<WireRule, Level>> = {};
  for (const rule of new Set([...Object.keys(a.wire), ...Object.keys(b.wire)]) as Set<WireRule>)
    wire[rule] = stricter(a.wire[rule], b.wire[rule]);
  return {
    sdk,
    wire,
    errorResponseRemoved: stricter(a.errorResponseRemoved, b.errorResponseRemoved),
  };
}

/**
 * The rules `head` rates lower than `base`, as `rule: base → head` (`result-property-removed:
 * major → patch`), in rule order; empty when none is.
 */
export function loosenedRules(base: Ruleset, head: Ruleset): string[] {
  const lower = <R extends string>(
    rules: Partial<Record<R, Level>>,
    was: Partial<Record<R, Level>>,
  ) =>
    (Object.keys(rules) as R[])
      .filter((rule) => levelRank(rules[rule] ?? 'major') < levelRank(was[rule] ?? 'major'))
      .map((rule) => `${rule}: ${was[rule] ?? 'major'} → ${rules[rule] ?? 'major'}`);
  return [...lower(head.sdk, base.sdk), ...lower(head.wire, base.wire)];
}

function isLevel(value: unknown): value is Level {
  return value === 'major' || value === 'minor' || value === 'patch';
}

function isSdkRule(name: string): name is SdkRule {
  return Object.prototype.hasOwnProperty.call(SDK_RULES, name);
}

export function isWireRule(name: string): name is WireRule {
  return (WIRE_RULES as readonly string[]).includes(name);
}
