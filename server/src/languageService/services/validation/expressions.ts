import { closest, type ExpressionChecker } from '../../expressions/expressionChecks';
import { visibleVariables, type VisibleVariables } from '../../expressions/variables';
import { elementsOf, type PolicyDocument } from '../../parser/policyParser';
import type { Rule, RuleContext } from './types';

/** The rule context when the language service checks C#: the checker it owns (with its cache). */
export interface ExpressionRuleContext extends RuleContext {
  expressions?: ExpressionChecker;
  /**
   * The first phase of two (see validatePolicyInPhases): expressions whose checks are cached are
   * reported, at most `budget` others are checked, and the rest are left for the second phase
   * (`deferred` is then set). Undefined: every expression is checked.
   */
  firstPhase?: { budget: number; deferred: boolean };
  /**
   * Every expression checked without waiting for the parser (see validatePolicyInPhases'
   * `completeNow`): `needed` is set, and the rule stops, at the first one only the parser can tell.
   */
  withoutParser?: { needed: boolean };
}

/** Documents past this size get no C# checks: APIM refuses them anyway (256 KiB, fragments 512 KiB). */
export const MAX_EXPRESSIONS_CHECKED_TEXT = 1024 * 1024;

/** `{backend_id}`-style placeholders: the file is a template that its tooling fills in before upload. */
const PLACEHOLDER = /^\{[A-Za-z_][\w.-]*\}$/;

/**
 * A deploy-time template (Python-format `@{{ … }}` blocks, `{placeholder}` values): its tooling
 * rewrites the text before upload, so what looks like a C# error may be gone by then.
 */
function looksLikeTemplate(doc: PolicyDocument): boolean {
  const text = doc.text;
  if (doc.expressions.some(e => text.startsWith('@{{', e.start) && text.startsWith('}}', e.end - 2))) return true;
  for (const el of elementsOf(doc.roots)) {
    for (const a of el.attributes) if (a.value !== undefined && a.value.length < 64 && PLACEHOLDER.test(a.value.trim())) return true;
  }
  return false;
}

/**
 * Policy expressions as C#: syntax (an error where APIM's compiler would fail), a code block with
 * no return, .NET types outside the allow-list, members the `context` object does not have, and
 * variables read that nothing sets.
 */
export const expressionsRule: Rule = {
  codes: ['expr-syntax', 'expr-char-literal', 'expr-block-no-return', 'expr-type-not-allowed', 'expr-unknown-member', 'expr-variable-not-set'],
  checkDocument(context) {
    const ctx = context as ExpressionRuleContext;
    const checker = ctx.expressions;
    const doc = ctx.doc;
    const phase = ctx.firstPhase;
    const withoutParser = ctx.withoutParser;
    // without the parser, a first phase leaves every expression to the second (the parser is loading)
    if (!checker || (!checker.parsesSyntax && !phase && !withoutParser) || !doc.tree.expressionCount || doc.text.length > MAX_EXPRESSIONS_CHECKED_TEXT) return;
    const text = doc.text;
    let template: boolean | undefined;
    let visible: VisibleVariables | undefined;
    let names: Set<string> | undefined;
    let defined: string[] | undefined;
    const fragment = doc.roots[0]?.name === 'fragment';
    for (const expr of doc.expressions) {
      if (!expr.closed) continue;
      const raw = text.substring(expr.start, expr.end);
      const decode = expr.host !== 'cdata';
      let result = phase ? checker.cached(raw, decode) : undefined;
      if (withoutParser) {
        result = checker.checkWithoutParser(raw, decode);
        if (!result) {
          withoutParser.needed = true;
          return;
        }
      }
      if (!result) {
        if (phase && (phase.budget <= 0 || !checker.parsesSyntax)) {
          phase.deferred = true;
          continue;
        }
        if (phase) phase.budget--;
        result = checker.check(raw, decode);
      }
      for (const f of result.findings) {
        // the lexer already reported this expression's broken string or comment
        if (f.code === 'expr-syntax' && expr.problems.length) continue;
        let severity: 'error' | 'warning' | 'information' = f.severity;
        let message = f.message;
        if (f.template && severity === 'error') {
          template ??= looksLikeTemplate(doc);
          if (template) {
            severity = 'information';
            message += ' (This file looks like a deploy-time template; its tooling may rewrite this before upload.)';
          }
        }
        ctx.report({
          start: expr.start + f.start, end: expr.start + f.end, severity, code: f.code, message,
          data: f.suggestions?.length ? { suggestions: f.suggestions } : undefined,
        });
      }
      if (fragment) continue;
      for (const v of result.variables) {
        if (v.guarded || !v.name || /[{}]/.test(v.name)) continue;
        visible ??= visibleVariables(ctx.uri, doc, ctx.workspace);
        if (!visible.complete) break;
        defined ??= visible.definitions.map(d => d.name);
        names ??= new Set(defined.map(n => n.toLowerCase()));
        if (names.has(v.name.toLowerCase())) continue;
        // a name one slip away from a set one is most likely that one misspelt
        const suggestions = closest(v.name, defined);
        ctx.report({
          start: expr.start + v.start, end: expr.start + v.end, severity: 'information', code: 'expr-variable-not-set',
          message: `${suggestions.length ? `Did you mean '${suggestions[0]}'? ` : ''}Nothing ${ctx.workspace ? 'in this policy, its fragments or the policies that run before it' : 'in this policy'} sets the variable '${v.name}' (set-variable, or a policy's *-variable-name attribute): unless something else does, it has no value here.`,
          data: suggestions.length ? { suggestions } : undefined,
        });
      }
    }
  },
};
