/**
 * What an editor shows on hover over the generated package (generated/src), asked of TypeScript's
 * language service (`getQuickInfoAtPosition`) in a small program that uses the client as a user
 * would: named types with their TSDoc, never openapi-typescript's indexed accesses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/spec.ts';

const SRC = join(ROOT, 'generated/src');
const USAGE = join(SRC, '__usage__.ts');
const CODE = `import { Gigs, isErrorModel } from './index.js';
const gigs = new Gigs({ token: 't', project: 'p' });
export async function main(): Promise<void> {
  const plan = await gigs.plans.retrieve('pln_1');
  console.log(plan.createdAt, plan.status);
  for await (const item of gigs.plans.list({ status: ['available'], limit: 10 })) console.log(item.id);
  await gigs.subscriptionChanges.create({ subscription: 'sub_1', project: 'p' });
  console.log(isErrorModel(plan));
}
`;

interface Hover {
  display: string;
  docs: string;
}

let service: ts.LanguageService;

function hover(marker: string, occurrence = 0): Hover {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = CODE.indexOf(marker, at + 1);
  if (at < 0) throw new Error(`no ${marker} in the usage`);
  const info = service.getQuickInfoAtPosition(USAGE, at);
  if (info === undefined) throw new Error(`no quick info at ${marker}`);
  return {
    display: ts.displayPartsToString(info.displayParts),
    docs: [
      ts.displayPartsToString(info.documentation),
      ...(info.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`),
    ]
      .join('\n')
      .trim(),
  };
}

beforeAll(() => {
  // The package's own tsconfig (it starts with a comment: read as TypeScript reads it).
  const file = join(ROOT, 'generated/tsconfig.json');
  const config = ts.parseJsonConfigFileContent(
    ts.readConfigFile(file, (path) => ts.sys.readFile(path)).config,
    ts.sys,
    join(ROOT, 'generated'),
  );
  const files = [
    ...readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(SRC, file)),
    USAGE,
  ];
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => files,
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => {
      const text =
        file === USAGE ? CODE : existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => join(ROOT, 'generated'),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (file) => file === USAGE || ts.sys.fileExists(file),
    readFile: (file) => (file === USAGE ? CODE : ts.sys.readFile(file)),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (path) => ts.sys.directoryExists(path),
    getDirectories: (path) => ts.sys.getDirectories(path),
  };
  service = ts.createLanguageService(host, ts.createDocumentRegistry());
});

describe('hover in an editor', () => {
  it('the usage compiles', () => {
    const diagnostics = [
      ...service.getSemanticDiagnostics(USAGE),
      ...service.getSyntacticDiagnostics(USAGE),
    ].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it("plans.retrieve's result is the named Plan, and the method shows APIPromise<Plan>", () => {
    const result = hover('plan =');
    console.log(`hover plans.retrieve's result:\n${result.display}\n${result.docs}`);
    expect(result.display).toBe('const plan: Plan');
    const method = hover('retrieve(');
    console.log(`hover plans.retrieve:\n${method.display}\n${method.docs}`);
    expect(method.display).toBe(
      '(method) Plans.retrieve(plan: string, params?: PlanRetrieveParams, options?: RequestOptions): APIPromise<Plan>',
    );
    expect(method.docs).toContain('Retrieve the details of an existing plan.');
    // TSDoc's form; VS Code shows the text after the hyphen (`plan — The unique identifier…`).
    expect(method.docs).toContain('@param plan - The unique identifier for the plan.');
  });

  it('a field of Plan shows its type and its description', () => {
    const field = hover('createdAt');
    expect(field.display).toBe('(property) Plan.createdAt: string');
    expect(field.docs).toBe('Time when the plan was created.');
    const status = hover('status');
    expect(status.display).toBe('(property) Plan.status: PlanStatus');
  });

  it('list returns a page promise of named types; params are a named interface with TSDoc', () => {
    expect(hover('list(').display).toBe(
      '(method) Plans.list(params?: PlanListParams, options?: RequestOptions): PagePromise<PlanList, Plan>',
    );
    expect(hover('item').display).toBe('const item: Plan');
    const status = hover('status:');
    expect(status.display).toBe('(property) PlanListParams.status?: PlanStatus[] | undefined');
    expect(status.docs).toContain('The status to filter the plans by.');
    const limit = hover('limit:');
    expect(limit.docs).toContain('between 0 and 200');
    expect(limit.docs).toContain('@defaultValue 10');
    const project = hover("project: 'p' });", 1);
    expect(project.display).toBe('(property) ProjectParam.project?: string | undefined');
    expect(project.docs).toContain("Defaults to the client's `project` option");
  });

  it('nothing shows openapi-typescript indexed accesses', () => {
    for (const marker of ['plan =', 'retrieve(', 'list(', 'item', 'create(', 'status:']) {
      const { display } = hover(marker);
      expect(display).not.toMatch(/components\[|operations\[|paths\[/);
    }
  });

  it('the schema named Error is ErrorModel, so the global Error stays the global', () => {
    expect(hover('isErrorModel(plan)').display).toMatch(
      /^\(alias\) (function )?isErrorModel\(value: unknown\): value is ErrorModel/,
    );
  });
});
