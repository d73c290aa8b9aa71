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
import { inspectState, resultsOf, type ViewStateDeps } from '../../client/src/tokenView/viewState';
import { flowNameOf, simulationToken } from '../../client/src/commands/tokenSource';
import type { DecodedToken, InspectedCheck } from '../../common/protocol';

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
  assert.deepEqual(await rootNodes(async () => [], l => log.push(l)), [{ kind: 'empty', text: 'No apim-flows.json in this workspace', offerConfig: true }]);
  assert.deepEqual(await rootNodes(async () => [FLOW], l => log.push(l)), [{ kind: 'flow', flow: FLOW }]);
  assert.equal(log.length, 1);
});

function deps(overrides: Partial<ViewStateDeps>, log: string[]): ViewStateDeps {
  return {
    decode: async () => DECODED,
    listFlows: async () => [FLOW],
    keyOptions: async () => ({ note: 'Signature not checked.' }),
    log: line => log.push(line),
    ...overrides,
  };
}

test('Token Inspector: a failed flow list is said next to the picker and logged; the decode still runs and the chosen flow is kept', async () => {
  const log: string[] = [];
  const decoded: string[] = [];
  const { state, result } = await inspectState(deps({
    listFlows: () => Promise.reject(STOPPED),
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

const CFG = 'file:///w/apim-flows.json';
const POLICY = 'file:///w/apis/orders/policy.xml';
function decodedWith(checks: InspectedCheck[], extra: Partial<DecodedToken> = {}): DecodedToken {
  return { ...(DECODED as DecodedToken), flow: 'intake', verdict: 'rejected', checks, flowLocation: { uri: CFG, line: 4, character: 4 }, ...extra };
}

test('Token Inspector results: failures first as cards with the fix and a link; passed and skipped checks are one line each', () => {
  const caller: InspectedCheck = {
    id: 'caller', title: 'Caller is allowed', status: 'fail', outcome: 'the allowed list holds the client ID; the token\'s oid is the principal ID',
    expected: 'C', actual: 'O', fix: 'Replace the client ID C by the principal (object) ID O in the trigger\'s allowed users.', source: 'client-id', reference: 'r',
    platformError: { status: '401/403', code: 'MisMatchingOAuthClaims', message: 'One or more claims', confirmed: false },
    location: { uri: CFG, line: 9, character: 6, where: 'the trigger of intake' },
  };
  const audience: InspectedCheck = { id: 'audience', title: 'Audience is the Flow service', status: 'fail', expected: 'https://service.flow.microsoft.com/', actual: 'x', source: 'resource', reference: 'r', fix: 'Request the token for …' };
  const typ: InspectedCheck = { id: 'header-typ', title: 'Token type header', status: 'warn', heuristic: true, source: 'token', reference: 'r', detail: 'may not come from Entra' };
  const checks: InspectedCheck[] = [
    { id: 'scheme', title: 'Authorization scheme', status: 'pass', reference: 'r' },
    typ, caller, audience,
    { id: 'roles', title: 'Expected app roles', status: 'skip', detail: 'No app role is expected.', reference: 'r' },
    { id: 'result', title: 'Result', status: 'fail', reference: 'r' },
  ];
  const flow: FlowSummary = { ...FLOW, policies: [{ uri: POLICY, line: 11, verdict: 'rejected', title: '', label: 'Orders API › Get order' }] };
  const r = resultsOf(decodedWith(checks), flow);
  assert.deepEqual(r.cards.map(c => c.id), ['caller', 'audience', 'header-typ'], 'failures before warnings; the result row is the verdict');
  const [c, a, w] = r.cards;
  assert.equal(c.title, 'Caller is allowed');
  assert.equal(c.outcome, caller.outcome);
  assert.deepEqual([c.expected, c.actual], ['C', 'O']);
  assert.equal(c.platformError, '401/403 MisMatchingOAuthClaims: One or more claims (unconfirmed)');
  assert.deepEqual(c.link, { uri: CFG, line: 9, character: 6, label: 'apim-flows.json:10, the trigger of intake' });
  // what the policy decides (the resource) opens the policy that calls the flow
  assert.deepEqual(a.link, { uri: POLICY, line: 11, character: 0, label: 'policy.xml:12, the policy that calls intake' });
  assert.equal(w.outcome, 'may not come from Entra');
  assert.equal(w.link, undefined);
  assert.deepEqual(r.passed, ['Authorization scheme']);
  assert.deepEqual(r.skipped, [{ title: 'Expected app roles', why: 'No app role is expected.' }]);
  // no policy linked: the flow's entry
  assert.equal(resultsOf(decodedWith([audience]), FLOW).cards[0].link?.line, 4);
});

test('Token Inspector: with no flow chosen, a flow whose audience and tenant fit is chosen and said so; a chosen one is kept', async () => {
  const asked: Array<string | undefined> = [];
  const d = deps({ decode: async p => { asked.push(p.flow); return { ...(DECODED as DecodedToken), flow: p.flow, fittingFlows: ['intake'] }; } }, []);
  const guessed = await inspectState(d, 'a.b.c', undefined, true);
  assert.deepEqual(asked, [undefined, 'intake']);
  assert.equal(guessed.state.selectedFlow, 'intake');
  assert.equal(guessed.state.flowGuessed, true);
  asked.length = 0;
  const chosen = await inspectState(d, 'a.b.c', undefined, false);
  assert.deepEqual(asked, [undefined]);
  assert.equal(chosen.state.selectedFlow, undefined);
  assert.equal(chosen.state.flowGuessed, false);
});

test('Simulate Flow Trigger takes the given token, else a token selected in the editor, else the last one', () => {
  const selected = 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln';
  assert.equal(simulationToken('given', selected, 'last'), 'given');
  assert.equal(simulationToken(undefined, `Bearer ${selected}`, 'last'), `Bearer ${selected}`);
  assert.equal(simulationToken(undefined, 'some other text', 'last'), 'last');
  assert.equal(simulationToken(undefined, '', undefined), undefined);
});

test('Simulate Flow Trigger from the Flows view: the flow node names the flow', async () => {
  const [node] = await rootNodes(async () => [FLOW], () => undefined);
  assert.equal(flowNameOf(node), 'intake');
  assert.equal(flowNameOf('other'), 'other');
  assert.equal(flowNameOf({ kind: 'policy', link: {} }), undefined);
  assert.equal(flowNameOf(undefined), undefined);
});
