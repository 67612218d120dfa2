/** What the modules of format-by-rules share: the tree of printed lines, and its failure. */

/** Formats TypeScript text; a write/format-pool.ts Formatter's `format`. */
export type Format = (path: string, text: string) => Promise<string>;

/**
 * What a block holds: the module's statements, a function's or a statement's body, a class body,
 * an interface's or type literal's members.
 */
export type Context = 'module' | 'statements' | 'class' | 'type';

/** A statement or member: its leading comments, its lines, and if it is a block, what it holds. */
export interface Node {
  depth: number;
  /** What the block it stands in holds. */
  context: Context;
  /**
   * The comment lines before it in prettier's form ('' for a kept blank line), and the comments the
   * rules do not cover (a node with `comment: true`, for prettier).
   */
  comments: (string | Node)[];
  /** A comment the rules do not cover: `lines` are its lines as written. */
  comment?: true;
  /**
   * Irregular: its lines as printed, from its first code line to its last. Regular: its first
   * line in prettier's form, without indentation.
   */
  lines: string[];
  /** A regular block: what it holds, then each further part of its chain (`} else {`). */
  members?: Node[];
  chain?: { line: string; members: Node[] }[];
  /** The last line of a regular block (`}`, `};`, `} else return x;`), without indentation. */
  closer?: string;
  /** Whether the rules give this node's lines exactly as prettier would. */
  regular: boolean;
}

/** Text the rules cannot read as a printer's: the whole file goes to prettier. */
export class NotPrinted extends Error {}
