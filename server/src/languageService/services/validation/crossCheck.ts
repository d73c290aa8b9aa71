import type { Check, FlowConfig } from '../../auth/types';
import type { PlatformFacts } from '../../auth/platformFacts';
import { describeFlow, nearestConfigUri, newConfigUri, type FlowDescription } from '../flowScaffold';
import { fixFor } from '../../auth/inspect';
import { FLOW_TYPE_LABEL, platformOf } from '../../auth/platforms';
import type { PolicyElement } from '../../parser/policyParser';
import type { AffectedRequest, FlowLink, ManagedIdentityUse, PlacedValue, RequestTarget } from '../../workspace/flowLinks';
import type { Finding, Rule, RuleContext, Severity } from './types';
import { chosenSeverity, UNCONFIRMED_CODE } from '../ruleSeverity';
import { positionIn } from '../../utils/positions';
import { flowFileText } from '../../workspace/workspaceIndex';
import { callerIdMixups } from '../callerIdMixups';

/**
 * Data a quick fix or the client needs from a cross-check diagnostic. A type alias, not an
 * interface: it then fits `Finding['data']` (an index signature) without a cast.
 */
export type CrossCheckData = {
  flow: string;
  configUri: string;
  checkId: string;
  expected?: string;
  actual?: string;
  /** The principal (object) ID of the identity APIM uses, when the config knows it. */
  principalId?: string;
  /** For `flow-describe`: the flow entry the quick fix writes into `configUri`. */
  description?: FlowDescription;
  /** For SAS findings: where the URL is written, and its text as written there. */
  url?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; raw: string };
  /** The codes of the UNCONFIRMED notes this diagnostic carries (one, or several grouped). */
  unconfirmed?: string[];
};

/** An UNCONFIRMED note of one call, before the notes of that call are grouped. */
interface Note {
  finding: Finding & { data: CrossCheckData };
  check: Check;
}

/**
 * Checks whose notes stay on their own: they sit on the value to change and carry a quick fix
 * (an audience that differs only in case, a caller allowed by e-mail).
 */
const OWN_PLACE = new Set(['audience', 'caller', 'sas-and-bearer']);

function isNote(check: Check, severity: Severity): boolean {
  return severity === 'information' && check.heuristic === true && !OWN_PLACE.has(check.id);
}

/** One point of a grouped note: what is uncertain and why, without the flow's name again. */
function notePoint(check: Check): string {
  const values = [check.expected !== undefined ? `expected ${check.expected}` : '', check.actual !== undefined ? `found ${check.actual}` : ''].filter(Boolean).join(', ');
  // the group's head says "UNCONFIRMED" and "test this call once" for all of them
  const detail = check.detail?.replace(/^UNCONFIRMED: /, '').replace(/ Test the call once\.$/, '');
  return `${capitalise(check.outcome ?? check.title)}${values ? ` (${values})` : ''}${detail ? `: ${detail.replace(/\.$/, '')}` : ''}`;
}

/**
 * The UNCONFIRMED notes of one call as one diagnostic: a correct call carries at most one. A
 * note whose code the user gave another severity stays on its own (and `off` drops it); a single
 * note keeps its code, several share `flow-unconfirmed` on the identity's element.
 */
function reportNotes(ctx: RuleContext, notes: Note[], element: PolicyElement, flow: string, data: CrossCheckData): void {
  const grouped: Note[] = [];
  for (const n of notes) {
    const chosen = chosenSeverity(ctx.settings.rules, n.finding.code);
    if (chosen === 'off') continue;
    if (chosen !== undefined && chosen !== 'information') ctx.report(n.finding);
    else grouped.push(n);
  }
  if (grouped.length === 1) {
    ctx.report({ ...grouped[0].finding, data: { ...grouped[0].finding.data, unconfirmed: [grouped[0].finding.code] } });
    return;
  }
  if (grouped.length === 0) return;
  const points = grouped.map((n, i) => `(${i + 1}) ${notePoint(n.check)}`).join('; ');
  ctx.report({
    ...elementName(element), severity: 'information', code: UNCONFIRMED_CODE,
    message: `Test this call once: ${grouped.length} points about ${flow} are UNCONFIRMED, though no check fails. ${points}.`,
    related: grouped[0].finding.related,
    data: { ...data, checkId: 'unconfirmed', unconfirmed: grouped.map(n => n.finding.code) },
  });
}

function severityOf(check: Check): Severity | undefined {
  if (check.status === 'fail') return check.heuristic ? 'information' : 'error';
  if (check.status === 'warn') return check.heuristic ? 'information' : 'warning';
  return undefined;
}

/** What to change: the inspector's sentence for the check, or the one-character fix when that is all. */
function fixOf(flow: FlowConfig, check: Check, payload: Record<string, unknown>): string | undefined {
  if (check.id === 'audience' && check.expected && check.actual !== undefined && check.actual + '/' === check.expected) {
    return `Add the trailing slash: ${check.expected}`;
  }
  return fixFor(check, flow, payload);
}

/**
 * The message of a failing check, the fix first: the Problems panel cuts long messages off, so
 * the words that survive are what to change and what the trigger answers; then what is wrong,
 * the values compared, and why.
 */
function describeCheck(flowConfig: FlowConfig, check: Check, payload: Record<string, unknown>, flow = `${flowConfig.name} (${FLOW_TYPE_LABEL[flowConfig.type]})`): string {
  const e = check.platformError;
  const answer = e ? `${flow} answers ${e.status} ${e.code}${e.confirmed ? '' : ' (status or text UNCONFIRMED)'}` : flow;
  const fix = fixOf(flowConfig, check, payload)?.replace(/\.$/, '');
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
  const where = r.uri !== link.entry.uri ? 'its definition' : link.by === 'reference' ? 'this template' : 'apim-flows.json';
  return [{ uri: r.uri, start: r.start, end: r.end, message: `flow '${link.flow.name}' in ${where}`, text }];
}

/** At most this many requests are named in a finding's related information. */
const MAX_AFFECTED = 20;

function requestName(a: AffectedRequest): string {
  const l = a.location;
  const what = l?.scope === 'operation' ? `operation '${l.operation}' of API '${l.api}'`
    : l?.scope === 'api' ? `API '${l?.api}' (its operations without a policy of their own)`
    : l?.scope ?? 'this policy';
  return a.product !== undefined ? `${what}, through product '${a.product}'` : what;
}

/**
 * The requests an identity of a broader level (global, product, API) is judged for: each
 * operation or API whose chain runs it and reaches this flow.
 */
function affectedRelated(use: ManagedIdentityUse, flow: string): NonNullable<Finding['related']> {
  const affects = use.affects ?? [];
  const more = affects.length > MAX_AFFECTED ? ` (and ${affects.length - MAX_AFFECTED} more requests)` : '';
  return affects.slice(0, MAX_AFFECTED).map((a, i) => ({
    uri: a.uri, start: 0, end: 0,
    message: `runs for ${requestName(a)}, whose request goes to ${flow}${i === MAX_AFFECTED - 1 ? more : ''}`,
  }));
}

function mixupRelated(link: FlowLink, checkId: string): NonNullable<Finding['related']> {
  return callerIdMixups(link.entry)
    .filter(m => m.flow === link.flow.name && m.checks.includes(checkId))
    .map(m => ({ uri: m.uri, start: m.start, end: m.end, message: `the ${m.compares === 'principal' ? 'client ID' : 'principal ID'} of '${m.identity}' in the callers of '${m.flow}'${m.replacement ? `: replace it with ${m.replacement}` : ''}`, text: flowFileText(link.entry, m.uri) }));
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
  const notes: Note[] = [];
  for (const check of use.result.checks) {
    const severity = severityOf(check);
    if (!severity || check.id === 'result') continue;
    let place: { start: number; end: number };
    // where the flow's list holds the identity's other ID: the place to fix it
    let related = [...mixupRelated(link, check.id), ...(flowRelated(link) ?? [])];
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
    related = [...related, ...affectedRelated(use, link.flow.name)];
    const finding = { ...place, severity, code: `flow-${check.id}`, message: describeCheck(link.flow, check, use.prediction?.claims.payload ?? {}), related, data };
    if (isNote(check, severity)) notes.push({ finding, check });
    else ctx.report(finding);
  }
  const flowData: CrossCheckData = { flow: link.flow.name, configUri: link.entry.uri, checkId: 'unconfirmed' };
  reportNotes(ctx, notes, use.element, `${link.flow.name} (${FLOW_TYPE_LABEL[link.flow.type]})`, flowData);
}

/** How a trigger recognised only from its URL is named in messages. */
function platformHead(facts: PlatformFacts): string {
  const labels = facts.trigger.types.map(t => FLOW_TYPE_LABEL[t]);
  return `${labels.join(' or ')} trigger ${facts.flow.name} (recognised from the URL; not in apim-flows.json)`;
}

/**
 * A call to a recognised trigger URL that no config describes: the platform-settled checks as
 * themselves, and ONE information that the rest depends on the flow's own settings, with the fix
 * that describes the flow in apim-flows.json.
 */
function reportPlatform(ctx: RuleContext, use: ManagedIdentityUse, facts: PlatformFacts, ws: NonNullable<RuleContext['workspace']>): void {
  const head = platformHead(facts);
  const configUri = nearestConfigUri(ws, ctx.uri) ?? newConfigUri(ws, ctx.uri);
  const notes: Note[] = [];
  for (const check of facts.checks) {
    const severity = severityOf(check);
    if (!severity) continue;
    let place: { start: number; end: number };
    let related: Finding['related'];
    if (check.source === 'resource' && use.resource) place = use.resource;
    else if (check.source === 'url') {
      const p = urlPlace(ctx, use);
      place = p;
      related = p.related;
    } else place = elementName(use.element);
    const data: CrossCheckData = {
      flow: facts.flow.name, configUri, checkId: check.id, expected: check.expected, actual: check.actual,
      url: check.id === 'sas-and-bearer' ? sasFix(use.target) : undefined,
    };
    related = [...(related ?? []), ...affectedRelated(use, facts.flow.name)];
    const finding = { ...place, severity, code: `flow-${check.id}`, message: describeCheck(facts.flow, check, {}, head), related: related.length ? related : undefined, data };
    if (isNote(check, severity)) notes.push({ finding, check });
    else ctx.report(finding);
  }
  reportNotes(ctx, notes, use.element, head, { flow: facts.flow.name, configUri, checkId: 'unconfirmed' });
  const clientId = use.clientId && !/^\s*@[({]/.test(use.clientId.value) ? use.clientId.value.trim() : undefined;
  const ambiguous = facts.trigger.types.length > 1
    ? ' A logic.azure.com workflow URL is a Logic App\'s, or a Power Automate flow\'s made before 2025: the platform decides which checks apply.'
    : '';
  const data: CrossCheckData = { flow: facts.flow.name, configUri, checkId: 'describe', description: describeFlow(facts, clientId) };
  ctx.report({
    ...elementName(use.element), severity: 'information', code: 'flow-describe',
    message: `${head}: who may call it (${dependsOn(facts)}) depends on the flow's own settings, which no apim-flows.json describes, so they are not checked.${ambiguous} Describe this flow in apim-flows.json to check them.`,
    data,
  });
}

/** What a flow's own settings decide (what the zero-config check leaves out). */
function dependsOn(facts: PlatformFacts): string {
  return facts.trigger.types.map(t => platformOf(t).ownSettings).join('; or ');
}

/**
 * The cross-check: every `authentication-managed-identity` against the flow its request goes to
 * (apim-flows.json), and calls to OAuth-protected flows that carry no token.
 */
export const crossCheckRule: Rule = {
  codes: ['flow-*', 'flow-token-not-sent', 'flow-resource-dynamic', 'flow-describe', 'flow-client-token', 'flow-ignore-error'],
  checkDocument(ctx) {
    const ws = ctx.workspace;
    if (!ws) return;
    const analysis = ctx.flowAnalysis();
    if (!analysis) return;
    for (const use of analysis.uses) {
      reportUse(ctx, use);
      if (use.platform) reportPlatform(ctx, use, use.platform, ws);
      const flowName = use.link?.flow.name ?? use.platform?.flow.name;
      if (flowName && use.ignoreError) {
        // The policy's reference: ignore-error="true" lets the pipeline continue when no token is
        // obtained (https://learn.microsoft.com/en-us/azure/api-management/authentication-managed-identity-policy).
        ctx.report({
          ...use.ignoreError, severity: 'warning', code: 'flow-ignore-error',
          message: `ignore-error="true": when APIM gets no token, the request to ${flowName} may go out without one, and an OAuth trigger refuses it (401 DirectApiAuthorizationRequired).`,
        });
      }
      const target = use.link?.flow.name ?? (use.platform && platformHead(use.platform));
      if (target && use.dynamicResource && use.resource) {
        const why = use.resourceRuntime === 'secret' ? 'a secret (or Key Vault) named value'
          : use.resourceRuntime === 'unknown-named-value' ? 'a named value not found in the workspace' : 'a policy expression';
        ctx.report({
          ...use.resource, severity: 'information', code: 'flow-resource-dynamic',
          message: `${target}: resource is ${why}, known only at run time, so the token's audience is not checked.`,
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
      const related = [...p.related, ...(flowRelated(call.link) ?? [])];
      if (call.forwardsClientToken) {
        // Not "no header": the client's own header goes on, and the trigger judges that token.
        const what = call.clientTokenChecks && call.clientTokenChecks.length > 0 ? ` The trigger checks it: ${call.clientTokenChecks.join('; ')}.` : '';
        ctx.report({
          start: p.start, end: p.end, severity: 'warning', code: 'flow-client-token',
          message: `${call.link.flow.name} (${FLOW_TYPE_LABEL[call.link.flow.type]}): no <authentication-managed-identity> sends a token on this request, and no <set-header name="Authorization" exists-action="delete"> removes the incoming one, so the flow receives the client's own token (or none).${what} A client token is rarely issued for that audience: add a managed identity, or remove the header if the call should carry none.`,
          related, data: { flow: call.link.flow.name, configUri: call.link.entry.uri, checkId: 'client-token' } satisfies CrossCheckData,
        });
        continue;
      }
      for (const check of call.result.checks) {
        const severity = severityOf(check);
        if (severity !== 'error' || check.id === 'result') continue;
        const data: CrossCheckData = { flow: call.link.flow.name, configUri: call.link.entry.uri, checkId: check.id };
        ctx.report({
          start: p.start, end: p.end, severity, code: `flow-${check.id}`,
          message: `${describeCheck(call.link.flow, check, {})} No <authentication-managed-identity> sends a token on this request.`,
          related,
          data,
        });
      }
    }
  },
};
