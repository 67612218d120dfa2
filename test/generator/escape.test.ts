/**
 * The escaping helpers (generator/escape.ts), one per context: each result, put in its context
 * and read back by the real parser of that context, gives the text back (or keeps it inside).
 */
import { printStructure, StructureKind } from 'ts-morph';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  escapeJsDoc,
  htmlCommentText,
  jsDocCode,
  lineCommentText,
  markdownCode,
  markdownProse,
  markdownText,
  quotedString,
  stringLiteral,
  templateLiteralText,
} from '../../generator/escape.ts';

const HOSTILE = [
  'plain',
  'it\'s "quoted" `tick` \\ back\\',
  '${globalThis.x = 1}',
  '$',
  '{',
  '$`{',
  'a\r\nb\rc\nd\u2028e\u2029f',
  '</script><!-- -->',
  '\u0000\u0007\ud800 lone surrogate',
  '*/ /* @deprecated',
];

/** Evaluates one expression of generated code, the way the generated package would. */
function evaluate(expression: string): unknown {
  const js = ts.transpileModule(`export default ${expression};`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS },
  }).outputText;
  const module = { exports: {} as { default?: unknown } };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running generated code is the test
  (new Function('module', 'exports', js) as (m: typeof module, e: object) => void)(
    module,
    module.exports,
  );
  return module.exports.default;
}

describe('escaping helpers', () => {
  it.each(HOSTILE)(
    'string literals (both quotes) and template text evaluate to the text: %j',
    (text) => {
      expect(evaluate(stringLiteral(text))).toBe(text);
      expect(evaluate(quotedString(text, "'"))).toBe(text);
      expect(evaluate(quotedString(text, '"'))).toBe(text);
      expect(evaluate(`\`${templateLiteralText(text)}\``)).toBe(text);
      // Pieces escaped one by one and joined still form no `${`.
      expect(evaluate(`\`${templateLiteralText('$')}${templateLiteralText(`{${text}}`)}\``)).toBe(
        `\${${text}}`,
      );
      expect(stringLiteral(text)).not.toMatch(/[\u2028\u2029]|<\//);
    },
  );

  it.each(HOSTILE)(
    "ts-morph's printer copies each literal as it is and inserts nothing after it: %j",
    (text) => {
      // code-block-writer tracks strings and comments to decide what to insert; a literal it
      // misreads (a quote after an escaped backslash) made it read the `/*` of the next literal
      // as a comment opener and "close" it with `*\/` before the next member.
      const literals = [
        stringLiteral(text),
        quotedString(text, "'"),
        `\`${templateLiteralText(text)}\``,
        `\`${templateLiteralText(text)}\${'x'}\``,
      ];
      for (const literal of literals) {
        const type = `{ a: ${literal}; c: '/*' }`;
        const printed = printStructure(
          {
            kind: StructureKind.SourceFile,
            statements: [
              `const b = ${literal};`,
              { kind: StructureKind.TypeAlias, name: 'T', type, docs: ['Doc.'] },
              {
                kind: StructureKind.Interface,
                name: 'I',
                properties: [{ name: 'x', docs: ['X.'] }],
              },
            ],
          },
          { newLine: '\n', indentNumberOfSpaces: 2 },
        );
        const source = ts.createSourceFile('x.ts', printed, ts.ScriptTarget.Latest, true);
        const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] })
          .parseDiagnostics;
        expect(
          diagnostics.map((d) => d.messageText),
          printed,
        ).toEqual([]);
        expect(printed).toContain(`const b = ${literal};`);
        expect(source.statements).toHaveLength(3);
      }
    },
  );

  it.each(HOSTILE)('comments keep the text inside: %j', (text) => {
    for (const code of [
      `/** ${escapeJsDoc(text)} */ export const a = 1;`,
      `// ${lineCommentText(text)}\nexport const a = 1;`,
    ]) {
      const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
      expect(source.statements).toHaveLength(1);
      expect(source.statements[0]!.getText()).toBe('export const a = 1;');
    }
    expect(lineCommentText(text)).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(htmlCommentText(text)).not.toMatch(/-->|--!>|<!--|[\r\n\u2028\u2029]/);
  });

  it.each([
    ['@deprecated now', '\\@deprecated now'],
    ['x\n@param y', 'x\n\\@param y'],
    ['see {@link Evil}', 'see {\\@link Evil}'],
    ['mail me@example.com', 'mail me@example.com'],
    ['\\@already escaped', '\\@already escaped'],
    ['\\\\@escaped backslash', '\\\\\\@escaped backslash'],
    ['a */ b /* c', 'a *\\/ b /\\* c'],
    ['a\u2028b\r\nc', 'a\nb\nc'],
  ])('TSDoc text: %j → %j', (text, want) => {
    expect(escapeJsDoc(text)).toBe(want);
  });

  it.each([
    ['GET /a', '`GET /a`'],
    ['a`b', '``a`b``'],
    ['`a``', '``` `a`` ```'],
    ['a\nb', '`a b`'],
  ])('Markdown code span of %j is %j', (text, want) => {
    expect(markdownCode(text)).toBe(want);
  });

  it.each([
    ['https://api.example.com', '`https://api.example.com`'],
    // helper-107: a backtick closed the code span early; TSDoc has no longer fence.
    ['https://api.example.com/v1`x', '"https://api.example.com/v1`x"'],
    ['a */ b', '`a *\\/ b`'],
  ])('TSDoc code of %j is %j', (text, want) => {
    expect(jsDocCode(text)).toBe(want);
  });

  it('Markdown text and prose: no HTML, no javascript: link', () => {
    expect(markdownText('<b>*x*</b>\n# y')).toBe('\\<b\\>\\*x\\*\\</b\\> \\# y');
    expect(markdownProse('a <script>x</script> & [l](javascript:alert(1)) [m]: data:x')).toBe(
      'a &lt;script>x&lt;/script> &amp; [l]\\(javascript:alert(1)) [m]\\: data:x',
    );
  });
});
