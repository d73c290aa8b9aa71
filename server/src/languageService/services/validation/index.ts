import { createRoleResolver, resolveRoleOfName, type Catalog, type ElementRole } from '../../catalog';
import { NONE } from '../../parser/policyParser';
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
import type { Finding, Rule, RuleContext, ValidationSettings } from './types';
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

export function validatePolicy(input: ValidationInput): Finding[] {
  const structure = collect(input, rule => rule !== expressionsRule);
  const expressions = collect(input, rule => rule === expressionsRule);
  return merge(structure, expressions);
}

/**
 * Findings in two phases: `first` at once, with the C# checks of the expressions whose checks
 * are cached and of at most `budget` others; `complete()`, when some were left, checks them all
 * and returns every finding. The rules other than the expressions one run once.
 */
export interface PhasedFindings {
  first: Finding[];
  /** Every finding (the checker has the parser by then). */
  complete?(): Finding[];
  /**
   * Every finding, without waiting for a parser still loading: undefined when an expression's C#
   * syntax needs it (one that is not plainly valid: see plainSyntax.ts).
   */
  completeNow?(): Finding[] | undefined;
}

export function validatePolicyInPhases(input: ValidationInput, budget: number): PhasedFindings {
  const structure = collect(input, rule => rule !== expressionsRule);
  const phase = { budget, deferred: false };
  const cachedExpressions = collect({ ...input, firstPhase: phase }, rule => rule === expressionsRule);
  const first = merge(structure, cachedExpressions);
  if (!phase.deferred) return { first };
  return {
    first,
    complete: () => merge(structure, collect(input, rule => rule === expressionsRule)),
    completeNow() {
      const withoutParser = { needed: false };
      const expressions = collect({ ...input, withoutParser }, rule => rule === expressionsRule);
      return withoutParser.needed ? undefined : merge(structure, expressions);
    },
  };
}

type CollectInput = ValidationInput & Pick<ExpressionRuleContext, 'firstPhase' | 'withoutParser'>;

/** Past this many elements, a document's roles by row are a typed array (see collect). */
const LARGE_ROWS = 4096;

/** The findings of the rules `which` picks, in document order; at most MAX_FINDINGS, and a count of the rest. */
function collect(input: CollectInput, which: (rule: Rule) => boolean): { findings: Finding[]; dropped: number } {
  const { uri, doc, catalog, location, settings, workspace, expressions, flowAnalysis, firstPhase, withoutParser } = input;
  const findings: Finding[] = [];
  let dropped = 0;
  const memos = new Map<object, Map<object, unknown>>();
  const ctx: ExpressionRuleContext = {
    uri, doc, tree: doc.tree, catalog, location, settings, workspace, expressions, firstPhase, withoutParser, roleOf: createRoleResolver(catalog),
    flowAnalysis: () => (workspace ? flowAnalysis?.() ?? analyzePolicyFlows(uri, doc, workspace, { catalog }) : undefined),
    memo: <K extends object, T>(owner: object, key: K, make: (key: K, ctx: RuleContext) => T): T => {
      let entries = memos.get(owner);
      if (!entries) memos.set(owner, (entries = new Map()));
      let value = entries.get(key) as T | undefined;
      if (value === undefined && !entries.has(key)) entries.set(key, (value = make(key, ctx)));
      return value as T;
    },
    report: f => {
      if (findings.length < MAX_FINDINGS) findings.push(f);
      else dropped++;
    },
  };
  const chosen = rules.filter(which);
  // Nothing was parsed: the size is all there is to say.
  if (doc.skipped) {
    if (chosen.includes(documentSizeRule)) documentSizeRule.checkDocument!(ctx);
    return { findings, dropped };
  }
  const elementRules = chosen.filter(r => r.checkElement);
  for (const rule of chosen) rule.checkDocument?.(ctx);
  if (elementRules.length) {
    // Rows are in document order, a parent's before its children's: each role is resolved once
    // per (parent role, name) and read back by row, without recursion and without an object per element.
    const tree = doc.tree;
    const n = tree.elementCount;
    const nameCount = tree.names.length;
    // Filled in row order. A plain list for a small document: a typed array would be one more
    // buffer for each of the thousands of a workspace pass. A typed array for a large one: a list
    // grown by appending copied its 100,000s of entries several times, into fresh memory each time.
    const roleOfRow: number[] | Int32Array = n > LARGE_ROWS ? new Int32Array(n) : [];
    const roles: ElementRole[] = [];
    // the rules that apply to each role, in the order of `rules`
    const rulesOfRole: Rule[][] = [];
    const known = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const parent = tree.parent(i);
      const parentRole = parent === NONE ? NONE : roleOfRow[parent];
      const key = (parentRole + 1) * nameCount + tree.nameIdOf(i);
      let id = known.get(key);
      if (id === undefined) {
        id = roles.length;
        const name = tree.name(i);
        const role = resolveRoleOfName(catalog, name, parentRole === NONE ? undefined : roles[parentRole]);
        roles.push(role);
        rulesOfRole.push(elementRules.filter(r => !r.appliesTo || r.appliesTo(role, name)));
        known.set(key, id);
      }
      roleOfRow[i] = id;
      const role = roles[id];
      const applying = rulesOfRole[id];
      for (let r = 0; r < applying.length; r++) applying[r].checkElement!(i, role, ctx);
    }
  }
  findings.sort(byPlace);
  return { findings, dropped };
}

function byPlace(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end;
}

/** Two sorted lists as one, cut at MAX_FINDINGS with a note of how many more there were. */
function merge(a: { findings: Finding[]; dropped: number }, b: { findings: Finding[]; dropped: number }): Finding[] {
  let all: Finding[];
  if (!b.findings.length) all = a.findings.slice();
  else if (!a.findings.length) all = b.findings.slice();
  else {
    all = [];
    let i = 0;
    let j = 0;
    while (i < a.findings.length && j < b.findings.length) all.push(byPlace(b.findings[j], a.findings[i]) < 0 ? b.findings[j++] : a.findings[i++]);
    while (i < a.findings.length) all.push(a.findings[i++]);
    while (j < b.findings.length) all.push(b.findings[j++]);
  }
  let dropped = a.dropped + b.dropped;
  if (all.length > MAX_FINDINGS) {
    dropped += all.length - MAX_FINDINGS;
    all.length = MAX_FINDINGS;
  }
  if (dropped > 0) {
    all.unshift({
      start: 0, end: 0, severity: 'information', code: 'too-many-problems',
      message: `Fix the problems shown first: ${dropped.toLocaleString('en-US')} more were found and are not shown (at most ${MAX_FINDINGS.toLocaleString('en-US')} a document).`,
    });
  }
  return all;
}
