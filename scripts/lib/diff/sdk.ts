/**
 * The SDK level of `npm run diff`: two generated packages compared through the TypeScript
 * compiler, as their users' code sees them.
 *
 * Both packages are loaded into ONE program, so the checker can tell whether a type of one is
 * assignable to a type of the other. The walk goes through what users call, not through how the
 * types are named or laid out: the exports of the entry module, then every method reachable from
 * the client class (`client.plans.retrieve`), its parameters and the value its promise resolves
 * to. Breaking means a call that compiled before no longer compiles (an old argument is not
 * assignable to the new parameter), code that read a result no longer compiles (the new result is
 * not assignable to the old), or an export is gone.
 *
 * Two more surfaces are compared: the typed path client's paths (openapi.ts's `paths`: a path
 * template or method gone, e.g. a renamed path parameter, breaks `pathsClient(client).GET(…)`),
 * and the schema types (src/types.ts) no method's signature reaches: compared as passed when the
 * spec's requests use them, as read when its responses do (error bodies, response headers: uses.ts)
 * or when nothing does (webhook payloads, schemas only read by hand). The other types the spec
 * writes (the date helpers' `Revived`) are compared as read, and openapi-typescript's maps
 * (`operations`, `components`) by their keys.
 */
import { join, resolve, sep } from 'node:path';
import ts from 'typescript';
import type { Change } from './change.ts';
import type { Level, SdkRule } from './rules.ts';
import { INPUT_USES, type SchemaUse } from './uses.ts';
import { normalURL } from './wire-equivalents.ts';
import type { PaginationModel } from '../../../generator/model/types.ts';
import { PREVIEW_REMARK } from '../../../generator/emit/schema-types/docs.ts';

/**
 * One generated package: its folder (with `src/index.ts`), its client class's export name,
 * what its spec's operations use each schema type for (by exported type name, uses.ts), and the
 * operation behind each method.
 */
export interface SdkPackage {
  dir: string;
  clientName: string;
  /** The npm package's name (its package.json `name`). */
  packageName?: string;
  uses: ReadonlyMap<string, ReadonlySet<SchemaUse>>;
  /** Each method's operation: `client.plans.retrieve` → `GET /plans/{plan}` (finds renames). */
  operations?: ReadonlyMap<string, string>;
  /** The client's defaults: environment variables, base URL, credential (generate()'s `package.client`). */
  client?: { environment: Record<string, string>; baseURL?: string; credential?: string };
  /** How each paginated method pages (generate()'s `package.pagination`). */
  pagination?: ReadonlyMap<string, PaginationModel>;
  /** Each method's operationId (generate()'s `package.operationIds`). */
  operationIds?: ReadonlyMap<string, string>;
}

type Direction = 'input' | 'output';

/** A change found below a compared root, with its path relative to that root. */
interface Finding {
  rule: SdkRule;
  segments: string[];
  /** The change, at `path`; at the root (`path` ''), its subject is `root` (default "the value"). */
  describe: (path: string, root?: string) => string;
  /**
   * The innermost exported schema type (src/types.ts) the change is inside, as both packages name
   * it, and the change's path inside that type: `Plan`, `['nickname']` for `items[].plan.nickname`.
   */
  owner?: { name: string; segments: string[] };
}

export function compareSdk(
  base: SdkPackage,
  head: SdkPackage,
  levels: Record<SdkRule, Level>,
  /** An error response no longer documented (rules.ts Ruleset `errorResponseRemoved`). */
  errorResponseRemoved: Level = 'patch',
): Change[] {
  const baseIndex = join(base.dir, 'src', 'index.ts');
  const headIndex = join(head.dir, 'src', 'index.ts');
  const options = compilerOptions(head.dir);
  const program = ts.createProgram({
    rootNames: [baseIndex, headIndex],
    options,
    host: cachingHost(options, [base.dir, head.dir]),
  });
  const checker = program.getTypeChecker();
  const moduleOf = (file: string) => {
    const source = program.getSourceFile(file);
    const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (symbol === undefined) throw new Error(`the generated package has no ${file}`);
    return symbol;
  };
  const changes: Change[] = [];
  const add = (rule: SdkRule, location: string, message: string) =>
    changes.push({ level: levels[rule], kind: `sdk/${rule}`, location, message });

  const oldExports = exportsOf(checker, moduleOf(baseIndex));
  const newExports = exportsOf(checker, moduleOf(headIndex));
  const oldClient = oldExports.get(base.clientName);
  const newClient = newExports.get(head.clientName);
  const oldMethods =
    oldClient === undefined
      ? new Map<string, ts.Symbol>()
      : methodsOf(checker, checker.getDeclaredTypeOfSymbol(oldClient), 'client');
  const newMethods =
    newClient === undefined
      ? new Map<string, ts.Symbol>()
      : methodsOf(checker, checker.getDeclaredTypeOfSymbol(newClient), 'client');
  const renamed = renamedMethods(oldMethods, newMethods, base.operations, head.operations);

  // A renamed method's own types (`OrderListParams`) are renamed with it (`OrderAllParams`).
  const renamedExports = renamedTypes(oldExports, newExports, renamed);
  // A schema renamed (same shape, another name): its type and the exports named after it, said
  // in one line (the guards and `components["schemas"][…]` go with the type).
  const schemaRenames = renamedSchemas(
    checker,
    oldExports,
    newExports,
    renamedExports,
    base.dir,
    head.dir,
  );
  const saidWithSchema = new Set<string>();
  for (const [from, { to, exports }] of schemaRenames) {
    renamedExports.set(from, to);
    for (const [name, next] of exports) {
      renamedExports.set(name, next);
      saidWithSchema.add(name);
    }
  }
  // The client renamed (`x-sdk.clientName`): its class and the exports named after it
  // (`ShopOptions` → `ShopClientOptions`) are renamed, not removed beside new ones.
  if (base.clientName !== head.clientName)
    for (const name of oldExports.keys()) {
      if (!name.startsWith(base.clientName) || newExports.has(name) || renamedExports.has(name))
        continue;
      const to = head.clientName + name.slice(base.clientName.length);
      if (newExports.has(to) && !oldExports.has(to)) renamedExports.set(name, to);
    }
  for (const [from, to] of renamedExports) {
    if (saidWithSchema.has(from)) continue;
    const schema = schemaRenames.get(from);
    add(
      'export-renamed',
      from,
      schema === undefined
        ? `export \`${from}\` renamed to \`${to}\`: use \`${to}\` instead`
        : schemaRenameLine(from, schema, oldExports.has('components')),
    );
  }
  for (const name of oldExports.keys())
    if (!newExports.has(name) && !renamedExports.has(name))
      add('export-removed', name, `export \`${name}\` removed`);
  // A value (a runtime class, a function) whose name now holds a type only: a schema named like
  // the runtime's `NotFoundError` takes its name, and the class is exported as `GigsNotFoundError`.
  // `error instanceof NotFoundError` and `new NotFoundError()` no longer compile; plain JavaScript
  // finds no such export.
  for (const [name, oldSymbol] of oldExports) {
    const newSymbol = newExports.get(name);
    if (newSymbol === undefined || !isValue(oldSymbol) || isValue(newSymbol)) continue;
    const movedTo = [...newExports].find(
      ([other, symbol]) =>
        !oldExports.has(other) && isValue(symbol) && symbol.name === oldSymbol.name,
    )?.[0];
    if (movedTo !== undefined) renamedExports.set(name, movedTo);
    add(
      movedTo === undefined ? 'export-removed' : 'export-renamed',
      name,
      `\`${name}\` is a type only now, no longer the ${describeValue(oldSymbol)} it was${movedTo === undefined ? '' : ` (exported as \`${movedTo}\` now: use that)`}: \`new ${name}()\`, \`instanceof ${name}\` and other uses as a value no longer compile`,
    );
  }
  // A schema type's own documentation (its description), as a property's is (`docs-changed`).
  for (const [name, oldSymbol] of oldExports) {
    const newSymbol = newExports.get(name);
    if (newSymbol === undefined) continue;
    if (!isSchemaType(oldSymbol, base.dir) || !isSchemaType(newSymbol, head.dir)) continue;
    // helper-134 2: `deprecated: true` on a schema strikes its type and guards through in editors.
    for (const [rule, message] of docChanges(
      checker,
      oldSymbol,
      newSymbol,
      `\`${name}\``,
      'export-deprecated',
    ))
      add(rule, name, message);
  }
  const renamedTo = new Set(renamedExports.values());
  const addedExports = [...newExports.keys()].filter(
    (name) => !oldExports.has(name) && !renamedTo.has(name),
  );
  if (addedExports.length > 0) {
    const names = addedExports.map((name) => `\`${name}\``).join(', ');
    add(
      'export-added',
      addedExports.join(', '),
      `new ${addedExports.length === 1 ? 'export' : 'exports'} ${names}`,
    );
  }

  if (oldClient === undefined || newClient === undefined) return changes;
  // A type is named in a change when both sides declare it in their src/types.ts, under one name.
  const comparer = new TypeComparer(checker, (before, after) =>
    before !== undefined &&
    after !== undefined &&
    before.name === after.name &&
    isSchemaType(before, base.dir) &&
    isSchemaType(after, head.dir)
      ? after.name
      : undefined,
  );

  const constructorName = `new ${head.clientName}()`;
  for (const finding of compareConstructors(
    checker,
    comparer,
    `new ${head.clientName}`,
    oldClient,
    newClient,
  )) {
    const path = joinPath(finding.segments);
    add(
      finding.rule,
      constructorName,
      `\`${constructorName}\` ${finding.part}: ${finding.describe(path)}`,
    );
  }

  if (
    base.packageName !== undefined &&
    head.packageName !== undefined &&
    base.packageName !== head.packageName
  )
    add(
      'package-renamed',
      head.packageName,
      `the package is now published as \`${head.packageName}\`, no longer as \`${base.packageName}\`: installs of \`${base.packageName}\` get no update; set \`x-sdk.packageName: ${base.packageName}\` in the spec to keep the name`,
    );

  for (const [rule, message] of clientDefaultChanges(base.client, head.client))
    add(rule, constructorName, `\`${constructorName}\` ${message}`);

  for (const [name, paging] of base.pagination ?? []) {
    const next = head.pagination?.get(renamed.get(name) ?? name);
    if (next === undefined) continue; // no longer paginated: the result's type says so
    for (const message of paginationChanges(paging, next))
      add('pagination-changed', `${name}()`, `\`${name}()\` ${message}`);
  }

  for (const [name, method] of oldMethods) {
    const location = `${name}()`;
    const newName = renamed.get(name);
    if (newName !== undefined)
      add(
        'method-renamed',
        location,
        `\`${location}\` renamed to \`${newName}()\` (the same \`${base.operations?.get(name) ?? ''}\`): use \`${newName}()\` instead`,
      );
    const next = newMethods.get(newName ?? name);
    if (next === undefined) {
      add('method-removed', location, `\`${location}\` removed`);
      continue;
    }
    const before = base.operations?.get(name);
    const after = head.operations?.get(newName ?? name);
    if (before !== undefined && after !== undefined && onTheWire(before) !== onTheWire(after))
      add(
        'method-retargeted',
        location,
        `\`${location}\` now calls \`${after}\` (was \`${before}\`): calls that compiled still compile, and do something else`,
      );
    const reordered = reorderedArguments(checker, method, next);
    if (reordered !== undefined)
      add(
        'arguments-reordered',
        location,
        `\`${location}\` takes its arguments in another order, (${reordered[0].join(', ')}) → (${reordered[1].join(', ')}): calls that compiled may still compile, and pass each value as another argument`,
      );
    for (const [rule, message] of docChanges(
      checker,
      method,
      next,
      `\`${location}\``,
      'method-deprecated',
    ))
      add(rule, location, message);
    for (const finding of compareSignatures(checker, comparer, name, method, next)) {
      const path = joinPath(finding.segments);
      const message = `\`${location}\` ${finding.part}: ${finding.describe(path)}`;
      const inType = finding.owner === undefined ? undefined : typeTerms(finding, finding.owner);
      changes.push({
        level: levels[finding.rule],
        kind: `sdk/${finding.rule}`,
        location,
        message,
        ...(inType === undefined ? {} : { inType }),
      });
    }
  }
  const methodsRenamedTo = new Set(renamed.values());
  for (const name of newMethods.keys())
    if (!oldMethods.has(name) && !methodsRenamedTo.has(name))
      add('method-added', `${name}()`, `new method \`${name}()\``);

  comparePaths(pathsOf(checker, program, base.dir), pathsOf(checker, program, head.dir), add);
  for (const [rule, message] of pathClientResults(
    checker,
    comparer,
    pathsTypeOf(oldExports),
    pathsTypeOf(newExports),
  ))
    add(rule, 'paths', message);

  // Schema types (src/types.ts) that no method's signature reaches: compared as the spec uses them.
  const reachable = new Set<ts.Symbol>();
  reachableTypes(checker, [...oldMethods.values(), ...newMethods.values()], reachable);
  for (const [name, oldSymbol] of oldExports) {
    const newSymbol = newExports.get(name);
    if (newSymbol === undefined) continue;
    if (!isSchemaType(oldSymbol, base.dir) || !isSchemaType(newSymbol, head.dir)) continue;
    if (reachable.has(oldSymbol) || reachable.has(newSymbol)) continue;
    const uses = new Set([...(base.uses.get(name) ?? []), ...(head.uses.get(name) ?? [])]);
    const inputs = [...uses].filter((use) => INPUT_USES.has(use));
    const outputs = [...uses].filter((use) => !INPUT_USES.has(use));
    const directions: [Direction, string][] = [];
    if (inputs.length > 0)
      directions.push(['input', `a type of ${inputs.join(' and ')}, compared as passed`]);
    if (outputs.length > 0)
      directions.push(['output', `a type of ${outputs.join(' and ')}, compared as read`]);
    if (uses.size === 0) directions.push(['output', 'a type no operation uses, compared as read']);
    for (const [direction, label] of directions) {
      const findings = comparer.compare(
        checker.getDeclaredTypeOfSymbol(oldSymbol),
        checker.getDeclaredTypeOfSymbol(newSymbol),
        direction,
      );
      for (const finding of findings)
        add(
          finding.rule,
          name,
          `\`${name}\` (${label}): ${finding.describe(joinPath(finding.segments))}`,
        );
    }
  }

  const schemaFindings = new Map<string, Finding[]>();
  // The package's other exported types, which users name and read (dates.ts's `Revived['Plan']`,
  // what `revivePlan()` returns): compared as read. openapi-typescript's maps are compared by
  // their keys instead: an operationId or a component renamed breaks `operations['retrievePlan']`,
  // a response or parameter removed `operations['retrievePlan']['responses'][404]` (OPERATION_KEYS);
  // what the keys hold is compared above, through the methods, paths and schema types.
  for (const [name, oldSymbol] of oldExports) {
    const newSymbol = newExports.get(name);
    if (newSymbol === undefined || !isPlainType(oldSymbol) || !isPlainType(newSymbol)) continue;
    if (!isSpecType(oldSymbol, base.dir) || !isSpecType(newSymbol, head.dir)) continue;
    // `paths` is what the typed path client takes: compared through it above, but for the keys
    // inside an operation without an operationId, which only `paths` holds.
    if (name !== 'paths' && (reachable.has(oldSymbol) || reachable.has(newSymbol))) continue;
    const oldType = checker.getDeclaredTypeOfSymbol(oldSymbol);
    const newType = checker.getDeclaredTypeOfSymbol(newSymbol);
    const shape = OPENAPI_TS_MAPS.get(name);
    if (shape !== undefined) {
      const keys = removedKeys(checker, oldType, newType, shape);
      for (const key of keys.written) {
        // Said once: where the method that calls the operation breaks for its parameters, that
        // line names the break (helper-121 V3: any change of the method hid it, a minor one too).
        const method = methodOfKey(name, key, head);
        if (
          method !== undefined &&
          changes.some(
            (c) =>
              c.level === 'major' &&
              /^sdk\/parameter-(required|type-changed|enum-values-removed|removed|renamed)$/.test(
                c.kind,
              ) &&
              c.location.includes(`${method}()`),
          )
        )
          continue;
        add(
          'parameter-type-changed',
          name,
          `\`${name}${key}\` takes what the old one does not (${checker.typeToString(typeAt(checker, newType, key))}): a typed path client call (\`pathsClient(client)\`) passing what it took before no longer compiles`,
        );
      }
      for (const key of keys.changed)
        add(
          'export-type-changed',
          name,
          `\`${name}${key}\` reads a type the old one does not hold (${checker.typeToString(typeAt(checker, newType, key))}): code that reads it no longer compiles`,
        );
      for (const key of keys.narrowed)
        add(
          'export-type-changed',
          name,
          `\`${name}${key}\` narrowed from \`${checker.typeToString(typeAt(checker, oldType, key))}\` to \`${checker.typeToString(typeAt(checker, newType, key))}\`: code that compares it with another value, in \`===\` or a \`switch\` case, no longer compiles`,
        );
      for (const key of keys.removed) {
        // A schema renamed: its line names `components["schemas"]["<old>"]` too.
        if (name === 'components' && renamedComponent(key, schemaRenames)) continue;
        const message = `\`${name}${key}\` removed: code that names it no longer compiles`;
        // An error response (4xx, 5xx) no longer documented is rated as on the wire: the calls
        // are the same (the client throws the same error for that status), only code naming the
        // response's type changes.
        if (/^(\["[^"]*"\]){1,2}\["responses"\]\["[45][^"]*"\]$/.test(key))
          changes.push({
            level: errorResponseRemoved,
            kind: 'sdk/export-type-changed',
            location: name,
            message: `${message}; calls are unchanged: the client throws the same error for that status`,
          });
        else add('export-type-changed', name, message);
      }
      continue;
    }
    // The spec declares no error body any more: its last error response was removed, rated as
    // such (an error response no longer documented), though `error.body.code` stops compiling.
    if (
      name === 'ErrorBody' &&
      declaredUnknown(newSymbol) &&
      (oldType.flags & ts.TypeFlags.Unknown) === 0
    ) {
      changes.push({
        level: errorResponseRemoved,
        kind: 'sdk/export-type-changed',
        location: name,
        message: `\`${name}\` is \`unknown\` now (was \`${checker.typeToString(oldType)}\`): the spec declares no error body any more, so code that reads \`error.body\`'s fields no longer compiles; calls are unchanged`,
      });
      continue;
    }
    for (const finding of comparer.compare(oldType, newType, 'output')) {
      if (schemaTypeHas(finding)) continue;
      add(
        finding.rule === 'result-type-changed' ||
          finding.rule === 'result-property-removed' ||
          finding.rule === 'result-property-optional' ||
          finding.rule === 'result-enum-values-removed'
          ? 'export-type-changed'
          : finding.rule,
        name,
        `\`${name}\` (an exported type, compared as read): ${finding.describe(joinPath(finding.segments))}`,
      );
    }
  }
  return changes;

  /**
   * Whether a change inside a member of an exported type (`Revived['Order']`, dates.ts) is the same
   * change of the schema type the member is named after (`Order`: the same rule at the same path
   * inside it), which its own line reports already. What only the member changes (a property that
   * became a date: `Revived['Order']` reads a `Date` where `Order` still has a string) is not.
   */
  function schemaTypeHas(finding: Finding): boolean {
    const [member, ...inside] = finding.segments;
    if (member === undefined) return false;
    const schemaFindings = schemaFindingsOf(member);
    return schemaFindings.some(
      (other) =>
        other.rule === finding.rule &&
        other.segments.length === inside.length &&
        other.segments.every((segment, index) => segment === inside[index]),
    );
  }

  /** The changes of the schema type `name` (src/types.ts), compared as read; none if it is not one in both. */
  function schemaFindingsOf(name: string): Finding[] {
    let found = schemaFindings.get(name);
    if (found === undefined) {
      const oldSymbol = oldExports.get(name);
      const newSymbol = newExports.get(name);
      found =
        oldSymbol !== undefined &&
        newSymbol !== undefined &&
        isSchemaType(oldSymbol, base.dir) &&
        isSchemaType(newSymbol, head.dir)
          ? comparer.compare(
              checker.getDeclaredTypeOfSymbol(oldSymbol),
              checker.getDeclaredTypeOfSymbol(newSymbol),
              'output',
            )
          : [];
      schemaFindings.set(name, found);
    }
    return found;
  }
}

/**
 * Which keys of a type are compared: under each key (`'*'`: every key) the keys below it, `null`
 * where the comparison stops (what is there is compared elsewhere: a schema's type through the
 * schema types, a component by its name).
 */
interface KeyShape {
  [key: string]: KeyShape | null | 'read' | 'write';
}

/**
 * In a {@link KeyShape}, beside the keys: the value at this key is also compared as written, as a
 * typed path client call passes it (the old one must still be accepted).
 */
const WRITTEN = '=written';

/**
 * An operation as openapi-typescript writes it: its parameters by place and name, its request
 * body's and responses' media types, its responses by status and their headers by name. Code
 * names each (`operations['retrievePlan']['responses'][404]['content']['application/json']`), so
 * one gone breaks it, as an operationId gone does.
 */
const OPERATION_KEYS: KeyShape = {
  // What a typed path client call passes: a parameter made required or narrowed (an enum) breaks
  // `pathsClient(client).POST(…)` calls that compiled (helper-120 L2).
  parameters: { [WRITTEN]: 'write', '*': { '*': null } },
  requestBody: { [WRITTEN]: 'write', content: { '*': null } },
  // A response header's value is typed here only (no schema type holds it): compared as read.
  responses: { '*': { headers: { '*': 'read' }, content: { '*': null } } },
};

/**
 * openapi-typescript's exported maps, keyed by operationId (`operations`), by webhook and method
 * (`webhooks`), or by section and name, and what of them is compared by its keys.
 */
const OPENAPI_TS_MAPS = new Map<string, KeyShape>([
  ['operations', { '*': OPERATION_KEYS }],
  // An operation with an operationId is `operations['…']` there: its keys are compared under
  // `operations` (removedKeys does not go into such a reference); one without is written inline.
  ['paths', { '*': { '*': OPERATION_KEYS } }],
  ['webhooks', { '*': { '*': OPERATION_KEYS } }],
  ['components', { '*': { '*': null } }],
  ['$defs', { '*': { '*': null } }],
]);

/**
 * Declared by a module the spec writes besides src/types.ts: the date helpers' `Revived`
 * (src/dates.ts), the guards' types, openapi-typescript's maps (src/openapi.ts), the error
 * responses' `ErrorBody` (src/runtime/error-body.ts). Option types and
 * the runtime's classes are no data the spec describes (and a class with private members is never
 * assignable across two packages).
 */
function isSpecType(symbol: ts.Symbol, dir: string): boolean {
  const file = symbol.declarations?.[0]?.getSourceFile().fileName;
  return (
    file !== undefined &&
    // runtime/error-body.ts: `ErrorBody`, what every error's `body` is (APIError#body), the
    // union of the spec's error response schemas: one more breaks `error.body.message`.
    ['dates.ts', 'guards.ts', 'openapi.ts', 'runtime/error-body.ts'].some(
      (name) => resolve(file) === join(dir, 'src', name),
    )
  );
}

/** An interface or type alias without type parameters (one a user names as it is). */
function isPlainType(symbol: ts.Symbol): boolean {
  if ((symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) === 0) return false;
  if ((symbol.flags & ts.SymbolFlags.Value) !== 0) return false;
  return !(symbol.declarations ?? []).some(
    (declaration) =>
      (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) &&
      (declaration.typeParameters?.length ?? 0) > 0,
  );
}

/**
 * The keys of `before` that `shape` names (`['retrievePlan']['responses']['404']`,
 * `['schemas']['Plan']`), gone from `after` (below a key gone, nothing more is listed), and those
 * `shape` marks `'read'` whose new type the old one does not hold (a response header no longer
 * required reads `number | undefined` where code expects `number`).
 */
function removedKeys(
  checker: ts.TypeChecker,
  before: ts.Type,
  after: ts.Type,
  shape: KeyShape,
): { removed: string[]; changed: string[]; narrowed: string[]; written: string[] } {
  const removed: string[] = [];
  const changed: string[] = [];
  const narrowed: string[] = [];
  const written: string[] = [];
  for (const property of checker.getPropertiesOfType(before)) {
    const below = Object.hasOwn(shape, property.name) ? shape[property.name] : shape['*'];
    if (below === undefined) continue;
    const key = `[${JSON.stringify(property.name)}]`;
    const next = checker.getPropertyOfType(after, property.name);
    if (next === undefined) {
      removed.push(key);
      continue;
    }
    if (below === 'read') {
      const [was, now] = [checker.getTypeOfSymbol(property), checker.getTypeOfSymbol(next)];
      if (!checker.isTypeAssignableTo(now, was)) changed.push(key);
      // A response header `string` → `'ok'`: `h === 'other'` no longer compiles (helper-137 3).
      else if (narrowsToLiterals(was, now)) narrowed.push(key);
      continue;
    }
    if (below !== null && below !== 'write' && !namesAnOperation(property)) {
      const [was, now] = [checker.getTypeOfSymbol(property), checker.getTypeOfSymbol(next)];
      if (below[WRITTEN] === 'write' && !checker.isTypeAssignableTo(was, now)) written.push(key);
      const inner = removedKeys(
        checker,
        checker.getNonNullableType(was),
        checker.getNonNullableType(now),
        below,
      );
      removed.push(...inner.removed.map((path) => `${key}${path}`));
      changed.push(...inner.changed.map((path) => `${key}${path}`));
      narrowed.push(...inner.narrowed.map((path) => `${key}${path}`));
      written.push(...inner.written.map((path) => `${key}${path}`));
    }
  }
  return { removed, changed, narrowed, written };
}

/**
 * The client method behind a key path of openapi-typescript's `operations` (`["retrievePlan"]…`,
 * by operationId) or `paths` (`["/plans/{plan}"]["get"]…`), when the package has one.
 */
function methodOfKey(map: string, key: string, side: SdkPackage): string | undefined {
  const [first, second] = [...key.matchAll(/\[("(?:[^"\\]|\\.)*")\]/g)].map(
    ([, name]) => JSON.parse(name!) as string,
  );
  const wanted =
    map === 'operations'
      ? (method: string) => side.operationIds?.get(method) === first
      : (method: string) =>
          side.operations?.get(method) === `${(second ?? '').toUpperCase()} ${first ?? ''}`;
  return [...(side.operationIds?.keys() ?? side.operations?.keys() ?? [])].find(wanted);
}

/** The type at a key path of {@link removedKeys} (`["a"]["b"]`) inside `type`. */
function typeAt(checker: ts.TypeChecker, type: ts.Type, path: string): ts.Type {
  let at = type;
  for (const [, name] of path.matchAll(/\[("(?:[^"\\]|\\.)*")\]/g)) {
    const property = checker.getPropertyOfType(
      checker.getNonNullableType(at),
      JSON.parse(name!) as string,
    );
    if (property === undefined) return at;
    at = checker.getTypeOfSymbol(property);
  }
  return at;
}

/** Whether a member of `paths` or `webhooks` is declared as `operations['…']`. */
function namesAnOperation(property: ts.Symbol): boolean {
  const declaration = property.valueDeclaration ?? property.declarations?.[0];
  const type =
    declaration !== undefined && ts.isPropertySignature(declaration) ? declaration.type : undefined;
  return (
    type !== undefined &&
    ts.isIndexedAccessTypeNode(type) &&
    ts.isTypeReferenceNode(type.objectType) &&
    ts.isIdentifier(type.objectType.typeName) &&
    type.objectType.typeName.text === 'operations'
  );
}

/**
 * A change inside an exported type, in that type's terms: "`Plan`: new optional property
 * `nickname`" (or "`PlanStatus` may now be `"retired"`" at the type's root), and where the method
 * meets the type: its result, or the argument and the path a call passes it at (`params
 * \`status[]\``).
 */
function typeTerms(
  finding: Finding & { part: string },
  owner: NonNullable<Finding['owner']>,
): NonNullable<Change['inType']> {
  const name = `\`${owner.name}\``;
  const inside = joinPath(owner.segments);
  const atRoot = inside === '' ? finding.describe('', name) : undefined;
  const message =
    atRoot !== undefined && atRoot.startsWith(name)
      ? atRoot
      : `${name}: ${finding.describe(inside)}`;
  const outer = joinPath(
    finding.segments.slice(0, finding.segments.length - owner.segments.length),
  );
  const use =
    finding.part === 'result'
      ? 'results'
      : outer === ''
        ? finding.part
        : `${finding.part} \`${outer}\``;
  return { name: owner.name, message, use };
}

/**
 * Methods gone from the client whose operation (HTTP method and path) a new method serves: a new
 * `x-sdk-method` or operationId for the same call. Old name → new name; only one-to-one pairs.
 * Paths are compared with their parameters' names left out (`/things/{id}` is `/things/{thingId}`
 * on the wire, OpenAPI 3.1.1 §4.8.8), so a rename that also renames a path parameter is found.
 */
function renamedMethods(
  oldMethods: ReadonlyMap<string, ts.Symbol>,
  newMethods: ReadonlyMap<string, ts.Symbol>,
  oldOperations: ReadonlyMap<string, string> | undefined,
  newOperations: ReadonlyMap<string, string> | undefined,
): Map<string, string> {
  const renamed = new Map<string, string>();
  if (oldOperations === undefined || newOperations === undefined) return renamed;
  const wire = onTheWire;
  const added = new Map<string, string[]>();
  for (const name of newMethods.keys()) {
    const operation = newOperations.get(name);
    if (oldMethods.has(name) || operation === undefined) continue;
    added.set(wire(operation), [...(added.get(wire(operation)) ?? []), name]);
  }
  for (const name of oldMethods.keys()) {
    const operation = oldOperations.get(name);
    if (newMethods.has(name) || operation === undefined) continue;
    const candidates = added.get(wire(operation));
    if (candidates?.length === 1) renamed.set(name, candidates[0]!);
  }
  return renamed;
}

/** An operation as requests show it: `GET /plans/{plan}` and `GET /plans/{id}` are the same. */
function onTheWire(operation: string): string {
  return operation.replace(/\{[^}]*\}/g, '{}');
}

/**
 * The names of the method's parameters before and after, when the ones it has on both sides come
 * in another order (`(plan, document)` → `(document, plan)`); undefined otherwise.
 */
function reorderedArguments(
  checker: ts.TypeChecker,
  before: ts.Symbol,
  after: ts.Symbol,
): [string[], string[]] | undefined {
  const names = (symbol: ts.Symbol) =>
    checker
      .getTypeOfSymbol(symbol)
      .getCallSignatures()[0]
      ?.parameters.map((parameter) => parameter.name) ?? [];
  const old = names(before);
  const next = names(after);
  const common = (list: string[], other: string[]) => list.filter((name) => other.includes(name));
  const a = common(old, next);
  const b = common(next, old);
  return a.some((name, i) => name !== b[i]) ? [old, next] : undefined;
}

/** What each `x-sdk-pagination` setting names, for {@link paginationChanges}. */
const PAGINATION_SETTINGS: readonly [keyof PaginationModel, string][] = [
  ['itemsField', 'the result property that holds the items'],
  ['nextCursorField', "the result property with the next page's cursor"],
  ['prevCursorField', "the result property with the previous page's cursor"],
  ['afterParam', "the query parameter that takes the next page's cursor"],
  ['beforeParam', "the query parameter that takes the previous page's cursor"],
  ['limitParam', 'the query parameter for the page size'],
];

/**
 * How a paginated method's iteration changed (its `x-sdk-pagination`): code compiles as before,
 * and `for await`, `nextPage()` and `previousPage()` follow other fields, so a listing can stop
 * after its first page, or page backward no more (helper-120 L1).
 */
function paginationChanges(before: PaginationModel, after: PaginationModel): string[] {
  const shown = (value: string | undefined) => (value === undefined ? 'none' : `\`${value}\``);
  return PAGINATION_SETTINGS.filter(([key]) => before[key] !== after[key]).map(
    ([key, what]) =>
      `pages by other fields (\`x-sdk-pagination.${key}\`): ${what} is ${shown(after[key])}, no longer ${shown(before[key])}; calls compile as before, and iterating (\`for await\`, \`nextPage()\`, \`previousPage()\`) follows ${after[key] === undefined ? 'none' : 'the new one'}`,
  );
}

/** Changes of what the client does without being told (see {@link SdkPackage.client}). */
function clientDefaultChanges(
  before: SdkPackage['client'],
  after: SdkPackage['client'],
): [SdkRule, string][] {
  if (before === undefined || after === undefined) return [];
  const changes: [SdkRule, string][] = [];
  for (const [option, variable] of Object.entries(before.environment)) {
    const next = after.environment[option];
    if (next !== undefined && next !== variable)
      changes.push([
        'environment-variable-renamed',
        `reads \`${option}\` from \`${next}\`, no longer from \`${variable}\`: set \`${next}\` where \`${variable}\` is set`,
      ]);
  }
  // The same URL written otherwise (a trailing `/`, the host's case) sends where it sent.
  const trimmed = (url: string | undefined) => (url === undefined ? undefined : normalURL(url));
  if (trimmed(before.baseURL) !== trimmed(after.baseURL))
    changes.push([
      'default-base-url-changed',
      after.baseURL === undefined
        ? `has no default base URL any more (was \`${before.baseURL ?? ''}\`): pass \`baseURL\``
        : `sends requests to \`${after.baseURL}\` by default (was ${before.baseURL === undefined ? 'none' : `\`${before.baseURL}\``})`,
    ]);
  if (
    before.credential !== undefined &&
    after.credential !== undefined &&
    before.credential !== after.credential
  )
    changes.push([
      'credential-changed',
      `sends its token as ${after.credential} (was ${before.credential}): a token of the old kind is refused`,
    ]);
  return changes;
}

/**
 * Exports gone whose name holds a renamed method's name where a new export holds the new one:
 * `OrderListParams` → `OrderAllParams` for `client.orders.list` → `client.orders.all` (the
 * generator names an operation's own types after its method). Old name → new name.
 */
function renamedTypes(
  oldExports: ReadonlyMap<string, ts.Symbol>,
  newExports: ReadonlyMap<string, ts.Symbol>,
  methods: ReadonlyMap<string, string>,
): Map<string, string> {
  const renamed = new Map<string, string>();
  const word = (method: string) => {
    const last = method.slice(method.lastIndexOf('.') + 1);
    return last.charAt(0).toUpperCase() + last.slice(1);
  };
  for (const [from, to] of methods) {
    const [before, after] = [word(from), word(to)];
    for (const name of oldExports.keys()) {
      if (newExports.has(name) || renamed.has(name) || !name.includes(before)) continue;
      const candidate = name.replace(before, after);
      if (newExports.has(candidate) && !oldExports.has(candidate)) renamed.set(name, candidate);
    }
  }
  return renamed;
}

/**
 * Schema types renamed: one gone and one new (src/types.ts) of the same shape, each other's only
 * match (each assignable to the other), with the exports named after them (`isOrder` → `isPurchase`,
 * `OrderInput` → `PurchaseInput`). A removed type with no single match stays removed.
 */
function renamedSchemas(
  checker: ts.TypeChecker,
  oldExports: ReadonlyMap<string, ts.Symbol>,
  newExports: ReadonlyMap<string, ts.Symbol>,
  known: ReadonlyMap<string, string>,
  baseDir: string,
  headDir: string,
): Map<string, SchemaRename> {
  const taken = new Set(known.values());
  const gone = [...oldExports].filter(
    ([name, symbol]) => !newExports.has(name) && !known.has(name) && isSchemaType(symbol, baseDir),
  );
  const added = [...newExports].filter(
    ([name, symbol]) => !oldExports.has(name) && !taken.has(name) && isSchemaType(symbol, headDir),
  );
  const same = (a: ts.Symbol, b: ts.Symbol) => {
    const [before, after] = [
      checker.getDeclaredTypeOfSymbol(a),
      checker.getDeclaredTypeOfSymbol(b),
    ];
    return checker.isTypeAssignableTo(before, after) && checker.isTypeAssignableTo(after, before);
  };
  const matches = new Map(
    gone.map(([name, symbol]) => [
      name,
      added.filter(([, other]) => same(symbol, other)).map(([n]) => n),
    ]),
  );
  const renamed = new Map<string, SchemaRename>();
  for (const [from, candidates] of matches) {
    if (candidates.length !== 1) continue;
    const to = candidates[0]!;
    if ([...matches.values()].filter((list) => list.includes(to)).length !== 1) continue;
    const exports: [string, string][] = [];
    // The exports named after it: the guards (`isOrder`), the request type (`OrderInput`).
    const word = new RegExp(`${from.replace(/[$]/g, '\\$&')}(?![a-z])`);
    for (const name of oldExports.keys()) {
      if (name === from || newExports.has(name) || known.has(name) || !word.test(name)) continue;
      const candidate = name.replace(word, () => to);
      if (newExports.has(candidate) && !oldExports.has(candidate) && !taken.has(candidate))
        exports.push([name, candidate]);
    }
    renamed.set(from, { to, exports });
  }
  return renamed;
}

/** A schema type renamed to `to`, with the exports named after it (its guards), old → new. */
interface SchemaRename {
  to: string;
  exports: [string, string][];
}

/**
 * One line for a schema renamed (helper-160 3: four "export renamed" lines and a
 * `components["schemas"]["Channel"]` removed, for one rename): the type, the exports named after
 * it and its key in openapi.ts's `components`, each with its new name.
 */
function schemaRenameLine(
  from: string,
  { to, exports }: SchemaRename,
  components: boolean,
): string {
  const pairs = [
    ...exports.map(([name, next]) => `\`${name}\` → \`${next}\``),
    ...(components ? [`\`components["schemas"]["${from}"]\` → \`["${to}"]\``] : []),
  ];
  const also = pairs.length === 0 ? '' : ` with what is named after it (${pairs.join(', ')})`;
  return `schema type \`${from}\` renamed to \`${to}\`${also}: the same shape, under new names; code that imports or names the old ones no longer compiles, use the new ones`;
}

/**
 * Whether openapi.ts's `components` key removed (`["schemas"]["Channel"]`) is a renamed schema's,
 * said in its rename line: the component's name as a type name is the type's.
 */
function renamedComponent(key: string, renames: ReadonlyMap<string, SchemaRename>): boolean {
  const match = /^\["schemas"\]\["((?:[^"\\]|\\.)*)"\]$/.exec(key);
  if (match === null) return false;
  const name = JSON.parse(`"${match[1]!}"`) as string;
  const asType = (text: string) => text.replace(/[^A-Za-z0-9_$]/g, '').toLowerCase();
  return [...renames.keys()].some((from) => asType(from) === asType(name));
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** openapi.ts's `paths`: each path template → the methods it has; undefined without one. */
function pathsOf(
  checker: ts.TypeChecker,
  program: ts.Program,
  dir: string,
): Map<string, Set<string>> | undefined {
  const source = program.getSourceFile(join(dir, 'src', 'openapi.ts'));
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  const paths = module === undefined ? undefined : exportsOf(checker, module).get('paths');
  if (paths === undefined) return undefined;
  const result = new Map<string, Set<string>>();
  for (const path of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(paths))) {
    const item = checker.getTypeOfSymbol(path);
    const methods = new Set<string>();
    for (const method of HTTP_METHODS) {
      const property = checker.getPropertyOfType(item, method);
      if (property === undefined) continue;
      const type = checker.getNonNullableType(checker.getTypeOfSymbol(property));
      if ((type.flags & ts.TypeFlags.Never) === 0) methods.add(method.toUpperCase());
    }
    result.set(path.name, methods);
  }
  return result;
}

function comparePaths(
  before: Map<string, Set<string>> | undefined,
  after: Map<string, Set<string>> | undefined,
  add: (rule: SdkRule, location: string, message: string) => void,
): void {
  if (before === undefined || after === undefined) return;
  const calls = (path: string, methods: Iterable<string>) =>
    [...methods].map((method) => `\`${method} ${path}\``).join(', ');
  for (const [path, methods] of before) {
    const next = after.get(path);
    const gone = [...methods].filter((method) => next?.has(method) !== true);
    if (gone.length > 0)
      add(
        'typed-path-removed',
        path,
        `the typed path client no longer has ${calls(path, gone)}${next === undefined ? ' (the path template changed or was removed)' : ''}`,
      );
  }
  for (const [path, methods] of after) {
    const previous = before.get(path);
    const added = [...methods].filter((method) => previous?.has(method) !== true);
    if (added.length > 0)
      add('typed-path-added', path, `the typed path client has ${calls(path, added)}`);
  }
}

/** A schema's type: an interface or type alias of the package's `src/types.ts`. */
function isSchemaType(symbol: ts.Symbol, dir: string): boolean {
  const file = symbol.declarations?.[0]?.getSourceFile().fileName;
  return (
    (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) !== 0 &&
    (symbol.flags & ts.SymbolFlags.Value) === 0 &&
    file !== undefined &&
    resolve(file) === join(dir, 'src', 'types.ts')
  );
}

/**
 * Adds the named types the methods' parameters and results reach: through properties, unions, arrays,
 * generics and base interfaces as the checker resolves them, and through every type name written in
 * the declarations on the way (`status?: OrderStatus` resolves to `OrderStatus | undefined`, which
 * has lost the alias; `type Start = End` resolves to `End`'s type).
 */
function reachableTypes(
  checker: ts.TypeChecker,
  methods: readonly ts.Symbol[],
  into: Set<ts.Symbol>,
): void {
  // One walk for every method: a type many methods reach is walked once, at the least depth it is
  // reached at (the depth bound stops generics that instantiate new types at every level).
  const seen = new Map<ts.Type, number>();
  const written = new Set<ts.Symbol>();
  const visitNames = (node: ts.Node | undefined): void => {
    if (node === undefined) return;
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
      const name = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
      let symbol = checker.getSymbolAtLocation(name);
      if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias)
        symbol = checker.getAliasedSymbol(symbol);
      if (symbol !== undefined && !written.has(symbol)) {
        written.add(symbol);
        into.add(symbol);
        for (const declaration of symbol.declarations ?? [])
          if (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration))
            visitNames(declaration);
      }
    }
    ts.forEachChild(node, visitNames);
  };
  const visit = (type: ts.Type, depth: number): void => {
    if (depth > 10 || (seen.get(type) ?? Infinity) <= depth) return;
    seen.set(type, depth);
    for (const symbol of [type.aliasSymbol, type.getSymbol()]) if (symbol) into.add(symbol);
    for (const argument of type.aliasTypeArguments ?? []) visit(argument, depth + 1);
    if (type.isUnionOrIntersection()) for (const member of type.types) visit(member, depth + 1);
    if ((type.flags & ts.TypeFlags.Object) === 0) return;
    const { objectFlags } = type as ts.ObjectType;
    if (objectFlags & ts.ObjectFlags.Reference)
      for (const argument of checker.getTypeArguments(type as ts.TypeReference))
        visit(argument, depth + 1);
    // `interface OrderCreateParams extends OrderCreate {}`: the body's schema type is reached too.
    if (objectFlags & ts.ObjectFlags.ClassOrInterface)
      for (const base of checker.getBaseTypes(type as ts.InterfaceType)) visit(base, depth + 1);
    for (const property of checker.getPropertiesOfType(type)) {
      visit(checker.getTypeOfSymbol(property), depth + 1);
      for (const declaration of property.declarations ?? []) visitNames(declaration);
    }
    for (const info of checker.getIndexInfosOfType(type)) visit(info.type, depth + 1);
  };
  for (const method of methods) {
    for (const signature of checker.getTypeOfSymbol(method).getCallSignatures()) {
      for (const parameter of signature.getParameters()) {
        visit(checker.getTypeOfSymbol(parameter), 0);
        for (const declaration of parameter.declarations ?? []) visitNames(declaration);
      }
      visit(signature.getReturnType(), 0);
      visitNames(signature.getDeclaration().type);
    }
  }
}

/** The package's own tsconfig, type-checking only. */
function compilerOptions(dir: string): ts.CompilerOptions {
  const file = join(dir, 'tsconfig.json');
  const read = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, dir);
  return { ...parsed.options, noEmit: true, skipLibCheck: true, declaration: false };
}

/**
 * Parsed files, kept for the next comparison in the process. Files of the two generated packages
 * are read anew each time and reused only when their text is the same: the packages sit at the
 * same paths from one comparison to the next (work-dir.ts), and most of their files (the
 * runtime's copy, the base's whole package when the base stays) do not change. Every other file
 * (TypeScript's lib files, openapi-fetch's types) stays as it is while the process runs. A parsed
 * and bound file holds nothing of the program it was made for, which is how TypeScript's language
 * service reuses them too.
 */
const parsedFiles = new Map<string, { text: string | undefined; file: ts.SourceFile }>();

function cachingHost(options: ts.CompilerOptions, packageDirs: readonly string[]): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  // By the packages' folders, not by `node_modules` in a path: the temporary folder may be in one.
  const roots = packageDirs.map((dir) => resolve(dir) + sep);
  const inPackage = (fileName: string) => roots.some((root) => resolve(fileName).startsWith(root));
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    const text = inPackage(fileName) ? host.readFile(fileName) : undefined;
    const cached = parsedFiles.get(key);
    if (cached !== undefined && cached.text === text) return cached.file;
    const file =
      text === undefined
        ? getSourceFile(fileName, languageVersion, onError, shouldCreate)
        : ts.createSourceFile(fileName, text, languageVersion);
    if (file !== undefined) parsedFiles.set(key, { text, file });
    return file;
  };
  return host;
}

/** Whether a symbol is (also) a value: a class, a function, a variable, an enum. */
function isValue(symbol: ts.Symbol): boolean {
  return (symbol.flags & ts.SymbolFlags.Value) !== 0;
}

/** A value export in words: `class`, `function` or `value`. */
function describeValue(symbol: ts.Symbol): string {
  if (symbol.flags & ts.SymbolFlags.Class) return 'class';
  if (symbol.flags & ts.SymbolFlags.Function) return 'function';
  return 'value';
}

function exportsOf(checker: ts.TypeChecker, module: ts.Symbol): Map<string, ts.Symbol> {
  const result = new Map<string, ts.Symbol>();
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    result.set(symbol.name, target);
  }
  return result;
}

/**
 * Every public method reachable from the client: `client.plans.retrieve` → its symbol. A
 * property whose type has public methods is a resource, walked up to three levels deep.
 */
function methodsOf(
  checker: ts.TypeChecker,
  type: ts.Type,
  prefix: string,
  depth = 0,
): Map<string, ts.Symbol> {
  const methods = new Map<string, ts.Symbol>();
  for (const property of publicProperties(checker, type)) {
    const name = `${prefix}.${property.name}`;
    const propertyType = checker.getTypeOfSymbol(property);
    if (propertyType.getCallSignatures().length > 0) methods.set(name, property);
    else if (depth < 3 && propertyType.flags & ts.TypeFlags.Object)
      for (const [inner, symbol] of methodsOf(checker, propertyType, name, depth + 1))
        methods.set(inner, symbol);
  }
  return methods;
}

function publicProperties(checker: ts.TypeChecker, type: ts.Type): ts.Symbol[] {
  return checker.getPropertiesOfType(type).filter((property) => {
    if (property.name.startsWith('_') || property.name.startsWith('#')) return false;
    if (property.name.startsWith('__@')) return false; // symbol-keyed (Symbol.asyncIterator)
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (declaration === undefined) return true;
    const flags = ts.getCombinedModifierFlags(declaration);
    return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
  });
}

function isDeprecated(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  return symbol.getJsDocTags(checker).some((tag) => tag.name === 'deprecated');
}

/**
 * Whether the documentation changed besides what a line of its own says: `@deprecated` put on or
 * taken off (`method-deprecated`, `property-deprecated`, `export-deprecated`, "no longer
 * deprecated": one line, not two), `x-preview`'s remark, a changed `@defaultValue`
 * (`withoutDefault`: default-changed).
 */
function docsChanged(
  checker: ts.TypeChecker,
  before: ts.Symbol,
  after: ts.Symbol,
  withoutDefault = false,
): boolean {
  const deprecation = isDeprecated(checker, after) !== isDeprecated(checker, before);
  const preview = inPreview(checker, before) !== inPreview(checker, after);
  const left = (name: string, text: string) =>
    (name === 'deprecated' && deprecation) ||
    (name === 'defaultValue' && withoutDefault) ||
    (name === 'remarks' && preview && text.trim() === PREVIEW_REMARK);
  return docsOf(checker, before, left) !== docsOf(checker, after, left);
}

/**
 * What changed in the documentation of a method or a schema type named `label`, as lines:
 * deprecated (at `deprecatedRule`), no longer deprecated, in or out of preview, and any other
 * change (`docs-changed`).
 */
function docChanges(
  checker: ts.TypeChecker,
  before: ts.Symbol,
  after: ts.Symbol,
  label: string,
  deprecatedRule: SdkRule,
): [SdkRule, string][] {
  const lines: [SdkRule, string][] = [];
  const [was, is] = [isDeprecated(checker, before), isDeprecated(checker, after)];
  if (is && !was) lines.push([deprecatedRule, `${label} deprecated`]);
  if (was && !is) lines.push(['docs-changed', `${label} no longer deprecated`]);
  const preview = previewLine(checker, before, after);
  if (preview !== undefined) lines.push(['docs-changed', preview(label)]);
  if (docsChanged(checker, before, after))
    lines.push(['docs-changed', `${label}: documentation changed`]);
  return lines;
}

/** Whether the symbol's TSDoc says it is in preview (`x-preview: true`: a `@remarks` the generator writes). */
function inPreview(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  return symbol
    .getJsDocTags(checker)
    .some(
      (tag) =>
        tag.name === 'remarks' && ts.displayPartsToString(tag.text).trim() === PREVIEW_REMARK,
    );
}

/**
 * What `x-preview` added or removed says, for `what` (`` `id` ``, `` `client.plans.retrieve()` ``):
 * a stability promise taken back or given, not "documentation changed" (helper-134 6).
 */
function previewLine(
  checker: ts.TypeChecker,
  before: ts.Symbol,
  after: ts.Symbol,
): ((what: string) => string) | undefined {
  const [was, is] = [inPreview(checker, before), inPreview(checker, after)];
  if (was === is) return undefined;
  return is
    ? (what) => `${what} is now in preview (\`x-preview\`): it may change without notice`
    : (what) => `${what} is no longer in preview: it is as stable as the rest of the API`;
}

/** The symbol's documentation: its comment and its tags (openapi-typescript uses `@description`). */
function docsOf(
  checker: ts.TypeChecker,
  symbol: ts.Symbol,
  leftOut: (tag: string, text: string) => boolean = () => false,
): string {
  const tags = symbol
    .getJsDocTags(checker)
    .filter((tag) => !leftOut(tag.name, ts.displayPartsToString(tag.text)))
    .map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`);
  return [ts.displayPartsToString(symbol.getDocumentationComment(checker)), ...tags].join('\n');
}

/**
 * A `default` set, changed or removed, as what it means: for a parameter or a request property,
 * what the API does for calls that leave it out (the client sends no defaults, so whatever SDK
 * version they use); for a result's property, what a response without it means (the SDK does not
 * fill it in).
 */
function defaultLine(
  path: string,
  before: string | undefined,
  after: string | undefined,
  direction: Direction,
): string {
  const what =
    before === undefined
      ? `default of \`${path}\` set to \`${after ?? ''}\``
      : after === undefined
        ? `default of \`${path}\` (\`${before}\`) removed`
        : `default of \`${path}\` changed from \`${before}\` to \`${after}\``;
  if (direction === 'output')
    return after === undefined
      ? `${what}: the API no longer documents what a response without it means (the SDK fills in no defaults)`
      : `${what}: a response without it means \`${after}\` (the SDK fills in no defaults: the property stays missing)`;
  return after === undefined
    ? `${what}: calls that leave it out get what the API does without it, whatever SDK version they use (the client sends no defaults)`
    : `${what}: calls that leave it out now get \`${after}\` from the API, whatever SDK version they use (the client sends no defaults)`;
}

/** The symbol's `@defaultValue` (the spec's `default`, as the generator writes it), if any. */
function defaultOf(checker: ts.TypeChecker, symbol: ts.Symbol): string | undefined {
  const tag = symbol.getJsDocTags(checker).find((candidate) => candidate.name === 'defaultValue');
  return tag === undefined ? undefined : ts.displayPartsToString(tag.text).trim();
}

/** Positional parameters (each as its own root, e.g. `params`) and the resolved result of method `name`. */
function compareSignatures(
  checker: ts.TypeChecker,
  comparer: TypeComparer,
  name: string,
  oldMethod: ts.Symbol,
  newMethod: ts.Symbol,
): (Finding & { part: string })[] {
  return compareCalls(
    checker,
    comparer,
    name,
    checker.getTypeOfSymbol(oldMethod).getCallSignatures()[0],
    checker.getTypeOfSymbol(newMethod).getCallSignatures()[0],
  );
}

/**
 * The client's constructor (`new Gigs(options)`), compared as a call without a result: its options
 * come from the spec too (a security scheme gives `token` and its environment variable, servers
 * give `baseURL` choices), so removing one breaks every `new` that passes it.
 */
function compareConstructors(
  checker: ts.TypeChecker,
  comparer: TypeComparer,
  name: string,
  oldClient: ts.Symbol,
  newClient: ts.Symbol,
): (Finding & { part: string })[] {
  const oldSignature = checker.getTypeOfSymbol(oldClient).getConstructSignatures()[0];
  const newSignature = checker.getTypeOfSymbol(newClient).getConstructSignatures()[0];
  const findings = compareCalls(checker, comparer, name, oldSignature, newSignature, {
    result: false,
  });
  // Options the runtime declares (`responseGuards`, `fetch`, …) are the same template code in both
  // packages; their classes differ only in being two copies (private members make them
  // incompatible), so a finding inside one with an unchanged declaration is not a change.
  const option = (signature: ts.Signature | undefined, property: string) => {
    const parameter = signature?.getParameters()[0];
    if (parameter === undefined) return undefined;
    const type = checker.getNonNullableType(checker.getTypeOfSymbol(parameter));
    const declaration = type.getProperty(property)?.valueDeclaration;
    return declaration !== undefined &&
      /[\\/]src[\\/]runtime[\\/]/.test(declaration.getSourceFile().fileName)
      ? declaration.getText()
      : undefined;
  };
  return findings.filter((finding) => {
    const property = finding.segments[0];
    if (property === undefined) return true;
    const before = option(oldSignature, property);
    return before === undefined || before !== option(newSignature, property);
  });
}

function compareCalls(
  checker: ts.TypeChecker,
  comparer: TypeComparer,
  name: string,
  oldSignature: ts.Signature | undefined,
  newSignature: ts.Signature | undefined,
  { result = true } = {},
): (Finding & { part: string })[] {
  if (oldSignature === undefined || newSignature === undefined) return [];
  const findings: (Finding & { part: string })[] = [];
  const oldParams = oldSignature.getParameters();
  const newParams = newSignature.getParameters();
  // Arguments are matched by position, but for one inserted or removed in front of another
  // (`retrieve(order, options)` → `retrieve(order, params, options)`, a first query parameter):
  // the ones after it are matched to themselves, not `options` to `params`.
  const has = (list: readonly ts.Symbol[], name: string) => list.some((p) => p.name === name);
  for (let i = 0, j = 0; i < oldParams.length || j < newParams.length; i++, j++) {
    const index = j;
    let before = oldParams[i];
    const after = newParams[j];
    if (before !== undefined && after !== undefined && before.name !== after.name) {
      const next = newParams[j + 1];
      if (next?.name === before.name && !has(oldParams, after.name)) {
        const required = !isOptionalParameter(checker, after);
        findings.push({
          part: `argument ${j + 1} (\`${after.name}\`)`,
          rule: required ? 'parameter-required' : 'argument-inserted',
          segments: [],
          describe: () =>
            `new ${required ? 'required' : 'optional'} argument before \`${before!.name}\`: a call that ${required ? `stops before it, or passes \`${before!.name}\` as argument ${j + 1},` : `passes \`${before!.name}\` as argument ${j + 1}`} no longer compiles (it is argument ${j + 2} now)`,
        });
        i--;
        continue;
      }
      if (oldParams[i + 1]?.name === after.name && !has(newParams, before.name)) {
        const gone = before;
        findings.push({
          part: `argument ${i + 1} (\`${gone.name}\`)`,
          rule: 'parameter-removed',
          segments: [],
          describe: () =>
            `removed: a call that passes it no longer compiles (\`${after.name}\` is argument ${j + 1} now)`,
        });
        before = oldParams[++i];
      }
    }
    const part = `argument ${index + 1} (\`${(after ?? before)!.name}\`)`;
    if (after === undefined) {
      findings.push({
        part,
        rule: 'parameter-removed',
        segments: [],
        describe: () => 'removed: a call that passes it no longer compiles',
      });
      continue;
    }
    const required = !isOptionalParameter(checker, after);
    if (before === undefined) {
      findings.push({
        part,
        rule: required ? 'parameter-required' : 'parameter-added',
        segments: [],
        describe: () => (required ? 'new required argument' : 'new optional argument'),
      });
      continue;
    }
    const label = after.name === 'params' ? 'params' : `argument \`${after.name}\``;
    const oldType = checker.getNonNullableType(checker.getTypeOfSymbol(before));
    const newType = checker.getNonNullableType(checker.getTypeOfSymbol(after));
    const inner = comparer.compare(oldType, newType, 'input');
    // The argument itself can no longer be left out: say what that means for a call, not "now
    // required". Where a property of it became required (outside a named type, whose line all its
    // methods share), that is why: one line says both (helper-106 P7 had two).
    if (required && isOptionalParameter(checker, before)) {
      const consequence =
        index === 0
          ? `\`${name}()\` without arguments no longer compiles`
          : 'a call that stops before it no longer compiles';
      const cause = inner.findIndex(
        (finding) => finding.rule === 'parameter-required' && finding.owner === undefined,
      );
      if (cause === -1)
        findings.push({
          part: label,
          rule: 'parameter-required',
          segments: [],
          describe: () => `can no longer be left out: ${consequence}`,
        });
      else {
        const { describe } = inner[cause]!;
        inner[cause] = {
          ...inner[cause]!,
          describe: (path, root) =>
            `${describe(path, root)}, so ${label} can no longer be left out: ${consequence}`,
        };
      }
    }
    for (const finding of inner) findings.push({ ...finding, part: label });
  }
  if (!result) return findings;
  const resolved = (signature: ts.Signature) => {
    const returned = checker.getReturnTypeOfSignature(signature);
    return checker.getAwaitedType(returned) ?? returned;
  };
  // What the call returns besides its value: `PagePromise`'s `for await` and `hasNextPage()`
  // are gone when an operation stops paginating (its `x-sdk-pagination` removed or misspelt).
  const members = (signature: ts.Signature) =>
    new Set(
      checker
        .getPropertiesOfType(checker.getReturnTypeOfSignature(signature))
        .map((member) => member.getName()),
    );
  const [oldMembers, newMembers] = [members(oldSignature), members(newSignature)];
  const lost = [...oldMembers].filter((member) => !newMembers.has(member));
  const gained = [...newMembers].filter((member) => !oldMembers.has(member));
  const shown = (names: string[]) =>
    names.map((name) => `\`${name.replace(/^__@(\w+)@\d+$/, '[Symbol.$1]')}\``).join(', ');
  const wrapper = (signature: ts.Signature) =>
    checker.typeToString(checker.getReturnTypeOfSignature(signature)).replace(/<.*$/, '');
  if (lost.length > 0)
    findings.push({
      part: 'result',
      rule: 'result-promise-changed',
      segments: [],
      describe: () =>
        `returns ${wrapper(newSignature)} now, not ${wrapper(oldSignature)}: ${shown(lost)} ${lost.length === 1 ? 'is' : 'are'} gone${lost.some(isAsyncIterator) ? ' (it no longer paginates: `for await` over it no longer compiles)' : ''}`,
    });
  else if (gained.length > 0)
    findings.push({
      part: 'result',
      rule: 'result-promise-extended',
      segments: [],
      describe: () =>
        `returns ${wrapper(newSignature)} now${gained.some(isAsyncIterator) ? ': it paginates' : ''} (new: ${shown(gained)})`,
    });
  const [oldResult, newResult] = [resolved(oldSignature), resolved(newSignature)];
  for (const finding of comparer.compare(oldResult, newResult, 'output'))
    findings.push({ ...finding, part: 'result' });
  // A result that may now be `undefined` (a success response without a body added beside one
  // with a body): `(await call()).id` no longer compiles. Only at the root: a property's
  // `undefined` is its optionality, compared with the property.
  const [oldVoid, newVoid] = [hasUndefined(oldResult), hasUndefined(newResult)];
  if (oldVoid !== newVoid)
    findings.push({
      part: 'result',
      segments: [],
      ...(newVoid
        ? {
            rule: 'result-type-changed',
            describe: (path: string, root?: string) =>
              `${subject(path, root)} may now be \`undefined\` (a response without a body)`,
          }
        : {
            rule: 'result-type-narrowed',
            describe: (path: string, root?: string) =>
              `${subject(path, root)} is never \`undefined\` now`,
          }),
    });
  return findings;
}

/** `[Symbol.asyncIterator]`, as the checker names the member (`__@asyncIterator@42`). */
const isAsyncIterator = (name: string) => /^__@asyncIterator@\d+$/.test(name);

/** Whether a type is, or is a union with, `undefined` or `void`. */
function hasUndefined(type: ts.Type): boolean {
  const flags = ts.TypeFlags.Undefined | ts.TypeFlags.Void;
  return type.isUnion()
    ? type.types.some((member) => (member.flags & flags) !== 0)
    : (type.flags & flags) !== 0;
}

function isOptionalParameter(checker: ts.TypeChecker, parameter: ts.Symbol): boolean {
  const declaration = parameter.valueDeclaration;
  return declaration !== undefined && ts.isParameter(declaration)
    ? checker.isOptionalParameter(declaration)
    : false;
}

/**
 * Structural comparison of two types in one direction: `input` (what a call passes: the old value
 * must still be accepted) or `output` (what a call returns: the new value must still be readable
 * as the old type). Objects are compared property by property, arrays by their items, unions of
 * literals (enums) value by value; anything else by assignability. Results are kept per pair of
 * types, so a schema shared by many methods is walked once.
 */
class TypeComparer {
  private readonly done = new Map<string, Finding[]>();
  private readonly active = new Set<string>();
  private readonly ids = new Map<ts.Type, number>();

  /**
   * `schemaName` gives the name of an exported schema type both sides declare (the old type's
   * symbol, the new one's), else undefined: the changes found inside it are its own (`owner`).
   */
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly schemaName: (
      before: ts.Symbol | undefined,
      after: ts.Symbol | undefined,
    ) => string | undefined,
  ) {}

  /**
   * `declared`: the schema type the compared value is declared with, when the type itself no
   * longer carries the name (`status?: PlanStatus` is `PlanStatus | undefined`, a union of the
   * values without the alias).
   */
  compare(
    oldType: ts.Type,
    newType: ts.Type,
    direction: Direction,
    depth = 0,
    declared?: string,
  ): Finding[] {
    const key = `${direction}:${this.id(oldType)}:${this.id(newType)}`;
    const memoKey = `${key}:${declared ?? ''}`;
    const known = this.done.get(memoKey);
    if (known !== undefined) return known;
    if (this.active.has(key) || depth > 12) return []; // a cycle: compared where it started
    this.active.add(key);
    const findings = this.compareUncached(oldType, newType, direction, depth, declared);
    this.active.delete(key);
    this.done.set(memoKey, findings);
    return findings;
  }

  /**
   * A change to whether the value may be `null` belongs to where it is held (the property), not
   * to its type; everything found inside the type (`structural`) is the named type's own.
   */
  private compareUncached(
    oldType: ts.Type,
    newType: ts.Type,
    direction: Direction,
    depth: number,
    declared: string | undefined,
  ): Finding[] {
    const checker = this.checker;
    const findings: Finding[] = [];
    const before = checker.getNonNullableType(oldType);
    const after = checker.getNonNullableType(newType);
    const name =
      declared ??
      this.schemaName(
        before.aliasSymbol ?? before.getSymbol(),
        after.aliasSymbol ?? after.getSymbol(),
      );
    const structural = this.compareStructure(before, after, direction, depth);
    const owned =
      name === undefined
        ? structural
        : structural.map((finding) =>
            finding.owner === undefined
              ? { ...finding, owner: { name, segments: finding.segments } }
              : finding,
          );
    const oldNull = hasNull(oldType);
    const newNull = hasNull(newType);
    if (oldNull !== newNull) {
      const widened = newNull;
      if (direction === 'output')
        findings.push(
          widened
            ? {
                rule: 'result-type-changed',
                segments: [],
                describe: (path, root) => `${subject(path, root)} may now be \`null\``,
              }
            : {
                rule: 'result-type-narrowed',
                segments: [],
                describe: (path, root) => `${subject(path, root)} is never \`null\` now`,
              },
        );
      else
        findings.push(
          widened
            ? {
                rule: 'parameter-widened',
                segments: [],
                describe: (path, root) => `${subject(path, root)} now accepts \`null\``,
              }
            : {
                rule: 'parameter-type-changed',
                segments: [],
                describe: (path, root) => `${subject(path, root)} no longer accepts \`null\``,
              },
        );
    }
    return [...findings, ...owned];
  }

  private compareStructure(
    before: ts.Type,
    after: ts.Type,
    direction: Direction,
    depth: number,
  ): Finding[] {
    const checker = this.checker;
    const findings: Finding[] = [];
    if (checker.isArrayType(before) && checker.isArrayType(after)) {
      const [oldItem] = checker.getTypeArguments(before as ts.TypeReference);
      const [newItem] = checker.getTypeArguments(after as ts.TypeReference);
      if (oldItem !== undefined && newItem !== undefined)
        for (const finding of this.compare(oldItem, newItem, direction, depth + 1))
          findings.push(prefixed('[]', finding));
      return findings;
    }

    const oldValues = literalValues(checker, before);
    const newValues = literalValues(checker, after);
    if (oldValues !== undefined && newValues !== undefined) {
      findings.push(...enumFindings(oldValues, newValues, direction));
      return findings;
    }

    if (isRecordLike(checker, before) && isRecordLike(checker, after)) {
      const oldProps = dataProperties(checker, before);
      const newProps = dataProperties(checker, after);
      // A map's values (`additionalProperties`): `{ [key: string]: Channel }`.
      const oldValues = checker.getIndexInfoOfType(before, ts.IndexKind.String)?.type;
      const newValues = checker.getIndexInfoOfType(after, ts.IndexKind.String)?.type;
      if (
        oldProps.size + newProps.size > 0 ||
        (oldValues !== undefined && newValues !== undefined)
      ) {
        findings.push(...this.compareProperties(oldProps, newProps, direction, depth));
        if (oldValues !== undefined && newValues !== undefined)
          for (const finding of this.compare(oldValues, newValues, direction, depth + 1))
            findings.push(prefixed(MAP_VALUE, finding));
        else if (oldValues !== newValues)
          findings.push(...this.compareByAssignability(before, after, direction));
        return findings;
      }
    }

    if (before.isUnion() && after.isUnion()) {
      const variants = this.compareVariants(before, after, direction, depth);
      if (variants !== undefined) {
        findings.push(...variants);
        return findings;
      }
    }

    findings.push(...this.compareByAssignability(before, after, direction));
    return findings;
  }

  private compareProperties(
    oldProps: Map<string, ts.Symbol>,
    newProps: Map<string, ts.Symbol>,
    direction: Direction,
    depth: number,
  ): Finding[] {
    const checker = this.checker;
    const findings: Finding[] = [];
    const removed = [...oldProps.keys()].filter((name) => !newProps.has(name));
    const added = [...newProps.keys()].filter((name) => !oldProps.has(name));
    const optional = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Optional) !== 0;
    const typeOf = (symbol: ts.Symbol) =>
      checker.getNonNullableType(checker.getTypeOfSymbol(symbol));

    // A call's parameter that disappears while one of the same type appears: perhaps a rename,
    // which a spec does not record, so the line says what is certain and what to do if it is one.
    if (direction === 'input' && removed.length === 1 && added.length === 1) {
      const [from, to] = [oldProps.get(removed[0]!)!, newProps.get(added[0]!)!];
      if (
        checker.isTypeAssignableTo(typeOf(from), typeOf(to)) &&
        checker.isTypeAssignableTo(typeOf(to), typeOf(from))
      ) {
        const toOptional = optional(to) ? 'optional' : 'required';
        findings.push({
          rule: 'parameter-renamed',
          segments: [],
          describe: (path) => {
            const named = (name: string) => `\`${joinPath([...split(path), name])}\``;
            const [gone, next] = [named(from.name), named(to.name)];
            return `${gone} removed and ${next} (${toOptional}) added, of the same type: if it was renamed, pass ${next} instead`;
          },
        });
        removed.length = 0;
        added.length = 0;
      }
    }
    for (const name of removed) {
      findings.push(
        direction === 'output'
          ? {
              rule: 'result-property-removed',
              segments: [name],
              describe: (path) => `property \`${path}\` removed`,
            }
          : {
              rule: 'parameter-removed',
              segments: [name],
              describe: (path) => `\`${path}\` removed`,
            },
      );
    }
    for (const name of added) {
      const isOptional = optional(newProps.get(name)!);
      if (direction === 'output')
        findings.push({
          rule: 'result-property-added',
          segments: [name],
          describe: (path) => `new ${isOptional ? 'optional ' : ''}property \`${path}\``,
        });
      else
        findings.push({
          rule: isOptional ? 'parameter-added' : 'parameter-required',
          segments: [name],
          describe: (path) => `new ${isOptional ? 'optional' : 'required'} \`${path}\``,
        });
    }
    for (const [name, before] of oldProps) {
      const after = newProps.get(name);
      if (after === undefined) continue;
      if (optional(before) !== optional(after)) {
        const nowOptional = optional(after);
        findings.push(
          direction === 'output'
            ? nowOptional
              ? {
                  rule: 'result-property-optional',
                  segments: [name],
                  describe: (path) => `property \`${path}\` may now be missing`,
                }
              : {
                  rule: 'result-property-required',
                  segments: [name],
                  describe: (path) => `property \`${path}\` is now always present`,
                }
            : nowOptional
              ? {
                  rule: 'parameter-optional',
                  segments: [name],
                  describe: (path) => `\`${path}\` is now optional`,
                }
              : {
                  rule: 'parameter-required',
                  segments: [name],
                  describe: (path) => `\`${path}\` is now required`,
                },
        );
      }
      if (isDeprecated(checker, after) && !isDeprecated(checker, before))
        findings.push({
          rule: 'property-deprecated',
          segments: [name],
          describe: (path) => `\`${path}\` deprecated`,
        });
      if (isDeprecated(checker, before) && !isDeprecated(checker, after))
        findings.push({
          rule: 'docs-changed',
          segments: [name],
          describe: (path) => `\`${path}\` no longer deprecated`,
        });
      // What a call that leaves a parameter out gets: the API applies the new default to calls that
      // compiled and ran before (their behaviour changes with no change of theirs). A default set
      // or removed too (helper-160 1: it read "documentation of `note` changed"), and in a result,
      // what a response without the property means.
      const [oldDefault, newDefault] = [defaultOf(checker, before), defaultOf(checker, after)];
      const defaultChanged = oldDefault !== newDefault;
      if (defaultChanged)
        findings.push({
          rule: 'default-changed',
          segments: [name],
          describe: (path) => defaultLine(path, oldDefault, newDefault, direction),
        });
      const preview = previewLine(checker, before, after);
      if (preview !== undefined)
        findings.push({
          rule: 'docs-changed',
          segments: [name],
          describe: (path) => preview(`\`${path}\``),
        });
      if (docsChanged(checker, before, after, defaultChanged))
        findings.push({
          rule: 'docs-changed',
          segments: [name],
          describe: (path) => `documentation of \`${path}\` changed`,
        });
      for (const finding of this.compare(
        checker.getTypeOfSymbol(before),
        checker.getTypeOfSymbol(after),
        direction,
        depth + 1,
        this.schemaName(declaredSymbol(checker, before), declaredSymbol(checker, after)),
      ))
        findings.push(prefixed(name, finding));
    }
    return findings;
  }

  /**
   * Two unions whose variants are named (`Pickup | Shipping`): each variant compared with the one of
   * the same name, which names what changed inside it (`(delivery as Shipping).carrier`), and the
   * variants one side lacks. Undefined when the two have no variant name in common.
   */
  private compareVariants(
    before: ts.UnionType,
    after: ts.UnionType,
    direction: Direction,
    depth: number,
  ): Finding[] | undefined {
    const byName = (union: ts.UnionType) =>
      new Map(union.types.map((member) => [this.checker.typeToString(member), member]));
    const oldVariants = byName(before);
    const newVariants = byName(after);
    if (![...oldVariants.keys()].some((name) => newVariants.has(name))) return undefined;
    // `string | number` → `'a' | number`: one narrowing to literals, said and rated as one
    // (helper-137 4: "is never `string` now", patch, beside "may now be `"a"`", major).
    if (
      direction === 'output' &&
      this.checker.isTypeAssignableTo(after, before) &&
      narrowsToLiterals(before, after)
    ) {
      return [
        literalNarrowing(this.checker.typeToString(before), this.checker.typeToString(after)),
      ];
    }
    // A variant printed otherwise but the same type (its properties in another order, an inline
    // schema moved into a named one: helper-132 2) is that variant, not one gone and one new.
    const same = (a: ts.Type, b: ts.Type) =>
      this.checker.isTypeAssignableTo(a, b) && this.checker.isTypeAssignableTo(b, a);
    const renamedTo = new Map<string, string>();
    for (const [name, newVariant] of newVariants) {
      if (oldVariants.has(name)) continue;
      const match = [...oldVariants].find(
        ([oldName, oldVariant]) =>
          !newVariants.has(oldName) &&
          ![...renamedTo.values()].includes(oldName) &&
          same(oldVariant, newVariant),
      );
      if (match !== undefined) renamedTo.set(match[0], name);
    }
    const findings: Finding[] = [];
    for (const [name, oldVariant] of oldVariants) {
      const newVariant = newVariants.get(renamedTo.get(name) ?? name);
      if (newVariant === undefined) {
        findings.push(
          direction === 'output'
            ? {
                rule: 'result-type-narrowed',
                segments: [],
                describe: (path, root) => `${subject(path, root)} is never \`${name}\` now`,
              }
            : {
                rule: 'parameter-type-changed',
                segments: [],
                describe: (path, root) => `${subject(path, root)} no longer accepts \`${name}\``,
              },
        );
        continue;
      }
      for (const finding of this.compare(oldVariant, newVariant, direction, depth + 1))
        findings.push(prefixed(`${VARIANT}${name}`, finding));
    }
    const matched = new Set(renamedTo.values());
    for (const name of newVariants.keys()) {
      if (oldVariants.has(name) || matched.has(name)) continue;
      findings.push(
        direction === 'output'
          ? {
              rule: 'result-type-changed',
              segments: [],
              describe: (path, root) => `${subject(path, root)} may now be \`${name}\``,
            }
          : {
              rule: 'parameter-widened',
              segments: [],
              describe: (path, root) => `${subject(path, root)} now accepts \`${name}\``,
            },
      );
    }
    return findings;
  }

  private compareByAssignability(before: ts.Type, after: ts.Type, direction: Direction): Finding[] {
    const checker = this.checker;
    const forward = checker.isTypeAssignableTo(before, after);
    const backward = checker.isTypeAssignableTo(after, before);
    if (forward && backward) return [];
    const from = checker.typeToString(before);
    const to = checker.typeToString(after);
    if (direction === 'output')
      return [
        backward && narrowsToLiterals(before, after)
          ? literalNarrowing(from, to)
          : backward
            ? {
                rule: 'result-type-narrowed',
                segments: [],
                describe: (path, root) =>
                  `${subject(path, root)} narrowed from \`${from}\` to \`${to}\``,
              }
            : {
                rule: 'result-type-changed',
                segments: [],
                describe: (path, root) =>
                  `${subject(path, root)} changed from \`${from}\` to \`${to}\``,
              },
      ];
    return [
      forward
        ? {
            rule: 'parameter-widened',
            segments: [],
            describe: (path, root) =>
              `${subject(path, root)} now accepts \`${to}\` (was \`${from}\`)`,
          }
        : {
            rule: 'parameter-type-changed',
            segments: [],
            describe: (path, root) =>
              `${subject(path, root)} changed from \`${from}\` to \`${to}\``,
          },
    ];
  }

  private id(type: ts.Type): number {
    let id = this.ids.get(type);
    if (id === undefined) this.ids.set(type, (id = this.ids.size + 1));
    return id;
  }
}

/**
 * `string` → `'a' | 'b'`: every value read is still one the old type took, but `=== 'c'` and
 * `case 'c':` no longer compile (TS2367, TS2678), as for enum values removed (helper-134 1).
 */
function literalNarrowing(from: string, to: string): Finding {
  return {
    rule: 'result-enum-values-removed',
    segments: [],
    describe: (path, root) =>
      `${subject(path, root)} narrowed from \`${from}\` to \`${to}\` (code that compares it with another value, in \`===\` or a \`switch\` case, no longer compiles)`,
  };
}

/**
 * Whether `after` (assignable to `before`) keeps literals only where `before` took a whole
 * primitive: `string` → `'a' | 'b'`, `number | null` → `1 | 2 | null`. A comparison with a value
 * outside the literals then no longer compiles. `string | null` → `string` is not one: any value
 * may still be compared with null.
 */
function narrowsToLiterals(before: ts.Type, after: ts.Type): boolean {
  const members = (type: ts.Type) => (type.isUnion() ? type.types : [type]);
  const WIDE = ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.BigInt;
  const LITERAL =
    ts.TypeFlags.StringLiteral |
    ts.TypeFlags.NumberLiteral |
    ts.TypeFlags.BigIntLiteral |
    ts.TypeFlags.TemplateLiteral;
  const wide = (type: ts.Type) =>
    members(type)
      .filter((member) => (member.flags & WIDE) !== 0)
      .map((member) => member.flags & WIDE);
  const lost = wide(before).filter((flag) => !wide(after).includes(flag));
  return lost.length > 0 && members(after).some((member) => (member.flags & LITERAL) !== 0);
}

function enumFindings(
  oldValues: Set<string>,
  newValues: Set<string>,
  direction: Direction,
): Finding[] {
  const gained = [...newValues].filter((value) => !oldValues.has(value));
  const lost = [...oldValues].filter((value) => !newValues.has(value));
  const list = (values: string[]) => values.map((value) => `\`${value}\``).join(', ');
  const findings: Finding[] = [];
  if (direction === 'output') {
    if (gained.length > 0)
      findings.push({
        rule: 'result-enum-values-added',
        segments: [],
        describe: (path, root) =>
          `${subject(path, root)} may now be ${list(gained)} (an exhaustive \`switch\` on it may need a new case)`,
      });
    if (lost.length > 0)
      findings.push({
        rule: 'result-enum-values-removed',
        segments: [],
        describe: (path, root) =>
          `${subject(path, root)} is no longer ${list(lost)} (code that compares it with ${lost.length === 1 ? 'that value' : 'one of them'}, in \`===\` or a \`switch\` case, no longer compiles)`,
      });
  } else {
    if (lost.length > 0)
      findings.push({
        rule: 'parameter-enum-values-removed',
        segments: [],
        describe: (path, root) => `${subject(path, root)} no longer accepts ${list(lost)}`,
      });
    if (gained.length > 0)
      findings.push({
        rule: 'parameter-enum-values-added',
        segments: [],
        describe: (path, root) => `${subject(path, root)} now accepts ${list(gained)}`,
      });
  }
  return findings;
}

/**
 * The type a property is declared with, when its declaration names one: `plan: Plan | null` and
 * `status?: PlanStatus` name `Plan` and `PlanStatus` (the alias symbol, not an import's).
 */
function declaredSymbol(checker: ts.TypeChecker, property: ts.Symbol): ts.Symbol | undefined {
  const declaration = property.valueDeclaration ?? property.declarations?.[0];
  if (
    declaration === undefined ||
    !(ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration))
  )
    return undefined;
  let node = declaration.type;
  while (node !== undefined && ts.isParenthesizedTypeNode(node)) node = node.type;
  if (node !== undefined && ts.isUnionTypeNode(node)) {
    const values = node.types.filter(
      (member) =>
        member.kind !== ts.SyntaxKind.UndefinedKeyword &&
        !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword),
    );
    node = values.length === 1 ? values[0] : undefined;
  }
  if (node === undefined || !ts.isTypeReferenceNode(node)) return undefined;
  const symbol = checker.getSymbolAtLocation(node.typeName);
  return symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias
    ? checker.getAliasedSymbol(symbol)
    : symbol;
}

function hasNull(type: ts.Type): boolean {
  return type.isUnion()
    ? type.types.some((member) => (member.flags & ts.TypeFlags.Null) !== 0)
    : (type.flags & ts.TypeFlags.Null) !== 0;
}

const LITERAL = ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.EnumLiteral;

/** The values of a literal type or a union of literals (an enum), e.g. `"a"`, `1`; else undefined. */
function literalValues(checker: ts.TypeChecker, type: ts.Type): Set<string> | undefined {
  const members = type.isUnion() ? type.types : [type];
  if (members.length === 0 || !members.every((member) => (member.flags & LITERAL) !== 0))
    return undefined;
  return new Set(members.map((member) => checker.typeToString(member)));
}

/** An object type data can take (not an array, a tuple or a function). */
function isRecordLike(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.isIntersection()) return type.types.every((member) => isRecordLike(checker, member));
  return (
    (type.flags & ts.TypeFlags.Object) !== 0 &&
    !checker.isArrayType(type) &&
    !checker.isTupleType(type) &&
    type.getCallSignatures().length === 0
  );
}

/** Properties that hold data: functions (a page's `getNextPage`) and symbol keys are not data. */
function dataProperties(checker: ts.TypeChecker, type: ts.Type): Map<string, ts.Symbol> {
  const result = new Map<string, ts.Symbol>();
  for (const property of publicProperties(checker, type)) {
    if (
      checker.getNonNullableType(checker.getTypeOfSymbol(property)).getCallSignatures().length > 0
    )
      continue;
    result.set(property.name, property);
  }
  return result;
}

function prefixed(segment: string, finding: Finding): Finding {
  return { ...finding, segments: [segment, ...finding.segments] };
}

/** A path segment that names a union's variant: `(delivery as Shipping)` in the printed path. */
const VARIANT = '\u0000as ';

/** A path segment that names a map's values: `labels[key]` in the printed path. */
const MAP_VALUE = '[key]';

/** `['items', '[]', 'nickname']` → `items[].nickname`; a variant segment → `(items[0] as Pickup)`. */
function joinPath(segments: readonly string[]): string {
  return segments.reduce((path, segment) => {
    if (segment.startsWith(VARIANT))
      return `(${path === '' ? 'value' : path} as ${segment.slice(VARIANT.length)})`;
    if (segment === '[]' || segment === MAP_VALUE) return `${path}${segment}`;
    return path === '' ? segment : `${path}.${segment}`;
  }, '');
}

function split(path: string): string[] {
  return path === '' ? [] : [path];
}

/** "`items[].status`" or, at the root of what is compared, "the value" (or the `root` given). */
function subject(path: string, root = 'the value'): string {
  return path === '' ? root : `\`${path}\``;
}

/** The `paths` map a package exports (src/openapi.ts), as a type; undefined without one. */
function pathsTypeOf(exports: ReadonlyMap<string, ts.Symbol>): ts.Symbol | undefined {
  return exports.get('paths');
}

/**
 * What the typed path client's calls resolve to, compared as read: `data` is the union of the
 * bodies of an operation's 2xx responses (every media type of each), `error` that of its 4xx,
 * 5xx and `default` ones, as openapi-fetch types them. A media type or a response added with a
 * body of another type (`text/csv` beside JSON, a 429 with its own schema) makes code that read
 * `data.name` or `error.message` stop compiling, though no key of `paths` was removed. Each new
 * body type must be one an old one holds (a stricter test than the whole unions, never looser).
 */
function pathClientResults(
  checker: ts.TypeChecker,
  comparer: TypeComparer,
  before: ts.Symbol | undefined,
  after: ts.Symbol | undefined,
): [SdkRule, string][] {
  if (before === undefined || after === undefined) return [];
  const found: [SdkRule, string][] = [];
  const oldPaths = checker.getDeclaredTypeOfSymbol(before);
  const newPaths = checker.getDeclaredTypeOfSymbol(after);
  for (const path of checker.getPropertiesOfType(oldPaths)) {
    const next = checker.getPropertyOfType(newPaths, path.name);
    if (next === undefined) continue;
    const oldPath = checker.getNonNullableType(checker.getTypeOfSymbol(path));
    const newPath = checker.getNonNullableType(checker.getTypeOfSymbol(next));
    for (const method of HTTP_METHODS) {
      const was = operationBodies(checker, oldPath, method);
      const now = operationBodies(checker, newPath, method);
      if (was === undefined || now === undefined) continue;
      const call = `\`pathsClient(client).${method.toUpperCase()}(${JSON.stringify(path.name)})\``;
      // An error body under a status and media type both sides have is typed nowhere else (no
      // method returns it): compared here as read, by the rules that rate such changes
      // (helper-131 8: `Err` swapped for `Err2` broke `error.message`, unsaid).
      for (const body of now.error) {
        const old = was.error.find(({ key }) => key === body.key);
        // The same schema by name is compared under its own name (a schema type of src/types.ts).
        if (old === undefined || (old.written !== undefined && old.written === body.written))
          continue;
        for (const finding of comparer.compare(old.type, body.type, 'output'))
          found.push([
            finding.rule === 'result-type-changed' ? 'export-type-changed' : finding.rule,
            `${call}'s \`error\` (${body.key}): ${finding.describe(joinPath(finding.segments))}`,
          ]);
      }
      for (const part of ['data', 'error'] as const) {
        if (was[part].length === 0) continue;
        // A success body under a status and media type both sides have is compared where it is
        // typed (the method's result), by the rules that rate such changes.
        const before = new Set(was[part].map(({ key }) => key));
        const unheld = now[part]
          .filter(({ key }) => !before.has(key))
          .map(({ type }) => type)
          .filter((type) => !was[part].some((old) => checker.isTypeAssignableTo(type, old.type)));
        if (unheld.length === 0) continue;
        const types = unheld.map((type) => checker.typeToString(type)).join(' | ');
        found.push([
          'export-type-changed',
          `${call}'s \`${part}\` may now be a type it was not (${types}): code that reads it no longer compiles`,
        ]);
      }
    }
  }
  return found;
}

/** The body types of an operation's success (`data`) and error (`error`) responses; undefined without the operation. */
function operationBodies(
  checker: ts.TypeChecker,
  pathItem: ts.Type,
  method: string,
): { data: Body[]; error: Body[] } | undefined {
  const operation = checker.getPropertyOfType(pathItem, method);
  if (operation === undefined) return undefined;
  const operationType = checker.getNonNullableType(checker.getTypeOfSymbol(operation));
  if ((operationType.flags & ts.TypeFlags.Never) !== 0) return undefined;
  const responses = checker.getPropertyOfType(operationType, 'responses');
  const bodies = { data: [] as Body[], error: [] as Body[] };
  if (responses === undefined) return bodies;
  const responsesType = checker.getNonNullableType(checker.getTypeOfSymbol(responses));
  for (const response of checker.getPropertiesOfType(responsesType)) {
    const part = /^2/.test(response.name)
      ? 'data'
      : /^[45]/.test(response.name) || response.name === 'default'
        ? 'error'
        : undefined;
    if (part === undefined) continue;
    const responseType = checker.getNonNullableType(checker.getTypeOfSymbol(response));
    const content = checker.getPropertyOfType(responseType, 'content');
    if (content === undefined) continue;
    const contentType = checker.getNonNullableType(checker.getTypeOfSymbol(content));
    for (const media of checker.getPropertiesOfType(contentType))
      bodies[part].push({
        key: `${response.name} ${media.name}`,
        type: checker.getTypeOfSymbol(media),
        written: writtenType(media),
      });
  }
  return bodies;
}

/** A response body of an operation: its status and media type (`200 text/csv`), and its type. */
interface Body {
  key: string;
  type: ts.Type;
  /** The type as openapi.ts writes it (`components["schemas"]["Err"]`). */
  written: string | undefined;
}

/** The type a property's declaration writes, as text; undefined without one. */
function writtenType(symbol: ts.Symbol): string | undefined {
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  return declaration !== undefined && ts.isPropertySignature(declaration)
    ? declaration.type?.getText()
    : undefined;
}

/**
 * Whether a type alias is declared `unknown` itself (`type ErrorBody = unknown`: the spec declares
 * no error body), not a union that TypeScript reads as `unknown` (an error body of any value beside
 * the others: `Err | unknown`, which breaks `error.body.message` as any wider type does).
 */
function declaredUnknown(symbol: ts.Symbol): boolean {
  const declaration = symbol.declarations?.[0];
  return (
    declaration !== undefined &&
    ts.isTypeAliasDeclaration(declaration) &&
    declaration.type.kind === ts.SyntaxKind.UnknownKeyword
  );
}
