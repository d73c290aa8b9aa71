import type { Rule } from './types';

/** Not well-formed XML, as the parser found it; unterminated C# strings, which APIM rejects on save. */
export const wellFormedRule: Rule = {
  codes: ['xml-*', 'expr-unterminated-string', 'expr-unterminated-comment', 'xml-doctype'],
  checkDocument(ctx) {
    for (const e of ctx.doc.errors) {
      ctx.report({ start: e.start, end: e.end, severity: 'error', code: e.code, message: e.message });
    }
    // from the tree, not the expressions' handles: a large policy has 10,000s of expressions,
    // nearly all without a problem, and no other rule may need their objects
    for (const p of ctx.tree.lexProblems()) {
      ctx.report({ start: p.offset, end: p.offset + p.length, severity: 'error', code: p.code, message: p.message });
    }
    if (ctx.doc.doctype) {
      ctx.report({
        // Advice: what APIM does with a DOCTYPE is not documented, so no failure can be named.
        start: ctx.doc.doctype.start, end: ctx.doc.doctype.start + 9, severity: 'information', code: 'xml-doctype',
        message: 'A DOCTYPE has no place in a policy; its entities are not expanded here, and APIM does not document what it does with one.',
      });
    }
  },
};
