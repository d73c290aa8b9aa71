/**
 * The core the Bicep and Terraform readers share: their token shape, a cursor over the tokens and
 * the expression skeleton (unary, binary and conditional operators, member access, indexing,
 * bracketed lists). A reader only needs to know where an expression ends and the few shapes it
 * evaluates (strings, names, calls, objects), so operators have no precedence here: every operator
 * application is an opaque `other` node spanning its operands. Each format's parser extends
 * ExprParser with its primary expressions and its own postfix forms; every step consumes at least
 * one token or stops at a closer, and nesting is bounded by MAX_NESTING.
 */
import { MAX_NESTING, type MappedText } from './policySource';

export interface Tok {
  k: 'id' | 'str' | 'p' | 'nl' | 'num';
  s: number;
  e: number;
  v: string;
  /** A string token's text, holes filled, mapped to the host. */
  t?: MappedText;
}

export interface OtherNode { k: 'other'; s: number; e: number }
export interface RefNode { k: 'ref'; s: number; e: number; name: string }
export interface StrNode { k: 'str'; s: number; e: number; t: MappedText }

/** What a format adds to the core's nodes: its calls, objects, lists. */
export interface FormatNode { k: 'call' | 'obj' | 'list'; s: number; e: number }

export type ExprNode<X extends FormatNode> = OtherNode | RefNode | StrNode | X;

export const OPEN: ReadonlySet<string> = new Set(['(', '[', '{']);
export const CLOSE: ReadonlySet<string> = new Set([')', ']', '}']);

/** The operators that differ between the formats. */
export interface ExprSyntax {
  /** Binary operators (one token each). */
  binary: ReadonlySet<string>;
  /** Member access (`.`, and Bicep's safe-access `?.` / `.?`). */
  member: ReadonlySet<string>;
  /** Skipped between list items besides line breaks (`,`, Terraform's `...` expansion). */
  listSeparators: ReadonlySet<string>;
}

export abstract class ExprParser<X extends FormatNode> {
  protected pos = 0;
  private readonly eof: Tok;

  constructor(protected readonly toks: readonly Tok[], private readonly syntax: ExprSyntax) {
    const at = toks.length ? toks[toks.length - 1].e : 0;
    this.eof = { k: 'p', s: at, e: at, v: '' };
  }

  /**
   * A format's primary expression at the cursor other than a string (it may consume nothing only at
   * a closer or the end).
   */
  protected abstract parseFormatPrimary(depth: number): ExprNode<X>;

  /** A format's postfix form other than member access and indexing; undefined when none applies. */
  protected parsePostfixExtra(_node: ExprNode<X>, _depth: number): ExprNode<X> | undefined {
    return undefined;
  }

  /** What may follow a member-access operator. */
  protected isMemberName(t: Tok): boolean {
    return t.k === 'id';
  }

  peek(k = 0): Tok {
    return this.toks[this.pos + k] ?? this.eof;
  }

  next(): Tok {
    return this.toks[this.pos++] ?? this.eof;
  }

  atEnd(): boolean {
    return this.pos >= this.toks.length;
  }

  /** Whether the token `k` ahead is punctuation or a word with this text. */
  is(v: string, k = 0): boolean {
    const t = this.peek(k);
    return (t.k === 'p' || t.k === 'id') && t.v === v;
  }

  skipNl(): void {
    while (this.peek().k === 'nl') this.pos++;
  }

  /** Skips one token, or a whole bracketed group when it opens one (iteratively). */
  skipBalanced(): void {
    const first = this.next();
    if (first.k !== 'p' || !OPEN.has(first.v)) return;
    let level = 1;
    while (!this.atEnd() && level > 0) {
      const t = this.next();
      if (t.k !== 'p') continue;
      if (OPEN.has(t.v)) level++;
      else if (CLOSE.has(t.v)) level--;
    }
  }

  /** After line breaks: true at the end of the tokens, or at `closer` (then consumed). */
  protected closes(closer: string): boolean {
    this.skipNl();
    if (this.atEnd()) return true;
    const t = this.peek();
    if (t.k === 'p' && t.v === closer) {
      this.next();
      return true;
    }
    return false;
  }

  protected lastEnd(): number {
    return this.pos > 0 ? this.toks[this.pos - 1].e : 0;
  }

  protected other(s: number, e: number): OtherNode {
    return { k: 'other', s, e };
  }

  protected parsePrimary(depth: number): ExprNode<X> {
    const t = this.peek();
    if (t.k !== 'str') return this.parseFormatPrimary(depth);
    this.next();
    return { k: 'str', s: t.s, e: t.e, t: t.t! };
  }

  /** A number or a stray token (not a closer, a comma or the end: those stop the caller instead). */
  protected parseStray(): OtherNode {
    const t = this.peek();
    if (t.k === 'num' || (t.k === 'p' && !CLOSE.has(t.v) && t.v !== ',' && t.v !== '')) this.next();
    return this.other(t.s, t.e);
  }

  parseExpr(depth: number): ExprNode<X> {
    if (depth > MAX_NESTING) {
      const s = this.peek().s;
      this.skipBalanced();
      return this.other(s, this.lastEnd());
    }
    let left = this.parseUnary(depth);
    for (;;) {
      const t = this.peek();
      if (t.k === 'p' && this.syntax.binary.has(t.v)) {
        this.next();
        this.skipNl();
        this.parseUnary(depth + 1);
        left = this.other(left.s, this.lastEnd());
      } else if (t.k === 'p' && t.v === '?') {
        this.next();
        this.skipNl();
        this.parseExpr(depth + 1);
        this.skipNl();
        if (this.is(':')) this.next();
        this.skipNl();
        this.parseExpr(depth + 1);
        left = this.other(left.s, this.lastEnd());
      } else {
        return left;
      }
    }
  }

  private parseUnary(depth: number): ExprNode<X> {
    const t = this.peek();
    if (t.k === 'p' && (t.v === '!' || t.v === '-')) {
      this.next();
      this.parseUnary(depth + 1);
      return this.other(t.s, this.lastEnd());
    }
    return this.parsePostfix(this.parsePrimary(depth), depth);
  }

  /** Member access keeps a dotted name (`local.policy`, `sys.concat`) while it stays a name. */
  protected parsePostfix(node: ExprNode<X>, depth: number): ExprNode<X> {
    let cur = node;
    for (;;) {
      const t = this.peek();
      if (t.k === 'p' && this.syntax.member.has(t.v) && this.isMemberName(this.peek(1))) {
        this.next();
        const id = this.next();
        cur = cur.k === 'ref' ? { k: 'ref', s: cur.s, e: id.e, name: `${cur.name}.${id.v}` } : this.other(cur.s, id.e);
        continue;
      }
      if (t.k === 'p' && t.v === '[') {
        this.next();
        this.parseList(']', depth);
        cur = this.other(cur.s, this.lastEnd());
        continue;
      }
      const extra = this.parsePostfixExtra(cur, depth);
      if (!extra) return cur;
      cur = extra;
    }
  }

  /** Items up to the closer (consumed), separated by line breaks and/or the format's separators. */
  protected parseList(closer: string, depth: number): Array<ExprNode<X>> {
    const items: Array<ExprNode<X>> = [];
    for (;;) {
      if (this.closes(closer)) return items;
      const t = this.peek();
      if (t.k === 'p' && this.syntax.listSeparators.has(t.v)) {
        this.next();
        continue;
      }
      if (t.k === 'p' && CLOSE.has(t.v)) return items;
      const before = this.pos;
      items.push(this.parseExpr(depth + 1));
      if (this.pos === before) this.next();
    }
  }
}
