import { stringLiteral } from '../../model/names.ts';
import { pushAll } from '../../json.ts';

interface Line {
  depth: number;
  text: string;
  /** Set on a one-line `if (cond) stmt`, so an enclosing `if` can merge with it. */
  cond?: string;
  stmt?: string;
}

/**
 * A tiny line builder for function bodies: nested blocks, and blocks that disappear when empty
 * (a check that checks nothing prints nothing). Depths are relative, so a child buffer can be
 * placed inside a block or appended at the same level after it is filled. Single statements
 * stay on one line: `if (a) { if (b) return false; }` prints as `if (a && b) return false;`.
 */
export class Code {
  private readonly lines: Line[] = [];
  /**
   * Set once a statement at this level always returns (`return false;` for a `false` schema):
   * what would follow is unreachable, so it is not printed. TypeScript stops narrowing in
   * unreachable code (a later property read off `unknown` fails to compile) and reports it
   * under `allowUnreachableCode: false`.
   */
  private returned = false;

  line(text: string): void {
    if (this.returned) return;
    this.lines.push({ depth: 0, text });
    if (text.startsWith('return ') || text === 'return;') this.returned = true;
  }

  /**
   * `if (cond) stmt` on one line. A literal condition prints no `if`: `stmt` alone for `true`,
   * nothing for `false` (TypeScript finds the branch it never takes unreachable).
   */
  ifLine(cond: string, stmt: string): void {
    if (cond === 'true') {
      this.line(stmt);
      return;
    }
    if (this.returned || cond === 'false') return;
    this.lines.push({ depth: 0, text: `if (${cond}) ${stmt}`, cond, stmt });
  }

  /** A fresh buffer to fill, then place with {@link block}, {@link ifBlock}, {@link ifElse} or {@link append}. */
  child(): Code {
    return new Code();
  }

  /** Places `child` at this level. */
  append(child: Code): void {
    if (this.returned) return;
    pushAll(this.lines, child.lines);
    this.returned = child.returned;
  }

  /** `head {` child `}` (a bare block for `''`); nothing when the child is empty. */
  block(head: string, child: Code): void {
    if (child.isEmpty || this.returned) return;
    this.line(head === '' ? '{' : `${head} {`);
    this.indented(child);
    this.line('}');
  }

  /** `if (cond) { child }`, on one line when the child is one simple statement. */
  ifBlock(cond: string, child: Code): void {
    if (cond === 'true') {
      this.append(child);
      return;
    }
    if (cond === 'false') return;
    const only = child.single;
    if (only?.cond !== undefined && only.stmt !== undefined) {
      this.ifLine(`${group(cond)} && ${group(only.cond)}`, only.stmt);
    } else if (only) {
      this.ifLine(cond, only.text);
    } else {
      this.block(`if (${cond})`, child);
    }
  }

  /** `if (cond) { then } else { otherwise }`, dropping empty halves and chaining `else if`. */
  ifElse(cond: string, then: Code, otherwise: Code): void {
    if (this.returned) return;
    if (cond === 'true' || cond === 'false') {
      this.append(cond === 'true' ? then : otherwise);
      return;
    }
    if (otherwise.isEmpty) {
      this.ifBlock(cond, then);
      return;
    }
    if (then.isEmpty) {
      this.ifBlock(`!(${cond})`, otherwise);
      return;
    }
    this.line(`if (${cond}) {`);
    this.indented(then);
    const first = otherwise.lines[0];
    const chain =
      first !== undefined &&
      first.depth === 0 &&
      first.text.startsWith('if (') &&
      otherwise.isOneStatement;
    if (chain && otherwise.single) {
      this.line(`} else ${first.text}`);
      return;
    }
    if (chain) {
      this.line(`} else ${first.text}`);
      pushAll(this.lines, otherwise.lines.slice(1));
      return;
    }
    this.line('} else {');
    this.indented(otherwise);
    this.line('}');
    if (then.returned && otherwise.returned) this.returned = true;
  }

  private indented(child: Code): void {
    for (const l of child.lines) this.lines.push({ ...l, depth: l.depth + 1 });
  }

  /** The line, when this buffer is one simple statement (not a block). */
  private get single(): Line | undefined {
    const [only] = this.lines;
    if (this.lines.length !== 1 || !only || only.text.endsWith('{')) return undefined;
    return /^(const|let|case|default)\b/.test(only.text) ? undefined : only;
  }

  /** One statement: one simple line, or one `if`/`else` chain whose only top-level lines are its own. */
  private get isOneStatement(): boolean {
    const top = this.lines.filter((l) => l.depth === 0);
    return top.length === 1 || top.slice(1).every((l) => l.text.startsWith('}'));
  }

  get isEmpty(): boolean {
    return this.lines.length === 0;
  }

  toString(): string {
    return this.lines.map((l) => `${'  '.repeat(l.depth)}${l.text}`).join('\n');
  }
}

/** Parenthesises a condition that has `||` or `?:` at any level (enough for `&&` around it). */
function group(cond: string): string {
  return / \|\| | \? /.test(cond) ? `(${cond})` : cond;
}

/**
 * A JSON pointer being built at run time: static tokens are joined at generation time,
 * dynamic ones (array indexes, object keys) at run time, and only on the reporting path.
 */
export class PathExpr {
  private constructor(
    /** JS expression for the dynamic head, e.g. `path` or `path + "/items/" + i3`. */
    private readonly head: string,
    /** Already-escaped static tail, e.g. `/price/amount`. */
    private readonly tail: string,
  ) {}

  static of(variable: string): PathExpr {
    return new PathExpr(variable, '');
  }

  /** Appends a static token (a property name from the spec), escaped per RFC 6901. */
  key(token: string): PathExpr {
    return new PathExpr(
      this.head,
      `${this.tail}/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    );
  }

  /** Appends a dynamic token: `expression` must evaluate to an already-escaped token. */
  dynamic(expression: string): PathExpr {
    return new PathExpr(`${this.head} + ${stringLiteral(`${this.tail}/`)} + ${expression}`, '');
  }

  render(): string {
    return this.tail === '' ? this.head : `${this.head} + ${stringLiteral(this.tail)}`;
  }
}
