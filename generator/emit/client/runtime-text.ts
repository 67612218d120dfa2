/**
 * The runtime's text under the names the package exports. Where a spec's schema takes a runtime
 * export's name (`APIError`), the package exports the runtime's under another (`AcmeAPIError`,
 * `ApiModel.clientExports`), so the files copied from templates/ must use that name in what they
 * show a user: TSDoc and comments, and messages (string literals). Code stays as written: inside
 * its module the class keeps its own name, and a `{@link APIError}` keeps its target while it
 * shows the exported name (`{@link APIError | AcmeAPIError}`).
 *
 * In that text a name is replaced where it is code: a code span (`` `APIError#body` ``), a link,
 * `@throws APIError`, a string that is the name (`name = 'APIError'`), and, for a name no sentence
 * uses as a word (`APIError`, not `Page` or `Logger`), the word anywhere.
 */
import ts from 'typescript';
import type { ApiModel } from '../../model/types.ts';

/** Runtime name → the package's export name, for the names the package exports under another. */
export function runtimeRenames(model: Pick<ApiModel, 'clientExports'>): Map<string, string> {
  return new Map(
    model.clientExports.runtime
      .filter((entry) => entry.exportedAs !== entry.name)
      .map((entry) => [entry.name, entry.exportedAs]),
  );
}

export function renameRuntimeMentions(text: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return text;
  const ranges = shownRanges(text).sort((a, b) => a[0] - b[0]);
  let result = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    result += text.slice(at, start) + renameIn(text.slice(start, end), renames);
    at = end;
  }
  return result + text.slice(at);
}

/** The comments and the string literals (not module specifiers) of a TypeScript file, as ranges. */
function shownRanges(text: string): [number, number][] {
  const source = ts.createSourceFile('runtime.ts', text, ts.ScriptTarget.Latest, true);
  const ranges: [number, number][] = [];
  const comments = new Set<number>();
  const visit = (node: ts.Node): void => {
    for (const range of [
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
    ])
      if (!comments.has(range.pos)) {
        comments.add(range.pos);
        ranges.push([range.pos, range.end]);
      }
    if (
      (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) &&
      !(
        ts.isImportDeclaration(node.parent) ||
        ts.isExportDeclaration(node.parent) ||
        ts.isExternalModuleReference(node.parent) ||
        ts.isLiteralTypeNode(node.parent)
      )
    )
      ranges.push([node.getStart(source), node.end]);
    node.forEachChild(visit);
  };
  visit(source);
  return ranges;
}

function renameIn(part: string, renames: ReadonlyMap<string, string>): string {
  let result = part;
  for (const [name, exported] of renames) {
    const word = `${name}(?![\\w$])`;
    const patterns = [
      // `{@link APIError}`, `{@link APIError.generate}`: the target stays, the label is the export.
      `\\{@link\\s+${word}([^}|]*)\\}`,
      // A code span that starts with the name: `APIError`, `APIError<Body>`, `APIError#body`.
      `\`${word}([^\`]*)\``,
      `@throws\\s+${word}`,
      // A string that is the name, quotes included.
      `^(['"\`])${word}\\3$`,
    ];
    // A name that is not also an English word, anywhere (not a property: `error.APIError`).
    if (!/^[A-Z][a-z]+$/.test(name)) patterns.push(`(?<![\\w$.#])${word}`);
    result = result.replace(
      new RegExp(patterns.join('|'), 'g'),
      (whole, link?: string, span?: string, quote?: string) => {
        if (link !== undefined) return `{@link ${name}${link} | ${exported}${link}}`;
        if (span !== undefined) return `\`${exported}${span}\``;
        if (whole.startsWith('@throws')) return whole.replace(name, exported);
        if (quote !== undefined) return `${quote}${exported}${quote}`;
        return exported;
      },
    );
  }
  return result;
}
