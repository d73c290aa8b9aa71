/**
 * The flows of the workspace's apim-flows.json files, each with the policies linked to it and the
 * trigger's verdict on their managed-identity token (the "Flows" view).
 */
import type { PolicyDocument } from '../parser/policyParser';
import type { ManagedIdentityUse, PolicyFlowAnalysis } from '../workspace/flowLinks';
import { locatePolicy } from '../workspace/apiopsLayout';
import { flowFileText, type WorkspaceIndex } from '../workspace/workspaceIndex';
import type { FlowSummary } from '../../../../common/protocol';
import { positionIn } from '../utils/positions';
import { lensTitle } from './policyCodeLens';
import { FLOW_TYPE_LABEL, flowMode } from '../auth/platforms';

export interface ListFlowsOptions {
  /**
   * False: the flows' names, types and places only, without analysing any policy (what a flow
   * picker needs). True by default.
   */
  verdicts?: boolean;
}

/** The flow analysis of a policy, as the language service memoises it. */
export type AnalyzeFlows = (uri: string, doc: PolicyDocument) => PolicyFlowAnalysis;

/**
 * The list, computed one policy a step: across a big workspace it takes seconds, and a host
 * that must stay responsive (the LSP server) pauses between steps to answer other requests.
 */
export function* listFlowsInSteps(ws: WorkspaceIndex, analyze: AnalyzeFlows, options: ListFlowsOptions = {}): Generator<void, FlowSummary[], void> {
  const out: FlowSummary[] = [];
  const byFlow = new Map<string, FlowSummary>();
  for (const entry of ws.flowConfigs()) {
    for (const flow of Object.values(entry.config.flows)) {
      const r = flow.range;
      const text = r && flowFileText(entry, r.uri);
      const summary: FlowSummary = {
        name: flow.name, type: flow.type, description: `${FLOW_TYPE_LABEL[flow.type]}, ${flowMode(flow)}`,
        configUri: entry.uri, url: flow.url, policies: [],
        location: r && text !== undefined ? { uri: r.uri, ...positionIn(text, r.start) } : undefined,
      };
      out.push(summary);
      byFlow.set(`${entry.uri}#${flow.name}`, summary);
    }
  }
  if (out.length === 0 || options.verdicts === false) return out;
  for (const policy of ws.policies()) {
    yield;
    const doc = ws.parsedPolicy(policy.uri);
    if (!doc) continue;
    for (const use of analyze(policy.uri, doc).uses) {
      if (!use.link) continue;
      const summary = byFlow.get(`${use.link.entry.uri}#${use.link.flow.name}`);
      summary?.policies.push({
        uri: policy.uri,
        line: positionIn(doc.text, use.element.start).line,
        verdict: use.outputVariable && !use.tokenSentFromVariable ? 'unknown' : use.result?.verdict ?? 'not checked',
        title: lensTitle(use),
        label: policyLabel(ws, policy.uri),
        reason: rejection(use),
      });
    }
  }
  return out;
}

/**
 * Where a policy applies, named as people know it: the API's and operation's display names from
 * apiInformation.json / operationInformation.json, else their folder names.
 */
export function policyLabel(ws: WorkspaceIndex, uri: string): string {
  const at = locatePolicy(uri, () => true);
  const folder = uri.substring(0, uri.lastIndexOf('/'));
  const parent = (u: string, levels: number) => u.split('/').slice(0, -levels).join('/');
  const ws0 = at?.workspace ? `${at.workspace}: ` : '';
  switch (at?.scope) {
    case 'operation': {
      const api = ws.displayNameOf(`${parent(folder, 2)}/policy.xml`) ?? at.api;
      return `${ws0}${api} › ${ws.displayNameOf(uri) ?? at.operation}`;
    }
    case 'api':
      return `${ws0}${ws.displayNameOf(uri) ?? at.api}`;
    case 'product':
      return `${ws0}product ${at.product}`;
    case 'fragment':
      return `${ws0}fragment ${at.fragment}`;
    case 'workspace':
      return `workspace ${at.workspace}`;
    case 'global':
      return 'global policy';
    default:
      return decodeURIComponent(uri.substring(uri.lastIndexOf('/') + 1));
  }
}

/** The first failing check of a rejected call, with what the trigger answers. */
function rejection(use: ManagedIdentityUse): string | undefined {
  if (use.result?.verdict !== 'rejected') return undefined;
  const failed = use.result.checks.find(c => c.status === 'fail' && c.id !== 'result');
  if (!failed) return undefined;
  const answer = failed.platformError ? ` → ${failed.platformError.status} ${failed.platformError.code}` : '';
  return `${failed.outcome ?? failed.title}${failed.actual !== undefined ? ` (found ${failed.actual})` : ''}${answer}`;
}
