/**
 * The sidebar and the Flows view when the language server fails or has stopped: the real reason
 * is shown and logged, not "No apim-flows.json in this workspace" (the old `.catch(() => [])`).
 * These are the views' pure parts (no vscode import).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DecodeTokenResult, FlowSummary } from '../../common/protocol';
import { rootNodes } from '../../client/src/flowsView/flowNodes';
import { failureReason } from '../../client/src/serverAnswer';
import { inspectState, type ViewStateDeps } from '../../client/src/tokenView/viewState';

const STOPPED = new Error('Client is not running and can\'t be stopped. It\'s current state is: stopped');
const FLOW: FlowSummary = { name: 'intake', type: 'powerAutomate', description: 'Power Automate, tenant', configUri: 'file:///w/apim-flows.json', policies: [] };
const DECODED: DecodeTokenResult = {
  ok: true, header: {}, payload: {}, headerClaims: [], payloadClaims: [], version: '1.0', versionNote: '', appOnly: true,
  verdict: 'unknown', checks: [],
};

test('Flows view: a failed list is an error node with the reason, logged; an empty one still says there is no config', async () => {
  const log: string[] = [];
  const failed = await rootNodes(() => Promise.reject(STOPPED), l => log.push(l));
  assert.deepEqual(failed, [{ kind: 'error', text: 'The flows could not be listed', reason: STOPPED.message }]);
  assert.deepEqual(log, [`Flows view: listing the flows failed: ${STOPPED.message}`]);
  assert.deepEqual(await rootNodes(async () => [], l => log.push(l)), [{ kind: 'empty', text: 'No apim-flows.json in this workspace' }]);
  assert.deepEqual(await rootNodes(async () => [FLOW], l => log.push(l)), [{ kind: 'flow', flow: FLOW }]);
  assert.equal(log.length, 1);
});

function deps(overrides: Partial<ViewStateDeps>, log: string[]): ViewStateDeps {
  return {
    decode: async () => DECODED,
    listFlowNames: async () => ['intake'],
    keyOptions: async () => ({ note: 'Signature not checked.' }),
    log: line => log.push(line),
    ...overrides,
  };
}

test('Token Inspector: a failed flow list is said next to the picker and logged; the decode still runs and the chosen flow is kept', async () => {
  const log: string[] = [];
  const decoded: string[] = [];
  const { state, result } = await inspectState(deps({
    listFlowNames: () => Promise.reject(STOPPED),
    decode: async p => { decoded.push(p.flow ?? '(none)'); return DECODED; },
  }, log), 'a.b.c', 'intake');
  assert.equal(state.flowsError, `The flows could not be listed: ${STOPPED.message}`);
  assert.deepEqual(state.flows, []);
  assert.equal(state.selectedFlow, 'intake');
  assert.deepEqual(decoded, ['intake']);
  assert.ok(result.ok);
  assert.deepEqual(log, [`Token Inspector: listing the flows failed: ${STOPPED.message}`]);
});

test('Token Inspector: a decode the server does not answer is the view\'s error, logged without the token', async () => {
  const log: string[] = [];
  const { state, result } = await inspectState(deps({ decode: () => Promise.reject(new Error('Pending response rejected since connection got disposed')) }, log), 'secret.token.value', 'gone');
  assert.deepEqual(result, { ok: false, error: 'The language server did not answer: Pending response rejected since connection got disposed' });
  assert.equal(state.error, result.ok ? undefined : result.error);
  assert.equal(state.flowsError, undefined);
  // the listed flows no longer have "gone": it is unselected
  assert.equal(state.selectedFlow, undefined);
  assert.equal(log.length, 1);
  assert.ok(!log[0].includes('secret.token.value'));
});

test('a failure reason is one line, whatever was thrown', () => {
  assert.equal(failureReason(new Error('first\n    at stack')), 'first');
  assert.equal(failureReason('plain'), 'plain');
  assert.equal(failureReason({ code: -32097 }), '{"code":-32097}');
  assert.equal(failureReason(new Error('')), 'unknown error');
});
