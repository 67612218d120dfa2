/**
 * TSDoc from the spec: a named type's, a property's or a parameter's description, with
 * `@defaultValue`, `@deprecated`, and a remark for preview, read-only and write-only values.
 * One function builds the parts; structures (ts-morph `docs`) and inline comments (type literals)
 * print the same parts.
 */
import type { JSDocStructure, OptionalKind } from 'ts-morph';
import type { JsonValue, SchemaNode } from '../../model/schema-types.ts';
import { jsonText } from '../code-print.ts';
import { docText, wrapDocText } from '../doc-text.ts';

export const PREVIEW_REMARK = 'Preview: this may change without notice.';

export interface DocParts {
  description?: string | undefined;
  deprecated?: boolean;
  preview?: boolean;
  default?: JsonValue | undefined;
  /** Sentences to add after the description (`Set by the server; requests leave it out.`). */
  notes?: readonly string[];
  /** Sentences of TSDoc already safe (spec parts escaped by the caller), kept live: `{@link X}`. */
  safeNotes?: readonly string[];
}

/** The doc parts of a schema node (used for properties and parameters). */
export function nodeDocParts(node: SchemaNode, extra: Partial<DocParts> = {}): DocParts {
  return {
    description: node.description ?? node.title,
    deprecated: node.deprecated,
    preview: node.extensions?.['x-preview'] === true,
    default: node.default,
    ...extra,
  };
}

const MAX_DEFAULT = 80;

function tags(parts: DocParts): { tagName: string; text?: string }[] {
  const out: { tagName: string; text?: string }[] = [];
  if (parts.default !== undefined) {
    const text = jsonText(parts.default);
    if (text.length <= MAX_DEFAULT) out.push({ tagName: 'defaultValue', text: docText(text) });
  }
  if (parts.preview === true) out.push({ tagName: 'remarks', text: PREVIEW_REMARK });
  // TSDoc wants a message after the tag; the spec's `deprecated: true` gives none.
  if (parts.deprecated === true)
    out.push({ tagName: 'deprecated', text: 'The API description marks it deprecated.' });
  return out;
}

function body(parts: DocParts): string {
  const paragraphs = [
    ...[parts.description, ...(parts.notes ?? [])]
      .filter((text): text is string => text !== undefined && text.trim() !== '')
      .map((text) => docText(text)),
    ...(parts.safeNotes ?? []).map((text) => wrapDocText(text)),
  ];
  return paragraphs.join('\n\n');
}

/** A ts-morph `docs` entry (its description always text), or undefined when there is nothing to say. */
export function docStructure(
  parts: DocParts,
): (OptionalKind<JSDocStructure> & { description?: string }) | undefined {
  const description = body(parts);
  const found = tags(parts);
  if (description === '' && found.length === 0) return undefined;
  return description === '' ? { tags: found } : { description, tags: found };
}

/** The same as a comment to print before a member of a type literal (with its newline), or ''. */
export function docComment(parts: DocParts): string {
  const lines = body(parts) === '' ? [] : body(parts).split('\n');
  for (const tag of tags(parts))
    lines.push(`@${tag.tagName}${tag.text === undefined ? '' : ` ${tag.text}`}`);
  if (lines.length === 0) return '';
  if (lines.length === 1) return `/** ${lines[0]!} */\n`;
  return `/**\n${lines.map((line) => (line === '' ? ' *' : ` * ${line}`)).join('\n')}\n */\n`;
}
