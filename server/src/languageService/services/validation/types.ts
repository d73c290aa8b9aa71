import type { Catalog, ElementRole } from '../../catalog';
import type { PolicyDocument, PolicyElement } from '../../parser/policyParser';
import type { PolicyLocation } from '../../workspace/apiopsLayout';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface ValidationSettings {
  /** How a section without `<base />` at a non-global scope is reported. */
  missingBase: 'off' | 'information' | 'warning';
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
}

export interface RuleContext {
  doc: PolicyDocument;
  catalog: Catalog;
  roleOf(el: PolicyElement): ElementRole;
  location: PolicyLocation | undefined;
  settings: ValidationSettings;
  report(f: Finding): void;
}

/** A rule sees every element once (top-down) and the document once. */
export interface Rule {
  /** The codes this rule may report (documented in the README's rule table). */
  codes: readonly string[];
  checkDocument?(ctx: RuleContext): void;
  checkElement?(el: PolicyElement, role: ElementRole, ctx: RuleContext): void;
}
