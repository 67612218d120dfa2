/**
 * Shapes the bundler lets through but the steps after it cannot read: a `$ref` that is not a
 * string, and a member of `allOf`/`anyOf`/`oneOf` that is not a schema object (openapi-typescript,
 * which emits `src/openapi.ts`, reads each member as an object). Found by the fuzz test as
 * TypeErrors; now each is a GeneratorError at its place. So is a `$ref` to the whole document,
 * and a `title`, `summary`, `description` or `operationId` that is not a string (openapi-typescript
 * trims it for its comments). Example and default values, `enum`, `const` and extensions are data,
 * not schemas, and are not looked into.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { DATA_KEYS, NAME_MAPS } from '../document-keys.ts';
import { isRecord, pushAll } from '../json.ts';
import { describe } from './structure.ts';

const COMPOSITIONS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Fields OpenAPI and JSON Schema define as text. */
const TEXT = new Set(['title', 'summary', 'description', 'operationId']);

/** Every such shape, each at its place, in document order (empty when there is none). */
export function unreadableShapes(
  document: Record<string, unknown>,
  file: string,
): GeneratorError[] {
  const problems: GeneratorError[] = [];
  // `named`: the object is a name map (`properties`, `responses`), whose keys are names and whose
  // entries are objects with keywords again (a property called `content` is a schema).
  const stack: [unknown, string, boolean][] = [[document, '#', false]];
  while (stack.length > 0) {
    const [node, pointer, named] = stack.pop()!;
    if (Array.isArray(node)) {
      // An item of a list is an object of its own, never a name map (`parameters: [...]`). Pushed
      // last first, as the members of an object below, so that problems come in document order.
      for (let index = node.length - 1; index >= 0; index--)
        stack.push([node[index], joinPointer(pointer, index), false]);
      continue;
    }
    if (!isRecord(node)) continue;
    // In a name map `$ref` is a name (SCIM's `properties: { $ref: { type: string } }`), not a keyword.
    const children: [unknown, string, boolean][] = [];
    for (const [key, value] of Object.entries(node)) {
      const at = joinPointer(pointer, key);
      if (key === '$ref' && !named && typeof value !== 'string') {
        problems.push(
          new GeneratorError(
            `\`$ref\` must be a string (a URI reference), not ${describe(value)}`,
            { file, pointer: at },
            "write the reference as a string, e.g. `$ref: '#/components/schemas/Plan'`",
          ),
        );
      }
      if (TEXT.has(key) && !named && typeof value !== 'string') {
        problems.push(
          new GeneratorError(
            `\`${key}\` must be a string, not ${describe(value)}`,
            { file, pointer: at },
            'write the text as a string (in YAML, quote it if it looks like a number or a boolean)',
          ),
        );
      }
      if (key === '$ref' && !named && typeof value === 'string' && pointsAtDocument(value)) {
        problems.push(
          new GeneratorError(
            `\`$ref: '${value}'\` points at the whole document, not at a schema, response or parameter`,
            { file, pointer: at },
            "point at the component meant, e.g. `$ref: '#/components/schemas/Plan'`",
          ),
        );
      }
      if (COMPOSITIONS.has(key) && Array.isArray(value)) {
        value.forEach((member, index) => {
          // A null member is read as `{}` with a warning, before openapi-typescript reads it
          // (model/sloppy-schemas.ts).
          if (isRecord(member) || member === null) return;
          problems.push(
            new GeneratorError(
              `every member of \`${key}\` must be a schema object, not ${describe(member)}`,
              { file, pointer: joinPointer(at, index) },
              typeof member === 'boolean'
                ? `write \`{}\` for \`true\`, and leave the member out or use \`not: {}\` for \`false\``
                : 'write the member as a schema object, or remove it',
            ),
          );
        });
      }
      // Under `responses` (`default`) or a name map (a property called `example`) these are names.
      const data = DATA_KEYS.has(key) && !named;
      if (!data && !key.startsWith('x-')) children.push([value, at, !named && NAME_MAPS.has(key)]);
    }
    pushAll(stack, children.reverse());
  }
  return problems;
}

/**
 * A `$ref` to the document itself: empty (a relative reference to the same document, RFC 3986
 * §4.4) or local with no pointer segment (`#`, `#/`, `#//`). The bundler resolves it to the root
 * document, and openapi-typescript cannot name a type for it.
 */
function pointsAtDocument(ref: string): boolean {
  return (
    ref.trim() === '' ||
    (ref.startsWith('#') &&
      ref
        .slice(1)
        .split('/')
        .every((segment) => segment === ''))
  );
}
