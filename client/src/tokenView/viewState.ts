/**
 * What the Token Inspector shows after a decode, apart from the webview (no vscode import). A
 * server that fails or has stopped is said as such: the flow list's failure is shown next to the
 * flow picker, a failed decode as the view's error; both are logged through `log`.
 */
import type { DecodedToken, DecodeTokenParams, DecodeTokenResult, FlowSummary, InspectedCheck } from '../../../common/protocol';
import { settle } from '../serverAnswer';
import type { CheckCard, Link, Results, ViewState } from './messages';

export interface ViewStateDeps {
  decode(params: DecodeTokenParams): Promise<DecodeTokenResult>;
  listFlows(): Promise<FlowSummary[]>;
  /** The signing-key options from the settings (JWKS file text, or permission to fetch). */
  keyOptions(): Promise<{ jwksText?: string; fetchKeys?: boolean; clockSkewSeconds?: number; note: string; error?: string }>;
  /** A line for the extension's output channel (it redacts tokens). */
  log(line: string): void;
}

/**
 * Decodes `token` against `selectedFlow`. With `guessFlow` (no flow chosen by the user), a flow
 * whose audience and tenant fit the token is chosen, so the first answer is about the flow the
 * token was most likely meant for.
 */
export async function inspectState(deps: ViewStateDeps, token: string | undefined, selectedFlow: string | undefined, guessFlow = false): Promise<{ state: ViewState; result: DecodeTokenResult }> {
  const listed = await settle(() => deps.listFlows(), 'Token Inspector: listing the flows', deps.log);
  const summaries = listed.ok ? listed.value : [];
  const flows = summaries.map(f => f.name);
  // a flow that is gone is unselected; when the list failed, nothing is known to be gone
  let flow = listed.ok && selectedFlow !== undefined && !flows.includes(selectedFlow) ? undefined : selectedFlow;
  const keys = await deps.keyOptions();
  let result: DecodeTokenResult;
  let flowGuessed = false;
  if (keys.error) {
    result = { ok: false, error: keys.error };
  } else if (token === undefined) {
    result = { ok: false, error: 'No token yet.' };
  } else {
    const decode = async (name: string | undefined): Promise<DecodeTokenResult> => {
      const decoded = await settle(
        () => deps.decode({ token, flow: name, jwksText: keys.jwksText, fetchKeys: keys.fetchKeys, clockSkewSeconds: keys.clockSkewSeconds }),
        'Token Inspector: decoding the token', deps.log);
      return decoded.ok ? decoded.value : { ok: false, error: `The language server did not answer: ${decoded.reason}` };
    };
    result = await decode(flow);
    const guess = guessFlow && flow === undefined && result.ok ? result.fittingFlows?.[0] : undefined;
    if (guess !== undefined) {
      const again = await decode(guess);
      if (again.ok) {
        result = again;
        flow = guess;
        flowGuessed = true;
      }
    }
  }
  const state: ViewState = {
    flows, selectedFlow: flow, keysNote: keys.note, flowGuessed,
    flowsError: listed.ok ? undefined : `The flows could not be listed: ${listed.reason}`,
    decoded: result.ok ? result : undefined, error: result.ok ? undefined : result.error,
    results: result.ok ? resultsOf(result, summaries.find(f => f.name === flow)) : undefined,
  };
  return { state, result };
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.split('/').pop() ?? uri);
}

/**
 * Where to make the change a check asks for: the config entry the server names, else, for what
 * the policy decides (the resource, the URL, whether a token is sent), the first policy linked to
 * the flow, else the flow's entry.
 */
function linkOf(check: InspectedCheck, decoded: DecodedToken, flow: FlowSummary | undefined): Link | undefined {
  if (check.location) return { uri: check.location.uri, line: check.location.line, character: check.location.character, label: `${fileName(check.location.uri)}:${check.location.line + 1}, ${check.location.where}` };
  const policy = flow?.policies[0];
  const fromPolicy = check.source === 'resource' || check.source === 'url' || (check.source === 'token' && check.fix !== undefined);
  if (fromPolicy && policy) return { uri: policy.uri, line: policy.line, character: 0, label: `${fileName(policy.uri)}:${policy.line + 1}, the policy that calls ${flow.name}` };
  if (check.source !== 'token' && decoded.flowLocation) {
    const at = decoded.flowLocation;
    return { ...at, label: `${fileName(at.uri)}:${at.line + 1}, the entry of ${decoded.flow ?? 'the flow'}` };
  }
  return undefined;
}

/** The checks, failures first as cards; the `result` row is the verdict, shown above them. */
export function resultsOf(decoded: DecodedToken, flow: FlowSummary | undefined): Results {
  const checks = decoded.checks.filter(c => c.id !== 'result');
  const cards: CheckCard[] = [];
  for (const c of checks) {
    if (c.status !== 'fail' && c.status !== 'warn') continue;
    const pe = c.platformError;
    cards.push({
      id: c.id, status: c.status, title: c.title, outcome: c.outcome ?? c.detail,
      expected: c.expected, actual: c.actual, fix: c.fix, heuristic: c.heuristic === true,
      platformError: pe ? `${pe.status} ${pe.code}: ${pe.message}${pe.confirmed ? '' : ' (unconfirmed)'}` : undefined,
      link: linkOf(c, decoded, flow),
    });
  }
  // a real failure before a warning: the first card is the reason for the verdict
  cards.sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  return {
    cards,
    passed: checks.filter(c => c.status === 'pass').map(c => c.title),
    skipped: checks.filter(c => c.status === 'skip').map(c => ({ title: c.title, why: c.detail })),
  };
}
