/**
 * A resumable XML scanner that knows APIM's "rawxml" format: an attribute value or element text
 * that begins with `@(` or `@{` is a C# expression and runs to its balanced closing bracket, even
 * across raw `"`, `<` and `&`. The scanner never throws; problems are attached to tokens.
 */
import { createExpressionLexer, type LexProblem } from './expressionLexer';

export const enum TokenType {
  /** `<` of a start tag, when the scanner is resumed before its name; else StartTag comes alone. */
  StartTagOpen,
  StartTag,
  StartTagClose,
  StartTagSelfClose,
  EndTagOpen,
  EndTag,
  EndTagClose,
  AttributeName,
  /** Not returned: an attribute's `=` is read with its value. */
  DelimiterAssign,
  AttributeValue,
  Content,
  Comment,
  CDATA,
  ProcessingInstruction,
  Doctype,
  Whitespace,
  Unknown,
  EOS,
}

export const enum ScannerState {
  WithinContent,
  AfterOpeningStartTag,
  WithinTag,
  AfterAttributeName,
  BeforeAttributeValue,
  AfterOpeningEndTag,
  WithinEndTag,
}

export interface TokenError {
  offset: number;
  length: number;
  code: string;
  message: string;
}

export interface TokenExpression {
  start: number;
  end: number;
  closed: boolean;
  kind: 'inline' | 'block';
  problems: LexProblem[];
}

export interface Scanner {
  scan(): TokenType;
  getTokenType(): TokenType;
  getTokenOffset(): number;
  getTokenEnd(): number;
  getTokenText(): string;
  getTokenErrors(): readonly TokenError[];
  /**
   * The expression inside the last AttributeValue / Content / CDATA token, if any: one object,
   * filled anew at the next expression, so copy what is to be kept.
   */
  getTokenExpression(): TokenExpression | undefined;
  getScannerState(): ScannerState;
  /** True when the last Content token was white space only. */
  isWhitespaceContent(): boolean;
}

const enum Ch {
  Tab = 9, LF = 10, CR = 13, Space = 32, Bang = 33, Quote = 34, Apos = 39, LParen = 40, Minus = 45,
  Dot = 46, Slash = 47, Digit0 = 48, Digit9 = 57, Colon = 58, Lt = 60, Eq = 61, Gt = 62, Question = 63,
  At = 64, UpperA = 65, UpperZ = 90, LBracket = 91, RBracket = 93, Underscore = 95, LowerA = 97,
  LowerZ = 122, LBrace = 123,
}

function isWhitespace(c: number): boolean {
  return c === Ch.Space || c === Ch.LF || c === Ch.CR || c === Ch.Tab;
}

/** Whether `c` may begin a name; `<` followed by one is a start tag (see `startTagCount` in the parser). */
export function isNameStart(c: number): boolean {
  return (c >= Ch.LowerA && c <= Ch.LowerZ) || (c >= Ch.UpperA && c <= Ch.UpperZ) || c === Ch.Underscore || c === Ch.Colon || c > 0x7f;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= Ch.Digit0 && c <= Ch.Digit9) || c === Ch.Minus || c === Ch.Dot;
}

export function createScanner(text: string, initialOffset = 0, initialState: ScannerState = ScannerState.WithinContent): Scanner {
  const len = text.length;
  let pos = initialOffset;
  let state = initialState;
  let tokenOffset = 0;
  let tokenType = TokenType.Unknown;
  let errors: TokenError[] = [];
  let expression: TokenExpression | undefined;
  let whitespaceContent = false;
  const scanExpression = createExpressionLexer();

  function error(offset: number, length: number, code: string, message: string): void {
    errors.push({ offset, length, code, message });
  }

  function skipWhitespace(): boolean {
    const start = pos;
    while (pos < len && isWhitespace(text.charCodeAt(pos))) pos++;
    return pos > start;
  }

  function skipName(): boolean {
    const start = pos;
    if (pos < len && isNameStart(text.charCodeAt(pos))) {
      pos++;
      while (pos < len && isNameChar(text.charCodeAt(pos))) pos++;
    }
    return pos > start;
  }

  /** True when text at `at` begins an expression: `@(` or `@{`. */
  function expressionStartsAt(at: number): boolean {
    if (text.charCodeAt(at) !== Ch.At) return false;
    const n = text.charCodeAt(at + 1);
    return n === Ch.LParen || n === Ch.LBrace;
  }

  // How far the last expression that never closed was scanned. An expression starting inside that
  // stretch is taken as unclosed too, without scanning: broken text, and scanning each of many
  // broken expressions to the same far point would take quadratic time.
  let failedScanEnd = -1;

  // One expression object for the scan, filled anew for each token that has one: whoever keeps an
  // expression copies what it needs (a document has 10,000s of them).
  const tokenExpression: TokenExpression = { start: 0, end: 0, closed: false, kind: 'inline', problems: [] };

  function readExpression(at: number, decode: boolean, limit: number): TokenExpression {
    const expr = tokenExpression;
    expr.start = at;
    expr.kind = text.charCodeAt(at + 1) === Ch.LParen ? 'inline' : 'block';
    if (at < failedScanEnd) {
      expr.end = Math.min(failedScanEnd, at + 2);
      expr.closed = false;
      expr.problems = [];
      return expr;
    }
    const scan = scanExpression(text, at, decode, limit);
    if (!scan.closed) failedScanEnd = scan.end;
    expr.end = scan.end;
    expr.closed = scan.closed;
    expr.problems = scan.problems;
    return expr;
  }

  function unterminatedExpression(expr: TokenExpression): void {
    error(expr.start, 2, 'xml-unterminated-expression',
      `Expression is not closed: no matching '${expr.kind === 'inline' ? ')' : '}'}' for '${text.substring(expr.start, expr.start + 2)}'.`);
  }

  /** Scans an attribute value; `pos` is at the opening quote. */
  function scanAttributeValue(): void {
    const quote = text.charCodeAt(pos);
    const valueStart = pos + 1;
    pos++;
    if (expressionStartsAt(valueStart)) {
      const expr = readExpression(valueStart, true, len);
      expression = expr;
      if (expr.closed) {
        pos = expr.end;
        // rawxml: the value should end right after the expression
        if (text.charCodeAt(pos) === quote) { pos++; return; }
      } else {
        unterminatedExpression(expr);
        // Recover: the value ends at the first quote that looks like the end of the attribute.
        const end = findLikelyValueEnd(valueStart, quote);
        expr.end = Math.min(expr.end, end);
        pos = end;
        if (text.charCodeAt(pos) === quote) pos++;
        return;
      }
    }
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === quote) { pos++; return; }
      if (c === Ch.Lt) {
        error(valueStart - 1, pos - valueStart + 1, 'xml-unterminated-attribute-value', `Attribute value is not closed: missing ${String.fromCharCode(quote)}.`);
        return;
      }
      pos++;
    }
    error(valueStart - 1, 1, 'xml-unterminated-attribute-value', `Attribute value is not closed: missing ${String.fromCharCode(quote)}.`);
  }

  /** After an unclosed expression: the first quote followed by what can follow an attribute. */
  function findLikelyValueEnd(from: number, quote: number): number {
    let i = from;
    for (;;) {
      const q = text.indexOf(String.fromCharCode(quote), i);
      const lt = text.indexOf('<', i);
      if (q < 0) return lt >= 0 ? lt : len;
      if (lt >= 0 && lt < q) {
        // `<` before any plausible end: stop at the line holding it
        return lt;
      }
      const j = q + 1;
      const c = text.charCodeAt(j);
      if (j >= len || c === Ch.Gt || c === Ch.Slash || isWhitespace(c)) return q;
      i = j;
    }
  }

  /** Scans element text up to the next `<`, taking a leading expression whole. */
  function scanContent(): void {
    let i = pos;
    while (i < len && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= len || text.charCodeAt(i) === Ch.Lt) {
      whitespaceContent = true;
      pos = i;
      return;
    }
    if (expressionStartsAt(i)) {
      const expr = readExpression(i, true, len);
      expression = expr;
      if (expr.closed) {
        pos = expr.end;
      } else {
        unterminatedExpression(expr);
        const lt = text.indexOf('<', i);
        pos = lt < 0 ? len : lt;
        expr.end = Math.min(expr.end, pos);
        return;
      }
    }
    const lt = text.indexOf('<', pos);
    pos = lt < 0 ? len : lt;
  }

  function finishToken(offset: number, type: TokenType): TokenType {
    tokenOffset = offset;
    tokenType = type;
    return type;
  }

  function scan(): TokenType {
    // errors belong to the current token only; reuse the array rather than allocate per token
    if (errors.length) errors = [];
    expression = undefined;
    whitespaceContent = false;
    const offset = pos;
    const before = pos;
    const type = internalScan();
    // forced progress: every token but EOS consumes at least one character
    if (type !== TokenType.EOS && pos === before) {
      error(pos, 1, 'xml-unexpected-character', `Unexpected character '${text.charAt(pos)}'.`);
      pos++;
      return finishToken(offset, TokenType.Unknown);
    }
    return type;
  }

  function internalScan(): TokenType {
    const offset = pos;
    if (pos >= len) return finishToken(offset, TokenType.EOS);
    switch (state) {
      case ScannerState.WithinContent: {
        const c = text.charCodeAt(pos);
        if (c === Ch.Lt) {
          const n = text.charCodeAt(pos + 1);
          if (n === Ch.Slash) {
            pos += 2;
            state = ScannerState.AfterOpeningEndTag;
            return finishToken(offset, TokenType.EndTagOpen);
          }
          if (n === Ch.Bang) {
            if (text.startsWith('<!--', pos)) return scanDelimited(offset, '-->', TokenType.Comment, 'xml-unterminated-comment', 'Comment is not closed: "-->" is missing.');
            if (text.startsWith('<![CDATA[', pos)) return scanCData(offset);
            return scanDoctype(offset);
          }
          if (n === Ch.Question) return scanDelimited(offset, '?>', TokenType.ProcessingInstruction, 'xml-unterminated-pi', 'Processing instruction is not closed: "?>" is missing.');
          if (isNameStart(n)) {
            // the name follows at once: one StartTag token (at the name), not StartTagOpen and
            // then StartTag; a large policy has 100,000s of start tags
            pos++;
            const nameStart = pos;
            skipName();
            state = ScannerState.WithinTag;
            return finishToken(nameStart, TokenType.StartTag);
          }
          pos++;
          if (pos >= len) {
            error(offset, 1, 'xml-unexpected-eof', "Unexpected end of file after '<'.");
          } else {
            error(offset, 1, 'xml-invalid-lt', "A '<' in text must be written '&lt;' (or be part of an @(...) expression).");
          }
          scanContent();
          return finishToken(offset, TokenType.Content);
        }
        scanContent();
        return finishToken(offset, TokenType.Content);
      }
      case ScannerState.AfterOpeningStartTag:
        if (skipName()) {
          state = ScannerState.WithinTag;
          return finishToken(offset, TokenType.StartTag);
        }
        state = ScannerState.WithinTag;
        return internalScan();
      case ScannerState.AfterOpeningEndTag:
        if (skipName()) {
          state = ScannerState.WithinEndTag;
          return finishToken(offset, TokenType.EndTag);
        }
        if (skipWhitespace()) return finishToken(offset, TokenType.Whitespace);
        state = ScannerState.WithinEndTag;
        return internalScan();
      case ScannerState.WithinEndTag: {
        // white space inside tags is skipped, not reported: nobody needs it as a token
        skipWhitespace();
        if (pos >= len) return finishToken(pos, TokenType.EOS);
        const c = text.charCodeAt(pos);
        if (c === Ch.Gt) {
          pos++;
          state = ScannerState.WithinContent;
          return finishToken(offset, TokenType.EndTagClose);
        }
        // anything else ends the end tag without consuming (the tag is not closed)
        state = ScannerState.WithinContent;
        error(offset, 1, 'xml-unclosed-end-tag', "End tag is not closed: '>' is missing.");
        if (c === Ch.Lt) return internalScan();
        pos++;
        return finishToken(offset, TokenType.Unknown);
      }
      case ScannerState.WithinTag:
      case ScannerState.AfterAttributeName:
      case ScannerState.BeforeAttributeValue: {
        skipWhitespace();
        if (pos >= len) return finishToken(pos, TokenType.EOS);
        const c = text.charCodeAt(pos);
        const offset = pos;
        if (state === ScannerState.BeforeAttributeValue) {
          state = ScannerState.WithinTag;
          if (c === Ch.Quote || c === Ch.Apos) {
            scanAttributeValue();
            return finishToken(offset, TokenType.AttributeValue);
          }
          if (c !== Ch.Gt && c !== Ch.Slash && c !== Ch.Lt) {
            while (pos < len) {
              const k = text.charCodeAt(pos);
              if (isWhitespace(k) || k === Ch.Gt || k === Ch.Lt || (k === Ch.Slash && text.charCodeAt(pos + 1) === Ch.Gt)) break;
              pos++;
            }
            error(offset, pos - offset, 'xml-unquoted-attribute-value', 'Attribute value must be in quotes.');
            return finishToken(offset, TokenType.AttributeValue);
          }
          error(offset, 1, 'xml-missing-attribute-value', "Attribute value is missing after '='.");
          return internalScan();
        }
        if (c === Ch.Eq && state === ScannerState.AfterAttributeName) {
          // the value (or what stands in its place) is the token: `=` is not one of its own
          pos++;
          state = ScannerState.BeforeAttributeValue;
          return internalScan();
        }
        state = ScannerState.WithinTag;
        if (skipName()) {
          state = ScannerState.AfterAttributeName;
          return finishToken(offset, TokenType.AttributeName);
        }
        if (c === Ch.Slash && text.charCodeAt(pos + 1) === Ch.Gt) {
          pos += 2;
          state = ScannerState.WithinContent;
          return finishToken(offset, TokenType.StartTagSelfClose);
        }
        if (c === Ch.Gt) {
          pos++;
          state = ScannerState.WithinContent;
          return finishToken(offset, TokenType.StartTagClose);
        }
        if (c === Ch.Lt) {
          // a new tag starts: the current start tag was never closed
          state = ScannerState.WithinContent;
          error(offset, 1, 'xml-unclosed-start-tag', "Start tag is not closed: '>' is missing.");
          return internalScan();
        }
        if (c === Ch.Eq) {
          error(offset, 1, 'xml-missing-attribute-name', "Attribute name is missing before '='.");
          pos++;
          state = ScannerState.BeforeAttributeValue;
          return finishToken(offset, TokenType.Unknown);
        }
        if (c === Ch.Quote || c === Ch.Apos) {
          error(offset, 1, 'xml-missing-attribute-name', 'Attribute value without a name.');
          scanAttributeValue();
          return finishToken(offset, TokenType.Unknown);
        }
        pos++;
        error(offset, 1, 'xml-unexpected-character', `Unexpected character '${text.charAt(offset)}' in a tag.`);
        return finishToken(offset, TokenType.Unknown);
      }
    }
    return finishToken(offset, TokenType.EOS);
  }

  function scanDelimited(offset: number, close: string, type: TokenType, code: string, message: string): TokenType {
    const end = text.indexOf(close, pos + 2);
    if (end < 0) {
      error(offset, Math.min(4, len - offset), code, message);
      pos = len;
    } else {
      pos = end + close.length;
    }
    return finishToken(offset, type);
  }

  function scanCData(offset: number): TokenType {
    const contentStart = pos + 9;
    const end = text.indexOf(']]>', contentStart);
    const contentEnd = end < 0 ? len : end;
    let i = contentStart;
    while (i < contentEnd && isWhitespace(text.charCodeAt(i))) i++;
    if (expressionStartsAt(i)) {
      const expr = readExpression(i, false, contentEnd);
      expression = expr;
      if (!expr.closed) unterminatedExpression(expr);
    }
    if (end < 0) {
      error(offset, 9, 'xml-unterminated-cdata', 'CDATA section is not closed: "]]>" is missing.');
      pos = len;
    } else {
      pos = end + 3;
    }
    return finishToken(offset, TokenType.CDATA);
  }

  function scanDoctype(offset: number): TokenType {
    // <!DOCTYPE ... [ internal subset ] > ; entities are never expanded
    let i = pos + 2;
    let depth = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === Ch.LBracket) depth++;
      else if (c === Ch.RBracket) depth = Math.max(0, depth - 1);
      else if (c === Ch.Gt && depth === 0) break;
      i++;
    }
    if (i >= len) {
      error(offset, 2, 'xml-unterminated-doctype', "Declaration is not closed: '>' is missing.");
      pos = len;
    } else {
      pos = i + 1;
    }
    return finishToken(offset, TokenType.Doctype);
  }

  return {
    scan,
    getTokenType: () => tokenType,
    getTokenOffset: () => tokenOffset,
    getTokenEnd: () => pos,
    getTokenText: () => text.substring(tokenOffset, pos),
    getTokenErrors: () => errors,
    getTokenExpression: () => expression,
    getScannerState: () => state,
    isWhitespaceContent: () => whitespaceContent,
  };
}
