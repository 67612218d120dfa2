/**
 * Emits `src/guards.ts`: for every named schema X, `isX` (fast boolean check), `assertX` (throws
 * a GuardError) and `validateX` (every issue), as straight-line code specialised per schema, plus
 * `src/guards-runtime.ts`, the small runtime they import (copied from templates/guards/runtime.ts).
 */
import { readFileSync } from 'node:fs';
import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type JSDocStructure,
  type OptionalKind,
  type StatementStructures,
  type VariableStatementStructure,
} from 'ts-morph';
import { stringLiteral } from '../model/names.ts';
import type { SchemaNode } from '../model/schema-types.ts';
import type { NamedSchema } from '../model/types.ts';
import { GUARDS_RUNTIME_EXPORTS, MODULE_TYPE_NAMES } from '../reserved-names.ts';
import { emitCheck, emitCheckPart } from './guards/check.ts';
import { Code, PathExpr } from './guards/code.ts';
import { someTest } from './guards/conditions.ts';
import { emitCollect, emitCollectPart } from './guards/collect.ts';
import type { UnsafePatterns } from '../model/patterns.ts';
import { guardMemos, type GuardMemo } from './guards/recursion.ts';
import {
  FileScope,
  FunctionScope,
  type HelperRequest,
  type ModuleConstant,
  type PartMode,
  type PartRequest,
} from './guards/scope.ts';
import { FUNCTION_BUDGET, type Part } from './guards/split.ts';
import { keyPatternTests } from './guards/walk.ts';
import { RESPONSE_TYPES_MODULE, type ResponseBodyGuards } from './guards/response-bodies.ts';
import type { EmittedSourceFile } from './types.ts';
import { docLink } from './doc-text.ts';
import { pushAll } from '../json.ts';

const GUARDS_PATH = 'src/guards.ts';
const GUARD_RUNTIME_PATH = 'src/guards-runtime.ts';
const RUNTIME_MODULE = './guards-runtime.js';
const RUNTIME_TEMPLATE = new URL('../../templates/guards/runtime.ts', import.meta.url);

export interface GuardsOptions {
  /** Module the schema types come from, e.g. `./types.js` (imported type-only). */
  typesModule: string;
  /** Module of the guard runtime; defaults to `./guards-runtime.js` (see {@link emitGuardRuntime}). */
  runtimeModule?: string;
  /** What to do with patterns that may take super-linear time (model/patterns.ts); `re2js`. */
  unsafePatterns?: UnsafePatterns;
  /**
   * How long a sequence of checks one function may hold before it is split into parts
   * (guards/split.ts `FUNCTION_BUDGET`); tests lower it to split every sequence.
   */
  functionBudget?: number;
  /**
   * The guards of the operations' own success bodies (guards/response-bodies.ts), written after
   * the named schemas' like theirs.
   */
  responses?: ResponseBodyGuards;
}

/** What one set of `isX`/`assertX`/`validateX` checks: a named schema, or an operation's own body. */
interface GuardTarget {
  name: string;
  node: SchemaNode;
  /** The type the guards narrow to: the schema's name, or the type the method resolves to. */
  type: string;
  deprecated: boolean;
  /** TSDoc text for `is …` (`a valid {@link Plan}`, `` a valid body of the `GET /animals` success response ``). */
  valid: string;
  /** TSDoc text for `Checks value against …` (`the {@link Plan} schema`). */
  against: string;
  /** The same without links, for the private `collectX` (`the Plan schema`). */
  plainAgainst: string;
}

function schemaTarget(schema: NamedSchema): GuardTarget {
  const target: GuardTarget = {
    name: schema.name,
    node: schema.node,
    type: schema.name,
    deprecated: schema.deprecated,
    valid: `a valid ${docLink(schema.name)}`,
    against: `the ${docLink(schema.name)} schema`,
    plainAgainst: `the ${schema.name} schema`,
  };
  return target;
}

export function emitGuards(schemas: NamedSchema[], opts: GuardsOptions): EmittedSourceFile {
  const clash = schemas.find((s) => MODULE_TYPE_NAMES.includes(s.name));
  if (clash) {
    throw new Error(
      `schema type name ${clash.name} clashes with the guard runtime; name schemas with buildSchemaModel`,
    );
  }
  const file = new FileScope(
    schemas,
    opts.unsafePatterns ?? 're2js',
    opts.functionBudget ?? FUNCTION_BUDGET,
  );
  const memos = guardMemos(schemas);
  const bodies = opts.responses?.bodies ?? [];
  const targets: [GuardTarget, GuardMemo | undefined][] = [
    ...schemas.map((schema): [GuardTarget, GuardMemo | undefined] => [
      schemaTarget(schema),
      memos.get(schema.name),
    ]),
    // An operation's own body is checked once per call, and nothing else calls its guard: the
    // schemas it names remember their own verdicts.
    ...bodies.map((body): [GuardTarget, GuardMemo | undefined] => [
      {
        name: body.name,
        node: body.node,
        type: body.type,
        deprecated: false,
        valid: `a valid body of ${body.subject}`,
        against: `the body schema of ${body.subject}`,
        plainAgainst: `the body schema of ${body.subject}`,
      },
      undefined,
    ]),
  ];
  file.reserveGuards(targets.map(([target]) => target.name));
  // Each schema's constants, functions and helpers together, named after it; then the helpers of
  // shapes shared by content, in name order (guards/scope.ts).
  const declarations: StatementStructures[] = [];
  const shared = new Map<string, FunctionDeclarationStructure[]>();
  const deferred: (HelperRequest | PartRequest)[] = [];
  for (const [target, memo] of targets) {
    file.beginSchema(target);
    const functions: StatementStructures[] = schemaFunctions(target, file, memo);
    for (let next = file.pending.shift(); next; next = file.pending.shift()) {
      if (file.sharedOwners.has(next.owner)) deferred.push(next);
      else functions.push(helperFunction(next, file));
    }
    declarations.push(...file.constants.map(constantStatement), ...functions);
  }
  for (let next = deferred.shift() ?? file.pending.shift(); next;) {
    file.beginShared(next.owner);
    const block = shared.get(next.owner) ?? [];
    block.push(helperFunction(next, file));
    shared.set(next.owner, block);
    next = file.pending.shift() ?? deferred.shift();
  }
  for (const owner of [...shared.keys()].sort()) {
    file.beginShared(owner);
    const functions = (shared.get(owner) ?? []).sort(byHelperName);
    declarations.push(...file.constants.map(constantStatement), ...functions);
  }
  const runtimeModule = opts.runtimeModule ?? RUNTIME_MODULE;
  const statements: EmittedSourceFile['statements'] = [MODULE_DOC];
  if (schemas.length > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: opts.typesModule,
      namedImports: schemas.map((s) => s.name),
    });
  }
  const ownTypes = opts.responses?.ownTypes ?? [];
  if (ownTypes.length > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: RESPONSE_TYPES_MODULE,
      namedImports: ownTypes,
    });
  }
  if (file.usesRe2js) {
    // A linear-time engine for the patterns that could stall RegExp (model/patterns.ts).
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: 're2js',
      namedImports: ['RE2JS'],
    });
  }
  const [guardError] = GUARDS_RUNTIME_EXPORTS.values;
  const values = [
    ...(targets.length > 0 ? [{ name: guardError }] : []),
    ...[...file.runtimeUsed].sort().map((name) => {
      const alias = file.runtimeAlias(name);
      return alias === name ? { name } : { name, alias };
    }),
  ];
  if (values.length > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: runtimeModule,
      namedImports: values,
    });
  }
  if (targets.length > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeModule,
      namedImports: [...GUARDS_RUNTIME_EXPORTS.types],
    });
  }
  statements.push(
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: runtimeModule,
      namedExports: [...GUARDS_RUNTIME_EXPORTS.values],
    },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeModule,
      namedExports: [...GUARDS_RUNTIME_EXPORTS.types],
    },
  );
  pushAll(statements, declarations);
  return { path: GUARDS_PATH, statements };
}

/**
 * `isShape_x`, `collectShape_x`, `isShape_x_1`, …: by helper, is before collect; the parts of a
 * split sequence (`isShape_x_properties2`) in their order.
 */
function byHelperName(a: FunctionDeclarationStructure, b: FunctionDeclarationStructure): number {
  const [helperA, partA, modeA] = helperKey(a.name ?? '');
  const [helperB, partB, modeB] = helperKey(b.name ?? '');
  if (helperA !== helperB) return helperA < helperB ? -1 : 1;
  return partA !== partB ? partA - partB : modeA - modeB;
}

const HELPER_MODES = ['is', 'count', 'collect'];

function helperKey(name: string): [helper: string, part: number, mode: number] {
  const mode = HELPER_MODES.findIndex((m) => name.startsWith(m));
  const helper = name.slice(HELPER_MODES[mode]?.length ?? 0);
  const part = /^(.*_(?:properties|members|variants))(\d+)$/.exec(helper);
  return part ? [part[1]!, Number(part[2]), mode] : [helper, 0, mode];
}

function constantStatement(constant: ModuleConstant): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: constant.name, type: constant.type, initializer: constant.initializer }],
  };
}

/** `src/guards-runtime.ts`: templates/guards/runtime.ts, unchanged. */
export function emitGuardRuntime(): EmittedSourceFile {
  return {
    path: GUARD_RUNTIME_PATH,
    statements: [readFileSync(RUNTIME_TEMPLATE, 'utf8').trimEnd()],
  };
}

const MODULE_DOC = `/**
 * Runtime guards for every named schema of the API. For a schema X:
 * - \`isX(value)\`: a fast boolean check (a type guard);
 * - \`assertX(value)\`: throws a {@link GuardError} listing the first issues and their count;
 * - \`validateX(value)\`: \`{ ok: true, value }\` or \`{ ok: false, issues }\` with every issue found,
 *   each with a JSON pointer \`path\`, what was \`expected\` and what was \`found\`; past the first
 *   1,000 checking stops, and a last issue says so (a huge invalid value would otherwise make
 *   millions).
 * An operation whose JSON success body is not exactly a named schema (\`Animal[]\`, an object
 * written inline, a union) has the same three for that body, named after its response
 * (\`validateAnimalListResponse\`): response validation (\`responseGuards\`) checks every body.
 *
 * What the guards check, and what they deliberately do not:
 * - \`format\` (date-time, email, uri, …) is documentation only and is not checked.
 * - Properties a schema does not declare are accepted, unless it sets \`additionalProperties: false\`
 *   (or \`unevaluatedProperties: false\`: then the properties the schemas it combines evaluate count
 *   too: an \`anyOf\`/\`oneOf\` branch's only when the value passes it, as JSON Schema says).
 * - Values are checked as they arrive in responses: \`readOnly\` properties like any other, and
 *   \`writeOnly\` properties (which servers never send) are not required, but checked when present;
 *   a \`oneOf\` one of whose variants requires one then matches when at least one variant does.
 * - \`nullable: true\` (or \`'null'\` in a type list) accepts null, except beside \`enum\`/\`const\`,
 *   where null must be listed: OpenAPI 3.0.3 says nullable adds null to \`type\` only and other
 *   keywords keep their meaning. With a \`discriminator\`, the discriminator property picks the
 *   one schema to check (a mapping entry, else the value the schema pins it to, else its name).
 * - \`if\`/\`then\`/\`else\`, \`dependentRequired\`, \`dependentSchemas\` and \`contains\` are checked as
 *   JSON Schema says; the types do not express them, so a value its type allows may fail them.
 *   \`minContains\` above 1 and \`maxContains\` are not checked (the generator warns about them).
 * - String lengths count Unicode code points; \`multipleOf\` tolerates binary floating point;
 *   NaN and Infinity are not numbers (JSON cannot carry them).
 * - The guards of recursive schemas reject a value nested deeper than 2,000 recursive calls
 *   (\`MAX_DEPTH\` in \`guards-runtime.ts\`) and a cyclic value (no JSON is), reporting
 *   "nested too deep" or "cyclic value", instead of overflowing the stack.
 */`;

function schemaFunctions(
  schema: GuardTarget,
  file: FileScope,
  memo: GuardMemo | undefined,
): FunctionDeclarationStructure[] {
  const x = schema.name;
  const type = schema.type;
  const isBody = new Code();
  const isScope = new FunctionScope();
  // The locals of a remembering `isX` (see checkOnce), named before its checks' own.
  const verdict = memo
    ? { known: isScope.derived('value', 'known'), valid: isScope.derived('value', 'valid') }
    : undefined;
  emitCheck(schema.node, 'value', isBody, { file, fn: isScope, owner: x, root: schema.node });
  const collectBody = new Code();
  emitCollect(schema.node, 'value', PathExpr.of('path'), collectBody, {
    file,
    fn: new FunctionScope(),
    owner: x,
    root: schema.node,
  });
  if (isBody.isEmpty) {
    // A schema that accepts anything still wants a value: JSON has no `undefined`.
    isBody.ifLine('value === undefined', 'return false;');
    collectBody.ifLine(
      'value === undefined',
      `issues.push(${file.runtime('issue')}(path, "a JSON value", value));`,
    );
  }
  if (verdict) isBody.line(`${verdict.valid} = true;`);
  isBody.line('return true;');
  const deprecated = schema.deprecated
    ? [{ tagName: 'deprecated', text: `The ${x} schema is deprecated.` }]
    : [];
  // The schema's description is the type's doc, which `{@link …}` leads to: written once, not
  // again in each of the three guards (a large spec's guards.ts was mostly copies of it).
  const docs = (text: string): OptionalKind<JSDocStructure>[] => [
    { description: text, tags: deprecated },
  ];
  const param = [{ name: 'value', type: 'unknown' }];
  return [
    {
      kind: StructureKind.Function,
      isExported: true,
      name: `is${x}`,
      docs: docs(`Whether \`value\` is ${schema.valid}.`),
      parameters: param,
      returnType: `value is ${type}`,
      statements:
        verdict && memo ? checkOnce(isBody, file, `is${x}`, memo, verdict) : isBody.toString(),
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: `assert${x}`,
      docs: docs(
        `Throws a {@link GuardError} listing the issues unless \`value\` is ${schema.valid}.`,
      ),
      parameters: param,
      returnType: `asserts value is ${type}`,
      statements: [
        `const result = validate${x}(value);`,
        `if (!result.ok) throw new GuardError(${stringLiteral(x)}, result.issues);`,
      ],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: `validate${x}`,
      docs: docs(`Checks \`value\` against ${schema.against} and reports every issue.`),
      parameters: param,
      returnType: `ValidationResult<${type}>`,
      // Through collectIssues always: it bounds how many issues a check makes (MAX_ISSUES).
      statements: [
        `if (is${x}(value)) return { ok: true, value };`,
        `return { ok: false, issues: ${file.runtime('collectIssues')}(collect${x}, value) };`,
      ],
    },
    {
      kind: StructureKind.Function,
      name: `collect${x}`,
      docs: [
        `Pushes an issue for every way \`value\` (at JSON pointer \`path\`) fails ${schema.plainAgainst}.`,
      ],
      parameters: [
        ...param,
        { name: 'path', type: 'string' },
        { name: 'issues', type: 'ValidationIssue[]' },
      ],
      returnType: 'void',
      statements: memo
        ? collectOnce(collectBody, file, `collect${x}`, memo)
        : collectBody.toString(),
    },
  ];
}

/**
 * The body of a remembering `isX` (guards/recursion.ts `guardMemos`) between `beginCheck` and
 * `endCheck` (templates/guards/runtime.ts): it checks a value once per outermost call, giving the
 * verdict it kept when another branch or schema checks the value again, and a recursive one stops
 * at a cyclic or absurdly deep value (issue 11 #14). `body` sets `valid` before it returns true.
 */
function checkOnce(
  body: Code,
  file: FileScope,
  fn: string,
  memo: GuardMemo,
  { known, valid }: { known: string; valid: string },
): string {
  const calls = file.guardCalls(fn, 'boolean', memo);
  return [
    `const ${known} = ${file.runtime('beginCheck')}(${calls}, value);`,
    `if (${known} !== undefined) return ${known};`,
    `let ${valid} = false;`,
    'try {',
    indent(body),
    '} finally {',
    `  ${file.runtime('endCheck')}(${calls}, value, ${valid});`,
    '}',
  ].join('\n');
}

/**
 * The body of a remembering `collectX` between `beginCollect` and `endCollect`: it reports a
 * value's issues at a path once per outermost call, and a cyclic or absurdly deep value as one.
 */
function collectOnce(body: Code, file: FileScope, fn: string, memo: GuardMemo): string {
  const calls = file.guardCalls(fn, 'Set<string>', memo);
  return [
    `if (!${file.runtime('beginCollect')}(${calls}, value, path, issues)) return;`,
    'try {',
    indent(body),
    '} finally {',
    `  ${file.runtime('endCollect')}(${calls}, value, path);`,
    '}',
  ].join('\n');
}

function indent(body: Code): string {
  return body.toString().replace(/^/gm, '  ');
}

function helperFunction(
  request: HelperRequest | PartRequest,
  file: FileScope,
): FunctionDeclarationStructure {
  if ('part' in request) return partFunction(request, file);
  const body = new Code();
  const g = { file, fn: new FunctionScope(), owner: request.owner, root: request.node };
  if (request.mode === 'is') {
    emitCheck(request.node, 'value', body, g);
    body.line('return true;');
    return {
      kind: StructureKind.Function,
      name: request.name,
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: 'boolean',
      statements: body.toString(),
    };
  }
  emitCollect(request.node, 'value', PathExpr.of('path'), body, g);
  return {
    kind: StructureKind.Function,
    name: request.name,
    parameters: [
      { name: 'value', type: 'unknown' },
      { name: 'path', type: 'string' },
      { name: 'issues', type: 'ValidationIssue[]' },
    ],
    returnType: 'void',
    statements: body.toString(),
  };
}

/**
 * A part function (guards/split.ts): the checks of some of an object's properties (on its record),
 * of an allOf's members or of a union's variants (on the value), in the request's mode.
 */
function partFunction(request: PartRequest, file: FileScope): FunctionDeclarationStructure {
  const { part, mode } = request;
  const body = new Code();
  const fn = new FunctionScope();
  const g = { file, fn, owner: request.owner, root: request.node };
  const returnType = mode === 'collect' ? 'void' : mode === 'count' ? 'number' : 'boolean';
  const declaration = (parameters: { name: string; type: string }[]) => ({
    kind: StructureKind.Function as const,
    name: request.name,
    docs: [partDoc(part, mode)],
    parameters,
    returnType,
    statements: body.toString(),
  });
  const withIssues = (parameters: { name: string; type: string }[]) =>
    mode === 'collect'
      ? [
          ...parameters,
          { name: 'path', type: 'string' },
          { name: 'issues', type: 'ValidationIssue[]' },
        ]
      : parameters;
  if (part.kind === 'patterns' && request.node.kind === 'object') {
    const key = fn.derived('value', 'key');
    if (mode === 'matches') {
      const tests = keyPatternTests(request.node, part.from, part.to, key, file);
      body.line(`return ${someTest(tests)};`);
      return declaration([{ name: key, type: 'string' }]);
    }
    const record = fn.derived('value', 'record');
    if (mode === 'collect')
      emitCollectPart(request.node, part, record, PathExpr.of('path'), body, g, key);
    else emitCheckPart(request.node, part, 'is', record, body, g, key);
    return declaration(
      withIssues([
        { name: record, type: 'Record<string, unknown>' },
        { name: key, type: 'string' },
      ]),
    );
  }
  if (mode === 'matches') throw new Error(`guards: no matches part of ${part.kind}`);
  const properties = part.kind === 'properties';
  const x = properties ? fn.derived('value', 'record') : 'value';
  if (mode === 'collect') emitCollectPart(request.node, part, x, PathExpr.of('path'), body, g);
  else emitCheckPart(request.node, part, mode, x, body, g);
  return declaration(
    withIssues([{ name: x, type: properties ? 'Record<string, unknown>' : 'unknown' }]),
  );
}

/** What a part function does, and why it is one: `Whether properties 116 to 230 … part 2 of 9, …`. */
function partDoc(part: Part, mode: PartMode): string {
  const range = `${part.from + 1} to ${part.to} (of ${part.of})`;
  const texts: Record<string, string> = {
    'is properties': `Whether properties ${range} of \`record\` are valid`,
    'collect properties': `Pushes an issue for every way properties ${range} of \`record\` (at JSON pointer \`path\`) are invalid`,
    'is members': `Whether \`value\` matches allOf members ${range}`,
    'collect members': `Pushes an issue for every way \`value\` (at JSON pointer \`path\`) fails allOf members ${range}`,
    'is variants': `Whether \`value\` matches one of the variants ${range}`,
    'count variants': `How many of the variants ${range} \`value\` matches`,
    'is patterns': `Whether the value of \`key\` in \`record\` is valid for each of patternProperties ${range} that \`key\` matches`,
    'collect patterns': `Pushes an issue for every way the value of \`key\` in \`record\` (at JSON pointer \`path\`) fails the patternProperties ${range} that \`key\` matches`,
    'matches patterns': `Whether \`key\` matches one of patternProperties ${range}`,
  };
  const does = texts[`${mode} ${part.kind}`] ?? '';
  return `${does}: part ${part.index} of ${part.count}, as one function would be too large for TypeScript's control flow analysis.`;
}
