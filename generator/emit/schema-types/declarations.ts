/**
 * One declaration per named schema (and per `…Input` request shape), as a person would write it:
 * - an object is an `interface` with a documented member per property;
 * - an `allOf` of named objects and one inline object is an interface that `extends` them
 *   (`interface Pet extends NewPet { id: number }`), when TypeScript accepts that: no property
 *   declared twice, no index signature involved, no base that extends it back;
 * - anything else is a `type` alias (`type PetOrNull = Pet | null`, `type Shape = Circle | Square`).
 *
 * Aliases that refer to each other directly (through `|` or `&`, not inside an object or an array)
 * in a cycle cannot be written in TypeScript; the reference that closes such a cycle is printed as
 * `unknown` (see TypePrinter.cuts). Only degenerate schemas do this (`A: anyOf: [B, …]`,
 * `B: anyOf: [A, …]`).
 */
import {
  StructureKind,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type TypeAliasDeclarationStructure,
} from 'ts-morph';
import type { ObjectNode, SchemaNode } from '../../model/schema-types.ts';
import type { NamedSchema } from '../../model/types.ts';
import { docStructure, type DocParts } from './docs.ts';
import { typeShapingMembers } from '../../model/loose-schemas.ts';
import type { Member, Mode, TypePrinter } from './print.ts';
import { docLink } from '../doc-text.ts';
import { escapeJsDoc } from '../../escape.ts';
import { pushAll } from '../../json.ts';

interface Declaration {
  /** The declared type name: the schema's, or its input name. */
  name: string;
  schema: NamedSchema;
  mode: Mode;
}

type Shape =
  | { kind: 'interface'; object: ObjectNode }
  | { kind: 'extends'; bases: string[]; object: ObjectNode | undefined }
  | { kind: 'alias' };

export function schemaDeclarations(
  schemas: readonly NamedSchema[],
  printer: TypePrinter,
): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const declarations: Declaration[] = schemas.flatMap((schema) => [
    { name: schema.name, schema, mode: 'read' as const },
    ...(schema.inputName === undefined
      ? []
      : [{ name: schema.inputName, schema, mode: 'write' as const }]),
  ]);
  const shapes = new Shapes(declarations, printer);
  printer.cuts = aliasCycleCuts(declarations, shapes, printer);
  return declarations.map((declaration) => declare(declaration, shapes.of(declaration), printer));
}

function declare(
  declaration: Declaration,
  shape: Shape,
  printer: TypePrinter,
): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const { name, schema, mode } = declaration;
  const docs = docStructure(schemaDocParts(declaration));
  if (shape.kind === 'alias') {
    const alias: TypeAliasDeclarationStructure = {
      kind: StructureKind.TypeAlias,
      name,
      isExported: true,
      type: printer.type(schema.node, mode, name),
    };
    if (docs !== undefined) alias.docs = [docs];
    return alias;
  }
  const members = shape.object === undefined ? [] : printer.members(shape.object, mode);
  const index =
    shape.object === undefined ? undefined : printer.indexSignature(shape.object, mode, members);
  const declared: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    properties: members.map(propertySignature),
  };
  if (shape.kind === 'extends') declared.extends = shape.bases;
  if (index !== undefined)
    declared.indexSignatures = [{ keyName: 'key', keyType: 'string', returnType: index }];
  if (docs !== undefined) declared.docs = [docs];
  return declared;
}

export function propertySignature(member: Member): OptionalKind<PropertySignatureStructure> {
  const signature: OptionalKind<PropertySignatureStructure> = {
    name: member.key,
    type: member.type,
    hasQuestionToken: member.optional,
  };
  const docs = docStructure(member.docs);
  if (docs !== undefined) signature.docs = [docs];
  return signature;
}

function schemaDocParts({ schema, mode }: Declaration): DocParts {
  const parts: DocParts = {
    description: schema.description ?? schema.node.title,
    deprecated: schema.deprecated,
    preview: schema.preview === true,
  };
  if (mode === 'write')
    parts.safeNotes = [
      `${docLink(escapeJsDoc(schema.name))} as requests send it: without its read-only properties, with its write-only ones.`,
    ];
  return parts;
}

/** Which form each declaration takes, decided once per declaration. */
class Shapes {
  readonly #byName: Map<string, Declaration>;
  readonly #shapes = new Map<string, Shape>();
  readonly #deciding = new Set<string>();

  constructor(
    declarations: readonly Declaration[],
    private readonly printer: TypePrinter,
  ) {
    this.#byName = new Map(declarations.map((d) => [d.name, d]));
  }

  of(declaration: Declaration): Shape {
    let shape = this.#shapes.get(declaration.name);
    if (shape === undefined) {
      this.#deciding.add(declaration.name);
      shape = this.decide(declaration);
      this.#deciding.delete(declaration.name);
      this.#shapes.set(declaration.name, shape);
    }
    return shape;
  }

  private decide({ schema, mode }: Declaration): Shape {
    const { node } = schema;
    if (node.nullable) return { kind: 'alias' };
    // An interface with no member accepts a string; the alias says what the object is
    // (TypePrinter.objectType).
    if (node.kind === 'object')
      return objectProperties(node, this.printer, mode).length === 0
        ? { kind: 'alias' }
        : { kind: 'interface', object: node };
    if (node.kind !== 'allOf') return { kind: 'alias' };
    const bases: string[] = [];
    const objects: ObjectNode[] = [];
    const shaping = typeShapingMembers(node.members, (name) => this.printer.byName.get(name)?.node);
    for (const member of shaping) {
      if (member.nullable) return { kind: 'alias' };
      // `not` (and the conditional assertions read as one) shapes no type: the guards check it.
      if (member.kind === 'any' || member.kind === 'not') continue;
      if (member.kind === 'object') {
        objects.push(member);
        continue;
      }
      if (member.kind !== 'ref') return { kind: 'alias' };
      const base = this.#byName.get(this.printer.refName(member.target, mode));
      if (base === undefined || this.#deciding.has(base.name) || this.of(base).kind === 'alias')
        return { kind: 'alias' };
      bases.push(base.name);
    }
    const [object, ...more] = objects;
    if (more.length > 0 || (bases.length === 0 && object === undefined)) return { kind: 'alias' };
    if (bases.length === 0 && object !== undefined)
      return objectProperties(object, this.printer, mode).length === 0
        ? { kind: 'alias' }
        : { kind: 'interface', object };
    // Every property once, and no index signature that a property of another part would break.
    const seen = new Set<string>();
    const parts = bases.map((base) => this.properties(this.#byName.get(base)!));
    if (object !== undefined) parts.push(objectProperties(object, this.printer, mode));
    for (const part of parts) {
      if (part === 'index') return { kind: 'alias' };
      for (const name of part) {
        if (seen.has(name)) return { kind: 'alias' };
        seen.add(name);
      }
    }
    return { kind: 'extends', bases, object };
  }

  /** Every property an interface declaration has (own and inherited), or `index` if it has an index signature. */
  private properties(declaration: Declaration): string[] | 'index' {
    const shape = this.of(declaration);
    if (shape.kind === 'alias') return 'index';
    const own =
      shape.object === undefined
        ? []
        : objectProperties(shape.object, this.printer, declaration.mode);
    if (own === 'index') return 'index';
    if (shape.kind === 'interface') return own;
    const inherited: string[] = [];
    for (const base of shape.bases) {
      const names = this.properties(this.#byName.get(base)!);
      if (names === 'index') return 'index';
      pushAll(inherited, names);
    }
    return [...own, ...inherited];
  }
}

function objectProperties(
  object: ObjectNode,
  printer: TypePrinter,
  mode: Mode,
): string[] | 'index' {
  const members = printer.members(object, mode);
  if (printer.indexSignature(object, mode, members) !== undefined) return 'index';
  return members.map((member) => member.key);
}

/**
 * The references (`Owner>Target`) that close a cycle of aliases referring to each other directly.
 * Found by a depth-first walk: an edge back to a declaration still on the stack is cut.
 */
function aliasCycleCuts(
  declarations: readonly Declaration[],
  shapes: Shapes,
  printer: TypePrinter,
): Set<string> {
  const aliases = new Map(
    declarations.filter((d) => shapes.of(d).kind === 'alias').map((d) => [d.name, d]),
  );
  const edges = new Map<string, string[]>();
  for (const [name, declaration] of aliases) {
    const targets = new Set<string>();
    eagerRefs(declaration.schema.node, (target) => {
      const declared = printer.refName(target, declaration.mode);
      if (aliases.has(declared)) targets.add(declared);
    });
    edges.set(name, [...targets]);
  }
  const cuts = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string): void => {
    state.set(name, 'open');
    for (const target of edges.get(name) ?? []) {
      const seen = state.get(target);
      if (seen === 'open') cuts.add(`${name}>${target}`);
      else if (seen === undefined) visit(target);
    }
    state.set(name, 'done');
  };
  for (const name of aliases.keys()) if (!state.has(name)) visit(name);
  return cuts;
}

/** The refs TypeScript resolves at once when it reads a type alias: through `|` and `&` only. */
function eagerRefs(node: SchemaNode, found: (target: string) => void): void {
  switch (node.kind) {
    case 'ref':
      found(node.target);
      return;
    case 'union':
      for (const variant of node.variants) eagerRefs(variant, found);
      return;
    case 'allOf':
      for (const member of node.members) eagerRefs(member, found);
      return;
    default:
      return;
  }
}
