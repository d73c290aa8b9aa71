/**
 * Per-rule severity: the user's map from rule code to a severity or `off` (the editor's
 * `apimPolicy.rules` setting, the CLI's `--rule` and `.apim-policy.json`). Applied by the service
 * to every finding it returns, so every host gets the same answer.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Severity } from './validation/types';

export type RuleSeverity = Severity | 'off';
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];
/** Rule code → severity; a code not in the map keeps the severity its rule gives. */
export type RuleSeverities = Readonly<Record<string, RuleSeverity>>;

/**
 * The code of the one diagnostic that carries several UNCONFIRMED notes of one call (a single
 * note keeps its own code); a severity for it applies to every such note, single or grouped.
 */
export const UNCONFIRMED_CODE = 'flow-unconfirmed';

/** The trigger checks the cross-check reports as `flow-<check id>` (the token's own checks never fail on a predicted token). */
const FLOW_CHECK_IDS = [
  'allowed-applications', 'allowed-principals', 'allowed-tenants', 'anyone-with-bearer', 'app-only', 'audience',
  'authorization-required', 'caller', 'caller-emails', 'caller-ip', 'oauth-policy', 'pa-token-version', 'policies', 'policy-issuer',
  'policy-limits', 'require-oid', 'resource-scope', 'roles', 'sas-and-bearer', 'sas-disabled', 'sas-required', 'tenant',
  'token-issuer', 'trigger-mode',
];

/**
 * Every code a diagnostic can carry: the keys `apimPolicy.rules` offers in package.json (a test
 * keeps the two, the rules' declared codes and the README's rule table in step).
 */
export const RULE_CODES: readonly string[] = [
  // the scanner
  'xml-unclosed-element', 'xml-unexpected-end-tag', 'xml-unterminated-attribute-value', 'xml-unterminated-expression',
  'xml-unterminated-comment', 'xml-unterminated-cdata', 'xml-unterminated-pi', 'xml-unterminated-doctype',
  'xml-unexpected-eof', 'xml-invalid-lt', 'xml-unclosed-start-tag', 'xml-unclosed-end-tag', 'xml-missing-end-tag-name',
  'xml-unquoted-attribute-value', 'xml-missing-attribute-value', 'xml-missing-attribute-name', 'xml-duplicate-attribute',
  'xml-unexpected-character', 'xml-multiple-roots', 'xml-text-outside-root', 'xml-misplaced-declaration', 'xml-doctype',
  // expressions
  'expr-unterminated-string', 'expr-unterminated-comment', 'expr-syntax', 'expr-char-literal', 'expr-block-no-return',
  'expr-type-not-allowed', 'expr-unknown-member', 'expr-variable-not-set',
  // the document and its structure
  'document-too-large', 'too-many-problems', 'root-element', 'fragment-scope', 'section-duplicate', 'section-order',
  'section-in-fragment', 'unknown-element', 'element-not-allowed', 'unknown-child-element', 'policy-not-allowed-in-section',
  'forward-request-outside-backend', 'policy-not-allowed-in-scope', 'policy-section-undocumented',
  'missing-required-attribute', 'missing-required-child', 'unknown-attribute', 'invalid-value', 'expression-not-allowed',
  'deploy-placeholder', 'base-in-fragment', 'base-misplaced', 'base-duplicate', 'base-has-content', 'missing-base',
  'unknown-named-value', 'unknown-backend', 'unknown-fragment', 'fragment-policy-not-allowed',
  // the flow cross-check
  ...FLOW_CHECK_IDS.map(id => `flow-${id}`),
  'flow-token-not-sent', 'flow-resource-dynamic', 'flow-describe', 'flow-client-token', 'flow-ignore-error', UNCONFIRMED_CODE,
  // apim-flows.json and the definition files it reads
  'flows-json-syntax', 'flows-duplicate-key', 'flows-not-object', 'flows-invalid-guid', 'flows-invalid-identity-type',
  'flows-invalid-token-version', 'flows-invalid-url', 'flows-invalid-value', 'flows-missing-flow-type', 'flows-no-link',
  'flows-not-applicable', 'flows-resource-no-client-id', 'flows-trigger-unknown', 'flows-unknown-authentication',
  'flows-unknown-cloud', 'flows-unknown-flow-type', 'flows-url-host-mismatch', 'flows-definition-not-found',
  'flows-definition-refused', 'flows-definition-type-mismatch', 'flows-inline-overrides-definition', 'flows-caller-client-id',
  'pa-empty-allowed-callers', 'pa-invalid-caller', 'pa-mode-assumed', 'pa-token-version', 'pa-unknown-authentication', 'pa-url-retired',
  'la-claim-expression', 'la-claim-not-string', 'la-claim-value-too-long', 'la-claim-values', 'la-easy-auth-multitenant',
  'la-invalid-claims', 'la-invalid-iss', 'la-invalid-policies', 'la-missing-iss', 'la-no-access-control', 'la-policy-type',
  'la-standard-no-easy-auth', 'la-too-many-claims', 'la-too-many-policies', 'la-easy-auth-anonymous', 'la-invalid-ip-ranges',
  'la-trigger-conditions', 'la-sas-still-enabled',
  'def-json-syntax', 'def-multiple-triggers', 'def-multiple-workflows', 'def-no-request-trigger', 'def-no-workflow',
  'def-not-object', 'def-unrecognized',
  // infrastructure as code, and the CLI
  'iac-xml-format-not-strict', 'iac-policy-link', 'iac-policy-computed', 'iac-policy-placeholder', 'iac-logic-app-not-linked', 'file-unreadable',
];

const KNOWN = new Set(RULE_CODES);

export interface RuleSeverityReading {
  rules: Record<string, RuleSeverity>;
  /** Codes no rule reports (kept: they do no harm, but they are probably typos). */
  unknownCodes: string[];
  /** Entries that are not a code → severity pair (dropped), one sentence each. */
  invalid: string[];
}

/** Reads an untrusted `{ code: severity }` object; never throws. */
export function readRuleSeverities(raw: unknown): RuleSeverityReading {
  const out: RuleSeverityReading = { rules: {}, unknownCodes: [], invalid: [] };
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    out.invalid.push('the rules must be an object of rule code → severity');
    return out;
  }
  for (const [code, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'string' || !(RULE_SEVERITIES as readonly string[]).includes(value)) {
      out.invalid.push(`'${code}': ${JSON.stringify(value) ?? String(value)} is not one of ${RULE_SEVERITIES.join(', ')}`);
      continue;
    }
    out.rules[code] = value as RuleSeverity;
    if (!KNOWN.has(code)) out.unknownCodes.push(code);
  }
  return out;
}

/** True for a finding or diagnostic that holds UNCONFIRMED notes of the cross-check. */
function isUnconfirmedNote(data: unknown): boolean {
  return !!data && typeof data === 'object' && (data as { unconfirmed?: unknown }).unconfirmed !== undefined;
}

/** The severity the user chose for a finding's code, if any. */
export function chosenSeverity(rules: RuleSeverities | undefined, code: string, data?: unknown): RuleSeverity | undefined {
  if (!rules) return undefined;
  if (Object.prototype.hasOwnProperty.call(rules, code)) return rules[code];
  if (isUnconfirmedNote(data) && Object.prototype.hasOwnProperty.call(rules, UNCONFIRMED_CODE)) return rules[UNCONFIRMED_CODE];
  return undefined;
}

/** The findings with the chosen severities; those turned `off` are left out. */
export function applyToFindings<T extends { code: string; severity: Severity; data?: unknown }>(findings: T[], rules: RuleSeverities | undefined): T[] {
  if (!rules || Object.keys(rules).length === 0) return findings;
  const out: T[] = [];
  for (const f of findings) {
    const chosen = chosenSeverity(rules, f.code, f.data);
    if (chosen === 'off') continue;
    out.push(chosen === undefined || chosen === f.severity ? f : { ...f, severity: chosen });
  }
  return out;
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The same for LSP diagnostics (a code that is not a string is left as it is). */
export function applyToDiagnostics(diagnostics: Diagnostic[], rules: RuleSeverities | undefined): Diagnostic[] {
  if (!rules || Object.keys(rules).length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const chosen = typeof d.code === 'string' ? chosenSeverity(rules, d.code, d.data) : undefined;
    if (chosen === 'off') continue;
    out.push(chosen === undefined ? d : { ...d, severity: LSP_SEVERITY[chosen] });
  }
  return out;
}

/** The name of the CLI's rule config file at a checked folder's root. */
export const RULES_CONFIG_FILE = '.apim-policy.json';

/**
 * Reads the text of a rule config (`{ "rules": { code: severity } }`, comments allowed). Content
 * that cannot be meant (not JSON, not an object, a severity that is none) is an error sentence;
 * an unknown code is not (it is kept and named).
 */
export function parseRulesConfig(text: string): { ok: true; reading: RuleSeverityReading } | { ok: false; error: string } {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const line = text.substring(0, first.offset).split('\n').length;
    return { ok: false, error: `not valid JSON (${printParseErrorCode(first.error)} on line ${line})` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'must be a JSON object such as {"rules": {"flow-app-only": "off"}}' };
  const other = Object.keys(raw).filter(k => k !== 'rules');
  if (other.length > 0) return { ok: false, error: `unknown key${other.length > 1 ? 's' : ''} ${other.map(k => `'${k}'`).join(', ')} (only "rules" is read)` };
  const rules = (raw as { rules?: unknown }).rules;
  if (rules !== undefined && (rules === null || typeof rules !== 'object' || Array.isArray(rules))) return { ok: false, error: '"rules" must be an object of rule code → severity' };
  const reading = readRuleSeverities(rules);
  if (reading.invalid.length > 0) return { ok: false, error: `"rules": ${reading.invalid[0]}` };
  return { ok: true, reading };
}
