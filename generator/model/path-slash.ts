/**
 * A path parameter whose `pattern` says its values hold a `/` (`^projects/[^/]+$`, Google's
 * `{+name}` and `{name=projects/*}` templates written as one OpenAPI parameter): the client sends
 * the value as one path segment, its `/` percent-encoded as `%2F` (RFC 6570 simple expansion;
 * OpenAPI 3.1.1 §4.8.12.4 has no `allowReserved` for a path), which many servers route otherwise
 * than a `/`, or refuse. The spec is told, with the fix.
 *
 * The rule, for a clear signal only: the parameter's schema (through `$ref`s and `allOf` members)
 * is a string schema whose `pattern` has the character `/` itself (written `/` or `\/`), outside
 * a negated class (`[^/]` says the opposite) and a negative lookaround. A pattern that merely
 * admits a `/` (`.+`, `\S+`) is no signal; nor are a description's words.
 */
import { visitRegExpAST, type AST } from '@eslint-community/regexpp';
import type { Warnings } from '../warnings.ts';
import { joinPointer } from '../errors.ts';
import type { SchemaLookup } from './loose-schemas.ts';
import { parsePattern } from './pattern-ast.ts';
import type { ParameterModel } from './types.ts';
import type { RegexModel, SchemaNode } from './schema-types.ts';

const SLASH = 0x2f;

/** Adds the warning `parameter:path-slash` when `parameter` is a path one whose pattern holds `/`. */
export function warnPathSlash(
  parameter: ParameterModel,
  schemas: SchemaLookup,
  where: { warnings: Warnings; file: string; pointer: string },
): void {
  if (parameter.in !== 'path') return;
  const found = slashPattern(parameter.schema, schemas, new Set());
  if (found === undefined) return;
  const { name } = parameter;
  where.warnings.add(
    'parameter:path-slash',
    `path parameter ${JSON.stringify(name)} has a \`pattern\` with "/" (${JSON.stringify(found.pattern.source)}), but a path parameter is one segment: the SDK sends each "/" of its value as %2F (RFC 6570 simple expansion; OpenAPI has no \`allowReserved\` for a path), which many servers do not route as "/"`,
    {
      file: where.file,
      pointer: found.inline ? joinPointer(where.pointer, 'pattern') : where.pointer,
    },
    `declare each segment as its own path parameter (\`/projects/{project}/items/{item}\` rather than \`/{name}\` with "projects/p/items/i"), or, if the server decodes %2F in this segment, remove "/" from the pattern's description of the value`,
  );
}

/**
 * The pattern with a `/` of a string schema `node` (inline: on `node` itself, not behind a
 * `$ref`), through `$ref`s and `allOf` members.
 */
function slashPattern(
  node: SchemaNode,
  schemas: SchemaLookup,
  seen: Set<string>,
  inline = true,
): { pattern: RegexModel; inline: boolean } | undefined {
  switch (node.kind) {
    case 'string':
      return node.pattern !== undefined && hasSlash(node.pattern)
        ? { pattern: node.pattern, inline }
        : undefined;
    case 'allOf':
      for (const member of node.members) {
        const found = slashPattern(member, schemas, seen, false);
        if (found !== undefined) return found;
      }
      return undefined;
    case 'ref': {
      const target = schemas(node.target);
      if (target === undefined || seen.has(node.target)) return undefined;
      seen.add(node.target);
      return slashPattern(target, schemas, seen, false);
    }
    default:
      return undefined;
  }
}

/** Whether the pattern has the character `/` itself, outside a negated class or lookaround. */
function hasSlash(pattern: RegexModel): boolean {
  const tree = parsePattern(pattern.source, pattern.flags);
  if (tree === undefined) return false;
  let found = false;
  visitRegExpAST(tree, {
    onCharacterEnter(character) {
      if (character.value === SLASH && !negated(character)) found = true;
    },
  });
  return found;
}

/** Whether `node` is inside a negated class (`[^/]`) or a negative lookaround (`(?!/)`). */
function negated(node: AST.Node): boolean {
  for (let at: AST.Node | null = node.parent; at !== null; at = at.parent) {
    if (at.type === 'CharacterClass' && at.negate) return true;
    if (
      at.type === 'Assertion' &&
      (at.kind === 'lookahead' || at.kind === 'lookbehind') &&
      at.negate
    )
      return true;
  }
  return false;
}
