/**
 * Emits `src/dates.ts`: for every named schema X that holds `format: date-time` strings (itself or
 * through the schemas it refers to), `reviveX` (wire value → Date objects, straight-line code) and
 * `serializeX` (back to the wire form), the `Revived` interface with each revived type, plus
 * `src/dates-runtime.ts`, the small runtime they import (copied from templates/dates/runtime.ts).
 */
import { readFileSync } from 'node:fs';
import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type InterfaceDeclarationStructure,
  type StatementStructures,
  type VariableStatementStructure,
} from 'ts-morph';
import { docLink, wrapDocText } from './doc-text.ts';
import type { NamedSchema } from '../model/types.ts';
import { DATES_REVIVED_NAME, DATES_RUNTIME_EXPORTS, MODULE_TYPE_NAMES } from '../reserved-names.ts';
import {
  planName,
  reviveName,
  revivedRef,
  typePlan,
  valuePlan,
  type DatesScope,
} from './dates/code.ts';
import { planDates, type Keep, type Reviver } from './dates/plan.ts';
import type { EmittedSourceFile } from './types.ts';
import { jsDocCode } from '../escape.ts';
import { pushAll } from '../json.ts';

const DATES_PATH = 'src/dates.ts';
const DATES_RUNTIME_PATH = 'src/dates-runtime.ts';
const RUNTIME_MODULE = './dates-runtime.js';
/** The name the dates module gives its runtime: `dates.reviveDates`, `dates.Revive`. */
const RUNTIME_NAMESPACE = 'dates';
const RUNTIME_TEMPLATE = new URL('../../templates/dates/runtime.ts', import.meta.url);

export interface DatesOptions {
  /** Module the schema types come from, e.g. `./types.js`. */
  typesModule: string;
  /** Module of the guards (`isX`), e.g. `./guards.js`: they pick the variant of a union to revive. */
  guardsModule: string;
}

/**
 * The revived type of a named schema. A union of named schemas some of which revive (a webhook's
 * `Event`: `oneOf` hundreds of `$ref`s) is written as what it is, `Revived['A'] | Revived['B'] |
 * Exclude<Event, A | B>`: `Revive`'s first-match walk over the variants for each member of the
 * union made TypeScript's work grow with the square of the variants (400: 40 s of tsc). A member
 * that fits a reviving variant is read as revived, as the runtime's guards pick it.
 */
function revivedType(name: string, reviver: Reviver, scope: DatesScope): string {
  if (reviver.kind !== 'variants' || reviver.open === true)
    return `${RUNTIME_NAMESPACE}.Revive<${name}, ${typePlan(reviver, scope)}, ${DATES_REVIVED_NAME}>`;
  for (const target of reviver.targets) scope.types.add(target);
  const revived = reviver.targets.map(revivedRef);
  return [...revived, `Exclude<${name}, ${reviver.targets.join(' | ')}>`].join(' | ');
}

export function emitDates(schemas: readonly NamedSchema[], opts: DatesOptions): EmittedSourceFile {
  const clash = schemas.find((s) => MODULE_TYPE_NAMES.includes(s.name));
  if (clash) {
    throw new Error(
      `schema type name ${clash.name} clashes with the dates module; name schemas with buildSchemaModel`,
    );
  }
  const plans = planDates(schemas);
  const scope: DatesScope = { guards: new Set(), types: new Set() };
  const members: InterfaceDeclarationStructure['properties'] = [];
  const declarations: StatementStructures[] = [];
  for (const schema of schemas) {
    const reviver = plans.get(schema.name);
    if (!reviver) continue;
    scope.types.add(schema.name);
    members.push({
      name: schema.name,
      docs: [`${docLink(schema.name)} with its date-time strings as Date objects.`],
      type: revivedType(schema.name, reviver, scope),
    });
    pushAll(declarations, schemaDeclarations(schema.name, reviver, scope));
  }

  const statements: EmittedSourceFile['statements'] = [MODULE_DOC];
  if (scope.types.size > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: opts.typesModule,
      namedImports: [...scope.types].sort(),
    });
  }
  if (scope.guards.size > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: opts.guardsModule,
      namedImports: [...scope.guards].sort(),
    });
  }
  if (declarations.length > 0) {
    // One namespace: no name of the runtime can clash with a schema's (`Revive`, `DatePlan`).
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: RUNTIME_MODULE,
      namespaceImport: RUNTIME_NAMESPACE,
    });
  }
  statements.push(
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: RUNTIME_MODULE,
      namedExports: [...DATES_RUNTIME_EXPORTS.values],
    },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: RUNTIME_MODULE,
      namedExports: [...DATES_RUNTIME_EXPORTS.types],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: DATES_REVIVED_NAME,
      docs: [
        members.length > 0
          ? "The revived type of each schema that holds date-time strings, by schema name: `Revived['Plan']`."
          : 'The revived type of each schema that holds date-time strings, by schema name. (No schema of this API holds any.)',
      ],
      properties: members,
    },
    ...declarations,
  );
  return { path: DATES_PATH, statements };
}

/** `src/dates-runtime.ts`: templates/dates/runtime.ts, unchanged. */
export function emitDatesRuntime(): EmittedSourceFile {
  return {
    path: DATES_RUNTIME_PATH,
    statements: [readFileSync(RUNTIME_TEMPLATE, 'utf8').trimEnd()],
  };
}

const MODULE_DOC = `/**
 * Date helpers for the schemas that hold \`format: date-time\` strings. For such a schema X:
 * - \`reviveX(value)\`: a copy of a valid X with its date-time strings as Date objects, of type
 *   \`Revived['X']\`; the parts without dates are shared with \`value\`, not copied;
 * - \`serializeX(revived)\`: the wire form again. A Date that was not changed gives back exactly the
 *   text it was revived from; other Dates are written in UTC (\`2021-01-21T19:38:34Z\`).
 *
 * The guards check the wire form, before reviving or after serializing: reviving changes no
 * verdict. A string that is not a date-time (formats are not checked) becomes an invalid Date
 * (\`getTime()\` is NaN) and serializes back to the same text. Date-time strings in inline
 * union variants beside another variant of the same JSON kind (unless a required property of
 * each pins it to strings of its own), and under a key pattern not proven safe to run as a
 * RegExp, are left as strings.
 * Every key is an own key like any other (\`__proto__\` too): no copy gets another prototype
 * or a key its value did not have.
 *
 * Neither helper throws on a value of the wrong shape: what does not fit (null, a missing
 * property, a number where a date-time was expected) is left as it is. An object met twice is
 * copied once, so a cycle stays a cycle; both work without recursion, so no depth of nesting
 * exhausts the call stack.
 */`;

/** `reviveX`, `serializeX` and the plan constant `datesOfX` of one schema, side by side. */
function schemaDeclarations(
  x: string,
  reviver: Reviver,
  scope: DatesScope,
): (FunctionDeclarationStructure | VariableStatementStructure)[] {
  const summary =
    reviver.kind === 'date'
      ? `A valid ${docLink(x)} as a Date.`
      : `A copy of a valid ${docLink(x)} with its date-time strings as Date objects: ${datePaths(reviver, '').join(', ')}.`;
  return [
    {
      kind: StructureKind.Function,
      isExported: true,
      name: reviveName(x),
      docs: [wrapDocText(summary)],
      parameters: [{ name: 'value', type: x }],
      returnType: revivedRef(x),
      // The plan and the revived type are printed from the same plan (dates/code.ts).
      statements: [
        `return ${RUNTIME_NAMESPACE}.reviveDates(value, ${planName(x)}) as ${revivedRef(x)};`,
      ],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: `serialize${x}`,
      docs: [
        `The wire form of a value made by ${docLink(reviveName(x))}: its Dates as date-time strings.`,
      ],
      parameters: [{ name: 'value', type: revivedRef(x) }],
      returnType: x,
      statements: [`return ${RUNTIME_NAMESPACE}.serializeValue(value) as ${x};`],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        `Where values of ${docLink(x)} hold date-time strings, for ${docLink(reviveName(x))}.`,
      ],
      declarations: [
        {
          name: planName(x),
          type: `${RUNTIME_NAMESPACE}.DatePlan`,
          initializer: valuePlan(reviver, scope),
        },
      ],
    },
  ];
}

/**
 * Where the dates are, for docs: `createdAt`, `window.end`, `items[]` (by {@link revivePlan}),
 * `pair[0]`, `*` (map values, additional properties), `/^at_/` (keys a pattern matches).
 */
function datePaths(reviver: Keep<Reviver>, path: string): string[] {
  if (reviver === 'keep') return [];
  const at = path === '' ? 'the value itself' : jsDocCode(path);
  switch (reviver.kind) {
    case 'date':
      return [at];
    case 'ref':
      return [`${at} (by ${docLink(reviveName(reviver.target))})`];
    case 'variants':
      return [`${at} (by ${reviver.targets.map((t) => docLink(reviveName(t))).join(' or ')})`];
    case 'tagged':
      return reviver.cases.flatMap((c) =>
        datePaths(c.reviver, `${path}(${reviver.property}: ${c.value})`),
      );
    case 'kinds':
      return Object.entries(reviver.kinds).flatMap(([kind, inner]) =>
        datePaths(inner, `${path}(${kind})`),
      );
    case 'array':
      return [
        ...(reviver.prefix ?? []).flatMap((item, i) => datePaths(item, `${path}[${String(i)}]`)),
        ...datePaths(reviver.items, `${path}[]`),
      ];
    case 'map':
      return datePaths(reviver.values, member(path, '*'));
    case 'object':
      return [
        ...reviver.properties.flatMap((p) => datePaths(p.reviver, member(path, p.name))),
        ...(reviver.rest?.patterns ?? []).flatMap((p) =>
          datePaths(p.reviver, member(path, `/${p.pattern.source}/`)),
        ),
        ...(reviver.rest ? datePaths(reviver.rest.additional, member(path, '*')) : []),
      ];
  }
}

function member(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
