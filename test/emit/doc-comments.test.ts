import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownWords, wrapDocComments, wrapDocText } from '../../generator/emit/doc-text.ts';
import { ROOT } from '../helpers/spec.ts';

const long = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

describe('wrapDocComments', () => {
  it.each([
    [
      'a long one-line comment becomes a block, at its indentation',
      { given: `  /** ${long(20)} */`, width: 60 },
      [
        '  /**',
        '   * word0 word1 word2 word3 word4 word5 word6 word7 word8',
        '   * word9 word10 word11 word12 word13 word14 word15 word16',
        '   * word17 word18 word19',
        '   */',
      ].join('\n'),
    ],
    [
      'a code span, an inline tag and a link are never broken',
      {
        given:
          '/**\n * see `a b c d e f` and {@link X.y the y} and [the docs](https://x.test/a b)\n */',
        width: 40,
      },
      '/**\n * see `a b c d e f` and\n * {@link X.y the y} and\n * [the docs](https://x.test/a b)\n */',
    ],
    [
      'code fences, indented code and tables are kept',
      {
        given: `/**\n * \`\`\`ts\n * ${long(12)}\n * \`\`\`\n *     ${long(12)}\n * | ${long(12)} |\n */`,
        width: 40,
      },
      `/**\n * \`\`\`ts\n * ${long(12)}\n * \`\`\`\n *     ${long(12)}\n * | ${long(12)} |\n */`,
    ],
    [
      'list items wrap under their own text',
      { given: `/**\n * - ${long(8)}\n */`, width: 30 },
      '/**\n * - word0 word1 word2 word3\n *   word4 word5 word6 word7\n */',
    ],
    [
      'only comment lines change: code around and between them, and a `/**` inside code, stay',
      {
        given: `const a = '/** ${long(3)}';\n/**\n * ${long(8)}\n */\nb(); /** c */\n/** ${long(8)} */\nend;\n`,
        width: 30,
      },
      [
        `const a = '/** ${long(3)}';`,
        '/**',
        ' * word0 word1 word2 word3',
        ' * word4 word5 word6 word7',
        ' */',
        'b(); /** c */',
        '/**',
        ' * word0 word1 word2 word3',
        ' * word4 word5 word6 word7',
        ' */',
        'end;',
        '',
      ].join('\n'),
    ],
    [
      'a block left open at the end of the text is wrapped to its end',
      { given: `x;\n/**\n * ${long(8)}\n`, width: 30 },
      'x;\n/**\n * word0 word1 word2 word3\n * word4 word5 word6 word7\n',
    ],
    [
      // Text wrapped earlier at another indentation left a lone word on a line of its own.
      'what a long line wraps joins the lines that go on with its paragraph: no lone word',
      { given: `/**\n * ${long(7)}\n * then more text.\n */`, width: 30 },
      '/**\n * word0 word1 word2 word3\n * word4 word5 word6 then more\n * text.\n */',
    ],
    [
      'a list item, a blank line and a tag after it are not joined to it',
      {
        given: `/**\n * ${long(7)}\n * - an item\n *\n * ${long(2)}\n * @deprecated Use y.\n */`,
        width: 30,
      },
      '/**\n * word0 word1 word2 word3\n * word4 word5 word6\n * - an item\n *\n * word0 word1\n * @deprecated Use y.\n */',
    ],
    [
      'code and short comments are left alone',
      { given: `const x = '${long(30)}';`, width: 40 },
      `const x = '${long(30)}';`,
    ],
  ])('%s', (_name, { given, width }, want) => {
    expect(wrapDocComments(given, width)).toBe(want);
  });
});

describe('the words of a description line', () => {
  /** The words as the regular expression the scan replaced gave them (quadratic on unclosed spans). */
  const regexWords = (line: string) =>
    line.match(/(?:`[^`]*`|\{@[^}]*\}|\[[^\]]*\]\([^)]*\)|\S)+/g) ?? [];

  it('keep code spans, inline tags and links whole, closed or not, as before', () => {
    // Lines of 12 pieces each, a fixed pseudo-random sample.
    const pieces = ['`', '[', ']', '(', ')', '{@', '}', ' ', 'a', 'b c', '](', '{', '\t'];
    let seed = 7;
    for (let n = 0; n < 5000; n++) {
      let line = '';
      for (let i = 0; i < 12; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        line += pieces[seed % pieces.length];
      }
      expect(markdownWords(line), JSON.stringify(line)).toEqual(regexWords(line));
    }
  });

  it('take time in proportion to the line: 1 MB of unclosed links, brackets, tags, code spans', () => {
    // Quadratic before (the end of each `[a](` looked for again up to the end of the line): a
    // 1 MB line took minutes.
    for (const unit of ['[a](', '[', '[a] ', '{@x ', '`a ]']) {
      const line = `\`${unit.repeat(1_000_000 / unit.length)}`;
      // The words, each whole, wrapped onto lines of 96 columns.
      expect(wrapDocText(line).replace(/\n/g, ' ')).toBe(markdownWords(line).join(' '));
    }
  }, 20_000);
});

describe('generated/ resource files', () => {
  const dir = join(ROOT, 'generated/src/resources');
  const files = readdirSync(dir).filter((file) => file !== 'index.ts');

  it.each(files)('%s: TSDoc lines fit in 100 columns, pagination options are one const', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const long = text
      .split('\n')
      .filter((line) => /^\s*(\/\*\*|\*)/.test(line) && line.length > 100);
    expect(long).toEqual([]);
    expect(text.match(/afterParam:/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
