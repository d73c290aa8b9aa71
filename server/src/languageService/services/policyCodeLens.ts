/**
 * A CodeLens above each `authentication-managed-identity`: the flow its request goes to and the
 * trigger's verdict on the token APIM would get; and one on `<policies>` that opens the effective
 * policy.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ManagedIdentityUse, PolicyFlowAnalysis } from '../workspace/flowLinks';
import { flowFileText } from '../workspace/workspaceIndex';
import { FLOW_TYPE_LABEL, flowMode } from '../auth/platforms';
import { positionIn } from '../utils/positions';
import { Commands } from '../../../../common/commands';
import type { PolicyDocument } from '../parser/policyParser';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { effectiveLevels } from './effectivePolicy';


export function lensTitle(use: ManagedIdentityUse): string {
  if (!use.link) {
    return use.target?.url === undefined && use.target
      ? 'Flow check: the request URL is known only at run time'
      : 'Flow check: not linked to a flow of apim-flows.json';
  }
  const { flow } = use.link;
  const head = `${flow.name} (${FLOW_TYPE_LABEL[flow.type]}, ${flowMode(flow)})`;
  if (use.dynamicResource) return `${head}: resource known only at run time`;
  if (use.outputVariable && !use.tokenSentFromVariable) return `${head}: unknown: the token goes into '${use.outputVariable.value}' and no Authorization header uses it`;
  const result = use.result;
  if (!result) return head;
  if (result.verdict === 'accepted') return `${head}: accepted`;
  if (result.verdict === 'rejected') {
    const failed = result.checks.find(c => c.status === 'fail' && c.id !== 'result');
    const code = failed?.platformError ? ` → ${failed.platformError.code}` : '';
    return `${head}: rejected: ${failed ? `${failed.outcome ?? failed.title}${failed.actual !== undefined ? ` (${failed.actual})` : ''}` : 'see Problems'}${code}`;
  }
  const reason = result.unknownReasons?.[0];
  return `${head}: unknown${reason ? `: ${reason}` : ''}`;
}

export function getCodeLenses(document: TextDocument, analysis: PolicyFlowAnalysis): CodeLens[] {
  return analysis.uses.map(use => {
    const at = document.positionAt(use.element.start);
    const flowRange = use.link?.flow.range;
    const flowText = flowRange && flowFileText(use.link!.entry, flowRange.uri);
    return {
      range: { start: at, end: document.positionAt(use.element.nameEnd) },
      // clicking shows the flow's entry in apim-flows.json (or its definition)
      command: flowRange && flowText !== undefined
        ? { title: lensTitle(use), command: Commands.revealFlow, arguments: [flowRange.uri, positionIn(flowText, flowRange.start)] }
        : { title: lensTitle(use), command: '' },
    };
  });
}

const SCOPE_LABEL: Record<string, string> = { global: 'global', workspace: 'workspace', product: 'product', api: 'API', operation: 'operation' };

/**
 * A CodeLens on `<policies>` of an operation, API or product policy: the levels that run for it
 * (global → product → API → operation) and a click that opens the composed policy.
 */
export function effectivePolicyLens(document: TextDocument, doc: PolicyDocument, ws: WorkspaceIndex): CodeLens | undefined {
  const scope = ws.policyEntry(document.uri)?.location?.scope;
  if (scope !== 'operation' && scope !== 'api' && scope !== 'product' && scope !== 'workspace') return undefined;
  const root = doc.roots.find(r => r.name === 'policies');
  const chain = root && effectiveLevels(document.uri, ws);
  if (!root || !chain) return undefined;
  const levels = chain.levels.map(l => SCOPE_LABEL[l.scope] ?? l.scope).join(' → ');
  const products = chain.products.length > 1 ? ` (${chain.products.length} products)` : '';
  return {
    range: { start: document.positionAt(root.start), end: document.positionAt(root.nameEnd) },
    command: { title: `Effective policy: ${levels}${products}`, command: Commands.showEffectivePolicy, arguments: [document.uri] },
  };
}
