import type { Check } from '../../auth/types';
import { fixFor } from '../../auth/inspect';
import { FLOW_TYPE_LABEL } from '../../auth/platforms';
import type { PolicyElement } from '../../parser/policyParser';
import { analyzePolicyFlows, type FlowLink, type ManagedIdentityUse, type PlacedValue, type RequestTarget } from '../../workspace/flowLinks';
import type { Finding, Rule, RuleContext, Severity } from './types';
import { positionIn } from '../../utils/positions';
import { flowFileText } from '../../workspace/workspaceIndex';

/** Data a quick fix or the client needs from a cross-check diagnostic. */
export interface CrossCheckData {
  flow: string;
  configUri: string;
  checkId: string;
  expected?: string;
  actual?: string;
  /** The principal (object) ID of the identity APIM uses, when the config knows it. */
  principalId?: string;
  /** For SAS findings: where the URL is written, and its text as written there. */
  url?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; raw: string };
}

function severityOf(check: Check): Severity | undefined {
  if (check.status === 'fail') return check.heuristic ? 'information' : 'error';
  if (check.status === 'warn') return check.heuristic ? 'information' : 'warning';
  return undefined;
}

/** What to change: the inspector's sentence for the check, or the one-character fix when that is all. */
function fixOf(link: FlowLink, check: Check, payload: Record<string, unknown>): string | undefined {
  if (check.id === 'audience' && check.expected && check.actual !== undefined && check.actual + '/' === check.expected) {
    return `Add the trailing slash: ${check.expected}`;
  }
  return fixFor(check, link.flow, payload);
}

/**
 * The message of a failing check, the fix first: the Problems panel cuts long messages off, so
 * the words that survive are what to change and what the trigger answers; then what is wrong,
 * the values compared, and why.
 */
function describeCheck(link: FlowLink, check: Check, payload: Record<string, unknown>): string {
  const flow = `${link.flow.name} (${FLOW_TYPE_LABEL[link.flow.type]})`;
  const e = check.platformError;
  const answer = e ? `${flow} answers ${e.status} ${e.code}${e.confirmed ? '' : ' (status or text UNCONFIRMED)'}` : flow;
  const fix = fixOf(link, check, payload)?.replace(/\.$/, '');
  const what = check.outcome ?? check.title;
  const values = [check.expected !== undefined ? `expected ${check.expected}` : '', check.actual !== undefined ? `found ${check.actual}` : ''].filter(Boolean).join(', ');
  const parts = [fix ? `${fix} — ${answer}. ${capitalise(what)}` : `${capitalise(what)} — ${answer}`];
  if (values) parts.push(` (${values})`);
  parts.push('.');
  const detail = fix ? withoutRepeat(check.detail, fix) : check.detail;
  if (detail) parts.push(` ${detail}`);
  return parts.join('');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.substring(1);
}

/** The detail without its sentences that say the fix again (they start with the fix's first words). */
function withoutRepeat(detail: string | undefined, fix: string): string | undefined {
  if (!detail) return undefined;
  const opening = fix.split(' ').slice(0, 3).join(' ');
  const kept = detail.split(/(?<=\.) (?=[A-Z])/).filter(sentence => !sentence.startsWith(opening));
  return kept.length ? kept.join(' ') : undefined;
}

function flowRelated(link: FlowLink): Finding['related'] {
  const r = link.flow.range;
  if (!r) return undefined;
  const text = flowFileText(link.entry, r.uri);
  return [{ uri: r.uri, start: r.start, end: r.end, message: `flow '${link.flow.name}' in ${r.uri === link.entry.uri ? 'apim-flows.json' : 'its definition'}`, text }];
}

function elementName(el: PolicyElement): { start: number; end: number } {
  return { start: el.start + 1, end: el.nameEnd };
}

/** Where a finding about the request URL goes in this document, and what points elsewhere. */
function urlPlace(ctx: RuleContext, use: { element: PolicyElement; target?: RequestTarget }): { start: number; end: number; related: NonNullable<Finding['related']> } {
  const t = use.target;
  const related: NonNullable<Finding['related']> = [];
  if (t?.backend) related.push({ uri: t.backend.uri, start: t.backend.start, end: t.backend.end, message: 'the backend URL', text: t.backend.text });
  if (t && t.source.uri === ctx.uri) return { start: t.source.start, end: t.source.end, related };
  if (t) related.push({ uri: t.source.uri, start: t.source.start, end: t.source.end, message: `the request URL (${t.via})`, text: t.source.text });
  return { ...elementName(use.element), related };
}

function sasFix(t: RequestTarget | undefined): CrossCheckData['url'] {
  const where: PlacedValue | undefined = t?.via === 'backend-id' ? t.backend : t?.source;
  if (!where) return undefined;
  return {
    uri: where.uri,
    range: { start: positionIn(where.text, where.start), end: positionIn(where.text, where.end) },
    raw: where.text.substring(where.start, where.end),
  };
}

function reportUse(ctx: RuleContext, use: ManagedIdentityUse): void {
  const link = use.link;
  if (!link || !use.result) return;
  for (const check of use.result.checks) {
    const severity = severityOf(check);
    if (!severity || check.id === 'result') continue;
    let place: { start: number; end: number };
    let related = flowRelated(link) ?? [];
    if (check.source === 'resource' && use.resource) place = use.resource;
    else if (check.source === 'client-id') place = use.clientId ?? elementName(use.element);
    else if (check.source === 'url') {
      const p = urlPlace(ctx, use);
      place = p;
      related = [...p.related, ...related];
    } else place = elementName(use.element);
    const data: CrossCheckData = {
      flow: link.flow.name, configUri: link.entry.uri, checkId: check.id, expected: check.expected, actual: check.actual,
      principalId: use.prediction?.identity?.principalId,
      url: check.id === 'sas-and-bearer' ? sasFix(use.target) : undefined,
    };
    ctx.report({ ...place, severity, code: `flow-${check.id}`, message: describeCheck(link, check, use.prediction?.claims.payload ?? {}), related, data: data as unknown as Finding['data'] });
  }
}

/**
 * The cross-check: every `authentication-managed-identity` against the flow its request goes to
 * (apim-flows.json), and calls to OAuth-protected flows that carry no token.
 */
export const crossCheckRule: Rule = {
  codes: ['flow-*', 'flow-token-not-sent', 'flow-resource-dynamic'],
  checkDocument(ctx) {
    const ws = ctx.workspace;
    if (!ws || ws.flowConfigs().length === 0) return;
    const analysis = analyzePolicyFlows(ctx.uri, ctx.doc, ws, { catalog: ctx.catalog });
    for (const use of analysis.uses) {
      reportUse(ctx, use);
      if (use.link && use.dynamicResource && use.resource) {
        ctx.report({
          ...use.resource, severity: 'information', code: 'flow-resource-dynamic',
          message: `${use.link.flow.name}: resource is an expression or a named value, so the token's audience is known only at run time and is not checked.`,
        });
      }
      if (use.link && use.outputVariable && !use.tokenSentFromVariable) {
        ctx.report({
          ...use.outputVariable, severity: 'warning', code: 'flow-token-not-sent',
          message: `The token goes into variable '${use.outputVariable.value}', but no <set-header name="Authorization"> uses it on the way to ${use.link.flow.name}; without the header the trigger answers 401 DirectApiAuthorizationRequired (the docs do not say whether APIM still sets the header itself).`,
          related: flowRelated(use.link),
        });
      }
    }
    for (const call of analysis.unauthenticated) {
      const p = urlPlace(ctx, { element: call.target.element, target: call.target });
      for (const check of call.result.checks) {
        const severity = severityOf(check);
        if (severity !== 'error' || check.id === 'result') continue;
        ctx.report({
          start: p.start, end: p.end, severity, code: `flow-${check.id}`,
          message: `${describeCheck(call.link, check, {})} No <authentication-managed-identity> sends a token on this request.`,
          related: [...p.related, ...(flowRelated(call.link) ?? [])],
          data: { flow: call.link.flow.name, configUri: call.link.entry.uri, checkId: check.id } as unknown as Finding['data'],
        });
      }
    }
  },
};
