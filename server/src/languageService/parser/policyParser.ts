/**
 * Builds a tolerant, offset-based tree from the scanner's tokens. Never throws, never recurses:
 * a document nested 100,000 deep parses with an explicit stack. Unclosed elements end where their
 * parent ends; a stray end tag is reported and skipped.
 */
import { createScanner, isNameStart, TokenType, type TokenError, type TokenExpression } from './scanner';
import type { LexProblem } from './expressionLexer';
import { namedValueEndAt } from '../utils/namedValues';

export interface OffsetRange {
  start: number;
  end: number;
}

export interface PolicyExpression extends OffsetRange {
  kind: 'inline' | 'block';
  closed: boolean;
  /** Where the expression sits; inside CDATA no XML entity is decoded. */
  host: 'attribute' | 'text' | 'cdata';
  /** The element holding it (for attributes, the element of the attribute). */
  element?: PolicyElement;
  attribute?: PolicyAttribute;
  problems: LexProblem[];
}

export interface NamedValueRef extends OffsetRange {
  name: string;
  /** Offsets of the name without the braces. */
  nameStart: number;
  nameEnd: number;
  inExpression: boolean;
  /**
   * Inside a Liquid template (`template="liquid"`), where `{{…}}` is first of all Liquid's own
   * output tag (`{{body.order.id}}`): a name no named value has is Liquid, not a broken reference.
   */
  inLiquid: boolean;
}

export interface PolicyAttribute {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Offset of the opening quote; undefined when the attribute has no value. */
  valueStart?: number;
  /** Offset after the closing quote (or where the value stopped). */
  valueEnd?: number;
  /** The raw text between the quotes (entities not decoded). */
  value?: string;
  quote?: '"' | "'";
  expression?: PolicyExpression;
}

export interface PolicyText extends OffsetRange {
  cdata: boolean;
  expression?: PolicyExpression;
}

export interface PolicyElement extends OffsetRange {
  name: string;
  /** End of the name in the start tag. */
  nameEnd: number;
  /** Offset after the `>` of the start tag; undefined while the start tag is unfinished. */
  startTagEnd?: number;
  /** Offset of `</` of the matching end tag. */
  endTagStart?: number;
  /** True when closed by `/>` or a matching end tag. */
  closed: boolean;
  selfClosing: boolean;
  parent?: PolicyElement;
  children: PolicyElement[];
  attributes: PolicyAttribute[];
  texts: PolicyText[];
}

export interface ParseError extends OffsetRange {
  code: string;
  message: string;
}

export interface PolicyDocument {
  text: string;
  /** The elements, attributes and texts as columns (what `roots` and their handles are read from). */
  tree: PolicyTree;
  /**
   * True when the text was longer than the parser reads (`MAX_CHECKED_TEXT`): the document is
   * empty, and features answer with nothing rather than parse what APIM would refuse anyway.
   */
  skipped?: boolean;
  roots: PolicyElement[];
  /** Every comment, CDATA, PI and DOCTYPE range. */
  comments: OffsetRange[];
  doctype?: OffsetRange;
  errors: ParseError[];
  expressions: PolicyExpression[];
  namedValues: NamedValueRef[];
  /** The innermost element whose range holds `offset` (start inclusive, end exclusive). */
  findElementAt(offset: number): PolicyElement | undefined;
  getAttribute(element: PolicyElement, name: string): PolicyAttribute | undefined;
}


/**
 * Where an attribute's value text lies: inside its quotes, without the closing quote when there is
 * one (an unclosed value runs to where the scanner stopped it). The one place that knows this.
 */
export function valueRange(attr: PolicyAttribute): { start: number; end: number } | undefined {
  if (attr.valueStart === undefined || attr.value === undefined) return undefined;
  const start = attr.quote ? attr.valueStart + 1 : attr.valueStart;
  return { start, end: start + attr.value.length };
}

/**
 * The tree as columns: one row of integers per element, attribute, text and expression in typed
 * arrays, and names interned (a name is an index into `names`). A large policy has 100,000s of
 * elements and attributes; as objects they cost more memory than the text and most of the parse
 * time went to allocating and collecting them. The rows are in document order (an element's row
 * comes before its descendants', which follow it contiguously, up to its SubtreeEnd). Features
 * that want objects ask for handles (`element(row)`), made on demand and kept, so the same row is
 * always the same object.
 */
const enum E { Start, End, Name, Parent, SubtreeEnd, StartTagEnd, EndTagStart, FirstAttribute, Stride }
const enum A { Name, NameStart, ValueStart, ValueEnd, Expression, Stride }
const enum T { Start, End, Owner, Expression, Cdata, Stride }
/** An expression's row: its range, what holds it (element row, attribute row or NONE) and X flags. */
const enum X { Start, End, Flags, Element, Attribute, Stride }
const enum XF { Closed = 1, Block = 2, Text = 4, Cdata = 8 }
const enum NV { InExpression = 1, InLiquid = 2 }
/** Flags in the low bits of an element's name column (the name id is shifted past them). */
const enum F { Closed = 1, SelfClosing = 2 }
const NAME_SHIFT = 2;

/** "No row" (no parent, no child, no expression) and "no offset" (a start tag never finished). */
export const NONE = -1;

const NO_PROBLEMS: LexProblem[] = Object.freeze([]) as unknown as LexProblem[];
const NO_PROBLEMS_BY_ROW: ReadonlyMap<number, LexProblem[]> = new Map();

/**
 * Handles by row. A tree of at most CHUNK rows (of a kind) keeps them in one list, as long as its
 * rows: a workspace keeps thousands of small trees, and each list more is memory the collector
 * walks. A larger tree keeps them in chunks of CHUNK rows, a chunk made with its first handle: asked
 * for a few handles (its root, an element with a finding), it does not allocate a list as long as
 * its rows (0.85 MB for the 8 MB bench policy, in fresh pages). Either way a row's handle is at
 * `row & CHUNK_MASK` in the list `handleList` gives.
 */
type Handles = unknown[];
const CHUNK_SHIFT = 10;
const CHUNK = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK - 1;
function newHandles(rows: number): Handles {
  return new Array(rows <= CHUNK ? rows : (rows + CHUNK - 1) >> CHUNK_SHIFT);
}
function handleList<T>(handles: Handles, row: number, rows: number): Array<T | undefined> {
  if (rows <= CHUNK) return handles as Array<T | undefined>;
  const k = row >> CHUNK_SHIFT;
  return (handles[k] ??= new Array(Math.min(CHUNK, rows - (k << CHUNK_SHIFT)))) as Array<T | undefined>;
}

export class PolicyTree {
  // handles by row, made on demand (arrays rather than maps: a workspace pass asks for 100,000s)
  private elementHandles: Handles | undefined;
  private attributeHandles: Handles | undefined;
  private expressionHandles: Handles | undefined;
  private allExpressions: PolicyExpression[] | undefined;
  private nameIds: Map<string, number> | undefined;
  constructor(
    readonly text: string,
    /** Interned names of elements and attributes: a name id is an index here. */
    readonly names: readonly string[],
    readonly elementCount: number,
    private readonly el: Int32Array,
    readonly attributeCount: number,
    private readonly at: Int32Array,
    readonly textCount: number,
    private readonly tx: Int32Array,
    readonly expressionCount: number,
    private readonly xs: Int32Array,
    /** The lexer's problems by expression row, for the few expressions that have any. */
    private readonly problems: ReadonlyMap<number, LexProblem[]>,
  ) {}

  /** The id of `name`, or NONE when no element or attribute has it. */
  nameId(name: string): number {
    if (!this.nameIds) {
      this.nameIds = new Map();
      for (let i = 0; i < this.names.length; i++) this.nameIds.set(this.names[i], i);
    }
    return this.nameIds.get(name) ?? NONE;
  }

  start(i: number): number { return this.el[i * E.Stride + E.Start]; }
  end(i: number): number { return this.el[i * E.Stride + E.End]; }
  nameIdOf(i: number): number { return this.el[i * E.Stride + E.Name] >> NAME_SHIFT; }
  name(i: number): string { return this.names[this.el[i * E.Stride + E.Name] >> NAME_SHIFT]; }
  /** End of the name in the start tag: the name is the text after its `<`. */
  nameEnd(i: number): number { return this.start(i) + 1 + this.name(i).length; }
  parent(i: number): number { return this.el[i * E.Stride + E.Parent]; }
  /** A first child is the row after its parent's (rows are in document order). */
  firstChild(i: number): number { return i + 1 < this.subtreeEnd(i) ? i + 1 : NONE; }
  /** A next sibling is the row after the subtree, when that row has the same parent. */
  nextSibling(i: number): number {
    const next = this.subtreeEnd(i);
    return next < this.elementCount && this.parent(next) === this.parent(i) ? next : NONE;
  }
  /** NONE while the start tag is unfinished. */
  startTagEnd(i: number): number { return this.el[i * E.Stride + E.StartTagEnd]; }
  endTagStart(i: number): number { return this.el[i * E.Stride + E.EndTagStart]; }
  closed(i: number): boolean { return (this.el[i * E.Stride + E.Name] & F.Closed) !== 0; }
  selfClosing(i: number): boolean { return (this.el[i * E.Stride + E.Name] & F.SelfClosing) !== 0; }
  /** An element's attributes are the rows firstAttribute(i) to attributesEnd(i) (exclusive). */
  firstAttribute(i: number): number { return this.el[i * E.Stride + E.FirstAttribute]; }
  attributesEnd(i: number): number { return i + 1 < this.elementCount ? this.el[(i + 1) * E.Stride + E.FirstAttribute] : this.attributeCount; }
  /** The row after the last descendant of `i`: its subtree is the rows i to there. */
  subtreeEnd(i: number): number { return this.el[i * E.Stride + E.SubtreeEnd]; }
  /** The first child of `i` named `nameId`, or NONE. */
  childNamed(i: number, nameId: number): number {
    for (let c = this.firstChild(i); c !== NONE; c = this.nextSibling(c)) if (this.nameIdOf(c) === nameId) return c;
    return NONE;
  }
  /** The attribute row of `i` named `nameId`, or NONE. */
  attributeNamed(i: number, nameId: number): number {
    for (let a = this.firstAttribute(i), end = this.attributesEnd(i); a < end; a++) if (this.attributeNameId(a) === nameId) return a;
    return NONE;
  }

  attributeNameId(a: number): number { return this.at[a * A.Stride + A.Name]; }
  attributeName(a: number): string { return this.names[this.at[a * A.Stride + A.Name]]; }
  attributeNameStart(a: number): number { return this.at[a * A.Stride + A.NameStart]; }
  /** Offset of the opening quote, NONE when the attribute has no value. */
  attributeValueStart(a: number): number { return this.at[a * A.Stride + A.ValueStart]; }
  attributeValueEnd(a: number): number { return this.at[a * A.Stride + A.ValueEnd]; }
  attributeExpression(a: number): PolicyExpression | undefined {
    const x = this.at[a * A.Stride + A.Expression];
    return x === NONE ? undefined : this.expression(x);
  }
  hasAttributeExpression(a: number): boolean { return this.at[a * A.Stride + A.Expression] !== NONE; }
  /** The raw value text (entities not decoded), cut from the document at each call. */
  attributeValue(a: number): string | undefined {
    return valueText(this.text, this.at[a * A.Stride + A.ValueStart], this.at[a * A.Stride + A.ValueEnd]);
  }
  /** Whether the raw value text is `value`, compared in the document (nothing cut out of it). */
  attributeValueIs(a: number, value: string): boolean {
    const valueStart = this.at[a * A.Stride + A.ValueStart];
    const valueEnd = this.at[a * A.Stride + A.ValueEnd];
    if (valueStart === NONE || valueEnd === NONE) return false;
    const start = valueTextStart(this.text, valueStart);
    return valueTextEnd(this.text, valueStart, valueEnd) - start === value.length && this.text.startsWith(value, start);
  }
  attributeQuote(a: number): '"' | "'" | undefined { return quoteAt(this.text, this.at[a * A.Stride + A.ValueStart]); }

  /** The handle of element row `i` (one object per row). */
  element(i: number): PolicyElement {
    const list = handleList<PolicyElement>((this.elementHandles ??= newHandles(this.elementCount)), i, this.elementCount);
    return (list[i & CHUNK_MASK] ??= new ElementHandle(this, i));
  }
  /** The row of a handle this tree made, or NONE for any other element. */
  rowOf(el: PolicyElement): number {
    return el instanceof ElementHandle && el.tree === this ? el.row : NONE;
  }
  attribute(a: number): PolicyAttribute {
    const list = handleList<PolicyAttribute>((this.attributeHandles ??= newHandles(this.attributeCount)), a, this.attributeCount);
    return (list[a & CHUNK_MASK] ??= new AttributeHandle(this, a));
  }
  /** Handles of the rows `first`, its next sibling, and so on. */
  siblings(first: number): PolicyElement[] {
    if (first === NONE) return NO_ELEMENTS;
    const list: PolicyElement[] = [];
    for (let c = first; c !== NONE; c = this.nextSibling(c)) list.push(this.element(c));
    return list;
  }
  /** The texts directly in `i`: text rows are in document order, so those inside its range, owned by it. */
  textsOf(i: number): PolicyText[] {
    const start = this.start(i);
    const end = this.end(i);
    let lo = 0;
    let hi = this.textCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tx[mid * T.Stride + T.Start] < start) lo = mid + 1;
      else hi = mid;
    }
    let texts: PolicyText[] | undefined;
    for (let t = lo; t < this.textCount && this.tx[t * T.Stride + T.Start] <= end; t++) {
      const r = t * T.Stride;
      if (this.tx[r + T.Owner] !== i) continue;
      const x = this.tx[r + T.Expression];
      (texts ??= []).push({ start: this.tx[r + T.Start], end: this.tx[r + T.End], cdata: this.tx[r + T.Cdata] !== 0, expression: x === NONE ? undefined : this.expression(x) });
    }
    return texts ?? NO_TEXTS;
  }
  /**
   * The expressions, in document order, as handles (made on the first call). A large policy has
   * 10,000s: a check that needs no more than their problems (`lexProblems`) makes none.
   */
  expressions(): PolicyExpression[] {
    if (!this.allExpressions) {
      if (this.expressionCount === 0) this.allExpressions = NO_EXPRESSIONS;
      else if (this.expressionCount <= CHUNK) {
        // the list of handles, once it holds them all
        for (let x = 0; x < this.expressionCount; x++) this.expression(x);
        this.allExpressions = this.expressionHandles as PolicyExpression[];
      } else {
        const all: PolicyExpression[] = [];
        for (let x = 0; x < this.expressionCount; x++) all.push(this.expression(x));
        this.allExpressions = all;
      }
    }
    return this.allExpressions;
  }
  /** The handle of expression row `x` (one object per row). */
  expression(x: number): PolicyExpression {
    const list = handleList<PolicyExpression>((this.expressionHandles ??= newHandles(this.expressionCount)), x, this.expressionCount);
    return (list[x & CHUNK_MASK] ??= new ExpressionHandle(this, x));
  }
  expressionStart(x: number): number { return this.xs[x * X.Stride + X.Start]; }
  expressionEnd(x: number): number { return this.xs[x * X.Stride + X.End]; }
  expressionFlags(x: number): number { return this.xs[x * X.Stride + X.Flags]; }
  expressionElement(x: number): number { return this.xs[x * X.Stride + X.Element]; }
  expressionAttribute(x: number): number { return this.xs[x * X.Stride + X.Attribute]; }
  expressionProblems(x: number): LexProblem[] { return this.problems.get(x) ?? NO_PROBLEMS; }
  /** The lexer's problems of every expression (unterminated strings and comments), in document order. */
  lexProblems(): LexProblem[] {
    const all: LexProblem[] = [];
    for (const list of this.problems.values()) all.push(...list);
    return all;
  }

  /** Whether `i` holds a text (not white space between elements). */
  hasText(i: number): boolean {
    return this.textsOf(i).length > 0;
  }
}

/** The raw text of a value between `valueStart` (its quote) and `valueEnd`, without the quotes. */
function valueText(text: string, valueStart: number, valueEnd: number): string | undefined {
  if (valueStart === NONE || valueEnd === NONE) return undefined;
  return text.substring(valueTextStart(text, valueStart), valueTextEnd(text, valueStart, valueEnd));
}

/** Where the value text starts: after the opening quote, if any. */
function valueTextStart(text: string, valueStart: number): number {
  return quoteAt(text, valueStart) ? valueStart + 1 : valueStart;
}

/** Where the value text ends: before the closing quote, when the value has one. */
function valueTextEnd(text: string, valueStart: number, valueEnd: number): number {
  const quote = quoteAt(text, valueStart);
  const closed = quote !== undefined && valueEnd - 1 > valueStart && text.charAt(valueEnd - 1) === quote;
  return closed ? valueEnd - 1 : valueEnd;
}

function quoteAt(text: string, valueStart: number): '"' | "'" | undefined {
  if (valueStart === NONE) return undefined;
  const q = text.charCodeAt(valueStart);
  return q === 34 ? '"' : q === 39 ? "'" : undefined;
}

/** An element of a PolicyTree as an object: what it holds is read from the columns. */
class ElementHandle implements PolicyElement {
  private childList: PolicyElement[] | undefined;
  private attributeList: PolicyAttribute[] | undefined;
  private textList: PolicyText[] | undefined;
  constructor(readonly tree: PolicyTree, readonly row: number) {}
  get name(): string { return this.tree.name(this.row); }
  get start(): number { return this.tree.start(this.row); }
  get end(): number { return this.tree.end(this.row); }
  get nameEnd(): number { return this.tree.nameEnd(this.row); }
  get startTagEnd(): number | undefined { const v = this.tree.startTagEnd(this.row); return v === NONE ? undefined : v; }
  get endTagStart(): number | undefined { const v = this.tree.endTagStart(this.row); return v === NONE ? undefined : v; }
  get closed(): boolean { return this.tree.closed(this.row); }
  get selfClosing(): boolean { return this.tree.selfClosing(this.row); }
  get parent(): PolicyElement | undefined { const p = this.tree.parent(this.row); return p === NONE ? undefined : this.tree.element(p); }
  get children(): PolicyElement[] { return (this.childList ??= this.tree.siblings(this.tree.firstChild(this.row))); }
  get attributes(): PolicyAttribute[] {
    if (!this.attributeList) {
      const first = this.tree.firstAttribute(this.row);
      const end = this.tree.attributesEnd(this.row);
      if (first === end) this.attributeList = NO_ATTRIBUTES;
      else {
        this.attributeList = [];
        for (let a = first; a < end; a++) this.attributeList.push(this.tree.attribute(a));
      }
    }
    return this.attributeList;
  }
  get texts(): PolicyText[] { return (this.textList ??= this.tree.textsOf(this.row)); }
}

/** An attribute of a PolicyTree as an object; its value is cut from the text at each read. */
class AttributeHandle implements PolicyAttribute {
  constructor(private readonly tree: PolicyTree, private readonly row: number) {}
  get name(): string { return this.tree.attributeName(this.row); }
  get nameStart(): number { return this.tree.attributeNameStart(this.row); }
  get nameEnd(): number { return this.nameStart + this.name.length; }
  get valueStart(): number | undefined { const v = this.tree.attributeValueStart(this.row); return v === NONE ? undefined : v; }
  get valueEnd(): number | undefined { const v = this.tree.attributeValueEnd(this.row); return v === NONE ? undefined : v; }
  get value(): string | undefined { return this.tree.attributeValue(this.row); }
  get quote(): '"' | "'" | undefined { return this.tree.attributeQuote(this.row); }
  get expression(): PolicyExpression | undefined { return this.tree.attributeExpression(this.row); }
}

/** An expression of a PolicyTree as an object; the element and attribute holding it are handles made when asked for. */
class ExpressionHandle implements PolicyExpression {
  readonly start: number;
  readonly end: number;
  readonly kind: 'inline' | 'block';
  readonly closed: boolean;
  readonly host: 'attribute' | 'text' | 'cdata';
  readonly problems: LexProblem[];
  constructor(private readonly tree: PolicyTree, private readonly row: number) {
    const flags = tree.expressionFlags(row);
    this.start = tree.expressionStart(row);
    this.end = tree.expressionEnd(row);
    this.kind = flags & XF.Block ? 'block' : 'inline';
    this.closed = (flags & XF.Closed) !== 0;
    this.host = flags & XF.Cdata ? 'cdata' : flags & XF.Text ? 'text' : 'attribute';
    this.problems = tree.expressionProblems(row);
  }
  get element(): PolicyElement | undefined { const i = this.tree.expressionElement(this.row); return i === NONE ? undefined : this.tree.element(i); }
  get attribute(): PolicyAttribute | undefined { const a = this.tree.expressionAttribute(this.row); return a === NONE ? undefined : this.tree.attribute(a); }
}

/**
 * Shared, frozen empty lists: most elements have no text and many no attributes or children.
 */
const NO_ELEMENTS = Object.freeze([]) as unknown as PolicyElement[];
const NO_ATTRIBUTES = Object.freeze([]) as unknown as PolicyAttribute[];
const NO_TEXTS = Object.freeze([]) as unknown as PolicyText[];
const NO_EXPRESSIONS = Object.freeze([]) as unknown as PolicyExpression[];

/**
 * The most text (UTF-16 code units) the parser reads; past it, `parsePolicy` returns an empty
 * document flagged `skipped`. APIM refuses a policy over 256 KiB (a fragment over 512 KiB), so
 * nothing this large is a policy anyone deploys, while a file of hundreds of MB exhausted the host
 * before telling the user anything. 16 MiB keeps room for the 8 MB policy `npm run bench` measures.
 * UTF-8 takes at least a byte per code unit, so a file of at most this many bytes is never
 * skipped, and a host may refuse a larger one by its size alone without reading it.
 */
export const MAX_CHECKED_TEXT = 16 * 1024 * 1024;

/**
 * How many `<` in `text` are followed by a name character: every element starts at one (the
 * scanner makes a start tag of nothing else), so no parse of `text` has more elements.
 * `indexOf` finds them several times faster than a loop over the characters.
 */
export function startTagCount(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf('<', from); i >= 0 && i < to; i = text.indexOf('<', i + 1)) if (isNameStart(text.charCodeAt(i + 1))) n++;
  return n;
}

const SAMPLE_WINDOWS = 8;
const SAMPLE_WINDOW = 16 * 1024;

/**
 * About how many elements `text` holds, to size its rows: the start tags of a few windows spread
 * over it, scaled to its length, and a quarter more. Counting all of an 8 MB policy's took 8 to 13
 * ms; a text whose windows are not like the rest grows its rows, as any estimate must allow.
 */
export function estimatedElementCount(text: string): number {
  if (text.length <= SAMPLE_WINDOWS * SAMPLE_WINDOW) return startTagCount(text);
  let seen = 0;
  for (let w = 0; w < SAMPLE_WINDOWS; w++) {
    const from = Math.floor(((text.length - SAMPLE_WINDOW) * w) / (SAMPLE_WINDOWS - 1));
    seen += startTagCount(text, from, from + SAMPLE_WINDOW);
  }
  return Math.ceil(((seen * text.length) / (SAMPLE_WINDOWS * SAMPLE_WINDOW)) * 1.25) + 16;
}

/** How many `@(` and `@{` are in `text`: every expression starts at one, so no parse of `text` has more. */
export function expressionStartCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (c === 40 || c === 123) n++;
  }
  return n;
}

/** A typed array twice as large (at least `rows` rows of `stride`), holding what `a` held. */
function grown(a: Int32Array<ArrayBuffer>, rows: number, stride: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(a.length * 2, rows * stride));
  b.set(a);
  return b;
}

/**
 * The first `length` numbers of `a`: a view when they fill most of it (a copy would touch as
 * much fresh memory again, and the pages of the spare room were never touched), else a copy, so
 * the spare room of a poor estimate is not kept.
 */
function fitted(a: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  return length >= a.length / 2 ? a.subarray(0, length) : a.slice(0, length);
}

/** The working rows of a parse, kept by a parser from one parse to the next (see createPolicyParser). */
interface WorkingRows {
  el: Int32Array<ArrayBuffer>;
  at: Int32Array<ArrayBuffer>;
  tx: Int32Array<ArrayBuffer>;
  xs: Int32Array<ArrayBuffer>;
}

/** Texts up to this long are parsed in a parser's working rows, then packed into one exact buffer. */
const PACKED_TEXT = 256 * 1024;

/**
 * A parser that reuses its working rows: a workspace pass parses thousands of small policies, and
 * seven typed arrays a parse (each its own buffer for the collector to track) cost a third of
 * the pass. A small document's rows are then packed into one buffer of their exact size; a large
 * one keeps its own rows (copying them would touch as much fresh memory again). One per host.
 */
export function createPolicyParser(): (text: string, maxText?: number, spare?: ArrayBuffer) => PolicyDocument {
  const rows: WorkingRows = { el: new Int32Array(0), at: new Int32Array(0), tx: new Int32Array(0), xs: new Int32Array(0) };
  return (text, maxText = MAX_CHECKED_TEXT, spare) => (text.length <= PACKED_TEXT ? parse(text, maxText, rows) : parse(text, maxText, undefined, spare));
}

/**
 * `maxText` is the ceiling (`MAX_CHECKED_TEXT` unless a host or test sets its own). `spare` is
 * memory the caller gives up, which a large document's rows take while it has room: the buffer a
 * file was read into (see `ConfinedRead.spare`), whose pages are in memory already. Fresh memory
 * costs a page fault at each first touch: the 8 MB bench policy's 7 MB of rows took 1,700 of them,
 * about 25 ms of a 190 ms parse on the bench machine. The tree keeps it (as it would its own rows).
 */
export function parsePolicy(text: string, maxText = MAX_CHECKED_TEXT, spare?: ArrayBuffer): PolicyDocument {
  return parse(text, maxText, undefined, spare);
}

function parse(text: string, maxText: number, working: WorkingRows | undefined, spare?: ArrayBuffer): PolicyDocument {
  if (text.length > maxText) {
    return makeDocument(emptyTree(text), [], [], [], undefined, true);
  }
  const scanner = createScanner(text);
  const comments: OffsetRange[] = [];
  const errors: ParseError[] = [];
  // made with the first problem: most documents have none, and a workspace keeps thousands
  let problems: Map<number, LexProblem[]> | undefined;
  // the named-value references as (start, end, NV flags) triples: their objects are made when asked for
  const namedValues: number[] = [];
  let doctype: OffsetRange | undefined;

  // Rows, grown by doubling. Working rows are sized from the length (about one element per 40
  // characters in real policies); other element rows from the start tags seen in the text, as
  // a growth or a final copy of a large policy's rows touched as much fresh memory as the rows
  // themselves (the one per 40 characters was 2.4 times too many for the 8 MB bench policy).
  // Every field of a row is written when the row is made: working rows and spare memory need no
  // clearing. A parse without working rows takes its rows from `spare` while it has room.
  let spareUsed = 0;
  const fresh = (length: number): Int32Array<ArrayBuffer> => {
    if (spare && spare.byteLength - spareUsed >= length * 4) {
      const rows = new Int32Array(spare, spareUsed, length);
      spareUsed += length * 4;
      return rows;
    }
    return new Int32Array(length);
  };
  const sized = (reuse: Int32Array<ArrayBuffer> | undefined, length: number) => (reuse && reuse.length >= length ? reuse : fresh(length));
  let el = sized(working?.el, (working ? Math.max(16, text.length >> 5) : estimatedElementCount(text)) * E.Stride);
  let elementCount = 0;
  let at = sized(working?.at, Math.max(16, text.length >> 6) * A.Stride);
  let attributeCount = 0;
  let tx = sized(working?.tx, Math.max(16, text.length >> 8) * T.Stride);
  let textCount = 0;
  let xs = sized(working?.xs, (working ? Math.max(16, text.length >> 8) : expressionStartCount(text)) * X.Stride);
  let expressionCount = 0;

  let current = NONE;
  let pendingAttribute = NONE;
  // Element and attribute names repeat: one string per name, and an id to compare.
  const names: string[] = [];
  const byHash = new Map<number, number>();
  let byName: Map<string, number> | undefined;
  const nameAt = (start: number, end: number): number => {
    let h = end - start;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const hit = byHash.get(h);
    if (hit === undefined) {
      byHash.set(h, names.length);
      names.push(text.substring(start, end));
      return names.length - 1;
    }
    const name = names[hit];
    if (name.length === end - start && text.startsWith(name, start)) return hit;
    // two names with one hash: the rarer path, by the name itself
    const s = text.substring(start, end);
    byName ??= new Map();
    const id = byName.get(s);
    if (id !== undefined) return id;
    byName.set(s, names.length);
    names.push(s);
    return names.length - 1;
  };
  const nameOf = (i: number) => names[el[i * E.Stride + E.Name] >> NAME_SHIFT];
  const parentOf = (i: number) => el[i * E.Stride + E.Parent];
  const startOf = (i: number) => el[i * E.Stride + E.Start];
  const nameEndOf = (i: number) => startOf(i) + 1 + nameOf(i).length;
  let pendingEndTag = NONE; // offset of `</`, or NONE
  let pendingEndName = NONE;
  let pendingEndNameStart = NONE;
  const seen = attributeNames();

  const addErrors = (errs: readonly TokenError[]) => {
    for (const e of errs) errors.push({ start: e.offset, end: e.offset + Math.max(1, e.length), code: e.code, message: e.message });
  };

  // a row, not an object: a large policy has 10,000s of expressions, and objects that live as long
  // as the tree were copied twice by the young-generation collector
  const addExpression = (tok: TokenExpression, host: number, element: number, attribute: number): number => {
    if ((expressionCount + 1) * X.Stride > xs.length) xs = grown(xs, expressionCount + 1, X.Stride);
    const x = expressionCount++;
    const r = x * X.Stride;
    xs[r + X.Start] = tok.start;
    xs[r + X.End] = tok.end;
    xs[r + X.Flags] = host | (tok.closed ? XF.Closed : 0) | (tok.kind === 'block' ? XF.Block : 0);
    xs[r + X.Element] = element;
    xs[r + X.Attribute] = attribute;
    // the lexer's list is its own once it has a problem (the shared empty one otherwise)
    if (tok.problems.length) (problems ??= new Map()).set(x, tok.problems);
    return x;
  };

  const newElement = (nameId: number, start: number, parent: number): number => {
    if ((elementCount + 1) * E.Stride > el.length) el = grown(el, elementCount + 1, E.Stride);
    const i = elementCount++;
    const r = i * E.Stride;
    el[r + E.Start] = start;
    el[r + E.End] = text.length;
    el[r + E.Name] = nameId << NAME_SHIFT;
    el[r + E.Parent] = parent;
    // set when the element is closed: its descendants are the rows made while it is open
    el[r + E.SubtreeEnd] = i + 1;
    el[r + E.StartTagEnd] = NONE;
    el[r + E.EndTagStart] = NONE;
    el[r + E.FirstAttribute] = attributeCount;
    return i;
  };

  const newAttribute = (nameId: number, nameStart: number): number => {
    if ((attributeCount + 1) * A.Stride > at.length) at = grown(at, attributeCount + 1, A.Stride);
    const a = attributeCount++;
    const r = a * A.Stride;
    at[r + A.Name] = nameId;
    at[r + A.NameStart] = nameStart;
    at[r + A.ValueStart] = NONE;
    at[r + A.ValueEnd] = NONE;
    at[r + A.Expression] = NONE;
    return a;
  };

  const newText = (start: number, end: number, owner: number, expression: number, cdata: boolean) => {
    if ((textCount + 1) * T.Stride > tx.length) tx = grown(tx, textCount + 1, T.Stride);
    const r = textCount++ * T.Stride;
    tx[r + T.Start] = start;
    tx[r + T.End] = end;
    tx[r + T.Owner] = owner;
    tx[r + T.Expression] = expression;
    tx[r + T.Cdata] = cdata ? 1 : 0;
  };

  // Where the next `{{` is: `nextBraces` is text.indexOf('{{', braceSearchFrom). Ranges come in
  // document order, so the document is searched once, not once a range.
  let braceSearchFrom = 0;
  let nextBraces = text.indexOf('{{');
  // The Liquid template whose content is being read, if any (templates do not nest).
  let liquid = NONE;
  const collectNamedValues = (start: number, end: number, inExpression: boolean) => {
    if (start < braceSearchFrom || (nextBraces >= 0 && nextBraces < start)) {
      braceSearchFrom = start;
      nextBraces = text.indexOf('{{', start);
    }
    // each `{{` in the range: a reference starts there or not (12,000 references took 40 ms
    // when the range was cut out and searched with a global expression)
    for (let at = nextBraces; at >= 0 && at < end; at = text.indexOf('{{', at + 1)) {
      const refEnd = namedValueEndAt(text, at);
      if (refEnd < 0 || refEnd > end) continue;
      namedValues.push(at, refEnd, (inExpression ? NV.InExpression : 0) | (liquid !== NONE ? NV.InLiquid : 0));
      at = refEnd - 1;
    }
  };

  /** `set-body` and `publish-to-dapr` take `template="liquid"`: their content is then a Liquid template. */
  const isLiquidTemplate = (i: number) => {
    for (let a = el[i * E.Stride + E.FirstAttribute]; a < attributeCount; a++) {
      const r = a * A.Stride;
      if (names[at[r + A.Name]] === 'template') return valueText(text, at[r + A.ValueStart], at[r + A.ValueEnd])?.trim() === 'liquid';
    }
    return false;
  };

  const endStartTag = (i: number, offset: number) => {
    el[i * E.Stride + E.StartTagEnd] = offset;
  };
  const startTagOpen = (i: number) => el[i * E.Stride + E.StartTagEnd] === NONE;

  const closeElement = (i: number, end: number) => {
    el[i * E.Stride + E.End] = end;
    el[i * E.Stride + E.SubtreeEnd] = elementCount;
    if (i === liquid) liquid = NONE;
  };

  /** Handles an end tag named `nameId`: closes the matching open element, reporting skipped ones. */
  const handleEndTag = (nameId: number, start: number, nameStart: number, end: number) => {
    if (nameId === NONE) {
      errors.push({ start, end: Math.max(end, start + 2), code: 'xml-missing-end-tag-name', message: "End tag without a name." });
      return;
    }
    let match = current;
    while (match !== NONE && el[match * E.Stride + E.Name] >> NAME_SHIFT !== nameId) match = parentOf(match);
    const name = names[nameId];
    if (match === NONE) {
      const msg = current !== NONE
        ? `Unexpected end tag </${name}>: the open element is <${nameOf(current)}>.`
        : `Unexpected end tag </${name}>: no element is open.`;
      errors.push({ start: nameStart, end: nameStart + name.length, code: 'xml-unexpected-end-tag', message: msg });
      return;
    }
    // Elements left open inside the match end where the match's end tag starts.
    while (current !== NONE && current !== match) {
      errors.push({
        start: startOf(current) + 1, end: nameEndOf(current), code: 'xml-unclosed-element',
        message: `Element <${nameOf(current)}> is not closed before </${name}>.`,
      });
      closeElement(current, start);
      current = parentOf(current);
    }
    el[match * E.Stride + E.EndTagStart] = start;
    el[match * E.Stride + E.Name] |= F.Closed;
    closeElement(match, end);
    current = parentOf(match);
  };

  // After an expression that never closed, the rest of its start tag is guesswork: keep quiet
  // about it rather than bury the one real error under follow-on ones.
  let muted = false;
  for (let token = scanner.scan(); token !== TokenType.EOS; token = scanner.scan()) {
    const tokErrors = scanner.getTokenErrors();
    if (tokErrors.length && !muted) addErrors(tokErrors);
    if (token === TokenType.StartTagClose || token === TokenType.StartTagSelfClose || token === TokenType.StartTag) muted = false;
    const offset = scanner.getTokenOffset();
    const end = scanner.getTokenEnd();
    switch (token) {
      case TokenType.StartTagOpen: {
        // a previous start tag that was never finished becomes an element anyway
        break;
      }
      case TokenType.StartTag: {
        if (current !== NONE && startTagOpen(current)) endStartTag(current, offset - 1);
        current = newElement(nameAt(offset, end), offset - 1, current);
        pendingAttribute = NONE;
        break;
      }
      case TokenType.AttributeName: {
        if (current === NONE || muted) break;
        const nameId = nameAt(offset, end);
        if (seen.has(current, el[current * E.Stride + E.FirstAttribute], nameId, at, attributeCount)) {
          const name = names[nameId];
          errors.push({ start: offset, end, code: 'xml-duplicate-attribute', message: `Attribute '${name}' appears twice on <${nameOf(current)}>.` });
        }
        pendingAttribute = newAttribute(nameId, offset);
        break;
      }
      case TokenType.DelimiterAssign:
        break;
      case TokenType.AttributeValue: {
        if (current === NONE || pendingAttribute === NONE) break;
        const r = pendingAttribute * A.Stride;
        at[r + A.ValueStart] = offset;
        at[r + A.ValueEnd] = end;
        const tokExpr = scanner.getTokenExpression();
        if (tokExpr) {
          if (!tokExpr.closed) muted = true;
          at[r + A.Expression] = addExpression(tokExpr, 0, current, pendingAttribute);
          collectNamedValues(tokExpr.start, tokExpr.end, true);
          collectNamedValues(tokExpr.end, end, false);
        } else {
          collectNamedValues(offset, end, false);
        }
        pendingAttribute = NONE;
        break;
      }
      case TokenType.StartTagClose:
        if (current !== NONE) {
          endStartTag(current, end);
          if (liquid === NONE && isLiquidTemplate(current)) liquid = current;
        }
        break;
      case TokenType.StartTagSelfClose:
        if (current !== NONE) {
          endStartTag(current, end);
          el[current * E.Stride + E.Name] |= F.SelfClosing | F.Closed;
          closeElement(current, end);
          current = parentOf(current);
        }
        break;
      case TokenType.EndTagOpen:
        if (current !== NONE && startTagOpen(current)) endStartTag(current, offset);
        pendingEndTag = offset;
        pendingEndName = NONE;
        pendingEndNameStart = NONE;
        break;
      case TokenType.EndTag:
        if (pendingEndTag !== NONE) {
          pendingEndName = nameAt(offset, end);
          pendingEndNameStart = offset;
        }
        break;
      case TokenType.EndTagClose:
        if (pendingEndTag !== NONE) {
          handleEndTag(pendingEndName, pendingEndTag, pendingEndNameStart !== NONE ? pendingEndNameStart : pendingEndTag, end);
          pendingEndTag = NONE;
        }
        break;
      case TokenType.Content:
      case TokenType.CDATA: {
        if (pendingEndTag !== NONE) {
          // `</name` without `>`: still closes, at the point the next token starts
          handleEndTag(pendingEndName, pendingEndTag, pendingEndNameStart !== NONE ? pendingEndNameStart : pendingEndTag, offset);
          pendingEndTag = NONE;
        }
        const cdata = token === TokenType.CDATA;
        if (cdata) comments.push({ start: offset, end });
        const tokExpr = scanner.getTokenExpression();
        if (current !== NONE) {
          if (startTagOpen(current)) endStartTag(current, offset);
          // White space between elements is not kept: it is the gap between siblings.
          if (tokExpr || cdata || !scanner.isWhitespaceContent()) {
            newText(offset, end, current, tokExpr ? addExpression(tokExpr, cdata ? XF.Cdata : XF.Text, current, NONE) : NONE, cdata);
          }
          if (tokExpr) {
            collectNamedValues(offset, tokExpr.start, false);
            collectNamedValues(tokExpr.start, tokExpr.end, true);
            collectNamedValues(tokExpr.end, end, false);
          } else {
            collectNamedValues(offset, end, false);
          }
        } else if (!cdata) {
          if (tokExpr) addExpression(tokExpr, XF.Text, NONE, NONE);
          const nonWs = firstNonWhitespace(text, offset, end);
          if (nonWs >= 0) {
            errors.push({ start: nonWs, end: Math.min(end, nonWs + 1), code: 'xml-text-outside-root', message: 'Text is not allowed outside the root element.' });
          }
        } else {
          errors.push({ start: offset, end, code: 'xml-text-outside-root', message: 'CDATA is not allowed outside the root element.' });
        }
        break;
      }
      case TokenType.Comment:
      case TokenType.ProcessingInstruction:
        comments.push({ start: offset, end });
        if (token === TokenType.ProcessingInstruction && offset > 0 && text.startsWith('<?xml', offset) && firstNonWhitespace(text, 0, offset) >= 0) {
          errors.push({ start: offset, end: offset + 5, code: 'xml-misplaced-declaration', message: 'The XML declaration must come first in the document.' });
        }
        break;
      case TokenType.Doctype:
        comments.push({ start: offset, end });
        doctype = { start: offset, end };
        break;
      default:
        break;
    }
  }
  if (pendingEndTag !== NONE) handleEndTag(pendingEndName, pendingEndTag, pendingEndNameStart !== NONE ? pendingEndNameStart : pendingEndTag, text.length);
  // Everything still open at the end of the file.
  while (current !== NONE) {
    errors.push({ start: startOf(current) + 1, end: nameEndOf(current), code: 'xml-unclosed-element', message: `Element <${nameOf(current)}> is not closed.` });
    if (startTagOpen(current)) endStartTag(current, text.length);
    closeElement(current, text.length);
    current = parentOf(current);
  }
  let columns: Array<Int32Array<ArrayBuffer>>;
  const grownRows = [el, at, tx, xs];
  const lengths = [elementCount * E.Stride, attributeCount * A.Stride, textCount * T.Stride, expressionCount * X.Stride];
  if (working) {
    // the rows grown during this parse are the working rows of the next
    Object.assign(working, { el, at, tx, xs });
    const packed = new Int32Array(lengths[0] + lengths[1] + lengths[2] + lengths[3]);
    columns = [];
    for (let k = 0, offset = 0; k < grownRows.length; offset += lengths[k], k++) {
      packed.set(grownRows[k].subarray(0, lengths[k]), offset);
      columns.push(packed.subarray(offset, offset + lengths[k]));
    }
  } else {
    columns = grownRows.map((rows, k) => fitted(rows, lengths[k]));
  }
  const tree = new PolicyTree(text, names, elementCount, columns[0], attributeCount, columns[1], textCount, columns[2], expressionCount, columns[3], problems ?? NO_PROBLEMS_BY_ROW);
  return makeDocument(tree, comments, errors, namedValues, doctype);
}

function emptyTree(text: string): PolicyTree {
  return new PolicyTree(text, [], 0, new Int32Array(0), 0, new Int32Array(0), 0, new Int32Array(0), 0, new Int32Array(0), NO_PROBLEMS_BY_ROW);
}

/** The rows of a tree that `roots` are handles of, when they all are (else undefined). */
function rowsOf(roots: readonly PolicyElement[]): { tree: PolicyTree; rows: number[] } | undefined {
  let tree: PolicyTree | undefined;
  const rows: number[] = [];
  for (const r of roots) {
    if (!(r instanceof ElementHandle) || (tree && r.tree !== tree)) return undefined;
    tree = r.tree;
    rows.push(r.row);
  }
  return tree ? { tree, rows } : undefined;
}

/** Every element under `roots`, in document order, without recursion. */
export function* elementsOf(roots: readonly PolicyElement[]): Generator<PolicyElement> {
  const of = rowsOf(roots);
  if (of) {
    // a subtree is a run of rows
    for (const row of of.rows) {
      for (let i = row, end = of.tree.subtreeEnd(row); i < end; i++) yield of.tree.element(i);
    }
    return;
  }
  const stack = roots.slice().reverse();
  while (stack.length) {
    const el = stack.pop()!;
    yield el;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
}

/**
 * The elements named `name` under `roots`, in document order. A scan of the name column: a
 * search through the 100,000s of elements of a large policy makes a handle only for those found.
 */
export function elementsNamed(roots: readonly PolicyElement[], name: string): PolicyElement[] {
  const found: PolicyElement[] = [];
  const of = rowsOf(roots);
  if (of) {
    const id = of.tree.nameId(name);
    if (id === NONE) return found;
    for (const row of of.rows) {
      for (let i = row, end = of.tree.subtreeEnd(row); i < end; i++) if (of.tree.nameIdOf(i) === id) found.push(of.tree.element(i));
    }
    return found;
  }
  const stack = roots.slice().reverse();
  while (stack.length) {
    const el = stack.pop()!;
    if (el.name === name) found.push(el);
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found;
}

/** Up to this many attributes, a scan of the list is cheaper than a set. */
const FEW_ATTRIBUTES = 8;

/**
 * Whether an element already has an attribute of a name, in constant time however many it has: a
 * start tag with 23,000 attributes must not cost 23,000 scans of the list. The set belongs to one
 * element (the one whose start tag is being read) and is built from its rows the first time they
 * grow past a few, then kept in step. The element's rows are `first` to `count` (the last row).
 */
function attributeNames() {
  let owner = NONE;
  let ids: Set<number> | undefined;
  return {
    /** True when `el` has an attribute `nameId`; from then on, `nameId` counts as one it has. */
    has(el: number, first: number, nameId: number, at: Int32Array, count: number): boolean {
      if (count - first < FEW_ATTRIBUTES) {
        for (let a = first; a < count; a++) if (at[a * A.Stride + A.Name] === nameId) return true;
        return false;
      }
      if (owner !== el || !ids) {
        owner = el;
        ids = new Set();
        for (let a = first; a < count; a++) ids.add(at[a * A.Stride + A.Name]);
      }
      if (ids.has(nameId)) return true;
      ids.add(nameId);
      return false;
    },
  };
}

function firstNonWhitespace(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xfeff) return i;
  }
  return -1;
}

const NO_ROWS: readonly number[] = Object.freeze([]);

/** The references of (start, end, NV flags) triples, as objects. */
function namedValueRefs(text: string, rows: readonly number[]): NamedValueRef[] {
  const refs: NamedValueRef[] = [];
  for (let k = 0; k < rows.length; k += 3) {
    const start = rows[k];
    const end = rows[k + 1];
    const flags = rows[k + 2];
    refs.push({ start, end, name: text.substring(start + 2, end - 2), nameStart: start + 2, nameEnd: end - 2, inExpression: (flags & NV.InExpression) !== 0, inLiquid: (flags & NV.InLiquid) !== 0 });
  }
  return refs;
}

/**
 * A parsed document. A class, not an object literal with getters: V8 kept each such literal's
 * young tree, lists and strings through the young-generation collections until the next full one
 * (not by allocation-site pretenuring: its flag changed nothing). A loop of parses that kept one
 * document promoted 0.6-2.3 MB per young collection and paused 5-10 ms, against nothing promoted
 * and 0.1 ms with a class (--trace-gc-nvp); youngGarbage.test.ts keeps it so.
 */
class ParsedDocument implements PolicyDocument {
  readonly text: string;
  private namedValueRows: readonly number[];
  private namedValueList: NamedValueRef[] | undefined;
  private rootList: PolicyElement[] | undefined;
  constructor(
    readonly tree: PolicyTree,
    readonly comments: OffsetRange[],
    readonly errors: ParseError[],
    namedValueRows: readonly number[],
    readonly doctype: OffsetRange | undefined,
    readonly skipped: boolean,
  ) {
    this.text = tree.text;
    this.namedValueRows = namedValueRows;
  }
  get namedValues(): NamedValueRef[] {
    if (!this.namedValueList) {
      this.namedValueList = namedValueRefs(this.text, this.namedValueRows);
      // the objects say it all from now on
      this.namedValueRows = NO_ROWS;
    }
    return this.namedValueList;
  }
  get expressions(): PolicyExpression[] {
    return this.tree.expressions();
  }
  get roots(): PolicyElement[] {
    return (this.rootList ??= this.tree.elementCount ? this.tree.siblings(0) : NO_ELEMENTS);
  }
  findElementAt(offset: number): PolicyElement | undefined {
    let found: PolicyElement | undefined;
    let list = this.roots;
    for (;;) {
      const child = findChildAt(list, offset);
      if (!child) return found;
      found = child;
      list = child.children;
    }
  }
  getAttribute(element: PolicyElement, name: string): PolicyAttribute | undefined {
    return element.attributes.find(a => a.name === name);
  }
}

function makeDocument(
  tree: PolicyTree, comments: OffsetRange[], errors: ParseError[],
  namedValueRows: readonly number[], doctype: OffsetRange | undefined, skipped = false,
): PolicyDocument {
  return new ParsedDocument(tree, comments, errors, namedValueRows, doctype, skipped);
}

/**
 * Binary search in children sorted by start. An element holds offsets in [start, end); an element
 * that is not closed also holds its end offset, so a cursor at the end of an unfinished document
 * is still inside it.
 */
function findChildAt(list: PolicyElement[], offset: number): PolicyElement | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const el = list[mid];
    if (offset < el.start) hi = mid - 1;
    else if (offset < el.end || (offset === el.end && !el.closed)) return el;
    else lo = mid + 1;
  }
  return undefined;
}
