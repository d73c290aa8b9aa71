/**
 * The C# text of a policy expression and the way back to the document.
 *
 * In attribute values and element text an XML entity stands for one character (`&quot;` is `"`:
 * six characters in the document, one in C#); inside CDATA nothing is decoded. `{{named values}}`
 * are replaced by text before APIM compiles the expression, so outside strings they stand for
 * some C# we cannot see: they become an identifier of the same length.
 */
import { entityAt } from '../utils/xmlEntities';
import { replaceNamedValues } from '../utils/namedValues';

export interface ExpressionSource {
  kind: 'inline' | 'block';
  /** The body between `@(` / `@{` and the closing bracket, entities decoded. */
  text: string;
  /**
   * Offset of each character of `text` (and of its end, at index `text.length`) from the start of
   * the expression (the `@`). Undefined when no entity was decoded: then it is `2 + i`.
   */
  offsets: Int32Array | undefined;
}

/** Offset of the body from the `@`. */
const BODY = 2;

/**
 * The source of an expression from its raw text (`@(...)` or `@{...}`, closing bracket included).
 * `decode` is false inside CDATA. Entities are read exactly as the expression lexer reads them.
 */
export function expressionSource(raw: string, decode: boolean): ExpressionSource {
  const kind = raw.charCodeAt(1) === 123 /* { */ ? 'block' : 'inline';
  const end = raw.length - 1;
  if (!decode || raw.indexOf('&', BODY) < 0 || raw.indexOf('&', BODY) >= end) {
    return { kind, text: raw.substring(BODY, end), offsets: undefined };
  }
  // the text between entities is copied whole; an offset per character of the decoded text
  const parts: string[] = [];
  const offsets = new Int32Array(end - BODY + 1);
  let n = 0;
  let copied = BODY;
  for (let amp = raw.indexOf('&', BODY); amp >= 0 && amp < end; amp = raw.indexOf('&', amp + 1)) {
    const entity = entityAt(raw, amp);
    if (entity < 0) continue;
    for (let k = copied; k < amp; k++) offsets[n++] = k;
    offsets[n++] = amp;
    parts.push(raw.substring(copied, amp), String.fromCharCode(entity & 0xffff));
    copied = amp + (entity >>> 16);
    amp = copied - 1;
  }
  for (let k = copied; k < end; k++) offsets[n++] = k;
  offsets[n] = end;
  parts.push(raw.substring(copied, end));
  return { kind, text: parts.join(''), offsets: offsets.slice(0, n + 1) };
}

/** Offset from the `@` of source position `i` (0 ≤ i ≤ text.length). */
export function toRelative(src: ExpressionSource, i: number): number {
  const k = Math.max(0, Math.min(src.text.length, i));
  return src.offsets ? src.offsets[k] : BODY + k;
}

/** The source position at or before offset `rel` (from the `@`). */
export function fromRelative(src: ExpressionSource, rel: number): number {
  if (!src.offsets) return Math.max(0, Math.min(src.text.length, rel - BODY));
  const o = src.offsets;
  let lo = 0;
  let hi = o.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (o[mid] <= rel) lo = mid; else hi = mid - 1;
  }
  return lo;
}


/** `{{name}}` replaced by an identifier of the same length, for parsing. */
export function maskNamedValues(text: string): string {
  if (text.indexOf('{{') < 0) return text;
  return replaceNamedValues(text, (_name, reference) => '_'.repeat(reference.length));
}
