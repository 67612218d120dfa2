/**
 * Imports of one emitted file, planned from the model before the file is built: each imported
 * name gets a local name that no declaration of the file takes (`APIResource` becomes
 * `APIResource2` in a file that declares a class `APIResource`).
 */
import {
  StructureKind,
  type ImportDeclarationStructure,
  type ImportSpecifierStructure,
  type OptionalKind,
} from 'ts-morph';
import { NameRegistry } from '../../model/names.ts';

interface Imported {
  local: string;
  typeOnly: boolean;
}

export class ImportPlan {
  readonly #locals: NameRegistry;
  readonly #modules = new Map<string, Map<string, Imported>>();

  /** `declared`: the names the file declares itself. */
  constructor(declared: Iterable<string>) {
    this.#locals = new NameRegistry(declared);
  }

  /** Declares a name of the file's own (`PAGINATION`), made unique among the names so far. */
  declare(name: string): string {
    return this.#locals.claim(name);
  }

  /** The local name of `name` from `moduleSpecifier`; the first call decides it. */
  value(moduleSpecifier: string, name: string): string {
    return this.#use(moduleSpecifier, name, false);
  }

  /** Like `value`, for a name used in types only (`import type`). */
  type(moduleSpecifier: string, name: string): string {
    return this.#use(moduleSpecifier, name, true);
  }

  #use(moduleSpecifier: string, name: string, typeOnly: boolean): string {
    let names = this.#modules.get(moduleSpecifier);
    if (names === undefined)
      this.#modules.set(moduleSpecifier, (names = new Map<string, Imported>()));
    let entry = names.get(name);
    if (entry === undefined)
      names.set(name, (entry = { local: this.#locals.claim(name), typeOnly }));
    if (!typeOnly) entry.typeOnly = false;
    return entry.local;
  }

  /** Import declarations in a fixed order: by module specifier, names sorted. */
  declarations(): ImportDeclarationStructure[] {
    return [...this.#modules]
      .sort(([a], [b]) => compare(a, b))
      .map(([moduleSpecifier, names]) => {
        const entries = [...names].sort(([a], [b]) => compare(a, b));
        const allTypes = entries.every(([, entry]) => entry.typeOnly);
        return {
          kind: StructureKind.ImportDeclaration,
          isTypeOnly: allTypes,
          moduleSpecifier,
          namedImports: entries.map(([name, entry]): OptionalKind<ImportSpecifierStructure> => {
            const specifier: OptionalKind<ImportSpecifierStructure> = { name };
            if (entry.local !== name) specifier.alias = entry.local;
            if (entry.typeOnly && !allTypes) specifier.isTypeOnly = true;
            return specifier;
          }),
        };
      });
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
