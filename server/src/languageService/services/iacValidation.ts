/**
 * Diagnostics for policies embedded in IaC files, in the host file: each extracted policy is
 * validated with its resource's scope and every finding is mapped back through the escape-aware
 * offset map. Findings that touch a deploy-time hole are dropped: a hole is never an error.
 */
import type { PolicyDocument } from '../parser/policyParser';
import type { Finding } from './validation';
import type { PolicyLocation } from '../workspace/apiopsLayout';
import {
  iacHostKind, isLinkFormat, readIacFile, templateDefinitions, type EmbeddedPolicy, type IacFileModel, type MappedText, type TemplateDefinitions,
} from '../workspace/iac';

/** Validates one policy text (the service's parse and rules); the host of this module supplies it. */
export type CheckPolicy = (text: string, location: PolicyLocation | undefined) => { findings: Finding[]; doc: PolicyDocument };

export const IAC_CODES = ['iac-xml-format-not-strict', 'iac-policy-link', 'iac-policy-computed', 'iac-policy-placeholder', 'iac-logic-app-not-linked'] as const;

/**
 * Findings in host-file offsets for every policy the IaC file holds (none when it is not one),
 * checked by `checkWith` given what the file defines (named values, backends, fragments, Logic Apps).
 */
export function validateHostText(uri: string, text: string, checkWith: (defined: TemplateDefinitions) => CheckPolicy): Finding[] {
  const kind = iacHostKind(uri, text);
  if (!kind) return [];
  const model = readIacFile(kind, text);
  const check = checkWith(templateDefinitions(uri, text, model));
  const out: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Finding) => {
    const key = `${f.start}:${f.end}:${f.code}:${f.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  };
  for (const policy of model.policies) {
    for (const f of validateEmbedded(uri, text, policy, check)) add(f);
  }
  for (const f of unlinkedLogicApps(model)) add(f);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A Logic App of the file that no backend or named value of it is computed from, when a policy of
 * the file sends a managed identity token: its OAuth policies are not checked against any call,
 * which the user should know (a URL built another way, or in another file, is not followed).
 */
function unlinkedLogicApps(model: IacFileModel): Finding[] {
  if (model.logicApps.length === 0) return [];
  const tokens = model.policies.some(p => p.value.kind === 'text' && p.value.text.text.includes('authentication-managed-identity'));
  if (!tokens) return [];
  const linked = new Set([...model.backends, ...model.namedValues].map(x => x.workflow));
  return model.logicApps.filter(app => !linked.has(app.key)).map(app => ({
    start: app.start, end: app.end, severity: 'information' as const, code: 'iac-logic-app-not-linked',
    message: `Logic App '${app.name ?? app.key}': no backend or named value of this file is computed from its callback URL (listCallbackUrl, its name or resource id), so the calls the policies make are not linked to it and its OAuth policies are not checked against them.`,
  }));
}

function validateEmbedded(uri: string, host: string, policy: EmbeddedPolicy, check: CheckPolicy): Finding[] {
  const at = { start: policy.valueStart, end: policy.valueEnd };
  if (isLinkFormat(policy.format)) {
    return [{ ...at, severity: 'information', code: 'iac-policy-link', message: `With format '${policy.format}' the value is a URL APIM fetches the policy from at deploy time: it is not checked here.` }];
  }
  const value = policy.value;
  if (value.kind === 'file') return [];
  if (value.kind === 'computed') {
    return [{ ...at, severity: 'information', code: 'iac-policy-computed', message: 'This policy value is computed at deploy time: it is not checked here.' }];
  }
  // a blank value (an empty parameter default) stands for "no policy here"
  if (value.text.text.trim() === '') return [];
  return validateMapped(uri, host, value.text, policy.scope ? { scope: policy.scope } : undefined, policy.format, check);
}

/**
 * Validates mapped text (an inline value, or a template file with holes) and maps the findings to
 * the host. `format` decides whether the strict-XML check applies.
 */
export function validateMapped(uri: string, host: string, mapped: MappedText, location: PolicyLocation | undefined, format: string | undefined, check: CheckPolicy): Finding[] {
  const { findings, doc } = check(mapped.text, location);
  const out: Finding[] = [];
  const inHole = (s: number, e: number) => mapped.holes.some(h => (s < h.end && h.start < e) || (s === e && h.start <= s && s <= h.end));
  const toHost = (s: number, e: number) => {
    const n = mapped.text.length;
    if (n === 0) return { start: 0, end: 0 };
    const start = s < n ? mapped.starts[s] : mapped.ends[n - 1];
    const end = e > s ? mapped.ends[Math.min(e, n) - 1] : start;
    return { start, end: Math.max(start, end) };
  };
  // an element with a hole inside may get its children or attributes there at deploy time, so
  // what is missing or misplaced in it is not known: nothing is said rather than a false error
  const holeInElementAt = (offset: number) => {
    const el = doc.findElementAt(offset);
    return el !== undefined && mapped.holes.some(h => el.start <= h.start && h.end <= el.end);
  };
  for (const f of [...findings, ...strictXmlFindings(doc, format)]) {
    if (inHole(f.start, f.end)) continue;
    if (mapped.holes.length > 0 && (f.severity === 'error' || f.severity === 'warning') && holeInElementAt(f.start)) continue;
    const related = f.related?.map(r => (r.uri === uri && r.text === undefined ? { ...r, ...toHost(r.start, r.end), text: host } : r));
    out.push({ ...f, ...toHost(f.start, f.end), related });
  }
  if (mapped.holes.length > 0) {
    const first = toHost(mapped.holes[0].start, mapped.holes[0].end);
    const n = mapped.holes.length;
    out.push({
      ...first, severity: 'information', code: 'iac-policy-placeholder',
      message: `${n === 1 ? 'One part' : `${n} parts`} of this policy ${n === 1 ? 'is' : 'are'} computed at deploy time (interpolation or expression): checked as a placeholder.`,
    });
  }
  return out;
}

const ENTITY = /^&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);/;

/**
 * With `format: 'xml'` APIM parses the value as strict XML: a raw quote (of the attribute's own
 * kind), `<` or `&` inside an expression makes the document malformed and the deployment fails.
 * Written `xml` is an error; no format at all (the service default is xml) is a warning, since the
 * template may set it another way.
 */
function strictXmlFindings(doc: PolicyDocument, format: string | undefined): Finding[] {
  if (format !== undefined && format !== 'xml') return [];
  const out: Finding[] = [];
  for (const expr of doc.expressions) {
    if (expr.host === 'cdata') continue;
    const text = doc.text.substring(expr.start, expr.end);
    const quote = expr.host === 'attribute' ? expr.attribute?.quote : undefined;
    let bad = -1;
    for (let i = 0; i < text.length && bad < 0; i++) {
      const c = text[i];
      if (c === '<' || (quote !== undefined && c === quote) || (c === '&' && !ENTITY.test(text.substring(i, i + 12)))) bad = i;
    }
    if (bad < 0) continue;
    const ch = text[bad];
    out.push({
      start: expr.start + bad, end: expr.start + bad + 1,
      severity: format === 'xml' ? 'error' : 'warning', code: 'iac-xml-format-not-strict',
      message: `${format === 'xml' ? "With format 'xml'" : "Without a format (the default is 'xml')"} the policy must be well-formed XML, and this expression holds a raw '${ch}': the deployment fails. Use format 'rawxml', or escape it (${ch === '<' ? '&lt;' : ch === '&' ? '&amp;' : ch === '"' ? '&quot;' : '&apos;'}).`,
    });
  }
  return out;
}
