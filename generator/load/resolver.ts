/**
 * openapi-core's resolver, reading JSON files with `JSON.parse`. openapi-core parses every file
 * with its YAML parser, JSON included; on GitHub's 13 MB description that took about 0.4 s of a
 * run, `JSON.parse` a tenth of it. Files that are not JSON, and JSON that does not parse (to get
 * the YAML parser's error, with its line and column), go the usual way.
 */
import { BaseResolver, type Document, type Source } from '@redocly/openapi-core';

export class JsonFastResolver extends BaseResolver {
  /** Every source parsed, by absolute path or URL → its text (for write/record.ts). */
  readonly sources = new Map<string, string>();

  override parseDocument(source: Source, isRoot?: boolean): Document {
    this.sources.set(source.absoluteRef, source.body);
    if (/^\s*[[{]/.test(source.body.slice(0, 64))) {
      try {
        return { source, parsed: JSON.parse(source.body) as unknown };
      } catch {
        // Not JSON after all, or broken JSON: the YAML parser reports it with a location.
      }
    }
    return super.parseDocument(source, isRoot);
  }
}
