/**
 * Builds a tolerant, offset-based tree from the scanner's tokens. Never throws, never recurses:
 * a document nested 100,000 deep parses with an explicit stack. Unclosed elements end where their
 * parent ends; a stray end tag is reported and skipped.
 */
import { createScanner, TokenType, type TokenError, type TokenExpression } from './scanner';
import type { LexProblem } from './expressionLexer';
import { namedValuePattern } from '../utils/namedValues';

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
 * An attribute whose value text is cut from the document only when someone reads it: most
 * values are never looked at, and a large policy has hundreds of thousands of them. What follows
 * from the text (the quote, the end of the name) is read from it rather than kept.
 */
class Attribute implements PolicyAttribute {
  valueStart: number | undefined = undefined;
  valueEnd: number | undefined = undefined;
  expression: PolicyExpression | undefined = undefined;
  constructor(private readonly text: string, readonly name: string, readonly nameStart: number) {}
  get nameEnd(): number {
    return this.nameStart + this.name.length;
  }
  get quote(): '"' | "'" | undefined {
    if (this.valueStart === undefined) return undefined;
    const q = this.text.charCodeAt(this.valueStart);
    return q === 34 ? '"' : q === 39 ? "'" : undefined;
  }
  /** Cut anew at each read, not kept: the tree of a large policy would hold a copy of most of its values. */
  get value(): string | undefined {
    if (this.valueStart === undefined || this.valueEnd === undefined) return undefined;
    const quote = this.quote;
    const start = quote ? this.valueStart + 1 : this.valueStart;
    const closed = quote !== undefined && this.valueEnd - 1 > this.valueStart && this.text.charAt(this.valueEnd - 1) === quote;
    return this.text.substring(start, closed ? this.valueEnd - 1 : this.valueEnd);
  }
}

/** Bits of Element.flags. */
const CLOSED = 1;
const SELF_CLOSING = 2;

/**
 * An element, with what follows from the text not kept (the end of its name: the name is the
 * text after its `<`) and its two flags in one field: a large policy has 100,000s of elements.
 */
class Element implements PolicyElement {
  startTagEnd: number | undefined = undefined;
  endTagStart: number | undefined = undefined;
  children: PolicyElement[] = NO_ELEMENTS;
  attributes: PolicyAttribute[] = NO_ATTRIBUTES;
  texts: PolicyText[] = NO_TEXTS;
  private flags = 0;
  constructor(readonly name: string, readonly start: number, public end: number, readonly parent: PolicyElement | undefined) {}
  get nameEnd(): number {
    return this.start + 1 + this.name.length;
  }
  get closed(): boolean {
    return (this.flags & CLOSED) !== 0;
  }
  set closed(closed: boolean) {
    this.flags = closed ? this.flags | CLOSED : this.flags & ~CLOSED;
  }
  get selfClosing(): boolean {
    return (this.flags & SELF_CLOSING) !== 0;
  }
  set selfClosing(selfClosing: boolean) {
    this.flags = selfClosing ? this.flags | SELF_CLOSING : this.flags & ~SELF_CLOSING;
  }
}

/**
 * Shared, frozen empty lists: most elements have no text and many no attributes or children,
 * and a large policy has hundreds of thousands of elements. The parser swaps in a real array on
 * the first push; anyone else pushing would throw.
 */
const NO_ELEMENTS = Object.freeze([]) as unknown as PolicyElement[];
const NO_ATTRIBUTES = Object.freeze([]) as unknown as PolicyAttribute[];
const NO_TEXTS = Object.freeze([]) as unknown as PolicyText[];

/**
 * The most text (UTF-16 code units) the parser reads; past it, `parsePolicy` returns an empty
 * document flagged `skipped`. APIM refuses a policy over 256 KiB (a fragment over 512 KiB), so
 * nothing this large is a policy anyone deploys, while a file of hundreds of MB exhausted the host
 * before telling the user anything. 16 MiB keeps room for the 8 MB policy `npm run bench` measures;
 * a policy of real statements that size parses and validates in under 2 s and about 7 MB of heap
 * per MB of text. UTF-8 takes at least a byte per code unit, so a file of at most this many bytes
 * is never skipped, and a host may refuse a larger one by its size alone without reading it.
 */
export const MAX_CHECKED_TEXT = 16 * 1024 * 1024;

/** `maxText` is the ceiling (`MAX_CHECKED_TEXT` unless a host or test sets its own). */
export function parsePolicy(text: string, maxText = MAX_CHECKED_TEXT): PolicyDocument {
  if (text.length > maxText) {
    return makeDocument(text, [], [], [], [], [], undefined, true);
  }
  const scanner = createScanner(text);
  const roots: PolicyElement[] = [];
  const comments: OffsetRange[] = [];
  const errors: ParseError[] = [];
  const expressions: PolicyExpression[] = [];
  const namedValues: NamedValueRef[] = [];
  let doctype: OffsetRange | undefined;

  let current: PolicyElement | undefined;
  let pendingAttribute: Attribute | undefined;
  // Element and attribute names repeat: keep one string per name rather than a copy per use.
  const names = new Map<number, string>();
  const nameAt = (start: number, end: number): string => {
    let h = end - start;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const hit = names.get(h);
    if (hit !== undefined && hit.length === end - start && text.startsWith(hit, start)) return hit;
    const name = text.substring(start, end);
    names.set(h, name);
    return name;
  };
  let pendingEndTag: { start: number; name?: string; nameStart?: number } | undefined;
  const seen = attributeNames();
  // one per parse (its lastIndex is this parse's state), not one per text that holds braces
  const NAMED_VALUE = namedValuePattern();

  const addErrors = (errs: readonly TokenError[]) => {
    for (const e of errs) errors.push({ start: e.offset, end: e.offset + Math.max(1, e.length), code: e.code, message: e.message });
  };

  const addExpression = (tok: TokenExpression, host: PolicyExpression['host'], element?: PolicyElement, attribute?: PolicyAttribute): PolicyExpression => {
    const expr: PolicyExpression = { start: tok.start, end: tok.end, kind: tok.kind, closed: tok.closed, host, element, attribute, problems: tok.problems };
    expressions.push(expr);
    return expr;
  };

  // Where the next `{{` is: `nextBraces` is text.indexOf('{{', braceSearchFrom). Ranges come in
  // document order, so the document is searched once, not once a range.
  let braceSearchFrom = 0;
  let nextBraces = text.indexOf('{{');
  // The Liquid template whose content is being read, if any (templates do not nest).
  let liquid: PolicyElement | undefined;
  const collectNamedValues = (start: number, end: number, inExpression: boolean) => {
    if (start < braceSearchFrom || (nextBraces >= 0 && nextBraces < start)) {
      braceSearchFrom = start;
      nextBraces = text.indexOf('{{', start);
    }
    if (nextBraces < 0 || nextBraces >= end) return;
    const slice = text.substring(start, end);
    NAMED_VALUE.lastIndex = 0;
    for (let m = NAMED_VALUE.exec(slice); m; m = NAMED_VALUE.exec(slice)) {
      const s = start + m.index;
      namedValues.push({ start: s, end: s + m[0].length, name: m[1], nameStart: s + 2, nameEnd: s + 2 + m[1].length, inExpression, inLiquid: liquid !== undefined });
    }
  };

  /** `set-body` and `publish-to-dapr` take `template="liquid"`: their content is then a Liquid template. */
  const isLiquidTemplate = (el: PolicyElement) => {
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) if (attrs[i].name === 'template') return attrs[i].value?.trim() === 'liquid';
    return false;
  };

  /**
   * The start tag of `el` ends at `at`: its attribute list is complete, and is cut to its length
   * (V8 gives an array 17 slots on its second push; a large policy has 100,000s of these lists).
   */
  const endStartTag = (el: PolicyElement, at: number) => {
    el.startTagEnd = at;
    if (el.attributes.length > 1) el.attributes = el.attributes.slice();
  };

  /** `el` ends at `end`: its lists of children and texts are complete, and cut to their length. */
  const closeElement = (el: PolicyElement, end: number) => {
    el.end = end;
    if (el === liquid) liquid = undefined;
    if (el.children.length > 1) el.children = el.children.slice();
    if (el.texts.length > 1) el.texts = el.texts.slice();
  };

  /** Handles an end tag named `name`: closes the matching open element, reporting skipped ones. */
  const handleEndTag = (name: string | undefined, start: number, nameStart: number, end: number) => {
    if (name === undefined) {
      errors.push({ start, end: Math.max(end, start + 2), code: 'xml-missing-end-tag-name', message: "End tag without a name." });
      return;
    }
    let match: PolicyElement | undefined = current;
    while (match && match.name !== name) match = match.parent;
    if (!match) {
      const msg = current
        ? `Unexpected end tag </${name}>: the open element is <${current.name}>.`
        : `Unexpected end tag </${name}>: no element is open.`;
      errors.push({ start: nameStart, end: nameStart + name.length, code: 'xml-unexpected-end-tag', message: msg });
      return;
    }
    // Elements left open inside the match end where the match's end tag starts.
    while (current && current !== match) {
      errors.push({
        start: current.start + 1, end: current.nameEnd, code: 'xml-unclosed-element',
        message: `Element <${current.name}> is not closed before </${name}>.`,
      });
      closeElement(current, start);
      current = current.parent;
    }
    match.endTagStart = start;
    match.closed = true;
    closeElement(match, end);
    current = match.parent;
  };

  // After an expression that never closed, the rest of its start tag is guesswork: keep quiet
  // about it rather than bury the one real error under follow-on ones.
  let muted = false;
  for (let token = scanner.scan(); token !== TokenType.EOS; token = scanner.scan()) {
    const tokErrors = scanner.getTokenErrors();
    if (tokErrors.length && !muted) addErrors(tokErrors);
    if (token === TokenType.StartTagClose || token === TokenType.StartTagSelfClose || token === TokenType.StartTagOpen) muted = false;
    const offset = scanner.getTokenOffset();
    const end = scanner.getTokenEnd();
    switch (token) {
      case TokenType.StartTagOpen: {
        // a previous start tag that was never finished becomes an element anyway
        break;
      }
      case TokenType.StartTag: {
        const el = new Element(nameAt(offset, end), offset - 1, text.length, current);
        if (current) {
          if (current.startTagEnd === undefined) endStartTag(current, offset - 1);
          if (current.children === NO_ELEMENTS) current.children = [el];
          else current.children.push(el);
        } else {
          roots.push(el);
        }
        current = el;
        pendingAttribute = undefined;
        break;
      }
      case TokenType.AttributeName: {
        if (!current || muted) break;
        const name = nameAt(offset, end);
        if (!muted && seen.has(current, name)) {
          errors.push({ start: offset, end, code: 'xml-duplicate-attribute', message: `Attribute '${name}' appears twice on <${current.name}>.` });
        }
        pendingAttribute = new Attribute(text, name, offset);
        if (current.attributes === NO_ATTRIBUTES) current.attributes = [pendingAttribute];
        else current.attributes.push(pendingAttribute);
        break;
      }
      case TokenType.DelimiterAssign:
        break;
      case TokenType.AttributeValue: {
        if (!current || !pendingAttribute) break;
        const attr = pendingAttribute;
        attr.valueStart = offset;
        attr.valueEnd = end;
        const tokExpr = scanner.getTokenExpression();
        if (tokExpr) {
          if (!tokExpr.closed) muted = true;
          attr.expression = addExpression(tokExpr, 'attribute', current, attr);
          collectNamedValues(tokExpr.start, tokExpr.end, true);
          collectNamedValues(tokExpr.end, end, false);
        } else {
          collectNamedValues(offset, end, false);
        }
        pendingAttribute = undefined;
        break;
      }
      case TokenType.StartTagClose:
        if (current) {
          endStartTag(current, end);
          if (!liquid && isLiquidTemplate(current)) liquid = current;
        }
        break;
      case TokenType.StartTagSelfClose:
        if (current) {
          endStartTag(current, end);
          current.selfClosing = true;
          current.closed = true;
          current.end = end;
          current = current.parent;
        }
        break;
      case TokenType.EndTagOpen:
        if (current && current.startTagEnd === undefined) endStartTag(current, offset);
        pendingEndTag = { start: offset };
        break;
      case TokenType.EndTag:
        if (pendingEndTag) {
          pendingEndTag.name = text.substring(offset, end);
          pendingEndTag.nameStart = offset;
        }
        break;
      case TokenType.EndTagClose:
        if (pendingEndTag) {
          handleEndTag(pendingEndTag.name, pendingEndTag.start, pendingEndTag.nameStart ?? pendingEndTag.start, end);
          pendingEndTag = undefined;
        }
        break;
      case TokenType.Content:
      case TokenType.CDATA: {
        if (pendingEndTag) {
          // `</name` without `>`: still closes, at the point the next token starts
          handleEndTag(pendingEndTag.name, pendingEndTag.start, pendingEndTag.nameStart ?? pendingEndTag.start, offset);
          pendingEndTag = undefined;
        }
        const cdata = token === TokenType.CDATA;
        if (cdata) comments.push({ start: offset, end });
        const tokExpr = scanner.getTokenExpression();
        if (current) {
          if (current.startTagEnd === undefined) endStartTag(current, offset);
          // White space between elements is not kept: it is the gap between siblings.
          if (tokExpr || cdata || !scanner.isWhitespaceContent()) {
            // every field set up front: one hidden class for all texts
            const t: PolicyText = { start: offset, end, cdata, expression: tokExpr ? addExpression(tokExpr, cdata ? 'cdata' : 'text', current) : undefined };
            if (current.texts === NO_TEXTS) current.texts = [t];
            else current.texts.push(t);
          }
          if (tokExpr) {
            collectNamedValues(offset, tokExpr.start, false);
            collectNamedValues(tokExpr.start, tokExpr.end, true);
            collectNamedValues(tokExpr.end, end, false);
          } else {
            collectNamedValues(offset, end, false);
          }
        } else if (!cdata) {
          if (tokExpr) addExpression(tokExpr, 'text');
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
  if (pendingEndTag) handleEndTag(pendingEndTag.name, pendingEndTag.start, pendingEndTag.nameStart ?? pendingEndTag.start, text.length);
  // Everything still open at the end of the file.
  while (current) {
    errors.push({ start: current.start + 1, end: current.nameEnd, code: 'xml-unclosed-element', message: `Element <${current.name}> is not closed.` });
    if (current.startTagEnd === undefined) endStartTag(current, text.length);
    closeElement(current, text.length);
    current = current.parent;
  }
  // Start tags that never saw their '>' (for example `<a <b>`) end where their first content starts;
  // give them a startTagEnd so features can rely on it.
  return makeDocument(text, roots, comments, errors, expressions, namedValues, doctype);
}

/** Every element under `roots`, in document order, without recursion. */
export function* elementsOf(roots: readonly PolicyElement[]): Generator<PolicyElement> {
  const stack = roots.slice().reverse();
  while (stack.length) {
    const el = stack.pop()!;
    yield el;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
}

/**
 * The elements named `name` under `roots`, in document order. A loop, not a generator: a search
 * through the 100,000s of elements of a large policy costs a fifth of what `elementsOf` costs.
 */
export function elementsNamed(roots: readonly PolicyElement[], name: string): PolicyElement[] {
  const found: PolicyElement[] = [];
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
 * element (the one whose start tag is being read) and is built from its list the first time the
 * list grows past a few, then kept in step.
 */
function attributeNames() {
  let owner: PolicyElement | undefined;
  let names: Set<string> | undefined;
  return {
    /** True when `el` has an attribute `name`; from then on, `name` counts as one it has. */
    has(el: PolicyElement, name: string): boolean {
      const attrs = el.attributes;
      if (attrs.length < FEW_ATTRIBUTES) {
        for (let i = 0; i < attrs.length; i++) if (attrs[i].name === name) return true;
        return false;
      }
      if (owner !== el || !names) {
        owner = el;
        names = new Set();
        for (let i = 0; i < attrs.length; i++) names.add(attrs[i].name);
      }
      if (names.has(name)) return true;
      names.add(name);
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

function makeDocument(
  text: string, roots: PolicyElement[], comments: OffsetRange[], errors: ParseError[],
  expressions: PolicyExpression[], namedValues: NamedValueRef[], doctype: OffsetRange | undefined, skipped = false,
): PolicyDocument {
  return {
    text, skipped, roots, comments, errors, expressions, namedValues, doctype,
    findElementAt(offset: number): PolicyElement | undefined {
      let found: PolicyElement | undefined;
      let list = roots;
      for (;;) {
        const child = findChildAt(list, offset);
        if (!child) return found;
        found = child;
        list = child.children;
      }
    },
    getAttribute(element: PolicyElement, name: string): PolicyAttribute | undefined {
      return element.attributes.find(a => a.name === name);
    },
  };
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
