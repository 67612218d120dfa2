import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_CORE_OPTION_NAMES,
  CLIENT_RUNTIME_EXPORTS,
  DATES_REVIVED_NAME,
  DATES_RUNTIME_EXPORTS,
  GUARDS_RUNTIME_EXPORTS,
  MODULE_TYPE_NAMES,
} from '../generator/reserved-names.ts';
import { ROOT } from './helpers/spec.ts';

const TEXT = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

/** Every `path` in backticks that looks like a file or folder of this repository. */
function namedPaths(): string[] {
  const paths = [...TEXT.matchAll(/`([A-Za-z0-9_.\-/]+)`/g)].map((m) => m[1]!);
  return [
    ...new Set(
      paths.filter((p) =>
        /^(spec|generator|templates|scripts|test|generated)\/|^[\w.-]+\.(yaml|md|json)$/.test(p),
      ),
    ),
  ];
}

describe('ARCHITECTURE.md', () => {
  it('names paths of the repository', () => {
    expect(namedPaths().length).toBeGreaterThan(30);
  });

  it.each(namedPaths())('%s exists', (path) => {
    expect(
      existsSync(join(ROOT, path.replace(/\/$/, ''))),
      `${path} is named in ARCHITECTURE.md but does not exist`,
    ).toBe(true);
  });
});

/**
 * The import graph of generator/: data flows load → model → emit → write, so a step never imports
 * a later one, and emitters never read the loader (they read the model). Modules outside the steps
 * (`generator/json.ts`, `generator/reserved-names.ts`, …) are shared by them, so the model must
 * not reach an emitter through one either.
 */
describe('import boundaries of generator/', () => {
  const GENERATOR = join(ROOT, 'generator');
  const FORBIDDEN: Record<string, readonly string[]> = {
    load: ['model', 'emit', 'write'],
    model: ['emit', 'write'],
    emit: ['load', 'write'],
  };
  const files = readdirSync(GENERATOR, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mts|mjs)$/.test(file))
    .map((file) => file.split(sep).join('/'));
  const step = (file: string) => file.split('/')[0]!;

  /** Each file's relative imports (static, dynamic, re-export), as paths under generator/. */
  const imports = new Map(
    files.map((file) => {
      const text = readFileSync(join(GENERATOR, file), 'utf8');
      const { importedFiles } = ts.preProcessFile(text, true, true);
      const targets = importedFiles
        .map(({ fileName }) => fileName)
        .filter((fileName) => fileName.startsWith('.'))
        .map((fileName) =>
          relative(GENERATOR, resolve(GENERATOR, dirname(file), fileName))
            .split(sep)
            .join('/'),
        );
      return [file, targets];
    }),
  );

  /** `from → to` for every import between two steps. */
  function crossings(): string[] {
    return [...imports].flatMap(([file, targets]) =>
      targets
        .filter((target) => step(target) !== step(file))
        .map((target) => `${file} → ${target}`),
    );
  }

  /** Every file `file` loads, directly or through others. */
  function reachable(file: string): Set<string> {
    const seen = new Set<string>();
    const stack = [file];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      for (const target of imports.get(next) ?? []) {
        if (seen.has(target)) continue;
        seen.add(target);
        stack.push(target);
      }
    }
    return seen;
  }

  it('sees the imports between steps', () => {
    // The model reads the bundled document: at least one model → load import exists.
    expect(crossings().some((line) => /^model\/.* → load\//.test(line))).toBe(true);
    expect(crossings().some((line) => /^emit\/.* → model\//.test(line))).toBe(true);
  });

  it.each(Object.entries(FORBIDDEN))('%s/ imports none of %j', (from, later) => {
    const bad = crossings().filter((line) =>
      later.some((other) => line.startsWith(`${from}/`) && line.includes(` → ${other}/`)),
    );
    expect(bad).toEqual([]);
  });

  it('model/ reaches no emitter or writer through a shared module either', () => {
    const bad = files
      .filter((file) => step(file) === 'model')
      .flatMap((file) =>
        [...reachable(file)]
          .filter((target) => ['emit', 'write'].includes(step(target)))
          .map((target) => `${file} ⇢ ${target}`),
      );
    expect(bad).toEqual([]);
  });

  it('emit/ throws no GeneratorError: spec problems are refused by load/ and model/', () => {
    const bad = files
      .filter((file) => step(file) === 'emit')
      .filter(
        (file) =>
          imports.get(file)?.includes('errors.ts') === true ||
          /\bGeneratorError\b/.test(readFileSync(join(GENERATOR, file), 'utf8')),
      );
    expect(bad).toEqual([]);
  });
});

/**
 * generator/reserved-names.ts lists the names the package's modules declare for themselves, so
 * the model can keep them free. Each list must be what its module really declares: a name an
 * emitter adds without listing it could be taken by a schema, the client or a resource.
 */
describe('reserved names are the names the modules declare', () => {
  /** Exported names of a TypeScript file: `[name, from module or undefined]`. */
  function exportsOf(path: string): [string, string | undefined][] {
    const file = ts.createSourceFile(
      path,
      readFileSync(join(ROOT, path), 'utf8'),
      ts.ScriptTarget.Latest,
    );
    const found: [string, string | undefined][] = [];
    for (const statement of file.statements) {
      if (
        ts.isExportDeclaration(statement) &&
        statement.exportClause &&
        ts.isNamedExports(statement.exportClause)
      ) {
        const from =
          statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
            ? statement.moduleSpecifier.text
            : undefined;
        for (const element of statement.exportClause.elements)
          found.push([element.name.text, from]);
      } else if (
        (ts.isInterfaceDeclaration(statement) ||
          ts.isTypeAliasDeclaration(statement) ||
          ts.isClassDeclaration(statement) ||
          ts.isFunctionDeclaration(statement)) &&
        statement.name !== undefined &&
        statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) === true
      ) {
        found.push([statement.name.text, undefined]);
      }
    }
    return found;
  }
  const pascal = (name: string) => /^[A-Z]/.test(name);
  /** The names re-exported from `module`, sorted. */
  const reExports = (exported: [string, string | undefined][], module: string) =>
    exported
      .filter(([, from]) => from === module)
      .map(([name]) => name)
      .sort();

  it('src/guards.ts re-exports exactly GUARDS_RUNTIME_EXPORTS from its runtime', () => {
    const exported = exportsOf('generated/src/guards.ts');
    expect(reExports(exported, './guards-runtime.js')).toEqual(
      [...GUARDS_RUNTIME_EXPORTS.values, ...GUARDS_RUNTIME_EXPORTS.types].sort(),
    );
    const runtime = exportsOf('templates/guards/runtime.ts').map(([name]) => name);
    expect(runtime).toEqual(
      expect.arrayContaining([...GUARDS_RUNTIME_EXPORTS.values, ...GUARDS_RUNTIME_EXPORTS.types]),
    );
  });

  it('src/dates.ts re-exports exactly DATES_RUNTIME_EXPORTS from its runtime, and declares Revived', () => {
    const exported = exportsOf('generated/src/dates.ts');
    expect(reExports(exported, './dates-runtime.js')).toEqual(
      [...DATES_RUNTIME_EXPORTS.values, ...DATES_RUNTIME_EXPORTS.types].sort(),
    );
    expect(exported).toContainEqual([DATES_REVIVED_NAME, undefined]);
  });

  it('every type-like name src/guards.ts and src/dates.ts export is in MODULE_TYPE_NAMES', () => {
    const names = ['generated/src/guards.ts', 'generated/src/dates.ts'].flatMap((path) =>
      exportsOf(path).map(([name]) => name),
    );
    expect(names.filter(pascal).filter((name) => !MODULE_TYPE_NAMES.includes(name))).toEqual([]);
  });

  it('CLIENT_CORE_OPTION_NAMES are the members of ClientCoreOptions (templates/runtime/core.ts)', () => {
    const path = 'templates/runtime/core.ts';
    const file = ts.createSourceFile(
      path,
      readFileSync(join(ROOT, path), 'utf8'),
      ts.ScriptTarget.Latest,
    );
    const members = (name: string): string[] => {
      const declaration = file.statements.find(
        (statement): statement is ts.InterfaceDeclaration =>
          ts.isInterfaceDeclaration(statement) && statement.name.text === name,
      );
      if (declaration === undefined) throw new Error(`${path} declares no ${name}`);
      const inherited = (declaration.heritageClauses ?? []).flatMap((clause) =>
        clause.types.flatMap((type) => members(type.expression.getText(file))),
      );
      return [
        ...inherited,
        ...declaration.members.map((member) => member.name?.getText(file) ?? ''),
      ];
    };
    expect([...new Set(members('ClientCoreOptions'))].sort()).toEqual(
      [...CLIENT_CORE_OPTION_NAMES].sort(),
    );
  });
  it('CLIENT_RUNTIME_EXPORTS are exported by their runtime modules, and src/client.ts re-exports exactly them', () => {
    const missing = CLIENT_RUNTIME_EXPORTS.filter(([module, name]) => {
      const path = `templates/${module.slice(2).replace(/\.js$/, '.ts')}`;
      return !exportsOf(path).some(([exported]) => exported === name);
    });
    expect(missing).toEqual([]);
    const client = exportsOf('generated/src/client.ts');
    const fromRuntime = client
      .filter(([, from]) => from?.startsWith('./runtime/') === true)
      .map(([name, from]) => `${from!} ${name}`)
      .sort();
    expect(fromRuntime).toEqual(
      CLIENT_RUNTIME_EXPORTS.map(([module, name]) => `${module} ${name}`).sort(),
    );
  });
});
