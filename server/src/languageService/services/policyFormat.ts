/**
 * Formatting: re-indents the lines that begin with a tag (start tag, end tag, comment, processing
 * instruction) by nesting depth, and trims trailing white space on those lines. Nothing else moves:
 * lines are never joined or split, and the inside of expressions, attribute values, text, CDATA and
 * comments keeps every character. A policy's text and CDATA can be a request body, and its
 * expressions are C#: a formatter that touched them could change what APIM sends.
 *
 * The inside of a body or template (`set-body`, a `value` of `return-response`, an XSLT stylesheet:
 * the elements the catalog marks `body`) is content too, markup included: a SOAP envelope in a
 * Liquid template is what APIM sends, white space and all. Only the body's own tags move.
 *
 * Broken documents are formatted up to the line before the first parse error. After that the tree
 * is a guess (an unclosed element swallows its siblings), so the rest is left as it is.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePolicy, type PolicyDocument, type PolicyElement } from '../parser/policyParser';
import { createCatalog, createRoleResolver, type Catalog } from '../catalog';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

/**
 * Deeper lines keep their indentation: 100,000-deep nesting (a fuzzing shape) would otherwise ask
 * for gigabytes of spaces.
 */
const MAX_DEPTH = 100;

const enum Ch { Tab = 9, LF = 10, CR = 13, Space = 32, Lt = 60, Bom = 0xfeff }

/** Sorted, merged offset intervals with an overlap query. */
class Intervals {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  constructor(ranges: Array<[number, number]>) {
    ranges.sort((a, b) => a[0] - b[0]);
    for (const [s, e] of ranges) {
      if (e <= s) continue;
      const n = this.starts.length;
      // ranges that only touch stay apart: a comment may start where a value ended
      if (n && s < this.ends[n - 1]) {
        if (e > this.ends[n - 1]) this.ends[n - 1] = e;
      } else {
        this.starts.push(s);
        this.ends.push(e);
      }
    }
  }
  /** True when some interval shares a character with [start, end). */
  overlaps(start: number, end: number): boolean {
    if (end <= start) return false;
    let lo = 0;
    let hi = this.ends.length - 1;
    // first interval whose end is after `start`
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] <= start) lo = mid + 1;
      else hi = mid - 1;
    }
    return lo < this.starts.length && this.starts[lo] < end;
  }
  /** True when `offset` is inside an interval and not its first character. */
  within(offset: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    // last interval starting at or before `offset`
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && this.starts[hi] < offset && offset < this.ends[hi];
  }
}

interface Layout {
  /** Depth of the element whose start tag begins at an offset. */
  startTags: Map<number, number>;
  /** Depth of the element whose end tag begins at an offset. */
  endTags: Map<number, number>;
  depthOf: Map<PolicyElement, number>;
  /** Expressions, comments, CDATA, PIs and attribute values: never touched. */
  hard: Intervals;
  /** Text content (white space only text is not in the tree): its trailing white space is kept. */
  text: Intervals;
  /** The inside of bodies, between the body's start tag and its end tag: kept byte for byte. */
  bodies: Intervals;
}

function layout(doc: PolicyDocument, catalog: Catalog): Layout {
  const startTags = new Map<number, number>();
  const endTags = new Map<number, number>();
  const depthOf = new Map<PolicyElement, number>();
  const hard: Array<[number, number]> = [];
  const text: Array<[number, number]> = [];
  const bodies: Array<[number, number]> = [];
  const roleOf = createRoleResolver(catalog);
  for (const e of doc.expressions) hard.push([e.start, e.end]);
  for (const c of doc.comments) hard.push([c.start, c.end]);
  // explicit stack: documents can be nested far deeper than the call stack allows
  const stack: Array<[PolicyElement, number]> = [];
  for (let i = doc.roots.length - 1; i >= 0; i--) stack.push([doc.roots[i], 0]);
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    depthOf.set(el, depth);
    startTags.set(el.start, depth);
    if (el.endTagStart !== undefined) endTags.set(el.endTagStart, depth);
    for (const a of el.attributes) {
      if (a.valueStart !== undefined && a.valueEnd !== undefined) hard.push([a.valueStart, a.valueEnd]);
    }
    for (const t of el.texts) text.push([t.start, t.end]);
    if (el.children.length && el.startTagEnd !== undefined) {
      const role = roleOf(el);
      const body = role.kind === 'policy' ? role.info.body : role.kind === 'child' ? role.info?.body : undefined;
      if (body) bodies.push([el.startTagEnd, el.endTagStart ?? el.end]);
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push([el.children[i], depth + 1]);
  }
  return { startTags, endTags, depthOf, hard: new Intervals(hard), text: new Intervals(text), bodies: new Intervals(bodies) };
}

function isBlank(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab;
}

/**
 * The depth a line beginning with `<` at `p` should have, or undefined when the line is not one
 * this formatter understands (CDATA, a `<` inside something else).
 */
function depthAt(doc: PolicyDocument, lay: Layout, commentStarts: Set<number>, p: number): number | undefined {
  const text = doc.text;
  if (text.charCodeAt(p + 1) === 47 /* / */) return lay.endTags.get(p);
  const start = lay.startTags.get(p);
  if (start !== undefined) return start;
  if (commentStarts.has(p) && !text.startsWith('<![CDATA[', p)) {
    const parent = doc.findElementAt(p);
    return parent ? lay.depthOf.get(parent)! + 1 : 0;
  }
  return undefined;
}

/**
 * Edits that re-indent `document` (or the lines touching `range`) with the editor's tab settings.
 * Formatting the result again gives no edits. `catalog` says which elements hold a body.
 */
export function format(document: TextDocument, doc: PolicyDocument, range: Range | undefined, options: FormatOptions, catalog: Catalog = createCatalog()): TextEdit[] {
  const text = document.getText();
  if (doc.text !== text) doc = parsePolicy(text);
  const tabSize = Number.isFinite(options.tabSize) && options.tabSize >= 1 ? Math.floor(options.tabSize) : 4;
  const unit = options.insertSpaces ? ' '.repeat(tabSize) : '\t';
  const indents: string[] = [''];
  const indent = (depth: number): string => {
    while (indents.length <= depth) indents.push(indents[indents.length - 1] + unit);
    return indents[depth];
  };

  // Only lines that end before the first error are understood.
  let trusted = text.length + 1;
  for (const e of doc.errors) if (e.start < trusted) trusted = e.start;
  for (const e of doc.expressions) if (!e.closed && e.start < trusted) trusted = e.start;

  let firstLine = 0;
  let lastLine = Number.MAX_SAFE_INTEGER;
  if (range) {
    firstLine = Math.min(range.start.line, range.end.line);
    lastLine = Math.max(range.start.line, range.end.line);
    // a selection of whole lines ends at the start of the next one, which it does not mean to touch
    if (range.end.character === 0 && range.end.line > range.start.line) lastLine--;
  }

  const lay = layout(doc, catalog);
  const commentStarts = new Set(doc.comments.map(c => c.start));
  const edits: TextEdit[] = [];
  const len = text.length;
  let line = 0;
  let lineStart = 0;
  while (lineStart <= len && line <= lastLine) {
    // end of the line's content, and start of the next line
    let eol = lineStart;
    while (eol < len) {
      const c = text.charCodeAt(eol);
      if (c === Ch.LF || c === Ch.CR) break;
      eol++;
    }
    let next = eol;
    if (next < len) next += text.charCodeAt(next) === Ch.CR && text.charCodeAt(next + 1) === Ch.LF ? 2 : 1;
    if (eol >= trusted) break;
    if (line >= firstLine) formatLine(lineStart, eol);
    if (next === eol) break; // last line
    lineStart = next;
    line++;
  }
  return edits;

  function formatLine(start: number, eol: number): void {
    let indentStart = start;
    if (start === 0 && text.charCodeAt(0) === Ch.Bom) indentStart = 1;
    let p = indentStart;
    while (p < eol && isBlank(text.charCodeAt(p))) p++;
    if (p >= eol || text.charCodeAt(p) !== Ch.Lt) return;
    // the `<` may start a comment, but must not sit inside an expression, a value or a comment
    if (lay.hard.overlaps(indentStart, p) || lay.hard.within(p)) return;
    // markup in a body; the body's end tag begins where its inside ends, so it still moves
    if (lay.bodies.overlaps(p, p + 1)) return;
    const depth = depthAt(doc, lay, commentStarts, p);
    if (depth === undefined || depth > MAX_DEPTH) return;
    const wanted = indent(depth);
    if (text.substring(indentStart, p) !== wanted) {
      edits.push({ range: { start: document.positionAt(indentStart), end: document.positionAt(p) }, newText: wanted });
    }
    let q = eol;
    while (q > p && isBlank(text.charCodeAt(q - 1))) q--;
    if (q < eol && !lay.hard.overlaps(q, eol) && !lay.text.overlaps(q, eol) && !lay.bodies.overlaps(q, eol)) {
      edits.push({ range: { start: document.positionAt(q), end: document.positionAt(eol) }, newText: '' });
    }
  }
}
