/**
 * Whether a place in the document can hold a schema, for a schema's `$ref`: only
 * `components.schemas` and what is inside a schema (`schema` of a parameter, header or media
 * type; `$defs`, `definitions`) do, and extensions may. A `$ref` to the `info`, a response, a
 * parameter or an operation was read as a schema whose keywords are all unknown: any value.
 */
import { pointerTokens } from '../pointer.ts';

const COMPONENTS: Readonly<Record<string, string>> = {
  responses: 'a response',
  parameters: 'a parameter',
  examples: 'an example',
  requestBodies: 'a request body',
  headers: 'a header',
  securitySchemes: 'a security scheme',
  links: 'a link',
  callbacks: 'a callback',
  pathItems: 'a path item',
};

/** Whether the place at `pointer` is a schema or inside one (not merely a place that may be). */
export function isSchemaPlace(pointer: string): boolean {
  const tokens = pointerTokens(pointer);
  return (
    (tokens[0] === 'components' && tokens[1] === 'schemas' && tokens.length > 2) ||
    tokens.some((token) => SCHEMA_TOKENS.has(token))
  );
}

/** Members that hold a schema wherever they are: a parameter's, header's or media type's; JSON Schema's. */
const SCHEMA_TOKENS: ReadonlySet<string> = new Set(['schema', '$defs', 'definitions']);

/** What the place at `pointer` is, when it holds no schema (`a response`); undefined when it may. */
export function notSchemaPlace(pointer: string): string | undefined {
  const tokens = pointerTokens(pointer);
  const [top, kind] = tokens;
  if (top === undefined) return 'the whole document';
  if (top.startsWith('x-')) return undefined;
  if (isSchemaPlace(pointer)) return undefined;
  if (top === 'components') {
    if (kind === undefined) return 'the `components`';
    if (tokens.length === 2) return `the map \`components.${kind}\``;
    return COMPONENTS[kind] ?? `part of \`components.${kind}\``;
  }
  if (tokens.length === 1) return `the document's \`${top}\``;
  if (top === 'paths' || top === 'webhooks')
    return `part of ${top === 'paths' ? 'a path' : 'a webhook'} (not its \`schema\`)`;
  return `part of the document's \`${top}\``;
}
