/**
 * A post-processing step for openapi-typescript's output (src/openapi.ts): schemas that contain
 * themselves through arrays or unions (`Nested: { type: array, items: { anyOf: [integer,
 * { $ref: Nested }] } }`) come out as
 *
 *     interface components { schemas: { Nested: (number | components['schemas']['Nested'])[] } }
 *
 * which TypeScript rejects (TS2502: the property is referenced in its own type annotation): it
 * resolves an indexed access eagerly, except inside an object type. Top-level type aliases may be
 * recursive through arrays and unions of objects, so each such schema's type moves into one:
 *
 *     type RecursiveSchema0 = (number | RecursiveSchema0)[];
 *     interface components { schemas: { Nested: RecursiveSchema0 } }
 *
 * Generic over any document: it finds every cycle of schemas that refer to each other outside
 * object types (Tarjan's strongly connected components) and leaves everything else as it was.
 */
import ts from 'typescript';

const ALIAS_PREFIX = 'RecursiveSchema';

export function hoistEagerCycles(nodes: readonly ts.Node[]): ts.Node[] {
  const schemas = schemasLiteral(nodes);
  if (schemas === undefined) return [...nodes];
  const members = schemas.members.filter(
    (member): member is ts.PropertySignature & { type: ts.TypeNode } =>
      ts.isPropertySignature(member) && member.type !== undefined,
  );
  const edges = new Map<string, Set<string>>();
  for (const member of members) {
    const found = new Set<string>();
    eagerRefs(member.type, found);
    edges.set(memberName(member.name), found);
  }
  const cyclic = cyclicNames(edges);
  if (cyclic.size === 0) return [...nodes];

  const inOrder = members.map((member) => memberName(member.name)).filter((n) => cyclic.has(n));
  const aliases = new Map(inOrder.map((name, index) => [name, `${ALIAS_PREFIX}${index}`]));
  const declarations: ts.TypeAliasDeclaration[] = [];
  const replaced = new Map<ts.Node, ts.TypeNode>();
  for (const member of members) {
    const alias = aliases.get(memberName(member.name));
    if (alias === undefined) continue;
    declarations.push(
      ts.factory.createTypeAliasDeclaration(
        undefined,
        alias,
        undefined,
        withAliases(member.type, aliases),
      ),
    );
    replaced.set(member.type, ts.factory.createTypeReferenceNode(alias));
  }
  const rewritten = nodes.map((node) =>
    ts.isInterfaceDeclaration(node) && node.name.text === 'components'
      ? replaceNodes(node, replaced)
      : node,
  );
  return [...rewritten, ...declarations];
}

/** `components.schemas`' type literal, if the output has one. */
function schemasLiteral(nodes: readonly ts.Node[]): ts.TypeLiteralNode | undefined {
  const components = nodes.find(
    (node): node is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(node) && node.name.text === 'components',
  );
  const schemas = components?.members.find(
    (member): member is ts.PropertySignature =>
      ts.isPropertySignature(member) && memberName(member.name) === 'schemas',
  );
  return schemas?.type !== undefined && ts.isTypeLiteralNode(schemas.type)
    ? schemas.type
    : undefined;
}

function memberName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)
    ? name.text
    : '';
}

/** The schema `components['schemas']['X']` names, or undefined for any other type. */
function schemaRef(node: ts.Node): string | undefined {
  if (!ts.isIndexedAccessTypeNode(node)) return undefined;
  const outer = node.objectType;
  if (
    !ts.isIndexedAccessTypeNode(outer) ||
    !ts.isTypeReferenceNode(outer.objectType) ||
    !ts.isIdentifier(outer.objectType.typeName) ||
    outer.objectType.typeName.text !== 'components' ||
    literalText(outer.indexType) !== 'schemas'
  )
    return undefined;
  return literalText(node.indexType);
}

function literalText(node: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)
    ? node.literal.text
    : undefined;
}

/** The schemas a type refers to where TypeScript resolves them at once: not inside object types. */
function eagerRefs(node: ts.Node, found: Set<string>): void {
  const target = schemaRef(node);
  if (target !== undefined) {
    found.add(target);
    return;
  }
  if (ts.isTypeLiteralNode(node) || ts.isMappedTypeNode(node) || ts.isTypeReferenceNode(node))
    return;
  ts.forEachChild(node, (child) => eagerRefs(child, found));
}

/** Names in a cycle of `edges` (self-references included), by Tarjan's algorithm. */
function cyclicNames(edges: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const cyclic = new Set<string>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let next = 0;
  const connect = (name: string): void => {
    index.set(name, next);
    low.set(name, next);
    next++;
    stack.push(name);
    onStack.add(name);
    for (const target of edges.get(name) ?? []) {
      if (!edges.has(target)) continue;
      if (!index.has(target)) {
        connect(target);
        low.set(name, Math.min(low.get(name)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(name, Math.min(low.get(name)!, index.get(target)!));
      }
    }
    if (low.get(name) !== index.get(name)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === name) break;
    }
    if (component.length > 1 || edges.get(name)?.has(name) === true)
      for (const member of component) cyclic.add(member);
  };
  for (const name of edges.keys()) if (!index.has(name)) connect(name);
  return cyclic;
}

/** `type` with every reference to a hoisted schema replaced by its alias. */
function withAliases(type: ts.TypeNode, aliases: ReadonlyMap<string, string>): ts.TypeNode {
  const visit = (node: ts.Node): ts.Node => {
    const target = schemaRef(node);
    const alias = target === undefined ? undefined : aliases.get(target);
    if (alias !== undefined) return ts.factory.createTypeReferenceNode(alias);
    return ts.visitEachChild(node, visit, undefined);
  };
  return visit(type) as ts.TypeNode;
}

/** `root` with the nodes in `replaced` swapped for theirs. */
function replaceNodes<T extends ts.Node>(root: T, replaced: ReadonlyMap<ts.Node, ts.Node>): T {
  const visit = (node: ts.Node): ts.Node =>
    replaced.get(node) ?? ts.visitEachChild(node, visit, undefined);
  return visit(root) as T;
}
