/**
 * The flows of the workspace's apim-flows.json files, each with the policies linked to it and the
 * trigger's verdict on their managed-identity token (the "Flows" view).
 */
import type { Catalog } from '../catalog';
import { analyzePolicyFlows } from '../workspace/flowLinks';
import { flowFileText, type WorkspaceIndex } from '../workspace/workspaceIndex';
import type { FlowSummary } from '../../../../common/protocol';
import { positionIn } from '../utils/positions';
import { lensTitle } from './policyCodeLens';
import { FLOW_TYPE_LABEL, flowMode } from '../auth/platforms';

export function listFlows(ws: WorkspaceIndex, catalog: Catalog): FlowSummary[] {
  const steps = listFlowsInSteps(ws, catalog);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same list, computed one policy a step: across a big workspace it takes seconds, and a host
 * that must stay responsive (the LSP server) pauses between steps to answer other requests.
 */
export function* listFlowsInSteps(ws: WorkspaceIndex, catalog: Catalog): Generator<void, FlowSummary[], void> {
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
  if (out.length === 0) return out;
  for (const policy of ws.policies()) {
    yield;
    const doc = ws.parsedPolicy(policy.uri);
    if (!doc) continue;
    for (const use of analyzePolicyFlows(policy.uri, doc, ws, { catalog }).uses) {
      if (!use.link) continue;
      const summary = byFlow.get(`${use.link.entry.uri}#${use.link.flow.name}`);
      summary?.policies.push({
        uri: policy.uri,
        line: positionIn(doc.text, use.element.start).line,
        verdict: use.outputVariable && !use.tokenSentFromVariable ? 'unknown' : use.result?.verdict ?? 'not checked',
        title: lensTitle(use),
      });
    }
  }
  return out;
}
