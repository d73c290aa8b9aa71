/**
 * What the flow cross-check of one policy finds, as plain data: for each
 * `authentication-managed-identity`, the flow its request goes to, the token APIM would get
 * (predicted, never a real one) and the trigger's checks with the verdict. The agent tools
 * (`apim_simulate_flow`) answer with it; the CodeLens and the Flows view say the same in one line.
 */
import type { PolicyDocument } from '../parser/policyParser';
import type { PolicyFlowAnalysis } from '../workspace/flowLinks';
import type { Check, Verdict } from '../auth/types';
import { FLOW_TYPE_LABEL, flowMode } from '../auth/platforms';
import { positionIn } from '../utils/positions';
import { lensTitle } from './policyCodeLens';

export interface SimulatedCheck {
  id: string;
  title: string;
  status: Check['status'];
  outcome?: string;
  expected?: string;
  actual?: string;
  detail?: string;
  platformError?: Check['platformError'];
}

export interface PolicyFlowSimulation {
  /** 0-based line and character of the `authentication-managed-identity` element. */
  line: number;
  character: number;
  /** The CodeLens's one line: flow, mode, verdict and the first failing check. */
  summary: string;
  resource?: string;
  clientId?: string;
  /** The URL the request goes to (named values resolved), when known. */
  url?: string;
  /** The flow of apim-flows.json the request is linked to, or the platform the URL alone shows. */
  flow?: { name: string; type: string; mode: string; configUri?: string; linkedBy?: 'url' | 'glob' | 'reference' };
  /** The claims APIM's token would have, predicted from the resource, client-id and the config. */
  predictedToken?: { header: Record<string, unknown>; payload: Record<string, unknown>; notes: string[] };
  verdict: Verdict | 'not checked';
  checks: SimulatedCheck[];
  unknownReasons?: string[];
}

function simulatedCheck(c: Check): SimulatedCheck {
  return { id: c.id, title: c.title, status: c.status, outcome: c.outcome, expected: c.expected, actual: c.actual, detail: c.detail, platformError: c.platformError };
}

export function simulatePolicyFlows(doc: PolicyDocument, analysis: PolicyFlowAnalysis): PolicyFlowSimulation[] {
  return analysis.uses.map(use => {
    const at = positionIn(doc.text, use.element.start);
    const linked = use.link?.flow;
    const flow = linked ?? use.platform?.flow;
    const result = use.result;
    const checks = result?.checks ?? use.platform?.checks ?? [];
    const verdict: PolicyFlowSimulation['verdict'] = use.outputVariable && !use.tokenSentFromVariable ? 'unknown' : result?.verdict ?? 'not checked';
    return {
      line: at.line,
      character: at.character,
      summary: lensTitle(use),
      resource: use.resourceValue ?? use.resource?.value,
      clientId: use.clientId?.value,
      url: use.target?.url,
      flow: flow && {
        name: flow.name, type: FLOW_TYPE_LABEL[flow.type], mode: flowMode(flow),
        configUri: use.link?.entry.uri, linkedBy: use.link?.by,
      },
      predictedToken: use.prediction && { header: use.prediction.claims.header, payload: use.prediction.claims.payload, notes: use.prediction.notes },
      verdict,
      checks: checks.filter(c => c.id !== 'result').map(simulatedCheck),
      unknownReasons: result?.unknownReasons,
    };
  });
}
