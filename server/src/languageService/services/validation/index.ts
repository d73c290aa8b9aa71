import { createRoleResolver, resolveRole, type Catalog, type ElementRole } from '../../catalog';
import type { PolicyElement } from '../../parser/policyParser';
import type { PolicyDocument } from '../../parser/policyParser';
import type { PolicyLocation } from '../../workspace/apiopsLayout';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { referencesRule } from './references';
import { crossCheckRule } from './crossCheck';
import { attributesRule } from './attributes';
import { documentSizeRule } from './documentSize';
import { expressionsRule, type ExpressionRuleContext } from './expressions';
import type { ExpressionChecker } from '../../expressions/expressionChecks';
import { analyzePolicyFlows, type PolicyFlowAnalysis } from '../../workspace/flowLinks';
import { baseRule, placementRule, requiredChildRule, rootRule, sectionsRule, unknownElementRule } from './structure';
import type { Finding, Rule, ValidationSettings } from './types';
import { wellFormedRule } from './wellFormed';

export * from './types';

export const rules: readonly Rule[] = [
  wellFormedRule, documentSizeRule, rootRule, sectionsRule, unknownElementRule, placementRule,
  requiredChildRule, baseRule, attributesRule, referencesRule, crossCheckRule, expressionsRule,
];

/** Runs every rule over the document; one top-down walk with an explicit stack. */
export interface ValidationInput {
  uri: string;
  doc: PolicyDocument;
  catalog: Catalog;
  location: PolicyLocation | undefined;
  settings: ValidationSettings;
  workspace?: WorkspaceIndex;
  /** C# checks of policy expressions (with the service's cache); none without it. */
  expressions?: ExpressionChecker;
  /** The flow analysis of the document, when the host memoises it; else computed here when asked. */
  flowAnalysis?(): PolicyFlowAnalysis;
}

/**
 * At most this many findings are kept for one document. A text built to be wrong everywhere (half a
 * million `<x/>`) would otherwise hold hundreds of MB of diagnostics that nobody can read; the
 * first ones are what a person fixes first anyway.
 */
export const MAX_FINDINGS = 50_000;

export function validatePolicy({ uri, doc, catalog, location, settings, workspace, expressions, flowAnalysis }: ValidationInput): Finding[] {
  const findings: Finding[] = [];
  let dropped = 0;
  const ctx: ExpressionRuleContext = {
    uri, doc, catalog, location, settings, workspace, expressions, roleOf: createRoleResolver(catalog),
    flowAnalysis: () => (workspace ? flowAnalysis?.() ?? analyzePolicyFlows(uri, doc, workspace, { catalog }) : undefined),
    report: f => {
      if (findings.length < MAX_FINDINGS) findings.push(f);
      else dropped++;
    },
  };
  // Nothing was parsed: the size is all there is to say.
  if (doc.skipped) {
    documentSizeRule.checkDocument!(ctx);
    return findings;
  }
  const elementRules = rules.filter(r => r.checkElement);
  for (const rule of rules) rule.checkDocument?.(ctx);
  // Top-down with the parent's role at hand: no lookups, no recursion.
  const elements: PolicyElement[] = doc.roots.slice().reverse();
  const parentRoles: Array<ElementRole | undefined> = elements.map(() => undefined);
  while (elements.length) {
    const el = elements.pop()!;
    const role = resolveRole(catalog, el, parentRoles.pop());
    for (const rule of elementRules) rule.checkElement!(el, role, ctx);
    for (let i = el.children.length - 1; i >= 0; i--) {
      elements.push(el.children[i]);
      parentRoles.push(role);
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  if (dropped > 0) {
    findings.unshift({
      start: 0, end: 0, severity: 'information', code: 'too-many-problems',
      message: `Fix the problems shown first: ${dropped.toLocaleString('en-US')} more were found and are not shown (at most ${MAX_FINDINGS.toLocaleString('en-US')} a document).`,
    });
  }
  return findings;
}
