/** The nodes of the "Flows" view, apart from how VS Code draws them (no vscode import). */
import type { FlowPolicyLink, FlowSummary } from '../../../common/protocol';
import { settle } from '../serverAnswer';

export type FlowNode =
  | { kind: 'flow'; flow: FlowSummary }
  | { kind: 'policy'; link: FlowPolicyLink }
  | { kind: 'empty'; text: string; offerConfig?: boolean }
  | { kind: 'error'; text: string; reason: string };

/** The top level: the flows, "no config" when there are none, or why they could not be listed. */
export async function rootNodes(list: () => Promise<FlowSummary[]>, log: (line: string) => void): Promise<FlowNode[]> {
  const answer = await settle(list, 'Flows view: listing the flows', log);
  if (!answer.ok) return [{ kind: 'error', text: 'The flows could not be listed', reason: answer.reason }];
  return answer.value.length ? answer.value.map(flow => ({ kind: 'flow', flow })) : [{ kind: 'empty', text: 'No apim-flows.json in this workspace', offerConfig: true }];
}

export function childNodes(node: FlowNode): FlowNode[] {
  if (node.kind !== 'flow') return [];
  return node.flow.policies.length
    ? node.flow.policies.map(link => ({ kind: 'policy', link }))
    : [{ kind: 'empty', text: 'no policy is linked to this flow' }];
}
