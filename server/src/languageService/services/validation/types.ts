import type { Catalog, ElementRole } from '../../catalog';
import type { PolicyDocument, PolicyElement, PolicyTree } from '../../parser/policyParser';
import type { PolicyLocation } from '../../workspace/apiopsLayout';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import type { PolicyFlowAnalysis } from '../../workspace/flowLinks';
import type { RuleSeverities } from '../ruleSeverity';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface ValidationSettings {
  /** How a section without `<base />` at a non-global scope is reported. */
  missingBase: 'off' | 'information' | 'warning';
  /**
   * The user's severity per rule code (`off` drops the code), applied after the rules ran: it
   * overrides `missingBase` too. A code not listed keeps its rule's severity.
   */
  rules?: RuleSeverities;
}

export const defaultValidationSettings: ValidationSettings = { missingBase: 'warning' };

/** A finding in offsets; converted to an LSP Diagnostic at the edge. */
export interface Finding {
  start: number;
  end: number;
  severity: Severity;
  code: string;
  message: string;
  /** Data a quick fix needs (suggested names, valid values…). */
  data?: { suggestions?: string[]; [key: string]: unknown };
  /** Places elsewhere that explain the finding (a flow config entry, a fragment). */
  related?: Array<{ uri: string; start: number; end: number; message: string; text?: string }>;
}

export interface RuleContext {
  /** URI of the document being checked. */
  uri: string;
  doc: PolicyDocument;
  /** `doc.tree`: the rows `checkElement` is given are its rows. */
  tree: PolicyTree;
  /** The APIOps index, when the host has one. */
  workspace?: WorkspaceIndex;
  catalog: Catalog;
  roleOf(el: PolicyElement): ElementRole;
  location: PolicyLocation | undefined;
  settings: ValidationSettings;
  report(f: Finding): void;
  /** The document's flow analysis (memoised by the service), or undefined without a workspace. */
  flowAnalysis(): PolicyFlowAnalysis | undefined;
  /**
   * What `make` returns for `key`, made once per run of the rules: a rule works out what it needs
   * of a role once, not once per element (roles are shared by the elements they fit). `owner`
   * (the rule) keeps the rules' entries apart. `make` is given the key and the context rather
   * than closing over them: a rule asks once per element, and a closure at each ask was garbage.
   */
  memo<K extends object, T>(owner: object, key: K, make: (key: K, ctx: RuleContext) => T): T;
}

/**
 * A rule sees every element once (top-down) and the document once. An element is a row of
 * `ctx.tree`, read from its columns: a large policy has 100,000s of elements, and an object for
 * each on the way cost more than the checks. `ctx.tree.element(row)` is its handle, for the
 * rarer paths that want the object (reporting, walking its subtree).
 */
export interface Rule {
  /** The codes this rule may report (documented in the README's rule table). */
  codes: readonly string[];
  checkDocument?(ctx: RuleContext): void;
  checkElement?(el: number, role: ElementRole, ctx: RuleContext): void;
  /**
   * Whether `checkElement` has anything to say about the elements of a role (which all have one
   * name): asked once per role, so the walk calls only the rules that apply. Without it, always.
   */
  appliesTo?(role: ElementRole, name: string): boolean;
}
