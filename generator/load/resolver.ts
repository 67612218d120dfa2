/**
 * openapi-core's resolver (it reads files and follows `$ref`s between them), with our parser
 * (parse.ts) for every spec file: JSON through `JSON.parse`, YAML through the `yaml` library with
 * its alias limit, and a nesting limit for both. Files a `$ref` points at that are not YAML or
 * JSON (e.g. Markdown for a description) go the usual way.
 */
import { BaseResolver, type Document, type Source } from '@redocly/openapi-core';
import { parseSpecText } from './parse.ts';

const SPEC_FILE = /\.(ya?ml|json)$/i;

export class SpecResolver extends BaseResolver {
  /** Every source parsed, by absolute path or URL → its text (for write/record.ts). */
  readonly sources = new Map<string, string>();

  override parseDocument(source: Source, isRoot?: boolean): Document {
    this.sources.set(source.absoluteRef, source.body);
    if (
      !isRoot &&
      !SPEC_FILE.test(source.absoluteRef) &&
      !/(json|yaml|openapi)/.test(source.mimeType ?? '')
    )
      return super.parseDocument(source, isRoot);
    return { source, parsed: parseSpecText(source.body, source.absoluteRef) };
  }
}
