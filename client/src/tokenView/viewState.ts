/**
 * What the Token Inspector shows after a decode, apart from the webview (no vscode import). A
 * server that fails or has stopped is said as such: the flow list's failure is shown next to the
 * flow picker, a failed decode as the view's error; both are logged through `log`.
 */
import type { DecodeTokenParams, DecodeTokenResult } from '../../../common/protocol';
import { settle } from '../serverAnswer';
import type { ViewState } from './messages';

export interface ViewStateDeps {
  decode(params: DecodeTokenParams): Promise<DecodeTokenResult>;
  listFlowNames(): Promise<string[]>;
  /** The signing-key options from the settings (JWKS file text, or permission to fetch). */
  keyOptions(): Promise<{ jwksText?: string; fetchKeys?: boolean; clockSkewSeconds?: number; note: string; error?: string }>;
  /** A line for the extension's output channel (it redacts tokens). */
  log(line: string): void;
}

export async function inspectState(deps: ViewStateDeps, token: string | undefined, selectedFlow: string | undefined): Promise<{ state: ViewState; result: DecodeTokenResult }> {
  const listed = await settle(() => deps.listFlowNames(), 'Token Inspector: listing the flows', deps.log);
  const flows = listed.ok ? listed.value : [];
  // a flow that is gone is unselected; when the list failed, nothing is known to be gone
  const flow = listed.ok && selectedFlow !== undefined && !flows.includes(selectedFlow) ? undefined : selectedFlow;
  const keys = await deps.keyOptions();
  let result: DecodeTokenResult;
  if (keys.error) {
    result = { ok: false, error: keys.error };
  } else if (token === undefined) {
    result = { ok: false, error: 'No token yet.' };
  } else {
    const decoded = await settle(
      () => deps.decode({ token, flow, jwksText: keys.jwksText, fetchKeys: keys.fetchKeys, clockSkewSeconds: keys.clockSkewSeconds }),
      'Token Inspector: decoding the token', deps.log);
    result = decoded.ok ? decoded.value : { ok: false, error: `The language server did not answer: ${decoded.reason}` };
  }
  const state: ViewState = {
    flows, selectedFlow: flow, keysNote: keys.note,
    flowsError: listed.ok ? undefined : `The flows could not be listed: ${listed.reason}`,
    decoded: result.ok ? result : undefined, error: result.ok ? undefined : result.error,
  };
  return { state, result };
}
