import type { PolicyDocument, PolicyExpression } from '../parser/policyParser';
import { expressionFacts, type ExpressionFacts } from './expressionFacts';
import { expressionSource, fromRelative, maskNamedValues, type ExpressionSource } from './expressionSource';

/** The expression whose body holds `offset` (between `@(` and its closing bracket, both ends included). */
export function expressionAt(doc: PolicyDocument, offset: number): PolicyExpression | undefined {
  const list = doc.expressions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = list[mid];
    const bodyEnd = e.closed ? e.end - 1 : e.end;
    if (offset < e.start + 2) hi = mid - 1;
    else if (offset > bodyEnd) lo = mid + 1;
    else return e;
  }
  return undefined;
}

export interface ExpressionView {
  expr: PolicyExpression;
  src: ExpressionSource;
  facts: ExpressionFacts;
  /** Source position of the document offset the view was made for. */
  at: number;
}

/**
 * The expression's source and facts, cut at `offset` when `prefixOnly` (completion reads what is
 * typed before the cursor), whole otherwise (hover).
 */
export function viewExpression(doc: PolicyDocument, expr: PolicyExpression, offset: number, prefixOnly: boolean): ExpressionView {
  const text = doc.text;
  // expressionSource drops the last character: the closing bracket, or this stand-in for it
  const raw = prefixOnly ? text.substring(expr.start, offset) + ')' : expr.closed ? text.substring(expr.start, expr.end) : text.substring(expr.start, expr.end) + ')';
  const src = expressionSource(raw, expr.host !== 'cdata');
  const facts = expressionFacts(maskNamedValues(src.text), src.text);
  return { expr, src, facts, at: fromRelative(src, offset - expr.start) };
}
